/**
 * The password policy (docs/decisions/0013-lockout-slow-down-and-password-policy.md):
 * at least 12 characters, at most 256, no composition rules; refused when
 * zxcvbn-ts scores it below 3 (of 4), when it is a common password of the
 * shipped list, when it contains the person's email local part or name,
 * or when it is the published demo password or made of the site's own words
 * and digits.
 *
 * Pure: no I/O. The dictionaries are large, so the estimator is built once,
 * on first use, and reused (module-level).
 */
import { ZxcvbnFactory, type ZxcvbnResult } from "@zxcvbn-ts/core";
import * as zxcvbnCommon from "@zxcvbn-ts/language-common";
import * as zxcvbnEn from "@zxcvbn-ts/language-en";

import type { MessageKey } from "~/lib/translate";

export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 256;
/** zxcvbn's score: 0 (too guessable) … 4 (very unguessable); 3 is "safely unguessable" (~10^10 guesses). */
export const PASSWORD_MIN_SCORE = 3;

/** Words anyone would try first against this site: its name, and what the demo uses. */
const SITE_WORDS = ["consult", "consultation", "consultations", "platform", "demo", "password", "secretariat"];
/**
 * Passwords printed in this repository (the seed's demo password, README examples):
 * as good as breached whatever a strength estimator says.
 */
const PUBLISHED_PASSWORDS = new Set(["consult-demo-2026"]);

/** Why a password is refused. */
export type PasswordProblem = "too_short" | "too_long" | "common" | "published" | "personal" | "weak";

/** The warnings zxcvbn-ts gives (its keys, untranslated), each mapped to one of ours. */
const WARNING_KEYS = {
  straightRow: "account.passwordPolicy.warnings.keyboard",
  keyPattern: "account.passwordPolicy.warnings.keyboard",
  simpleRepeat: "account.passwordPolicy.warnings.repeat",
  extendedRepeat: "account.passwordPolicy.warnings.repeat",
  sequences: "account.passwordPolicy.warnings.sequence",
  recentYears: "account.passwordPolicy.warnings.dates",
  dates: "account.passwordPolicy.warnings.dates",
  topTen: "account.passwordPolicy.warnings.common",
  topHundred: "account.passwordPolicy.warnings.common",
  common: "account.passwordPolicy.warnings.common",
  similarToCommon: "account.passwordPolicy.warnings.similarToCommon",
  wordByItself: "account.passwordPolicy.warnings.words",
  namesByThemselves: "account.passwordPolicy.warnings.names",
  commonNames: "account.passwordPolicy.warnings.names",
  userInputs: "account.passwordPolicy.warnings.personal",
  pwned: "account.passwordPolicy.warnings.common",
} as const satisfies Record<string, MessageKey>;

/** The outcome of checking a password. */
export type PasswordCheck =
  | { ok: true; score: number }
  | {
      ok: false;
      problem: PasswordProblem;
      /** i18n keys for the form: the reason first, then zxcvbn's warning (mapped) and a suggestion. */
      messages: MessageKey[];
    };

/** Who the password is for: parts of it must not appear in the password. */
export interface PasswordOwner {
  email?: string | null;
  name?: string | null;
}

let estimator: ZxcvbnFactory | undefined;
function getEstimator() {
  estimator ??= new ZxcvbnFactory({
    dictionary: { ...zxcvbnCommon.dictionary, ...zxcvbnEn.dictionary },
    graphs: zxcvbnCommon.adjacencyGraphs,
  });
  return estimator;
}

/** The pieces of the owner's identity to look for (lowercase, at least 3 characters; name words at least 4). */
export function personalTokens({ email, name }: PasswordOwner): string[] {
  const tokens = new Set<string>();
  const local = (email ?? "").split("@")[0]?.trim().toLowerCase() ?? "";
  if (local.length >= 3) tokens.add(local);
  for (const part of local.split(/[^\p{L}\p{N}]+/u)) if (part.length >= 4) tokens.add(part);
  const fullName = (name ?? "").trim().toLowerCase();
  if (fullName.replace(/\s+/g, "").length >= 3) tokens.add(fullName.replace(/\s+/g, ""));
  for (const part of fullName.split(/[^\p{L}\p{N}]+/u)) if (part.length >= 4) tokens.add(part);
  return [...tokens];
}

/** Whether it holds a site word and nothing but the site's own words, digits, separators and spaces is left. */
function isOnlySiteWords(password: string) {
  const lower = password.toLowerCase();
  let rest = lower;
  for (const word of [...SITE_WORDS].sort((a, b) => b.length - a.length)) rest = rest.split(word).join("");
  return rest !== lower && rest.replace(/[\p{N}\p{P}\p{S}\s]/gu, "").length < 4;
}

function isWholeCommonPassword(result: ZxcvbnResult, password: string) {
  return result.sequence.some(
    (match) =>
      match.pattern === "dictionary" &&
      String(match.dictionaryName ?? "").startsWith("passwords") &&
      match.i === 0 &&
      match.j === password.length - 1,
  );
}

function refused(problem: PasswordProblem, reason: MessageKey, result?: ZxcvbnResult): PasswordCheck {
  const messages: MessageKey[] = [reason];
  const warning = result?.feedback.warning;
  if (warning && warning in WARNING_KEYS) {
    const key = WARNING_KEYS[warning as keyof typeof WARNING_KEYS];
    if (!messages.includes(key)) messages.push(key);
  }
  messages.push("account.passwordPolicy.suggestion");
  return { ok: false, problem, messages };
}

/**
 * Checks a new password against the policy. Length is counted in code
 * points (an emoji is one character), and nothing is trimmed: spaces count,
 * but twelve spaces are refused as too guessable.
 */
export function checkPassword(password: string, owner: PasswordOwner = {}): PasswordCheck {
  const length = [...password].length;
  if (length < PASSWORD_MIN_LENGTH) return refused("too_short", "auth.validation.passwordTooShort");
  if (length > PASSWORD_MAX_LENGTH)
    return { ok: false, problem: "too_long", messages: ["auth.validation.passwordTooLong"] };

  const lower = password.toLowerCase();
  if (PUBLISHED_PASSWORDS.has(lower) || isOnlySiteWords(password)) {
    return refused("published", "account.passwordPolicy.published");
  }
  const personal = personalTokens(owner);
  if (personal.some((token) => lower.includes(token))) return refused("personal", "account.passwordPolicy.personal");

  const result = getEstimator().check(password, [...personal, ...SITE_WORDS]);
  if (isWholeCommonPassword(result, password)) return refused("common", "account.passwordPolicy.common", result);
  if (result.score < PASSWORD_MIN_SCORE) return refused("weak", "account.passwordPolicy.weak", result);
  return { ok: true, score: result.score };
}
