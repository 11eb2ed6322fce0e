import type { Prisma } from "~/generated/prisma/client";
import { normalizeEmail } from "~/lib/email";
import type { Actor } from "~/lib/permissions";
import { isEnrolmentAllowed, isTwoFactorRequired } from "~/lib/security/totp";
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

/**
 * The second factor's verdict on a valid session (docs/decisions/0014-totp-second-factor.md):
 * - "pending": the user has a confirmed TOTP and this session has not entered a code
 *   yet: it counts as signed out (only /login/two-factor and /logout read it);
 * - "enrol": the role requires a second factor and the user has none: every page but
 *   enrolment and sign-out redirects to /account/two-factor;
 * - "ok".
 */
export async function twoFactorGate({
  sessionId,
  role,
  pathname,
  known,
}: {
  sessionId: string;
  role: string;
  pathname: string;
  /** What the session's own query read (app/utils/lucia-adapter.server.ts): then nothing is read again. */
  known?: { totpEnrolled?: boolean; twoFactorVerified?: boolean };
}): Promise<"ok" | "pending" | "enrol"> {
  let enrolled = known?.totpEnrolled;
  let verified = known?.twoFactorVerified;
  if (enrolled === undefined || verified === undefined) {
    const row = await prisma.session.findUnique({
      where: { id: sessionId },
      select: { twoFactorVerifiedAt: true, user: { select: { totp: { select: { confirmedAt: true } } } } },
    });
    enrolled = Boolean(row?.user.totp?.confirmedAt);
    verified = Boolean(row?.twoFactorVerifiedAt);
  }
  if (enrolled && !verified) return "pending";
  if (!enrolled && isTwoFactorRequired(role) && !isEnrolmentAllowed(pathname)) return "enrol";
  return "ok";
}
