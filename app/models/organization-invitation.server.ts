import { normalizeEmail } from "~/lib/email";
import { DomainError } from "~/lib/errors";
import type { Language } from "~/lib/language";
import { isOrganizationGrantableRole, type Actor, type PermissionString } from "~/lib/permissions";
import { AUDIT_ACTIONS, recordAuditEvent } from "~/utils/audit.server";
import { authorize, recordDenial } from "~/utils/authorize.server";
import { prisma } from "~/utils/db.server";

import { invitationDedupeKey, insertInvitation, invitationDeliveries } from "./invitation.server";

/**
 * Invitations from within an organization: a focal point invites people into
 * their own organization, and only there (issue 12, docs/decisions/0021).
 * The organization is always the actor's own, read from the session, never
 * from the form; the roles are ORGANIZATION_GRANTABLE_ROLES. The email is
 * queued by insertInvitation, the same path as the secretariat's invitations.
 */
export const ORGANIZATION_INVITE_PERMISSION = "create:user:organization" satisfies PermissionString;
export const ORGANIZATION_MEMBERS_PERMISSION = "read:user:organization" satisfies PermissionString;

/**
 * The actor's organization, after the permission check on it as a row: an
 * actor without an organization is refused (403, audited) like one without
 * the permission. A deactivated account is refused too, though its sessions
 * are already gone: an Actor read before the deactivation must not invite.
 */
async function ownOrganization(actor: Actor, permission: PermissionString, clientAddress?: string | null) {
  const organizationId = actor.organization?.id ?? null;
  const audit = { ip: clientAddress, entity: "organization", entityId: organizationId };
  await authorize({ actor, permission, row: { authorId: null, organizationId }, audit });
  const [organization, self] = await Promise.all([
    organizationId
      ? prisma.organization.findUnique({ where: { id: organizationId }, select: { id: true, name: true, kind: true } })
      : null,
    prisma.user.findUnique({ where: { id: actor.id }, select: { deactivatedAt: true, organizationId: true } }),
  ]);
  if (!organization || !self || self.deactivatedAt || self.organizationId !== organization.id) {
    await recordDenial(actor, permission, { ...audit, details: { reason: "inactive_or_moved" } });
    throw new DomainError(403, "errors.forbidden");
  }
  return organization;
}

/** The organization page: its members (name, role, active) and its invitations not yet accepted. */
export async function listOrganizationMembers({
  actor,
  clientAddress,
}: {
  actor: Actor;
  clientAddress?: string | null;
}) {
  const organization = await ownOrganization(actor, ORGANIZATION_MEMBERS_PERMISSION, clientAddress);
  const [members, invitations] = await Promise.all([
    prisma.user.findMany({
      where: { organizationId: organization.id },
      orderBy: [{ deactivatedAt: { sort: "asc", nulls: "first" } }, { name: "asc" }],
      select: { id: true, name: true, email: true, deactivatedAt: true, role: { select: { name: true } } },
    }),
    prisma.invitation.findMany({
      where: { organizationId: organization.id, usedAt: null },
      orderBy: { createdAt: "desc" },
      take: 50,
      select: { id: true, email: true, roleName: true, expiresAt: true, createdAt: true },
    }),
  ]);
  const deliveries = await invitationDeliveries(invitations.map((invitation) => invitation.id));
  return {
    organization,
    members: members.map(({ role, deactivatedAt, ...member }) => ({
      ...member,
      roleName: role.name,
      active: deactivatedAt === null,
    })),
    invitations: invitations.map((invitation) => ({
      ...invitation,
      delivery: deliveries.get(invitation.id) ?? null,
    })),
  };
}

/**
 * Invites `email` into the actor's organization as `roleName`. Refuses a role
 * beyond ORGANIZATION_GRANTABLE_ROLES (403, audited), and an address that
 * already has an account or an unexpired invitation anywhere (409, one
 * message for both that names no organization).
 */
export async function inviteToOrganization({
  actor,
  email,
  roleName,
  locale,
  clientAddress,
  request,
  now = new Date(),
}: {
  actor: Actor;
  email: string;
  roleName: string;
  /** The language of the email and of the new account (insertInvitation). */
  locale?: Language | null;
  clientAddress?: string | null;
  request?: Request;
  now?: Date;
}) {
  const organization = await ownOrganization(actor, ORGANIZATION_INVITE_PERMISSION, clientAddress);
  if (!isOrganizationGrantableRole(roleName)) {
    await recordDenial(actor, ORGANIZATION_INVITE_PERMISSION, {
      ip: clientAddress,
      entity: "invitation",
      details: { roleName },
    });
    throw new DomainError(403, "errors.forbidden");
  }
  const address = normalizeEmail(email);
  const result = await prisma.$transaction(async (tx) => {
    const [account, pending] = await Promise.all([
      tx.user.findUnique({ where: { email: address }, select: { id: true } }),
      tx.invitation.findFirst({
        where: { email: address, usedAt: null, expiresAt: { gt: now } },
        select: { id: true },
      }),
    ]);
    if (account || pending) throw new DomainError(409, "organization.invite.unavailable");
    return insertInvitation(tx, {
      email: address,
      roleName,
      organization: { id: organization.id },
      locale,
      createdById: actor.id,
      now,
      request,
    });
  });
  await recordAuditEvent({
    actorId: actor.id,
    action: AUDIT_ACTIONS.invitationCreated,
    entity: "invitation",
    entityId: result.invitation.id,
    outcome: "ok",
    ip: clientAddress,
    details: { email: address, roleName, organizationId: organization.id, via: "organization" },
  });
  return { invitation: result.invitation };
}

/**
 * Withdraws an invitation of the actor's organization that was not accepted:
 * the row is deleted, so its link answers "not valid", and its email is
 * dropped while still waiting in the outbox. Another organization's
 * invitation answers 404, as one that does not exist; an accepted one 409.
 */
export async function withdrawOrganizationInvitation({
  actor,
  invitationId,
  clientAddress,
}: {
  actor: Actor;
  invitationId: string;
  clientAddress?: string | null;
}) {
  const organization = await ownOrganization(actor, ORGANIZATION_INVITE_PERMISSION, clientAddress);
  const invitation = await prisma.invitation.findUnique({
    where: { id: invitationId },
    select: { id: true, email: true, roleName: true, organizationId: true, usedAt: true },
  });
  if (!invitation || invitation.organizationId !== organization.id) {
    throw new DomainError(404, "organization.invitations.notFound");
  }
  if (invitation.usedAt) throw new DomainError(409, "organization.invitations.alreadyAccepted");
  // One transaction: an invitation accepted meanwhile keeps its email.
  const dropped = await prisma.$transaction(async (tx) => {
    const deleted = await tx.invitation.deleteMany({ where: { id: invitation.id, usedAt: null } });
    if (deleted.count !== 1) throw new DomainError(409, "organization.invitations.alreadyAccepted");
    return tx.outboxMessage.deleteMany({ where: { dedupeKey: invitationDedupeKey(invitation.id), status: "pending" } });
  });
  await recordAuditEvent({
    actorId: actor.id,
    action: AUDIT_ACTIONS.invitationWithdrawn,
    entity: "invitation",
    entityId: invitation.id,
    outcome: "ok",
    ip: clientAddress,
    details: {
      email: invitation.email,
      roleName: invitation.roleName,
      organizationId: organization.id,
      droppedEmail: dropped.count > 0,
    },
  });
  return { email: invitation.email };
}
