/**
 * Formats an instant for people in the consultation's announced time zone,
 * always naming the zone: deadlines are legal facts, and a delegate in
 * another zone must not have to guess.
 */
export function formatInstant(instant: Date | string, timeZone: string, locale = "en"): string {
  const date = typeof instant === "string" ? new Date(instant) : instant;
  const text = new Intl.DateTimeFormat(locale, {
    dateStyle: "long",
    timeStyle: "short",
    timeZone,
    hour12: false,
  }).format(date);
  const zoneName = new Intl.DateTimeFormat(locale, { timeZone, timeZoneName: "short" })
    .formatToParts(date)
    .find((part) => part.type === "timeZoneName")?.value;
  return zoneName ? `${text} ${zoneName}` : text;
}

/** A calendar date without time, e.g. "5 May 2020", in the given zone. */
export function formatDay(instant: Date | string, timeZone: string, locale = "en"): string {
  const date = typeof instant === "string" ? new Date(instant) : instant;
  return new Intl.DateTimeFormat(locale, { dateStyle: "long", timeZone }).format(date);
}

/** Where a comment period stands at `now`. */
export type PeriodState = "none" | "upcoming" | "open" | "closed";

export function commentPeriodState(
  period: { opensAt: Date | string | null; closesAt: Date | string | null },
  now: Date = new Date(),
): PeriodState {
  if (!period.opensAt || !period.closesAt) return "none";
  const opens = new Date(period.opensAt).getTime();
  const closes = new Date(period.closesAt).getTime();
  if (now.getTime() < opens) return "upcoming";
  if (now.getTime() >= closes) return "closed";
  return "open";
}

/** Whole days, hours and minutes until `target`; zeros once it has passed. */
export function timeUntil(target: Date | string, now: Date = new Date()) {
  const ms = Math.max(0, new Date(target).getTime() - now.getTime());
  const minutes = Math.floor(ms / 60_000);
  return { days: Math.floor(minutes / 1440), hours: Math.floor((minutes % 1440) / 60), minutes: minutes % 60 };
}
