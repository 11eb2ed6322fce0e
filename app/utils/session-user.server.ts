import type { Prisma } from "~/generated/prisma/client";
import { normalizeEmail } from "~/lib/email";
import type { Actor } from "~/lib/permissions";
import { prisma } from "~/utils/db.server";

/**
 * Who a signed-in request is: the Actor every permission check takes (id,
 * organization, permissions), plus what the page shows about them. Loaded
 * with the session in one query (app/utils/lucia-adapter.server.ts), so it is
 * infrastructure, beside the session: models receive it as their `actor`.
 *
 * `permissions` come from the Role→Permission rows in the database, not from
 * ROLE_PERMISSIONS, so a change to the reference data takes effect on the
 * next request.
 */
export interface SessionUser extends Actor {
  email: string;
  name: string;
  /** secretariat | focal_point | delegate | observer: shown, never checked (guards check permissions). */
  role: string;
  organization: { id: string; name: string; kind: string } | null;
  /** `action:entity:access` strings granted by the user's role, sorted. */
  permissions: string[];
}

/** The columns a SessionUser is made of, for Prisma reads of users outside the session query. */
export const sessionUserSelect = {
  id: true,
  email: true,
  name: true,
  role: { select: { name: true, permissions: { select: { action: true, entity: true, access: true } } } },
  organization: { select: { id: true, name: true, kind: true } },
} satisfies Prisma.UserSelect;

export type SessionUserRow = Prisma.UserGetPayload<{ select: typeof sessionUserSelect }>;

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

/** A user as a signed-in request would see them, without a session (scripts, tests); null when unknown. */
export async function findSessionUser({ userId }: { userId: string }): Promise<SessionUser | null> {
  const row = await prisma.user.findUnique({ where: { id: userId }, select: sessionUserSelect });
  return row ? toSessionUser(row) : null;
}

/** The credentials to check at sign-in; null when no such account. */
export async function findUserCredentials({ email }: { email: string }) {
  return prisma.user.findUnique({
    where: { email: normalizeEmail(email) },
    select: { id: true, passwordHash: true },
  });
}
