import { describe, expect, it } from "vitest";

import {
  commentPeriodState,
  formatCount,
  formatDay,
  formatInstant,
  isValidTimeZone,
  timeUntil,
  utcToZonedLocal,
  zonedLocalToUtc,
} from "./dates";

describe("formatInstant", () => {
  it("shows the instant in the consultation's zone and names the zone", () => {
    // 21:59 UTC on 30 June is 23:59 summer time in Geneva.
    expect(formatInstant("2026-06-30T21:59:00Z", "Europe/Zurich")).toBe("June 30, 2026 at 23:59 GMT+2");
    expect(formatInstant("2026-06-30T21:59:00Z", "UTC")).toBe("June 30, 2026 at 21:59 UTC");
  });
  it("writes the half hour after midnight as 00:30, never 24:30", () => {
    expect(formatInstant("2026-12-01T23:30:00Z", "UTC")).toBe("December 1, 2026 at 23:30 UTC");
    expect(formatInstant("2026-12-02T00:30:00Z", "UTC")).toBe("December 2, 2026 at 00:30 UTC");
  });
  it("formats a day in the zone, not in the server's zone", () => {
    expect(formatDay("2020-05-04T23:30:00Z", "Asia/Tokyo")).toBe("May 5, 2020");
  });
});

describe("commentPeriodState", () => {
  const period = { opensAt: "2026-01-01T00:00:00Z", closesAt: "2026-02-01T00:00:00Z" };
  it("is upcoming, open, then closed exactly at the deadline", () => {
    expect(commentPeriodState(period, new Date("2025-12-31T23:59:59Z"))).toBe("upcoming");
    expect(commentPeriodState(period, new Date("2026-01-15T00:00:00Z"))).toBe("open");
    expect(commentPeriodState(period, new Date("2026-01-31T23:59:59.999Z"))).toBe("open");
    expect(commentPeriodState(period, new Date("2026-02-01T00:00:00Z"))).toBe("closed");
  });
  it("is none without both dates", () => {
    expect(commentPeriodState({ opensAt: null, closesAt: "2026-02-01T00:00:00Z" })).toBe("none");
  });
});

describe("timeUntil", () => {
  it("splits the remaining time and never goes negative", () => {
    const now = new Date("2026-01-01T00:00:00Z");
    expect(timeUntil("2026-01-03T05:07:00Z", now)).toEqual({ days: 2, hours: 5, minutes: 7 });
    expect(timeUntil("2025-12-31T00:00:00Z", now)).toEqual({ days: 0, hours: 0, minutes: 0 });
  });
});

describe("zonedLocalToUtc / utcToZonedLocal", () => {
  it("reads a wall-clock time in the consultation's zone, summer and winter", () => {
    expect(zonedLocalToUtc("2026-06-30T23:59", "Europe/Zurich").toISOString()).toBe("2026-06-30T21:59:00.000Z");
    expect(zonedLocalToUtc("2026-12-01T17:00", "Europe/Zurich").toISOString()).toBe("2026-12-01T16:00:00.000Z");
    expect(zonedLocalToUtc("2026-12-01T17:00", "America/New_York").toISOString()).toBe("2026-12-01T22:00:00.000Z");
    expect(zonedLocalToUtc("2026-12-01T17:00", "UTC").toISOString()).toBe("2026-12-01T17:00:00.000Z");
  });
  it("resolves a time skipped by the spring DST jump to after the jump", () => {
    // 02:30 does not exist in Zurich on 29 March 2026 (02:00 → 03:00).
    expect(zonedLocalToUtc("2026-03-29T02:30", "Europe/Zurich").toISOString()).toBe("2026-03-29T01:30:00.000Z");
  });
  it("round-trips through the datetime-local value", () => {
    const instant = new Date("2026-10-25T00:30:00Z");
    expect(utcToZonedLocal(instant, "Europe/Zurich")).toBe("2026-10-25T02:30");
    expect(zonedLocalToUtc(utcToZonedLocal(instant, "Asia/Kolkata"), "Asia/Kolkata").toISOString()).toBe(
      instant.toISOString(),
    );
  });
  it("rejects malformed input and unknown zones", () => {
    expect(() => zonedLocalToUtc("1 Dec 2026", "UTC")).toThrow(RangeError);
    expect(isValidTimeZone("Europe/Zurich")).toBe(true);
    expect(isValidTimeZone("Mars/Olympus")).toBe(false);
  });
});

describe("dates and numbers in the reader's language", () => {
  const closes = new Date("2026-12-01T16:00:00Z");

  it("writes the instant in the reader's locale, in the consultation's zone, naming the zone", () => {
    expect(formatInstant(closes, "Europe/Zurich", "en")).toMatch(/^December 1, 2026 at 17:00 GMT\+1$/);
    const french = formatInstant(closes, "Europe/Zurich", "fr");
    expect(french).toMatch(/^1 décembre 2026/);
    expect(french).toMatch(/17:00/);
    expect(french).toMatch(/UTC\+1$/);
    const russian = formatInstant(closes, "Europe/Zurich", "ru");
    expect(russian).toMatch(/декабря 2026/);
    const chinese = formatInstant(closes, "Asia/Shanghai", "zh");
    expect(chinese).toMatch(/^2026年12月2日/);
    expect(chinese).toMatch(/00:00/);
    const arabic = formatInstant(closes, "Europe/Zurich", "ar");
    expect(arabic).toMatch(/ديسمبر/);
  });

  it("writes counts with the locale's digits and separators", () => {
    expect(formatCount(12345, "en")).toBe("12,345");
    expect(formatCount(12345, "fr")).toMatch(/^12\s345$/u);
    expect(formatCount(12345, "es")).toBe("12.345");
  });
});
