/**
 * When the reminders before a deadline are due (pure; no I/O). A reminder
 * "N days before" is due at the deadline's wall-clock time in the
 * consultation's time zone, N calendar days earlier: a deadline of
 * 28 October 17:00 in Zurich (after the end of summer time) is reminded on
 * 21 October at 17:00 Zurich time, which is an hour earlier in UTC. The
 * scheduler (app/models/reminder.server.ts) asks `dueReminder` at each tick;
 * docs/decisions/0019-reminders-evaluated-at-a-scheduler-tick.md says why.
 */
import { timeZoneOffsetMs } from "~/lib/dates";

const DAY_MS = 24 * 60 * 60 * 1000;

/** The most reminders a consultation may set, and the furthest one. */
export const MAX_REMINDERS = 5;
export const MAX_REMINDER_DAYS = 60;

/**
 * How late a due reminder may still go (a tick missed while no process ran):
 * later than this it would announce a deadline "in 7 days" that is nearer,
 * so the next reminder takes over instead.
 */
export const REMINDER_GRACE_MS = 6 * 60 * 60 * 1000;

export const DEFAULT_REMINDER_DAYS = "7,1";

/**
 * "7,1" as [7, 1] (furthest first, without repeats), or null when the value
 * is not a comma-separated list of 1 to MAX_REMINDERS whole days between 1
 * and MAX_REMINDER_DAYS. An empty value is no reminders ([]).
 */
export function parseReminderDays(value: string): number[] | null {
  const trimmed = value.trim();
  if (trimmed === "") return [];
  const parts = trimmed.split(",").map((part) => part.trim());
  if (parts.some((part) => !/^\d{1,3}$/.test(part))) return null;
  const days = [...new Set(parts.map(Number))].sort((a, b) => b - a);
  if (days.length > MAX_REMINDERS || days.some((day) => day < 1 || day > MAX_REMINDER_DAYS)) return null;
  return days;
}

/** The stored form of a valid list: "7,1". */
export function formatReminderDays(days: readonly number[]): string {
  return [...days].sort((a, b) => b - a).join(",");
}

/**
 * The instant `days` calendar days before `closesAt` at the same wall-clock
 * time in `timeZone`. A wall time that does not exist that day (skipped by
 * a spring-forward jump) resolves to the instant after the jump.
 */
export function reminderInstant(closesAt: Date, days: number, timeZone: string): Date {
  const wall = closesAt.getTime() + timeZoneOffsetMs(closesAt, timeZone) - days * DAY_MS;
  // The offsets in force a day either side: at most one change between them.
  const candidates = [...new Set([-DAY_MS, DAY_MS].map((shift) => timeZoneOffsetMs(new Date(wall + shift), timeZone)))]
    .map((offset) => wall - offset)
    .sort((a, b) => a - b);
  const exact = candidates.filter((instant) => instant + timeZoneOffsetMs(new Date(instant), timeZone) === wall);
  // An ambiguous wall time (the hour repeated in autumn) is its first occurrence; a skipped one, after the jump.
  return new Date(exact.length > 0 ? exact[0] : candidates[candidates.length - 1]);
}

export interface ReminderPeriod {
  opensAt: Date;
  closesAt: Date;
  timeZone: string;
  /** Parsed reminder days (parseReminderDays). */
  days: readonly number[];
}

export interface ScheduledReminder {
  days: number;
  dueAt: Date;
}

/** Every reminder of a period, earliest first: those due after the opening and before the deadline. */
export function reminderSchedule(period: ReminderPeriod): ScheduledReminder[] {
  return [...period.days]
    .sort((a, b) => b - a)
    .map((days) => ({ days, dueAt: reminderInstant(period.closesAt, days, period.timeZone) }))
    .filter(({ dueAt }) => dueAt >= period.opensAt && dueAt < period.closesAt);
}

/**
 * The reminder to send at `now`, or null: the latest one whose time has
 * come, if it came less than REMINDER_GRACE_MS ago, while the period is
 * open. Never one after the deadline, never an earlier one once a later is
 * due (a tick that comes late sends the 1-day reminder, not the 7-day one).
 */
export function dueReminder(period: ReminderPeriod, now: Date): ScheduledReminder | null {
  if (now < period.opensAt || now >= period.closesAt) return null;
  const due = reminderSchedule(period).filter(({ dueAt }) => dueAt <= now);
  const latest = due.at(-1);
  if (!latest || now.getTime() - latest.dueAt.getTime() > REMINDER_GRACE_MS) return null;
  return latest;
}

/**
 * The dedupe key of one reminder to one person: the version, the deadline
 * it announces and the number of days. A deadline moved later is a new
 * deadline with its own reminders; the same tick twice (or two instances)
 * queues one message.
 */
export function reminderDedupeKey(input: { versionId: string; closesAt: Date; days: number; userId: string }) {
  return `${reminderKeyPrefix(input.versionId)}${input.closesAt.getTime()}:${input.days}d:${input.userId}`;
}

/** What every reminder key of a version starts with (to cancel those not sent yet). */
export function reminderKeyPrefix(versionId: string) {
  return `reminder:${versionId}:`;
}

/** The deadline (ms) a reminder key announces, or null for another key. */
export function deadlineOfReminderKey(key: string): { versionId: string; closesAtMs: number } | null {
  const match = /^reminder:([^:]+):(\d+):\d+d:/.exec(key);
  return match ? { versionId: match[1], closesAtMs: Number(match[2]) } : null;
}
