import type { Prisma } from "~/generated/prisma/client";
import { prisma } from "~/utils/db.server";
import { logger } from "~/utils/logger.server";

/** ok: it happened; denied: refused by a permission or a limit; failed: bad input (e.g. a wrong password). */
export type AuditOutcome = "ok" | "denied" | "failed";

/**
 * Actions are `entity.verb` in snake_case. The ones written by the sign-in
 * and people-management code are listed here; other models add their own
 * (e.g. "comment.submit") with the same shape.
 */
export const AUDIT_ACTIONS = {
  signIn: "user.sign_in",
  signOut: "user.sign_out",
  permissionDenied: "permission.check",
  invitationCreated: "invitation.create",
  invitationAccepted: "invitation.accept",
  invitationWithdrawn: "invitation.withdraw",
  accountRequestCreated: "account_request.create",
  accountRequestApproved: "account_request.approve",
  accountRequestRejected: "account_request.reject",
} as const;

export interface AuditEventInput {
  actorId?: string | null;
  action: string;
  entity?: string | null;
  entityId?: string | null;
  outcome: AuditOutcome;
  ip?: string | null;
  /** Stored as JSON. Strings are kept as they are: the JSON logger escapes
   * control and bidi characters when they are printed. */
  details?: Record<string, unknown>;
}

function auditRow(input: AuditEventInput) {
  return {
    actorId: input.actorId ?? null,
    action: input.action,
    entity: input.entity ?? null,
    entityId: input.entityId ?? null,
    outcome: input.outcome,
    ip: input.ip ?? null,
    details: JSON.stringify(input.details ?? {}),
  };
}

/**
 * Appends one event to the audit log (and mirrors it to the JSON log).
 * A failure to write is logged, never thrown: the audit must not turn a
 * refusal (403) or a sign-in into a 500 for the person in front of the form.
 */
export async function recordAuditEvent(input: AuditEventInput) {
  const event = auditRow(input);
  try {
    await prisma.auditEvent.create({ data: event, select: { id: true } });
    logger.info("audit", { ...event, details: input.details ?? {} });
  } catch (error) {
    logger.error("audit write failed", {
      action: event.action,
      outcome: event.outcome,
      error: error instanceof Error ? error.message : String(error),
    });
  }
}

/**
 * Records events inside the transaction of what they record (one statement
 * for all of them), so that the event and the audit are stored together or
 * not at all. Unlike recordAuditEvent, a failure is the transaction's: the
 * caller's writes are rolled back with it. The log lines are written once
 * the caller calls the returned function, after its commit.
 */
export async function recordAuditEventsIn(db: Prisma.TransactionClient, inputs: AuditEventInput[]) {
  const events = inputs.map(auditRow);
  await db.auditEvent.createMany({ data: events });
  return () => {
    events.forEach((event, index) => logger.info("audit", { ...event, details: inputs[index].details ?? {} }));
  };
}

/** The latest events, newest first (for tests and a future audit view). */
export async function listAuditEvents({ action, take = 50 }: { action?: string; take?: number } = {}) {
  return prisma.auditEvent.findMany({
    where: action ? { action } : undefined,
    orderBy: { createdAt: "desc" },
    take,
    select: {
      id: true,
      createdAt: true,
      actorId: true,
      action: true,
      entity: true,
      entityId: true,
      outcome: true,
      ip: true,
      details: true,
    },
  });
}
