import crypto from "node:crypto";

import { Prisma } from "~/generated/prisma/client";
import { AUDIT_ACTIONS, recordAuditEvent } from "~/utils/audit.server";
import type { OrganizationKind, RoleName } from "~/lib/permissions";
import { normalizeEmail } from "~/models/user.server";
import { prisma } from "~/utils/db.server";
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

export type CreateInvitationResult =
  | {
      ok: true;
      token: string;
      invitation: { id: string; email: string; roleName: string; expiresAt: Date; organizationName: string | null };
    }
  | { ok: false; reason: "email_taken" | "unknown_organization" };

/**
 * Creates an invitation (and the organization, when a new one is named;
 * an existing organization of that name is reused). Returns the token: it is
 * shown once, to the secretariat, and never stored.
 */
export async function createInvitation({
  email,
  roleName,
  organization,
  createdById,
  ip,
  now = new Date(),
}: {
  email: string;
  roleName: RoleName;
  organization: OrganizationChoice;
  createdById: string;
  ip?: string | null;
  now?: Date;
}): Promise<CreateInvitationResult> {
  const result = await prisma.$transaction((tx) =>
    insertInvitation(tx, { email, roleName, organization, createdById, now }),
  );
  if (result.ok) {
    await recordAuditEvent({
      actorId: createdById,
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

/** The invitation part of createInvitation, for use inside a caller's transaction. */
export async function insertInvitation(
  db: Db,
  {
    email,
    roleName,
    organization,
    createdById,
    now = new Date(),
  }: { email: string; roleName: RoleName; organization: OrganizationChoice; createdById: string; now?: Date },
): Promise<CreateInvitationResult> {
  const normalized = normalizeEmail(email);
  const existingUser = await db.user.findUnique({ where: { email: normalized }, select: { id: true } });
  if (existingUser) return { ok: false, reason: "email_taken" };

  let org: { id: string; name: string } | null = null;
  if (organization && "id" in organization) {
    org = await db.organization.findUnique({ where: { id: organization.id }, select: { id: true, name: true } });
    if (!org) return { ok: false, reason: "unknown_organization" };
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
  return { ok: true, token, invitation: { ...invitation, organizationName: org?.name ?? null } };
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
  ip,
  now = new Date(),
}: {
  token: string;
  name: string;
  password: string;
  ip?: string | null;
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
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      return { ok: false, reason: "email_taken" };
    }
    throw error;
  }

  await recordAuditEvent({
    actorId: userId,
    action: AUDIT_ACTIONS.invitationAccepted,
    entity: "invitation",
    entityId: lookup.invitation.id,
    outcome: "ok",
    ip,
    details: { email: lookup.invitation.email, roleName: lookup.invitation.roleName },
  });
  return { ok: true, userId };
}

/** The latest invitations for the secretariat's people page (no tokens: they are not stored). */
export async function listRecentInvitations({ take = 20 }: { take?: number } = {}) {
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
