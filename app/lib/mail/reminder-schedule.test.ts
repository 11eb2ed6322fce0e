import { describe, expect, it } from "vitest";

import {
  deadlineOfReminderKey,
  dueReminder,
  formatReminderDays,
  parseReminderDays,
  REMINDER_GRACE_MS,
  reminderDedupeKey,
  reminderInstant,
  reminderSchedule,
} from "./reminder-schedule";

const HOUR_MS = 60 * 60 * 1000;

describe("parseReminderDays", () => {
  it("reads a comma-separated list, furthest first, without repeats", () => {
    expect(parseReminderDays("7,1")).toEqual([7, 1]);
    expect(parseReminderDays(" 1, 7 ,3,7 ")).toEqual([7, 3, 1]);
    expect(parseReminderDays("")).toEqual([]);
    expect(formatReminderDays([1, 14, 3])).toBe("14,3,1");
  });

  it("refuses anything else", () => {
    for (const value of ["0", "61", "7,,1", "7;1", "-1", "1.5", "a", "1,2,3,4,5,6", "1e1"]) {
      expect(parseReminderDays(value), value).toBeNull();
    }
  });
});

describe("reminderInstant", () => {
  it("keeps the deadline's wall-clock time across the end of summer time (Europe/Zurich)", () => {
    // 28 October 2026 17:00 CET (UTC+1); summer time ended on 25 October.
    const closesAt = new Date("2026-10-28T16:00:00Z");
    // 21 October 17:00 CEST (UTC+2): 15:00 UTC, not 16:00.
    expect(reminderInstant(closesAt, 7, "Europe/Zurich").toISOString()).toBe("2026-10-21T15:00:00.000Z");
    expect(reminderInstant(closesAt, 1, "Europe/Zurich").toISOString()).toBe("2026-10-27T16:00:00.000Z");
    // In UTC it is plain arithmetic.
    expect(reminderInstant(closesAt, 7, "UTC").toISOString()).toBe("2026-10-21T16:00:00.000Z");
  });

  it("keeps it across the start of summer time (America/New_York), and resolves a skipped wall time", () => {
    // 12 March 2026 09:30 EDT (UTC-4); summer time started on 8 March.
    const closesAt = new Date("2026-03-12T13:30:00Z");
    expect(reminderInstant(closesAt, 7, "America/New_York").toISOString()).toBe("2026-03-05T14:30:00.000Z");
    // 9 March 02:30 EDT; 8 March 02:30 does not exist and becomes 03:30 EDT.
    const early = new Date("2026-03-09T06:30:00Z");
    expect(reminderInstant(early, 1, "America/New_York").toISOString()).toBe("2026-03-08T07:30:00.000Z");
  });

  it("keeps the seconds of the deadline", () => {
    expect(reminderInstant(new Date("2026-06-10T10:00:30.500Z"), 1, "Asia/Tokyo").toISOString()).toBe(
      "2026-06-09T10:00:30.500Z",
    );
  });
});

describe("the schedule and the reminder due", () => {
  const period = {
    opensAt: new Date("2026-10-01T08:00:00Z"),
    closesAt: new Date("2026-10-28T16:00:00Z"),
    timeZone: "Europe/Zurich",
    days: [7, 1],
  };
  const sevenDays = new Date("2026-10-21T15:00:00Z");
  const oneDay = new Date("2026-10-27T16:00:00Z");

  it("lists the reminders after the opening and before the deadline", () => {
    expect(reminderSchedule(period)).toEqual([
      { days: 7, dueAt: sevenDays },
      { days: 1, dueAt: oneDay },
    ]);
    // Opened five days before the deadline: no 7-day reminder.
    expect(reminderSchedule({ ...period, opensAt: new Date("2026-10-23T08:00:00Z") })).toEqual([
      { days: 1, dueAt: oneDay },
    ]);
    expect(reminderSchedule({ ...period, days: [] })).toEqual([]);
  });

  it("is due from its time, for the grace period, and the latest due wins", () => {
    expect(dueReminder(period, new Date(sevenDays.getTime() - 1))).toBeNull();
    expect(dueReminder(period, sevenDays)).toEqual({ days: 7, dueAt: sevenDays });
    expect(dueReminder(period, new Date(sevenDays.getTime() + REMINDER_GRACE_MS))).toEqual({
      days: 7,
      dueAt: sevenDays,
    });
    expect(dueReminder(period, new Date(sevenDays.getTime() + REMINDER_GRACE_MS + 1))).toBeNull();
    expect(dueReminder(period, new Date(oneDay.getTime() + HOUR_MS))).toEqual({ days: 1, dueAt: oneDay });
  });

  it("is never due after the deadline, nor before the opening", () => {
    const lastMinute = { ...period, days: [1], closesAt: new Date(oneDay.getTime() + 24 * HOUR_MS) };
    expect(dueReminder(lastMinute, lastMinute.closesAt)).toBeNull();
    expect(dueReminder({ ...period, closesAt: new Date(oneDay.getTime() + HOUR_MS) }, oneDay)).toBeNull();
    expect(dueReminder({ ...period, opensAt: new Date(sevenDays.getTime() + 1) }, sevenDays)).toBeNull();
  });

  it("keys a reminder by version, deadline, days and person", () => {
    const key = reminderDedupeKey({ versionId: "v1", closesAt: period.closesAt, days: 7, userId: "u1" });
    expect(key).toBe(`reminder:v1:${period.closesAt.getTime()}:7d:u1`);
    expect(deadlineOfReminderKey(key)).toEqual({ versionId: "v1", closesAtMs: period.closesAt.getTime() });
    expect(deadlineOfReminderKey("receipt:abc:def")).toBeNull();
  });
});
