import { parsePermission, ROLE_NAMES, ROLE_PERMISSIONS } from "~/lib/permissions";
import { prisma } from "~/utils/db.server";

/**
 * Writes the reference data (roles and their permissions) idempotently. Runs
 * at every start and before seeding; changing ROLE_PERMISSIONS and restarting
 * brings the database in line.
 */
export async function ensureReferenceData(client = prisma) {
  for (const name of ROLE_NAMES) {
    const { description, permissions } = ROLE_PERMISSIONS[name];
    const ids: string[] = [];
    for (const permission of permissions) {
      const { action, entity, access } = parsePermission(permission);
      const row = await client.permission.upsert({
        where: { action_entity_access: { action, entity, access } },
        create: { action, entity, access },
        update: {},
        select: { id: true },
      });
      ids.push(row.id);
    }
    await client.role.upsert({
      where: { name },
      create: { name, description, permissions: { connect: ids.map((id) => ({ id })) } },
      update: { description, permissions: { set: ids.map((id) => ({ id })) } },
      select: { id: true },
    });
  }
}
