/**
 * The second factor's storage (docs/decisions/0014-totp-second-factor.md):
 * TOTP secrets encrypted at rest (AES-256-GCM), single-use hashed recovery
 * codes, the replay guard, and marking a session as verified.
 *
 * The key: TOTP_ENCRYPTION_KEY (32 bytes, as 64 hex characters or base64);
 * without it, a random key is generated on first use into
 * data/totp-encryption.key (mode 0600), so `npm ci && npm start` works with
 * nothing set. Several instances must share one key: set the variable.
 */
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";

import { createTOTPKeyURI } from "@oslojs/otp";

import {
  formatRecoveryCode,
  matchTotpStep,
  normalizeCode,
  RECOVERY_CODE_COUNT,
  TOTP_DIGITS,
  TOTP_ISSUER,
  TOTP_PERIOD_SECONDS,
} from "~/lib/security/totp";
import { prisma } from "~/utils/db.server";
import { createSession, invalidateSession } from "~/utils/session.server";

let cachedKey: Buffer | undefined;

export function encryptionKey(env: NodeJS.ProcessEnv = process.env): Buffer {
  if (cachedKey) return cachedKey;
  const configured = env.TOTP_ENCRYPTION_KEY?.trim();
  if (configured) {
    const key = /^[0-9a-f]{64}$/i.test(configured) ? Buffer.from(configured, "hex") : Buffer.from(configured, "base64");
    if (key.length !== 32) throw new Error("TOTP_ENCRYPTION_KEY must be 32 bytes (64 hex characters or base64)");
    cachedKey = key;
    return key;
  }
  const file = path.resolve(env.TOTP_ENCRYPTION_KEY_FILE ?? "data/totp-encryption.key");
  fs.mkdirSync(path.dirname(file), { recursive: true });
  try {
    fs.writeFileSync(file, crypto.randomBytes(32).toString("hex") + "\n", { flag: "wx", mode: 0o600 });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
  }
  cachedKey = Buffer.from(fs.readFileSync(file, "utf8").trim(), "hex");
  return cachedKey;
}

/** "v1.<iv>.<tag>.<ciphertext>", base64url. */
export function encryptSecret(secret: Uint8Array) {
  const iv = crypto.randomBytes(12);
  const cipher = crypto.createCipheriv("aes-256-gcm", encryptionKey(), iv);
  const body = Buffer.concat([cipher.update(secret), cipher.final()]);
  return ["v1", iv, cipher.getAuthTag(), body]
    .map((p) => (typeof p === "string" ? p : p.toString("base64url")))
    .join(".");
}

export function decryptSecret(stored: string): Uint8Array {
  const [version, iv, tag, body] = stored.split(".");
  if (version !== "v1" || !iv || !tag || !body) throw new Error("unknown TOTP secret format");
  const decipher = crypto.createDecipheriv("aes-256-gcm", encryptionKey(), Buffer.from(iv, "base64url"));
  decipher.setAuthTag(Buffer.from(tag, "base64url"));
  return new Uint8Array(Buffer.concat([decipher.update(Buffer.from(body, "base64url")), decipher.final()]));
}

function hashRecoveryCode(code: string) {
  return crypto.createHash("sha256").update(normalizeCode(code)).digest("base64url");
}

const BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
/** The secret as people type it into an authenticator app: base32, in groups of four. */
export function base32Secret(secret: Uint8Array) {
  let bits = "";
  for (const byte of secret) bits += byte.toString(2).padStart(8, "0");
  let out = "";
  for (let i = 0; i < bits.length; i += 5) out += BASE32[parseInt(bits.slice(i, i + 5).padEnd(5, "0"), 2)];
  return out.replace(/(.{4})(?=.)/g, "$1 ");
}

export async function hasConfirmedTotp(userId: string) {
  const row = await prisma.totpCredential.findUnique({ where: { userId }, select: { confirmedAt: true } });
  return Boolean(row?.confirmedAt);
}

/**
 * The pending (unconfirmed) secret of `userId`, created when there is none;
 * null when a confirmed one exists. With the otpauth:// URI for the QR code.
 */
export async function pendingEnrolment({ userId, email }: { userId: string; email: string }) {
  let row = await prisma.totpCredential.findUnique({ where: { userId } });
  if (row?.confirmedAt) return null;
  if (!row) {
    const encryptedSecret = encryptSecret(crypto.randomBytes(20));
    row = await prisma.totpCredential.upsert({
      where: { userId },
      create: { userId, encryptedSecret },
      update: {},
    });
  }
  const secret = decryptSecret(row.encryptedSecret);
  return {
    secret: base32Secret(secret),
    uri: createTOTPKeyURI(TOTP_ISSUER, email, secret, TOTP_PERIOD_SECONDS, TOTP_DIGITS),
  };
}

/**
 * Accepts `code` for `userId`'s credential (confirmed, or pending when
 * `pending`): the step must be within the drift window and later than the
 * last accepted one, and the update is conditional on that, so two requests
 * with the same code cannot both pass.
 */
async function acceptTotp({
  userId,
  code,
  now,
  pending,
}: {
  userId: string;
  code: string;
  now: Date;
  pending: boolean;
}) {
  const row = await prisma.totpCredential.findUnique({ where: { userId } });
  if (!row || (pending ? row.confirmedAt !== null : row.confirmedAt === null)) return false;
  const step = matchTotpStep({ key: decryptSecret(row.encryptedSecret), code, now, lastUsedStep: row.lastUsedStep });
  if (step === null) return false;
  const updated = await prisma.totpCredential.updateMany({
    where: { id: row.id, lastUsedStep: { lt: step } },
    data: { lastUsedStep: step, ...(pending ? { confirmedAt: now } : {}) },
  });
  return updated.count === 1;
}

async function spendRecoveryCode({ userId, code, now }: { userId: string; code: string; now: Date }) {
  const used = await prisma.recoveryCode.updateMany({
    where: { userId, codeHash: hashRecoveryCode(code), usedAt: null },
    data: { usedAt: now },
  });
  return used.count === 1;
}

/** Replaces the user's recovery codes; returns the new ones (shown once, stored hashed). */
export async function regenerateRecoveryCodes({ userId }: { userId: string }) {
  const codes = Array.from({ length: RECOVERY_CODE_COUNT }, () => formatRecoveryCode(crypto.randomBytes(10)));
  await prisma.$transaction([
    prisma.recoveryCode.deleteMany({ where: { userId } }),
    prisma.recoveryCode.createMany({ data: codes.map((code) => ({ userId, codeHash: hashRecoveryCode(code) })) }),
  ]);
  return codes;
}

export async function markSessionVerified({ sessionId, now = new Date() }: { sessionId: string; now?: Date }) {
  await prisma.session.updateMany({ where: { id: sessionId }, data: { twoFactorVerifiedAt: now } });
}

/** Confirms a pending enrolment with a first code; returns the recovery codes, or null for a wrong code. */
export async function confirmEnrolment({
  userId,
  code,
  sessionId,
  now = new Date(),
}: {
  userId: string;
  code: string;
  sessionId: string;
  now?: Date;
}) {
  if (!(await acceptTotp({ userId, code, now, pending: true }))) return null;
  await markSessionVerified({ sessionId, now });
  // Whoever else held a session (a stolen password, a forgotten browser) must
  // now sign in again, with the code: the second factor protects from here on.
  await prisma.session.deleteMany({ where: { userId, id: { not: sessionId } } });
  return regenerateRecoveryCodes({ userId });
}

/**
 * The sign-in's second step: a current TOTP code or an unused recovery code.
 * On success the half-signed-in session is replaced by a new, verified one
 * (its id was issued before the code was proven, so it is not promoted);
 * the caller sets the returned session's cookie. Null for a wrong code.
 */
export async function verifySecondFactor({
  userId,
  code,
  sessionId,
  now = new Date(),
}: {
  userId: string;
  code: string;
  sessionId: string;
  now?: Date;
}) {
  const ok =
    (await acceptTotp({ userId, code, now, pending: false })) || (await spendRecoveryCode({ userId, code, now }));
  if (!ok) return null;
  await invalidateSession(sessionId);
  const session = await createSession({ userId, now });
  await markSessionVerified({ sessionId: session.id, now });
  return session;
}

/** Removes the second factor after a current code (callers refuse it for roles that require one). */
export async function disableTotp({ userId, code, now = new Date() }: { userId: string; code: string; now?: Date }) {
  if (!(await acceptTotp({ userId, code, now, pending: false }))) return false;
  await prisma.$transaction([
    prisma.totpCredential.deleteMany({ where: { userId } }),
    prisma.recoveryCode.deleteMany({ where: { userId } }),
  ]);
  return true;
}

export async function countUnusedRecoveryCodes(userId: string) {
  return prisma.recoveryCode.count({ where: { userId, usedAt: null } });
}
