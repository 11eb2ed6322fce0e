import { normalizeEmail } from "~/lib/email";
import { DomainError } from "~/lib/errors";
import type { Actor, OrganizationKind, PermissionString, RoleName } from "~/lib/permissions";
import { recordAuditEvent } from "~/utils/audit.server";
import { authorize } from "~/utils/authorize.server";
import { prisma } from "~/utils/db.server";
import { hashPassword } from "~/utils/password.server";

export async function upsertOrganization(input: { name: string; kind: OrganizationKind; country?: string }) {
  return prisma.organization.upsert({
    where: { name: input.name },
    create: { name: input.name, kind: input.kind, country: input.country ?? null },
    update: {},
    select: { id: true, name: true, kind: true },
  });
}

/** Creates a user with a hashed password; the role must exist (bootstrap). */
export async function createUser(input: {
  email: string;
  name: string;
  password: string;
  role: RoleName;
  organizationId: string | null;
}) {
  const role = await prisma.role.findUniqueOrThrow({ where: { name: input.role }, select: { id: true } });
  return prisma.user.create({
    data: {
      email: normalizeEmail(input.email),
      name: input.name,
      passwordHash: await hashPassword(input.password),
      roleId: role.id,
      organizationId: input.organizationId,
    },
    select: { id: true, email: true },
  });
}

/** Organizations for the invitation form: only for those who may invite (create:user:any). */
export async function listOrganizations({ actor, clientAddress }: { actor: Actor; clientAddress?: string | null }) {
  await authorize({ actor, permission: "create:user:any", audit: { ip: clientAddress, entity: "organization" } });
  return prisma.organization.findMany({ orderBy: { name: "asc" }, select: { id: true, name: true, kind: true } });
}

/** Who may list accounts and change, deactivate or reactivate them: the secretariat. */
export const MANAGE_USERS_PERMISSION = "update:user:any" satisfies PermissionString;

/** Every account for the people page: name, email, role, organization, status. */
export async function listAccounts({ actor, clientAddress }: { actor: Actor; clientAddress?: string | null }) {
  await authorize({ actor, permission: "read:user:any", audit: { ip: clientAddress } });
  return prisma.user.findMany({
    orderBy: [{ deactivatedAt: { sort: "asc", nulls: "first" } }, { name: "asc" }],
    select: {
      id: true,
      name: true,
      email: true,
      createdAt: true,
      deactivatedAt: true,
      role: { select: { name: true } },
      organization: { select: { id: true, name: true } },
    },
  });
}

/** One account for its page, with how many sessions it has open; 404 when unknown. */
export async function getAccount({
  actor,
  userId,
  clientAddress,
}: {
  actor: Actor;
  userId: string;
  clientAddress?: string | null;
}) {
  await authorize({ actor, permission: "read:user:any", audit: { ip: clientAddress, entityId: userId } });
  const user = await prisma.user.findUnique({
    where: { id: userId },
    select: {
      id: true,
      name: true,
      email: true,
      createdAt: true,
      deactivatedAt: true,
      role: { select: { name: true } },
      organization: { select: { id: true, name: true } },
      _count: { select: { sessions: { where: { expiresAt: { gt: new Date() } } } } },
    },
  });
  if (!user) throw new DomainError(404, "people.accounts.notFound");
  return user;
}

/** Active secretariat accounts other than `userId`: one must always remain. */
async function otherActiveSecretariats(userId: string) {
  return prisma.user.count({
    where: { id: { not: userId }, deactivatedAt: null, role: { name: "secretariat" } },
  });
}

async function accountFor(userId: string) {
  const user = await prisma.user.findUnique({
    where: { id: userId },
    select: { id: true, email: true, deactivatedAt: true, role: { select: { name: true } }, organizationId: true },
  });
  if (!user) throw new DomainError(404, "people.accounts.notFound");
  return user;
}

/**
 * Changes an account's role and organization. Refuses (409) taking the
 * secretariat role away from oneself or from the last active secretariat
 * account, and a focal point or delegate without an organization (400).
 */
export async function updateAccount({
  actor,
  userId,
  roleName,
  organizationId,
  clientAddress,
}: {
  actor: Actor | null;
  userId: string;
  roleName: RoleName;
  organizationId: string | null;
  clientAddress?: string | null;
}) {
  await authorize({ actor, permission: MANAGE_USERS_PERMISSION, audit: { ip: clientAddress, entityId: userId } });
  const user = await accountFor(userId);
  if (user.role.name === "secretariat" && roleName !== "secretariat") {
    if (userId === actor!.id) throw new DomainError(409, "people.accounts.notYourOwnRole");
    if ((await otherActiveSecretariats(userId)) === 0) throw new DomainError(409, "people.accounts.lastSecretariat");
  }
  if ((roleName === "focal_point" || roleName === "delegate") && !organizationId) {
    throw new DomainError(400, "people.invite.organizationRequired", {
      fieldErrors: { organizationId: ["people.invite.organizationRequired"] },
    });
  }
  if (organizationId) {
    const organization = await prisma.organization.findUnique({ where: { id: organizationId }, select: { id: true } });
    if (!organization) {
      throw new DomainError(400, "people.invite.unknownOrganization", {
        fieldErrors: { organizationId: ["people.invite.unknownOrganization"] },
      });
    }
  }
  const role = await prisma.role.findUniqueOrThrow({ where: { name: roleName }, select: { id: true } });
  await prisma.user.update({ where: { id: userId }, data: { roleId: role.id, organizationId }, select: { id: true } });
  await recordAuditEvent({
    actorId: actor!.id,
    action: "user.update",
    entity: "user",
    entityId: userId,
    outcome: "ok",
    ip: clientAddress ?? null,
    details: {
      from: { roleName: user.role.name, organizationId: user.organizationId },
      to: { roleName, organizationId },
    },
  });
}

/**
 * Deactivates an account: it can no longer sign in, and every session it
 * has is ended at once (the rows are deleted; session validation refuses a
 * deactivated account too). Refuses (409) deactivating oneself and the last
 * active secretariat account.
 */
export async function deactivateAccount({
  actor,
  userId,
  clientAddress,
  now = new Date(),
}: {
  actor: Actor | null;
  userId: string;
  clientAddress?: string | null;
  now?: Date;
}) {
  await authorize({ actor, permission: MANAGE_USERS_PERMISSION, audit: { ip: clientAddress, entityId: userId } });
  const user = await accountFor(userId);
  if (userId === actor!.id) throw new DomainError(409, "people.accounts.notYourself");
  if (user.deactivatedAt) return { endedSessions: 0 };
  if (user.role.name === "secretariat" && (await otherActiveSecretariats(userId)) === 0) {
    throw new DomainError(409, "people.accounts.lastSecretariat");
  }
  const [, ended] = await prisma.$transaction([
    prisma.user.update({ where: { id: userId }, data: { deactivatedAt: now }, select: { id: true } }),
    prisma.session.deleteMany({ where: { userId } }),
  ]);
  await recordAuditEvent({
    actorId: actor!.id,
    action: "user.deactivate",
    entity: "user",
    entityId: userId,
    outcome: "ok",
    ip: clientAddress ?? null,
    details: { email: user.email, endedSessions: ended.count },
  });
  return { endedSessions: ended.count };
}

/** Lets a deactivated account sign in again (it starts with no session). */
export async function reactivateAccount({
  actor,
  userId,
  clientAddress,
}: {
  actor: Actor | null;
  userId: string;
  clientAddress?: string | null;
}) {
  await authorize({ actor, permission: MANAGE_USERS_PERMISSION, audit: { ip: clientAddress, entityId: userId } });
  const user = await accountFor(userId);
  if (!user.deactivatedAt) return;
  await prisma.user.update({ where: { id: userId }, data: { deactivatedAt: null }, select: { id: true } });
  await recordAuditEvent({
    actorId: actor!.id,
    action: "user.reactivate",
    entity: "user",
    entityId: userId,
    outcome: "ok",
    ip: clientAddress ?? null,
    details: { email: user.email },
  });
}
