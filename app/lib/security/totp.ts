/**
 * The second factor's pure parts (docs/decisions/0014-totp-second-factor.md):
 * RFC 6238 time steps and codes (@oslojs/otp), recovery code shapes, and which
 * accounts must have one and where a half-signed-in session may go. No
 * database, no clock of its own: the caller passes `now`.
 */
import { generateHOTP } from "@oslojs/otp";

export const TOTP_PERIOD_SECONDS = 30;
export const TOTP_DIGITS = 6;
/** Codes of the previous and the next step are accepted too (clock drift of up to 30 s). */
export const TOTP_WINDOW_STEPS = 1;
export const TOTP_ISSUER = "Consultation platform";
export const RECOVERY_CODE_COUNT = 10;

/** Roles that cannot use the app until a second factor is set up. */
export const TWO_FACTOR_REQUIRED_ROLES: readonly string[] = ["secretariat"];

export const TWO_FACTOR_LOGIN_PATH = "/login/two-factor";
export const TWO_FACTOR_ENROL_PATH = "/account/two-factor";

export function isTwoFactorRequired(role: string) {
  return TWO_FACTOR_REQUIRED_ROLES.includes(role);
}

/** The RFC 6238 time step (counter) of `now`. */
export function totpStep(now: Date) {
  return Math.floor(now.getTime() / 1000 / TOTP_PERIOD_SECONDS);
}

/** The code of a given step. */
export function totpCodeAt(key: Uint8Array, step: number) {
  return generateHOTP(key, BigInt(step), TOTP_DIGITS);
}

/** The code an authenticator app shows at `now` (tests use it as the app would). */
export function totpCode(key: Uint8Array, now: Date = new Date()) {
  return totpCodeAt(key, totpStep(now));
}

/** Spaces and dashes removed, as people copy codes ("123 456"). */
export function normalizeCode(input: string) {
  return input.replace(/[\s-]/g, "").toLowerCase();
}

export function looksLikeTotpCode(input: string) {
  return /^\d{6}$/.test(normalizeCode(input));
}

function equalStrings(a: string, b: string) {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return diff === 0;
}

/**
 * The step whose code `code` is, within the drift window, and later than
 * `lastUsedStep` (a code already accepted once is refused: replay); null when
 * none. Every candidate is compared, in constant time each.
 */
export function matchTotpStep({
  key,
  code,
  now,
  lastUsedStep,
}: {
  key: Uint8Array;
  code: string;
  now: Date;
  lastUsedStep: number;
}): number | null {
  const typed = normalizeCode(code);
  if (!/^\d{6}$/.test(typed)) return null;
  const current = totpStep(now);
  let found: number | null = null;
  for (let step = current - TOTP_WINDOW_STEPS; step <= current + TOTP_WINDOW_STEPS; step++) {
    if (equalStrings(totpCodeAt(key, step), typed) && step > lastUsedStep && found === null) found = step;
  }
  return found;
}

const RECOVERY_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789"; // no 0/o, 1/l/i

/** A recovery code from 10 random bytes: "xxxxx-xxxxx" (about 49 bits). */
export function formatRecoveryCode(bytes: Uint8Array) {
  let out = "";
  for (let i = 0; i < 10; i++) out += RECOVERY_ALPHABET[bytes[i] % RECOVERY_ALPHABET.length];
  return `${out.slice(0, 5)}-${out.slice(5)}`;
}

/** A signed-in-but-not-verified session may open these, and nothing else. */
export function isTwoFactorPendingAllowed(pathname: string) {
  const path = routePath(pathname);
  return path === TWO_FACTOR_LOGIN_PATH || path === "/logout";
}

/** A secretariat account without a second factor may open these, and nothing else. */
export function isEnrolmentAllowed(pathname: string) {
  const path = routePath(pathname);
  return path === TWO_FACTOR_ENROL_PATH || path === "/logout" || path === TWO_FACTOR_LOGIN_PATH;
}

/** The page a request is for: single-fetch `.data` suffix removed, no trailing slash. */
function routePath(pathname: string) {
  const path = pathname.replace(/\.data$/, "").replace(/\/+$/, "");
  return path === "/_root" ? "/" : path || "/";
}
