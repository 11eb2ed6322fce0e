import { normalizeEmail } from "~/lib/email";
import type { Actor, OrganizationKind, RoleName } from "~/lib/permissions";
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
