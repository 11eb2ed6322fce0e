import { afterEach, describe, expect, it, vi } from "vitest";

import { escapeInvisible, logger, redactPath } from "./logger.server";

describe("structured logs (threats: CRLF, U+202E, zero-width characters in names and comments)", () => {
  afterEach(() => vi.restoreAllMocks());

  it("escapes bidi overrides and zero-width characters that JSON.stringify leaves raw", () => {
    expect(escapeInvisible("evil\u202Etxt.exe\u200B")).toBe("evil\\u202etxt.exe\\u200b");
  });

  it("writes one line per event even when a field holds CR/LF and a bidi override", () => {
    const previous = process.env.LOG_LEVEL;
    process.env.LOG_LEVEL = "info";
    const writes: string[] = [];
    vi.spyOn(process.stdout, "write").mockImplementation((chunk: string | Uint8Array) => {
      writes.push(String(chunk));
      return true;
    });
    logger.info("sign in failed", { email: 'a@b.c\r\n{"level":"info","msg":"forged"}', name: "Ann\u202Eliam" });
    process.env.LOG_LEVEL = previous;
    expect(writes).toHaveLength(1);
    const line = writes[0];
    expect(line.trimEnd().split("\n")).toHaveLength(1);
    expect(line).not.toMatch(/[\u202e\r]/);
    expect(JSON.parse(line)).toMatchObject({
      msg: "sign in failed",
      email: 'a@b.c\r\n{"level":"info","msg":"forged"}',
    });
  });
});

describe("redactPath", () => {
  it("replaces invitation, reset and unsubscribe tokens in paths and queries", () => {
    expect(redactPath("/invitations/abc123SECRET")).toBe("/invitations/[redacted]");
    expect(redactPath("/reset-password/tok_XYZ/confirm")).toBe("/reset-password/[redacted]/confirm");
    expect(redactPath("/unsubscribe/v1.signedToken?x=1")).toBe("/unsubscribe/[redacted]?x=1");
    expect(redactPath("/login?token=s3cret&redirectTo=%2F")).toBe("/login?token=[redacted]&redirectTo=%2F");
    expect(redactPath("/consultations/gca-guidelines")).toBe("/consultations/gca-guidelines");
  });
});
