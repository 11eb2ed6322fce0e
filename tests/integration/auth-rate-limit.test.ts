/**
 * The database rate limiter (RateLimitBucket): fixed windows, no lost
 * increments under concurrency, refunds.
 */
import { describe, expect, it } from "vitest";

import { isUniqueViolation, prisma } from "~/utils/db.server";
import { consumeRateLimit, deleteElapsedRateLimitBuckets, refundRateLimit } from "~/utils/rate-limit.server";

const WINDOW = 60_000;

describe("consumeRateLimit", () => {
  it("allows `limit` hits in a window, then refuses with the seconds left", async () => {
    const now = new Date("2026-03-01T10:00:00Z");
    const results = [];
    for (let i = 0; i < 4; i++) {
      results.push(
        await consumeRateLimit({
          key: "t:sequential",
          limit: 3,
          windowMs: WINDOW,
          now: new Date(now.getTime() + i * 1000),
        }),
      );
    }
    expect(results).toEqual([
      { ok: true, remaining: 2, retryAfterSeconds: 0 },
      { ok: true, remaining: 1, retryAfterSeconds: 0 },
      { ok: true, remaining: 0, retryAfterSeconds: 0 },
      { ok: false, remaining: 0, retryAfterSeconds: 57 },
    ]);
  });

  it("starts a new window once the old one has passed", async () => {
    const start = new Date("2026-03-01T11:00:00Z");
    for (let i = 0; i < 3; i++) await consumeRateLimit({ key: "t:window", limit: 2, windowMs: WINDOW, now: start });
    const late = await consumeRateLimit({
      key: "t:window",
      limit: 2,
      windowMs: WINDOW,
      now: new Date(start.getTime() + WINDOW),
    });
    expect(late).toEqual({ ok: true, remaining: 1, retryAfterSeconds: 0 });
    const bucket = await prisma.rateLimitBucket.findUniqueOrThrow({ where: { key: "t:window" } });
    expect(bucket).toEqual({ key: "t:window", count: 1, resetAt: new Date(start.getTime() + 2 * WINDOW) });
  });

  it("loses no increment when 40 requests hit a new key at once", async () => {
    const now = new Date();
    const results = await Promise.all(
      Array.from({ length: 40 }, () => consumeRateLimit({ key: "t:parallel", limit: 10, windowMs: WINDOW, now })),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(10);
    expect((await prisma.rateLimitBucket.findUniqueOrThrow({ where: { key: "t:parallel" } })).count).toBe(40);
  });

  it("gives a unit back on refund, never below zero, and not to an elapsed window", async () => {
    const now = new Date();
    await consumeRateLimit({ key: "t:refund", limit: 1, windowMs: WINDOW, now });
    await refundRateLimit({ key: "t:refund", now });
    await refundRateLimit({ key: "t:refund", now });
    expect((await prisma.rateLimitBucket.findUniqueOrThrow({ where: { key: "t:refund" } })).count).toBe(0);
    expect((await consumeRateLimit({ key: "t:refund", limit: 1, windowMs: WINDOW, now })).ok).toBe(true);
    await refundRateLimit({ key: "t:refund", now: new Date(now.getTime() + WINDOW) });
    expect((await prisma.rateLimitBucket.findUniqueOrThrow({ where: { key: "t:refund" } })).count).toBe(1);
  });

  it("housekeeping removes only elapsed buckets", async () => {
    const now = new Date("2030-01-01T00:00:00Z");
    await consumeRateLimit({ key: "t:old", limit: 1, windowMs: WINDOW, now: new Date(now.getTime() - WINDOW) });
    await consumeRateLimit({ key: "t:fresh", limit: 1, windowMs: WINDOW, now });
    await deleteElapsedRateLimitBuckets({ now });
    expect(await prisma.rateLimitBucket.findUnique({ where: { key: "t:fresh" } })).not.toBeNull();
    expect(await prisma.rateLimitBucket.findUnique({ where: { key: "t:old" } })).toBeNull();
  });
});

describe("isUniqueViolation", () => {
  it("recognizes this database's duplicate insert, which the limiter retries after a lost race", async () => {
    const resetAt = new Date(Date.now() + WINDOW);
    await prisma.rateLimitBucket.create({ data: { key: "t:unique", count: 1, resetAt }, select: { key: true } });
    const duplicate = await prisma.rateLimitBucket
      .create({ data: { key: "t:unique", count: 1, resetAt }, select: { key: true } })
      .catch((error: unknown) => error);
    expect(duplicate).toBeInstanceOf(Error);
    expect(isUniqueViolation(duplicate)).toBe(true);
    const missing = await prisma.rateLimitBucket
      .update({ where: { key: "t:no-such-key" }, data: { count: 2 } })
      .catch((error: unknown) => error);
    expect(isUniqueViolation(missing)).toBe(false);
  });
});
