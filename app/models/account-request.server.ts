import { AUDIT_ACTIONS, recordAuditEvent } from "~/utils/audit.server";
import { insertInvitation, type CreateInvitationResult } from "~/models/invitation.server";
import type { OrganizationKind, RoleName } from "~/lib/permissions";
import { normalizeEmail } from "~/models/user.server";
import { prisma } from "~/utils/db.server";

/**
 * Account requests: anyone may ask for an account; the secretariat approves
 * (which creates the organization if needed and an invitation) or rejects.
 */

/** Kinds a member of the public may claim; "secretariat" is not one of them. */
export type RequestableOrganizationKind = Exclude<OrganizationKind, "secretariat">;

/** Roles the secretariat may grant when approving a public request. */
export type RequestableRole = Exclude<RoleName, "secretariat">;

export async function createAccountRequest({
  name,
  email,
  organizationName,
  organizationKind,
  message,
  ip,
}: {
  name: string;
  email: string;
  organizationName: string;
  organizationKind: RequestableOrganizationKind;
  message: string;
  ip?: string | null;
}) {
  const request = await prisma.accountRequest.create({
    data: {
      name: name.trim(),
      email: normalizeEmail(email),
      organizationName: organizationName.trim(),
      organizationKind,
      message: message.trim(),
    },
    select: { id: true },
  });
  await recordAuditEvent({
    actorId: null,
    action: AUDIT_ACTIONS.accountRequestCreated,
    entity: "account_request",
    entityId: request.id,
    outcome: "ok",
    ip,
    details: { email: normalizeEmail(email), organizationName: organizationName.trim() },
  });
  return request;
}

export async function listPendingAccountRequests() {
  return prisma.accountRequest.findMany({
    where: { status: "pending" },
    orderBy: { createdAt: "asc" },
    select: {
      id: true,
      name: true,
      email: true,
      organizationName: true,
      organizationKind: true,
      message: true,
      createdAt: true,
    },
  });
}

export type ApproveAccountRequestResult = CreateInvitationResult | { ok: false; reason: "not_pending" };

class Rollback extends Error {
  constructor(readonly result: ApproveAccountRequestResult) {
    super("rollback");
  }
}

/**
 * Approves a pending request: marks it approved (only if still pending, so
 * two secretariat members clicking at once make one invitation), creates or
 * reuses the organization, and creates an invitation whose token is returned
 * to be shown once. All or nothing.
 */
export async function approveAccountRequest({
  requestId,
  roleName,
  actorId,
  ip,
  now = new Date(),
}: {
  requestId: string;
  roleName: RequestableRole;
  actorId: string;
  ip?: string | null;
  now?: Date;
}): Promise<ApproveAccountRequestResult> {
  let result: ApproveAccountRequestResult;
  try {
    result = await prisma.$transaction(async (tx) => {
      const claimed = await tx.accountRequest.updateMany({
        where: { id: requestId, status: "pending" },
        data: { status: "approved", decidedById: actorId, decidedAt: now },
      });
      if (claimed.count !== 1) throw new Rollback({ ok: false, reason: "not_pending" });
      const request = await tx.accountRequest.findUniqueOrThrow({
        where: { id: requestId },
        select: { email: true, organizationName: true, organizationKind: true },
      });
      const invitation = await insertInvitation(tx, {
        email: request.email,
        roleName,
        organization: { name: request.organizationName, kind: request.organizationKind as OrganizationKind },
        createdById: actorId,
        now,
      });
      if (!invitation.ok) throw new Rollback(invitation);
      return invitation;
    });
  } catch (error) {
    if (error instanceof Rollback) return error.result;
    throw error;
  }

  if (result.ok) {
    await recordAuditEvent({
      actorId,
      action: AUDIT_ACTIONS.accountRequestApproved,
      entity: "account_request",
      entityId: requestId,
      outcome: "ok",
      ip,
      details: { roleName, invitationId: result.invitation.id },
    });
    await recordAuditEvent({
      actorId,
      action: AUDIT_ACTIONS.invitationCreated,
      entity: "invitation",
      entityId: result.invitation.id,
      outcome: "ok",
      ip,
      details: { email: result.invitation.email, roleName, organization: result.invitation.organizationName },
    });
  }
  return result;
}

/** Rejects a pending request; null when it was not pending (already decided or unknown). */
export async function rejectAccountRequest({
  requestId,
  actorId,
  ip,
  now = new Date(),
}: {
  requestId: string;
  actorId: string;
  ip?: string | null;
  now?: Date;
}) {
  const { count } = await prisma.accountRequest.updateMany({
    where: { id: requestId, status: "pending" },
    data: { status: "rejected", decidedById: actorId, decidedAt: now },
  });
  if (count !== 1) return null;
  await recordAuditEvent({
    actorId,
    action: AUDIT_ACTIONS.accountRequestRejected,
    entity: "account_request",
    entityId: requestId,
    outcome: "ok",
    ip,
  });
  return prisma.accountRequest.findUnique({ where: { id: requestId }, select: { id: true, name: true } });
}
