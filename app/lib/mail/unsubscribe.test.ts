import crypto from "node:crypto";

import { describe, expect, it } from "vitest";

import {
  isUnsubscribePost,
  signUnsubscribeToken,
  unsubscribePath,
  verifyUnsubscribeToken,
} from "~/lib/mail/unsubscribe";

const key = new Uint8Array(32).fill(7);
const otherKey = new Uint8Array(32).fill(8);
const claim = { userId: "cm1user0000000000000000", scope: "reminder" } as const;

describe("unsubscribe tokens", () => {
  it("round-trips the user and the scope, and only under the key that signed them", () => {
    const token = signUnsubscribeToken(key, claim);
    expect(token).toMatch(/^cm1user0000000000000000\.reminder\.[A-Za-z0-9_-]{43}$/);
    expect(verifyUnsubscribeToken(key, token)).toEqual(claim);
    expect(verifyUnsubscribeToken(otherKey, token)).toBeNull();
    expect(signUnsubscribeToken(key, { ...claim, scope: "digest" })).not.toBe(token);
  });

  it("refuses a token whose user, scope or signature was changed, or that is malformed", () => {
    const token = signUnsubscribeToken(key, claim);
    const [, , signature] = token.split(".");
    const flipped = signature.slice(0, -2) + (signature.at(-2) === "A" ? "B" : "A") + signature.at(-1);
    for (const forged of [
      `someoneelse.reminder.${signature}`,
      `${claim.userId}.version_published.${signature}`,
      `${claim.userId}.reminder.${flipped}`,
      `${claim.userId}.reminder.${signature}.extra`,
      `${claim.userId}.reminder`,
      `${claim.userId}.invitation.${signature}`,
      `${claim.userId}.reminder.${signature.slice(1)}`,
      "",
      "x".repeat(500),
    ]) {
      expect(verifyUnsubscribeToken(key, forged), forged).toBeNull();
    }
  });

  it("is not an HMAC anyone can compute without the key (the plain SHA-256 of the claim is refused)", () => {
    const guess = crypto.createHash("sha256").update(`${claim.userId}\n${claim.scope}`).digest("base64url");
    expect(verifyUnsubscribeToken(key, `${claim.userId}.${claim.scope}.${guess}`)).toBeNull();
  });

  it("refuses to sign a scope that takes no preference or a user id a path cannot carry", () => {
    expect(() => signUnsubscribeToken(key, { userId: "a/b", scope: "reminder" })).toThrow();
    expect(() => signUnsubscribeToken(key, { userId: "u", scope: "invitation" as never })).toThrow();
  });
});

describe("isUnsubscribePost", () => {
  it("names POSTs to one unsubscribe page only", () => {
    const path = unsubscribePath("u.reminder.sig");
    expect(path).toBe("/unsubscribe/u.reminder.sig");
    expect(isUnsubscribePost("POST", path)).toBe(true);
    expect(isUnsubscribePost("post", `${path}/`)).toBe(true);
    expect(isUnsubscribePost("DELETE", path)).toBe(false);
    expect(isUnsubscribePost("POST", "/unsubscribe/")).toBe(false);
    expect(isUnsubscribePost("POST", `${path}/more`)).toBe(false);
    expect(isUnsubscribePost("POST", `/account${path}`)).toBe(false);
    expect(isUnsubscribePost("POST", "/account/notifications")).toBe(false);
  });
});
