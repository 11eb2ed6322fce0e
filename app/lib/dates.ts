/**
 * Formats an instant for people in the consultation's announced time zone,
 * always naming the zone: deadlines are legal facts, and a delegate in
 * another zone must not have to guess.
 */
export function formatInstant(instant: Date | string, timeZone: string, locale = "en"): string {
  const date = typeof instant === "string" ? new Date(instant) : instant;
  const text = formatter(locale, { dateStyle: "long", timeStyle: "short", timeZone, hourCycle: "h23" }).format(date);
  const zoneName = formatter(locale, { timeZone, timeZoneName: "short" })
    .formatToParts(date)
    .find((part) => part.type === "timeZoneName")?.value;
  return zoneName ? `${text} ${zoneName}` : text;
}

// Building an Intl.DateTimeFormat costs far more than using one.
const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(locale: string, options: Intl.DateTimeFormatOptions) {
  const key = `${locale}|${JSON.stringify(options)}`;
  let cached = formatters.get(key);
  if (!cached) {
    cached = new Intl.DateTimeFormat(locale, options);
    formatters.set(key, cached);
  }
  return cached;
}

/** A calendar date without time, e.g. "5 May 2020", in the given zone. */
export function formatDay(instant: Date | string, timeZone: string, locale = "en"): string {
  const date = typeof instant === "string" ? new Date(instant) : instant;
  return formatter(locale, { dateStyle: "long", timeZone }).format(date);
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

/** Offset of `timeZone` from UTC at `instant`, in milliseconds (east positive). */
export function timeZoneOffsetMs(instant: Date, timeZone: string): number {
  const parts = formatter("en-US", {
    timeZone,
    hourCycle: "h23",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
  }).formatToParts(instant);
  const get = (type: string) => Number(parts.find((part) => part.type === type)?.value);
  const asUtc = Date.UTC(get("year"), get("month") - 1, get("day"), get("hour"), get("minute"), get("second"));
  return asUtc - Math.floor(instant.getTime() / 1000) * 1000;
}

/**
 * The instant at which the wall clock in `timeZone` reads `local`
 * ("2026-12-01T17:00", as a datetime-local input sends it). The secretariat
 * announces deadlines in the consultation's zone, whatever the server's zone.
 * A wall time skipped by a DST jump resolves to the instant after the jump.
 */
export function zonedLocalToUtc(local: string, timeZone: string): Date {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(local);
  if (!match) throw new RangeError(`Not a local date-time: "${local}"`);
  const [, y, mo, d, h, mi, s] = match.map(Number) as [number, number, number, number, number, number, number];
  const wall = Date.UTC(y, mo - 1, d, h, mi, Number.isNaN(s) ? 0 : s);
  let instant = wall - timeZoneOffsetMs(new Date(wall), timeZone);
  // Near a DST change the offset at the first guess may be the other one.
  instant = wall - timeZoneOffsetMs(new Date(instant), timeZone);
  return new Date(instant);
}

/** The `datetime-local` value showing `instant` on the wall clock of `timeZone`. */
export function utcToZonedLocal(instant: Date | string, timeZone: string): string {
  const date = typeof instant === "string" ? new Date(instant) : instant;
  const shifted = new Date(date.getTime() + timeZoneOffsetMs(date, timeZone));
  return shifted.toISOString().slice(0, 16);
}

/** Whether `timeZone` is an IANA zone this runtime knows. */
export function isValidTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat("en", { timeZone });
    return true;
  } catch {
    return false;
  }
}

// Numbers: one Intl.NumberFormat per locale.
const numberFormats = new Map<string, Intl.NumberFormat>();

/** A count as the reader's locale writes it ("12,345", "12 345", "١٢٬٣٤٥"). */
export function formatCount(count: number, locale = "en"): string {
  let format = numberFormats.get(locale);
  if (!format) {
    format = new Intl.NumberFormat(locale);
    numberFormats.set(locale, format);
  }
  return format.format(count);
}
