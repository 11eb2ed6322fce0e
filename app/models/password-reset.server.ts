import crypto from "node:crypto";

import type { Prisma } from "~/generated/prisma/client";
import { fallbackLng } from "~/i18n";
import { remixI18n } from "~/i18next.server";
import { formatInstant } from "~/lib/dates";
import { normalizeEmail } from "~/lib/email";
import { DomainError } from "~/lib/errors";
import { composeMail, MAIL_KINDS, type MailContent } from "~/lib/mail/compose";
import type { Actor } from "~/lib/permissions";
import { checkPassword } from "~/lib/security/password-policy";
import type { MessageKey } from "~/lib/translate";
import { absoluteUrl } from "~/utils/app-url.server";
import { recordAuditEvent } from "~/utils/audit.server";
import { authorize } from "~/utils/authorize.server";
import { prisma } from "~/utils/db.server";
import { logger } from "~/utils/logger.server";
import { queueEmail } from "~/utils/outbox.server";
import { hashPassword } from "~/utils/password.server";
import { consumeRateLimit, type RateLimitRule } from "~/utils/rate-limit.server";

import { MANAGE_USERS_PERMISSION } from "./user.server";

/**
 * Password reset (issue 12): a link with a random token (32 bytes,
 * base64url) is emailed to the account's address, by the secretariat
 * (issueBySecretariat) or on the person's own request at /forgot-password
 * (requestSelfService). Only the token's SHA-256 is stored; the link works
 * once (a conditional update consumes it) and for RESET_LIFETIME_MS; a newer
 * link cancels the older ones. Resetting ends every session of the account
 * and leaves its second factor enrolled.
 */
export const RESET_LIFETIME_MS = 60 * 60 * 1000;

/** The limits of /forgot-password (docs/security.md). */
export const RESET_LIMITS = {
  /** Requests per client address: a hard limit (429); the address identifies the sender. */
  perAddress: { limit: 10, windowMs: 15 * 60_000 },
  /**
   * Requests per email address, whether or not it has an account: beyond it the answer stays the same and no
   * mail goes out, so nobody can flood a person's mailbox, and the answer still tells nothing about the address.
   */
  perEmail: { limit: 3, windowMs: 60 * 60_000 },
} as const satisfies Record<string, RateLimitRule>;

const AUDIT = {
  issued: "user.password_reset_issue",
  requested: "user.password_reset_request",
  reset: "user.password_reset",
} as const;

/** A token as generateResetToken writes it: 43 base64url characters. Anything else is not looked up. */
const TOKEN_SHAPE = /^[A-Za-z0-9_-]{43}$/;

export function generateResetToken() {
  return crypto.randomBytes(32).toString("base64url");
}

export function hashResetToken(token: string) {
  return crypto.createHash("sha256").update(token, "utf8").digest("hex");
}

/** The reset page, as a same-site path (made absolute with app/utils/app-url.server.ts absoluteUrl). */
export function resetPath(token: string) {
  return `/reset-password/${token}`;
}

export function resetDedupeKey(tokenId: string) {
  return `password_reset:${tokenId}`;
}

type Db = Prisma.TransactionClient | typeof prisma;

interface ResetAccount {
  id: string;
  email: string;
  name: string;
}

/**
 * Cancels the account's unused links, stores a new one and queues its email, with `db` (a transaction: the
 * link and its email exist together or not at all). Returns the token (never stored) and the row.
 */
export async function insertResetToken(
  db: Db,
  {
    user,
    createdBy,
    link = (token) => absoluteUrl(resetPath(token)),
    now = new Date(),
  }: {
    user: ResetAccount;
    /** The secretariat member who sends it; null when the person asked. */
    createdBy: { id: string; name: string } | null;
    /** The absolute link for a token: without the request (APP_URL or localhost) unless the caller says so. */
    link?: (token: string) => string;
    now?: Date;
  },
) {
  await db.passwordResetToken.deleteMany({ where: { userId: user.id, usedAt: null } });
  const token = generateResetToken();
  const row = await db.passwordResetToken.create({
    data: {
      userId: user.id,
      tokenHash: hashResetToken(token),
      createdById: createdBy?.id ?? null,
      expiresAt: new Date(now.getTime() + RESET_LIFETIME_MS),
    },
    select: { id: true, expiresAt: true },
  });
  // The recipient's language once accounts carry one; the platform's until then.
  const t = await remixI18n.getFixedT(fallbackLng);
  const content: MailContent = {
    lang: fallbackLng,
    subject: t("passwordReset.mail.subject"),
    greeting: t("passwordReset.mail.greeting", { name: user.name }),
    paragraphs: [
      createdBy ? t("passwordReset.mail.issued", { issuer: createdBy.name }) : t("passwordReset.mail.requested"),
      t("mail.common.expires", { date: formatInstant(row.expiresAt, "UTC", fallbackLng) }),
      t("passwordReset.mail.ignore"),
    ],
    action: { label: t("passwordReset.mail.action"), url: link(token), hint: t("mail.common.linkHint") },
    footer: [t("passwordReset.mail.footer", { email: user.email })],
  };
  await queueEmail(db, {
    kind: MAIL_KINDS.passwordReset,
    to: { address: user.email, name: user.name },
    ...composeMail(content),
    dedupeKey: resetDedupeKey(row.id),
  });
  return { token, ...row };
}

/**
 * The secretariat sends `userId` a reset link (the People page's permission to manage accounts: refused with 403,
 * audited, for anyone else). 404 for no such account, 409 for a deactivated one. `request` gives the link's origin
 * when APP_URL is unset (the secretariat is signed in: its Host is the site's own).
 */
export async function issueBySecretariat({
  actor,
  userId,
  clientAddress,
  request,
  now = new Date(),
}: {
  actor: Actor;
  userId: string;
  clientAddress?: string | null;
  request?: Request;
  now?: Date;
}) {
  await authorize({ actor, permission: MANAGE_USERS_PERMISSION, audit: { ip: clientAddress, entityId: userId } });
  const user = await prisma.user.findUnique({
    where: { id: userId },
    select: { id: true, email: true, name: true, deactivatedAt: true },
  });
  if (!user) throw new DomainError(404, "errors.notFound");
  if (user.deactivatedAt) throw new DomainError(409, "passwordReset.issue.deactivated");
  const issuer = await prisma.user.findUniqueOrThrow({ where: { id: actor.id }, select: { id: true, name: true } });
  const issued = await prisma.$transaction((tx) =>
    insertResetToken(tx, {
      user,
      createdBy: issuer,
      link: (token) => absoluteUrl(resetPath(token), request),
      now,
    }),
  );
  await recordAuditEvent({
    actorId: actor.id,
    action: AUDIT.issued,
    entity: "user",
    entityId: user.id,
    outcome: "ok",
    ip: clientAddress ?? null,
    details: { tokenId: issued.id },
  });
  return { email: user.email, expiresAt: issued.expiresAt };
}

export type SelfServiceAnswer =
  | {
      ok: true;
      /** Settles once the link is stored and queued (or not): the answer does not wait for it. */
      settled: Promise<void>;
    }
  | { ok: false; reason: "rate_limited"; retryAfterSeconds: number };

const emailKey = (email: string) => crypto.createHash("sha256").update(email, "utf8").digest("hex");

/**
 * /forgot-password: the same answer for every address (no account enumeration). The only work done before
 * answering (the two rate limits) is the same for every address; the account lookup and the link are done after,
 * in `settled`, so the answer's timing tells nothing either. Deactivated and unknown accounts get nothing; the link
 * never uses the request's Host (anyone can send one): APP_URL, else localhost.
 */
export async function requestSelfService({
  email,
  clientAddress,
  now = new Date(),
}: {
  email: string;
  clientAddress?: string | null;
  now?: Date;
}): Promise<SelfServiceAnswer> {
  const address = normalizeEmail(email);
  const byClient = await consumeRateLimit({
    key: `password-reset:address:${clientAddress ?? "unknown"}`,
    ...RESET_LIMITS.perAddress,
    now,
  });
  if (!byClient.ok) return { ok: false, reason: "rate_limited", retryAfterSeconds: byClient.retryAfterSeconds };
  const byEmail = await consumeRateLimit({
    key: `password-reset:email:${emailKey(address)}`,
    ...RESET_LIMITS.perEmail,
    now,
  });
  const settled = (async () => {
    if (!byEmail.ok) return;
    const user = await prisma.user.findUnique({
      where: { email: address },
      select: { id: true, email: true, name: true, deactivatedAt: true },
    });
    if (!user || user.deactivatedAt) return;
    const issued = await prisma.$transaction((tx) => insertResetToken(tx, { user, createdBy: null, now }));
    await recordAuditEvent({
      actorId: null,
      action: AUDIT.requested,
      entity: "user",
      entityId: user.id,
      outcome: "ok",
      ip: clientAddress ?? null,
      details: { tokenId: issued.id },
    });
  })().catch((error: unknown) => {
    logger.error("password reset request failed", { error: error instanceof Error ? error.message : "unknown" });
  });
  return { ok: true, settled };
}

export type ResetLinkStatus = "unknown" | "expired" | "used";

export type ResetLookup = { status: "valid"; tokenId: string; user: ResetAccount } | { status: ResetLinkStatus };

/** What the reset page shows for `token`: never more than valid / expired / used / unknown. */
export async function findResetToken({ token, now = new Date() }: { token: string; now?: Date }): Promise<ResetLookup> {
  if (!TOKEN_SHAPE.test(token)) return { status: "unknown" };
  const row = await prisma.passwordResetToken.findUnique({
    where: { tokenHash: hashResetToken(token) },
    select: {
      id: true,
      usedAt: true,
      expiresAt: true,
      user: { select: { id: true, email: true, name: true, deactivatedAt: true } },
    },
  });
  if (!row || row.user.deactivatedAt) return { status: "unknown" };
  if (row.usedAt) return { status: "used" };
  if (row.expiresAt.getTime() <= now.getTime()) return { status: "expired" };
  const { id, email, name } = row.user;
  return { status: "valid", tokenId: row.id, user: { id, email, name } };
}

export type ResetResult =
  | { ok: true; userId: string; endedSessions: number }
  | { ok: false; reason: ResetLinkStatus }
  | { ok: false; reason: "weak"; messages: MessageKey[] };

class LinkGoneError extends Error {}

/**
 * Sets a new password with a reset link. The link must be valid and the password pass the policy (a refused password
 * leaves the link usable). Consuming the link (`usedAt` set where it is still null and unexpired), the new hash and
 * the end of every session are one transaction, so of two uses of one link exactly one changes the password.
 * The second factor stays enrolled. The person is told by email.
 */
export async function resetPassword({
  token,
  password,
  clientAddress,
  now = new Date(),
}: {
  token: string;
  password: string;
  clientAddress?: string | null;
  now?: Date;
}): Promise<ResetResult> {
  const lookup = await findResetToken({ token, now });
  if (lookup.status !== "valid") return { ok: false, reason: lookup.status };
  const policy = checkPassword(password, { email: lookup.user.email, name: lookup.user.name });
  if (!policy.ok) return { ok: false, reason: "weak", messages: policy.messages };
  const passwordHash = await hashPassword(password);
  const t = await remixI18n.getFixedT(fallbackLng);
  let endedSessions: number;
  try {
    endedSessions = await prisma.$transaction(async (tx) => {
      const claimed = await tx.passwordResetToken.updateMany({
        where: { id: lookup.tokenId, usedAt: null, expiresAt: { gt: now } },
        data: { usedAt: now },
      });
      if (claimed.count !== 1) throw new LinkGoneError();
      await tx.user.update({ where: { id: lookup.user.id }, data: { passwordHash }, select: { id: true } });
      // Other links of the account die with this one.
      await tx.passwordResetToken.deleteMany({ where: { userId: lookup.user.id, usedAt: null } });
      const ended = await tx.session.deleteMany({ where: { userId: lookup.user.id } });
      await queueEmail(tx, {
        kind: MAIL_KINDS.passwordChanged,
        to: { address: lookup.user.email, name: lookup.user.name },
        ...composeMail({
          lang: fallbackLng,
          subject: t("passwordReset.mail.changedSubject"),
          greeting: t("passwordReset.mail.greeting", { name: lookup.user.name }),
          paragraphs: [
            t("passwordReset.mail.changed", { date: formatInstant(now, "UTC", fallbackLng) }),
            t("passwordReset.mail.changedNotYou"),
          ],
          footer: [t("passwordReset.mail.footer", { email: lookup.user.email })],
        }),
        dedupeKey: `password_changed:${lookup.tokenId}`,
      });
      return ended.count;
    });
  } catch (error) {
    if (!(error instanceof LinkGoneError)) throw error;
    const again = await findResetToken({ token, now });
    return { ok: false, reason: again.status === "valid" || again.status === "unknown" ? "used" : again.status };
  }
  await recordAuditEvent({
    actorId: lookup.user.id,
    action: AUDIT.reset,
    entity: "user",
    entityId: lookup.user.id,
    outcome: "ok",
    ip: clientAddress ?? null,
    details: { tokenId: lookup.tokenId, endedSessions },
  });
  return { ok: true, userId: lookup.user.id, endedSessions };
}
