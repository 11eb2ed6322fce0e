import { describe, expect, it } from "vitest";

import { checkPassword, personalTokens } from "~/lib/security/password-policy";

/** prisma/seed.ts DEMO_PASSWORD's default: printed in the README and the seed's output. */
const SEED_DEMO_PASSWORD = "consult-demo-2026";

describe("checkPassword", () => {
  it.each([
    ["aaaaaaaaaaaa", "weak"],
    ["123456789012", "common"],
    ["            ", "weak"],
    [SEED_DEMO_PASSWORD, "published"],
    ["password1234", "published"],
    ["iloveyou1234", "weak"],
    ["short pass", "too_short"],
  ])("refuses %j (%s)", (password, problem) => {
    const result = checkPassword(password);
    expect(result).toMatchObject({ ok: false, problem });
    if (!result.ok) expect(result.messages.at(-1)).toMatch(/^(account\.passwordPolicy\.suggestion|auth\.validation)/);
  });

  it("maps zxcvbn's English warning to one of our keys", () => {
    expect(checkPassword("aaaaaaaaaaaa")).toEqual({
      ok: false,
      problem: "weak",
      messages: [
        "account.passwordPolicy.weak",
        "account.passwordPolicy.warnings.repeat",
        "account.passwordPolicy.suggestion",
      ],
    });
  });

  it("accepts a passphrase of unrelated words, spaces included, with no composition rules", () => {
    expect(checkPassword("purple elephant dances quietly")).toMatchObject({ ok: true });
    expect(checkPassword("marble otter lantern in july")).toMatchObject({ ok: true });
  });

  it("refuses a password containing the email's local part or a part of the name", () => {
    const owner = { email: "dario.delegate@example.test", name: "Dario Delegate" };
    expect(checkPassword("dario.delegate-rules-the-world", owner)).toMatchObject({ ok: false, problem: "personal" });
    expect(checkPassword("quiet DELEGATE walks far away", owner)).toMatchObject({ ok: false, problem: "personal" });
    expect(checkPassword("purple elephant dances quietly", owner)).toMatchObject({ ok: true });
  });

  it("refuses more than 256 characters", () => {
    expect(checkPassword("x".repeat(257))).toMatchObject({ ok: false, problem: "too_long" });
  });

  it("counts characters, not UTF-16 units", () => {
    expect(checkPassword("🦊🦊🦊🦊🦊🦊")).toMatchObject({ ok: false, problem: "too_short" });
  });
});

describe("personalTokens", () => {
  it("takes the local part, its pieces and the name's longer words", () => {
    expect(personalTokens({ email: "Ann.Li@example.test", name: "Ann Li" })).toEqual(["ann.li", "annli"]);
    expect(personalTokens({ email: "dario.delegate@x.test", name: "Dario Delegate" })).toEqual([
      "dario.delegate",
      "dario",
      "delegate",
      "dariodelegate",
    ]);
  });
});
