import crypto from "node:crypto";

import type { Prisma } from "~/generated/prisma/client";
import { normalizeEmail } from "~/lib/email";
import { DomainError } from "~/lib/errors";
import type { Actor, OrganizationKind, PermissionString, RoleName } from "~/lib/permissions";
import { AUDIT_ACTIONS, recordAuditEvent } from "~/utils/audit.server";
import { authorize } from "~/utils/authorize.server";
import { isUniqueViolation, prisma } from "~/utils/db.server";
import { hashPassword } from "~/utils/password.server";

/**
 * Invitations: the secretariat invites a person by email with a role and an
 * organization. The link carries a random token (32 bytes, base64url); only
 * its SHA-256 is stored, so a copy of the database cannot be used to accept
 * invitations. Single use, valid for INVITATION_LIFETIME_MS.
 */
export const INVITATION_LIFETIME_MS = 7 * 24 * 60 * 60 * 1000;

export function generateInvitationToken() {
  return crypto.randomBytes(32).toString("base64url");
}

export function hashInvitationToken(token: string) {
  return crypto.createHash("sha256").update(token, "utf8").digest("hex");
}

/** The page where the invitee sets a name and password. */
export function invitationUrl({ origin, token }: { origin: string; token: string }) {
  return `${origin}/invitations/${token}`;
}

type Db = Prisma.TransactionClient | typeof prisma;

/** The organization to invite into: an existing one, a new one, or none. */
export type OrganizationChoice = { id: string } | { name: string; kind: OrganizationKind } | null;

/** A created invitation: the token is shown once, to the person who invited, and never stored. */
export interface CreatedInvitation {
  token: string;
  invitation: { id: string; email: string; roleName: string; expiresAt: Date; organizationName: string | null };
}

/** Who may invite, approve and reject: the people page's permission. */
export const INVITE_PERMISSION = "create:user:any" satisfies PermissionString;

/**
 * Creates an invitation (and the organization, when a new one is named;
 * an existing organization of that name is reused). Refuses, with a
 * DomainError, an actor who may not invite (403, audited), an email that
 * already has an account and an organization that no longer exists (409).
 */
export async function createInvitation({
  actor,
  email,
  roleName,
  organization,
  clientAddress,
  now = new Date(),
}: {
  actor: Actor;
  email: string;
  roleName: RoleName;
  organization: OrganizationChoice;
  clientAddress?: string | null;
  now?: Date;
}): Promise<CreatedInvitation> {
  await authorize({ actor, permission: INVITE_PERMISSION, audit: { ip: clientAddress, entity: "invitation" } });
  const result = await prisma.$transaction((tx) =>
    insertInvitation(tx, { email, roleName, organization, createdById: actor.id, now }),
  );
  await recordAuditEvent({
    actorId: actor.id,
    action: AUDIT_ACTIONS.invitationCreated,
    entity: "invitation",
    entityId: result.invitation.id,
    outcome: "ok",
    ip: clientAddress,
    details: { email: result.invitation.email, roleName, organization: result.invitation.organizationName },
  });
  return result;
}

/**
 * The invitation part of createInvitation, inside a caller's transaction
 * (which a refusal, thrown, rolls back). The caller has authorized.
 */
export async function insertInvitation(
  db: Db,
  {
    email,
    roleName,
    organization,
    createdById,
    now = new Date(),
  }: { email: string; roleName: RoleName; organization: OrganizationChoice; createdById: string; now?: Date },
): Promise<CreatedInvitation> {
  const normalized = normalizeEmail(email);
  const existingUser = await db.user.findUnique({ where: { email: normalized }, select: { id: true } });
  if (existingUser) throw new DomainError(409, "people.invite.emailTaken");

  let org: { id: string; name: string } | null = null;
  if (organization && "id" in organization) {
    org = await db.organization.findUnique({ where: { id: organization.id }, select: { id: true, name: true } });
    if (!org) throw new DomainError(409, "people.invite.unknownOrganization");
  } else if (organization) {
    org = await db.organization.upsert({
      where: { name: organization.name.trim() },
      create: { name: organization.name.trim(), kind: organization.kind },
      update: {},
      select: { id: true, name: true },
    });
  }

  const token = generateInvitationToken();
  const invitation = await db.invitation.create({
    data: {
      email: normalized,
      roleName,
      organizationId: org?.id ?? null,
      tokenHash: hashInvitationToken(token),
      expiresAt: new Date(now.getTime() + INVITATION_LIFETIME_MS),
      createdById,
    },
    select: { id: true, email: true, roleName: true, expiresAt: true },
  });
  return { token, invitation: { ...invitation, organizationName: org?.name ?? null } };
}

export type InvitationLookup =
  | { status: "unknown" }
  | {
      status: "valid" | "expired" | "used";
      invitation: { id: string; email: string; roleName: string; expiresAt: Date; organizationName: string | null };
    };

/** What the invitation page shows; never says more than valid/expired/used/unknown. */
export async function findInvitationByToken({
  token,
  now = new Date(),
}: {
  token: string;
  now?: Date;
}): Promise<InvitationLookup> {
  const row = await prisma.invitation.findUnique({
    where: { tokenHash: hashInvitationToken(token) },
    select: { id: true, email: true, roleName: true, expiresAt: true, usedAt: true, organizationId: true },
  });
  if (!row) return { status: "unknown" };
  const organization = row.organizationId
    ? await prisma.organization.findUnique({ where: { id: row.organizationId }, select: { name: true } })
    : null;
  const invitation = {
    id: row.id,
    email: row.email,
    roleName: row.roleName,
    expiresAt: row.expiresAt,
    organizationName: organization?.name ?? null,
  };
  if (row.usedAt) return { status: "used", invitation };
  if (row.expiresAt.getTime() <= now.getTime()) return { status: "expired", invitation };
  return { status: "valid", invitation };
}

export type AcceptInvitationResult =
  { ok: true; userId: string } | { ok: false; reason: "unknown" | "expired" | "used" | "email_taken" };

class EmailTakenError extends Error {}
class InvitationGoneError extends Error {}

/**
 * Creates the invitee's account from the invitation: email, role and
 * organization come from the invitation, only name and password from the
 * form. Claiming the invitation (`usedAt` set where it is still null and
 * unexpired) and creating the user happen in one transaction, so of two
 * simultaneous acceptances exactly one creates an account.
 */
export async function acceptInvitation({
  token,
  name,
  password,
  clientAddress,
  now = new Date(),
}: {
  token: string;
  name: string;
  password: string;
  clientAddress?: string | null;
  now?: Date;
}): Promise<AcceptInvitationResult> {
  // Cheap checks first: no password hashing for a dead link.
  const lookup = await findInvitationByToken({ token, now });
  if (lookup.status !== "valid") return { ok: false, reason: lookup.status };
  const passwordHash = await hashPassword(password);
  const tokenHash = hashInvitationToken(token);

  let userId: string;
  try {
    userId = await prisma.$transaction(async (tx) => {
      const claimed = await tx.invitation.updateMany({
        where: { tokenHash, usedAt: null, expiresAt: { gt: now } },
        data: { usedAt: now },
      });
      if (claimed.count !== 1) throw new InvitationGoneError();
      const invitation = await tx.invitation.findUniqueOrThrow({
        where: { tokenHash },
        select: { email: true, roleName: true, organizationId: true },
      });
      const taken = await tx.user.findUnique({ where: { email: invitation.email }, select: { id: true } });
      if (taken) throw new EmailTakenError();
      const role = await tx.role.findUniqueOrThrow({ where: { name: invitation.roleName }, select: { id: true } });
      const user = await tx.user.create({
        data: {
          email: invitation.email,
          name: name.trim(),
          passwordHash,
          roleId: role.id,
          organizationId: invitation.organizationId,
        },
        select: { id: true },
      });
      return user.id;
    });
  } catch (error) {
    if (error instanceof InvitationGoneError) {
      // Used (or expired) between the lookup and the claim.
      const again = await findInvitationByToken({ token, now });
      return { ok: false, reason: again.status === "valid" ? "used" : again.status };
    }
    if (error instanceof EmailTakenError) return { ok: false, reason: "email_taken" };
    if (isUniqueViolation(error)) return { ok: false, reason: "email_taken" };
    throw error;
  }

  await recordAuditEvent({
    actorId: userId,
    action: AUDIT_ACTIONS.invitationAccepted,
    entity: "invitation",
    entityId: lookup.invitation.id,
    outcome: "ok",
    ip: clientAddress,
    details: { email: lookup.invitation.email, roleName: lookup.invitation.roleName },
  });
  return { ok: true, userId };
}

/** The latest invitations for the people page (no tokens: they are not stored); only for those who may invite. */
export async function listRecentInvitations({
  actor,
  clientAddress,
  take = 20,
}: {
  actor: Actor;
  clientAddress?: string | null;
  take?: number;
}) {
  await authorize({ actor, permission: INVITE_PERMISSION, audit: { ip: clientAddress, entity: "invitation" } });
  const rows = await prisma.invitation.findMany({
    orderBy: { createdAt: "desc" },
    take,
    select: {
      id: true,
      email: true,
      roleName: true,
      organizationId: true,
      expiresAt: true,
      usedAt: true,
      createdAt: true,
    },
  });
  const organizationIds = [...new Set(rows.map((r) => r.organizationId).filter((id): id is string => id !== null))];
  const organizations = await prisma.organization.findMany({
    where: { id: { in: organizationIds } },
    select: { id: true, name: true },
  });
  const names = new Map(organizations.map((o) => [o.id, o.name]));
  return rows.map(({ organizationId, ...row }) => ({
    ...row,
    organizationName: organizationId ? (names.get(organizationId) ?? null) : null,
  }));
}
