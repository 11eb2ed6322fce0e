import type { Prisma } from "~/generated/prisma/client";
import type { OrganizationKind, RoleName } from "~/lib/permissions";
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

/**
 * What a signed-in request knows about its user: loaded with the session in
 * one query (app/utils/lucia-adapter.server.ts). `permissions` come from the
 * Role→Permission rows in the database, not from ROLE_PERMISSIONS, so a
 * change to the reference data takes effect on the next request.
 */
export const sessionUserSelect = {
  id: true,
  email: true,
  name: true,
  role: { select: { name: true, permissions: { select: { action: true, entity: true, access: true } } } },
  organization: { select: { id: true, name: true, kind: true } },
} satisfies Prisma.UserSelect;

export type SessionUserRow = Prisma.UserGetPayload<{ select: typeof sessionUserSelect }>;

export interface SessionUser {
  id: string;
  email: string;
  name: string;
  /** secretariat | focal_point | delegate | observer */
  role: string;
  organization: { id: string; name: string; kind: string } | null;
  /** `action:entity:access` strings granted by the user's role. */
  permissions: string[];
}

export function toSessionUser(row: SessionUserRow): SessionUser {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    role: row.role.name,
    organization: row.organization,
    permissions: row.role.permissions.map((p) => `${p.action}:${p.entity}:${p.access}`).sort(),
  };
}

export function normalizeEmail(email: string) {
  return email.trim().toLowerCase();
}

/** The credentials to check at sign-in; null when no such account. */
export async function findUserCredentials({ email }: { email: string }) {
  return prisma.user.findUnique({
    where: { email: normalizeEmail(email) },
    select: { id: true, passwordHash: true },
  });
}

export async function userExistsWithEmail({ email }: { email: string }) {
  const row = await prisma.user.findUnique({ where: { email: normalizeEmail(email) }, select: { id: true } });
  return row !== null;
}

/** Organizations for the secretariat's invitation form. */
export async function listOrganizations() {
  return prisma.organization.findMany({ orderBy: { name: "asc" }, select: { id: true, name: true, kind: true } });
}
