/**
 * Lockout without denial of service (issue 12): guesses at one account from
 * many addresses slow that account's sign-ins down, never lock the owner
 * out; one client is still refused (429) per account and overall.
 */
import { beforeAll, describe, expect, it } from "vitest";

import { ensureReferenceData } from "~/models/bootstrap.server";
import { createUser } from "~/models/user.server";
import { signIn } from "~/utils/auth.server";
import { SIGN_IN_MAX_DELAY_MS } from "~/utils/rate-limit.server";

const PASSWORD = "marble otter lantern in july";

beforeAll(async () => {
  await ensureReferenceData();
  for (const email of ["owner@lockout.test", "pair@lockout.test", "other@lockout.test"]) {
    await createUser({ email, name: "Owner", password: PASSWORD, role: "observer", organizationId: null });
  }
});

function recorder() {
  const delays: number[] = [];
  const delay = (ms: number) => {
    delays.push(ms);
    return Promise.resolve();
  };
  return { delays, delay };
}

describe("sign-in lockout", () => {
  it("lets the owner in from a fresh address after 10 wrong passwords from each of 11 addresses", async () => {
    const { delays, delay } = recorder();
    for (let a = 1; a <= 11; a++) {
      for (let i = 1; i <= 10; i++) {
        const result = await signIn({
          email: "owner@lockout.test",
          password: `guess-${a}-${i}`,
          clientAddress: `198.18.1.${a}`,
          delay,
        });
        expect(result.ok).toBe(false);
      }
    }
    const owner = await signIn({
      email: "owner@lockout.test",
      password: PASSWORD,
      clientAddress: "192.0.2.200",
      delay,
    });
    expect(owner.ok).toBe(true);
    // The account is slowed down instead, with a cap.
    expect(delays.length).toBeGreaterThan(0);
    expect(Math.max(...delays)).toBe(SIGN_IN_MAX_DELAY_MS);
    expect(Math.max(...delays)).toBeLessThanOrEqual(3_000);
  });

  it("delays an unknown account exactly like a known one", async () => {
    const known = recorder();
    const unknown = recorder();
    for (let i = 1; i <= 6; i++) {
      await signIn({ email: "other@lockout.test", password: `x-${i}`, clientAddress: `198.18.2.${i}`, ...known });
      await signIn({ email: "nobody@lockout.test", password: `x-${i}`, clientAddress: `198.18.3.${i}`, ...unknown });
    }
    expect(unknown.delays).toEqual(known.delays);
    expect(known.delays.length).toBeGreaterThan(0);
  });

  it("refuses one client (429) after 5 failures at one account, even with the right password", async () => {
    const { delay } = recorder();
    for (let i = 1; i <= 5; i++) {
      const result = await signIn({
        email: "pair@lockout.test",
        password: `nope-${i}`,
        clientAddress: "203.0.113.50",
        delay,
      });
      expect(result).toEqual({ ok: false, reason: "invalid" });
    }
    const sixth = await signIn({
      email: "pair@lockout.test",
      password: PASSWORD,
      clientAddress: "203.0.113.50",
      delay,
    });
    expect(sixth).toMatchObject({ ok: false, reason: "rate_limited" });
    // Another account from the same client is not affected by that pair's limit.
    const other = await signIn({
      email: "other@lockout.test",
      password: PASSWORD,
      clientAddress: "203.0.113.50",
      delay,
    });
    expect(other.ok).toBe(true);
  });

  it("refuses one client (429) after 10 failures a minute over many accounts", async () => {
    const { delay } = recorder();
    for (let i = 1; i <= 10; i++) {
      await signIn({ email: `spray${i}@lockout.test`, password: "wrong", clientAddress: "203.0.113.60", delay });
    }
    const eleventh = await signIn({
      email: "spray11@lockout.test",
      password: "wrong",
      clientAddress: "203.0.113.60",
      delay,
    });
    expect(eleventh).toMatchObject({ ok: false, reason: "rate_limited" });
  });
});
