/**
 * A person's own account: changing the password and seeing and ending the
 * browsers signed in to it. Every function acts on the signed-in user only;
 * the session ids listed never leave the server whole (each row is addressed
 * by a digest of its id, so a page cannot be used to steal a session).
 */
import crypto from "node:crypto";

import { DomainError } from "~/lib/errors";
import { checkPassword } from "~/lib/security/password-policy";
import type { MessageKey } from "~/lib/translate";
import { recordAuditEvent } from "~/utils/audit.server";
import { prisma } from "~/utils/db.server";
import { hashPassword, verifyPassword } from "~/utils/password.server";
import { SESSION_IDLE_TIMEOUT } from "~/utils/session.server";

/** The handle of a session on the sessions page: a digest of its id, never the id itself. */
export function sessionHandle(sessionId: string) {
  return crypto.createHash("sha256").update(`session-handle:${sessionId}`).digest("base64url").slice(0, 22);
}

export type ChangePasswordResult =
  | { ok: true; endedSessions: number }
  | { ok: false; field: "current"; messages: ["account.password.currentWrong"] }
  | { ok: false; field: "next"; messages: MessageKey[] };

/**
 * Changes the user's password: the current one must be right and the new one
 * must pass the policy; every other session of the user ends, the current one
 * stays signed in.
 */
export async function changePassword({
  userId,
  currentSessionId,
  current,
  next,
  clientAddress,
}: {
  userId: string;
  currentSessionId: string;
  current: string;
  next: string;
  clientAddress?: string;
}): Promise<ChangePasswordResult> {
  const user = await prisma.user.findUniqueOrThrow({
    where: { id: userId },
    select: { email: true, name: true, passwordHash: true },
  });
  if (!user.passwordHash || !(await verifyPassword(user.passwordHash, current))) {
    await recordAuditEvent({
      actorId: userId,
      action: "user.password_change",
      entity: "user",
      entityId: userId,
      outcome: "denied",
      ip: clientAddress ?? null,
    });
    return { ok: false, field: "current", messages: ["account.password.currentWrong"] };
  }
  const policy = checkPassword(next, { email: user.email, name: user.name });
  if (!policy.ok) return { ok: false, field: "next", messages: policy.messages };
  const passwordHash = await hashPassword(next);
  const ended = await prisma.$transaction(async (tx) => {
    await tx.user.update({ where: { id: userId }, data: { passwordHash } });
    return tx.session.deleteMany({ where: { userId, id: { not: currentSessionId } } });
  });
  await recordAuditEvent({
    actorId: userId,
    action: "user.password_change",
    entity: "user",
    entityId: userId,
    outcome: "ok",
    ip: clientAddress ?? null,
    details: { endedSessions: ended.count },
  });
  return { ok: true, endedSessions: ended.count };
}

/** The user's live sessions, the current one first, then the newest. */
export async function listOwnSessions({
  userId,
  currentSessionId,
  now = new Date(),
}: {
  userId: string;
  currentSessionId: string;
  now?: Date;
}) {
  const rows = await prisma.session.findMany({
    where: { userId, expiresAt: { gt: now } },
    orderBy: [{ createdAt: "desc" }, { id: "asc" }],
    select: { id: true, createdAt: true, expiresAt: true },
  });
  const idleMs = SESSION_IDLE_TIMEOUT.milliseconds();
  return rows
    .map((row) => ({
      handle: sessionHandle(row.id),
      current: row.id === currentSessionId,
      createdAt: row.createdAt.toISOString(),
      // Lucia moves the idle expiry forward when a session is used: its last use is about that much earlier.
      lastActiveAt: new Date(Math.max(row.createdAt.getTime(), row.expiresAt.getTime() - idleMs)).toISOString(),
      expiresAt: row.expiresAt.toISOString(),
    }))
    .sort((a, b) => Number(b.current) - Number(a.current));
}

/** Ends one of the user's own sessions (by its handle); 404 when it is not theirs or is gone. */
export async function revokeOwnSession({
  userId,
  handle,
  clientAddress,
}: {
  userId: string;
  handle: string;
  clientAddress?: string;
}) {
  const rows = await prisma.session.findMany({ where: { userId }, select: { id: true } });
  const target = rows.find((row) => sessionHandle(row.id) === handle);
  if (!target) throw new DomainError(404, "account.sessions.notFound");
  await prisma.session.deleteMany({ where: { id: target.id, userId } });
  await recordAuditEvent({
    actorId: userId,
    action: "user.session_revoke",
    entity: "user",
    entityId: userId,
    outcome: "ok",
    ip: clientAddress ?? null,
  });
}

/** Ends every session of the user but the current one; returns how many ended. */
export async function revokeOtherSessions({
  userId,
  currentSessionId,
  clientAddress,
}: {
  userId: string;
  currentSessionId: string;
  clientAddress?: string;
}) {
  const ended = await prisma.session.deleteMany({ where: { userId, id: { not: currentSessionId } } });
  await recordAuditEvent({
    actorId: userId,
    action: "user.session_revoke_others",
    entity: "user",
    entityId: userId,
    outcome: "ok",
    ip: clientAddress ?? null,
    details: { count: ended.count },
  });
  return ended.count;
}
