import { describe, expect, it } from "vitest";

import { classifyFailure, describeFailure, mailDomain, messageIdFor, retryDelayMs } from "./delivery";

describe("retryDelayMs", () => {
  it("doubles from 30 s up to an hour", () => {
    expect([1, 2, 3, 4].map((n) => retryDelayMs(n))).toEqual([30_000, 60_000, 120_000, 240_000]);
    expect(retryDelayMs(20)).toBe(3_600_000);
  });
  it("spreads retries by at most ±20 %", () => {
    expect(retryDelayMs(1, 0)).toBe(24_000);
    expect(retryDelayMs(1, 1)).toBe(36_000);
  });
});

describe("classifyFailure", () => {
  const smtp = (responseCode: number) => Object.assign(new Error("reply"), { responseCode });
  it("treats SMTP 5xx as permanent and 4xx as transient", () => {
    expect(classifyFailure(smtp(550))).toBe("permanent");
    expect(classifyFailure(smtp(554))).toBe("permanent");
    expect(classifyFailure(smtp(451))).toBe("transient");
    expect(classifyFailure(smtp(421))).toBe("transient");
  });
  it("retries network trouble and unknown errors, not a malformed envelope", () => {
    expect(classifyFailure(Object.assign(new Error("x"), { code: "ECONNREFUSED" }))).toBe("transient");
    expect(classifyFailure(Object.assign(new Error("x"), { code: "EENVELOPE" }))).toBe("permanent");
    expect(classifyFailure("something")).toBe("transient");
  });
});

describe("message identity", () => {
  it("takes the sender's domain for the Message-ID, the same on every attempt", () => {
    expect(mailDomain("Secretariat <noreply@ITU.example>")).toBe("itu.example");
    expect(mailDomain("noreply@consult.example.org")).toBe("consult.example.org");
    expect(mailDomain("no address")).toBe("localhost");
    expect(messageIdFor("c1", "x@itu.example")).toBe("<c1@itu.example>");
  });
  it("describes a failure with its SMTP code, never more than 500 characters", () => {
    expect(describeFailure(Object.assign(new Error("Mailbox unavailable"), { responseCode: 550 }))).toBe(
      "550 Mailbox unavailable",
    );
    expect(describeFailure(new Error("x".repeat(900)))).toHaveLength(500);
  });
});
