import type { PrismaClient } from "~/generated/prisma/client";
import { rawDate } from "~/utils/db.server";
import { toSessionUser } from "~/utils/session-user.server";

import type { Adapter, DatabaseSession, DatabaseUser } from "lucia";

/**
 * Lucia v3's storage interface over our own Prisma client. The official
 * `@lucia-auth/adapter-prisma` pins Prisma ≤ 5, and ours is 6 with a driver
 * adapter; the interface is seven small functions, so we own them.
 *
 * Differences from the official adapter, on purpose:
 * - `getSessionAndUser` loads the user's role, permissions and organization in
 *   the same SQL statement, with what the per-request checks need (the
 *   account deactivated? second factor enrolled, and verified in this
 *   session?), so a signed-in request costs one round trip;
 * - session attributes carry `createdAt`, for the absolute lifetime that
 *   app/utils/session.server.ts enforces;
 * - deletes and updates use `deleteMany`/`updateMany`, so two parallel
 *   requests invalidating the same session do not fail on a missing row;
 * - `deleteExpiredSessions` also removes sessions past the absolute lifetime.
 */
interface SessionRow {
  sessionId: string;
  userId: string;
  /** See rawDate(). */
  expiresAt: Date | string;
  createdAt: Date | string;
  email: string;
  name: string;
  role: string;
  organizationId: string | null;
  organizationName: string | null;
  organizationKind: string | null;
  deactivatedAt: Date | string | null;
  twoFactorVerifiedAt: Date | string | null;
  totpConfirmedAt: Date | string | null;
  action: string | null;
  entity: string | null;
  access: string | null;
}

export class PrismaLuciaAdapter implements Adapter {
  constructor(
    private readonly client: PrismaClient,
    private readonly options: { absoluteLifetimeMs: number },
  ) {}

  async getSessionAndUser(sessionId: string): Promise<[session: DatabaseSession | null, user: DatabaseUser | null]> {
    // Every signed-in request starts here, so it is one statement, not the
    // five a nested Prisma select becomes (session, user, role, permissions,
    // organization): a row per permission of the user's role (one row, with
    // NULL permission columns, for a role without any). Portable SQL; the
    // join table is Prisma's for the implicit Permission–Role relation
    // (A = permission, B = role).
    const rows = await this.client.$queryRaw<SessionRow[]>`
      SELECT s."id" AS "sessionId", s."userId" AS "userId", s."expiresAt" AS "expiresAt", s."createdAt" AS "createdAt",
             u."email" AS "email", u."name" AS "name", r."name" AS "role",
             o."id" AS "organizationId", o."name" AS "organizationName", o."kind" AS "organizationKind",
             u."deactivatedAt" AS "deactivatedAt", s."twoFactorVerifiedAt" AS "twoFactorVerifiedAt",
             t."confirmedAt" AS "totpConfirmedAt",
             p."action" AS "action", p."entity" AS "entity", p."access" AS "access"
      FROM "Session" s
      JOIN "User" u ON u."id" = s."userId"
      JOIN "Role" r ON r."id" = u."roleId"
      LEFT JOIN "Organization" o ON o."id" = u."organizationId"
      LEFT JOIN "TotpCredential" t ON t."userId" = u."id"
      LEFT JOIN "_PermissionToRole" pr ON pr."B" = r."id"
      LEFT JOIN "Permission" p ON p."id" = pr."A"
      WHERE s."id" = ${sessionId}`;
    const row = rows[0];
    if (!row) return [null, null];
    const { id: _id, ...attributes } = toSessionUser({
      id: row.userId,
      email: row.email,
      name: row.name,
      role: {
        name: row.role,
        permissions: rows
          .filter((each) => each.action !== null)
          .map((each) => ({ action: each.action!, entity: each.entity!, access: each.access! })),
      },
      organization: row.organizationId
        ? { id: row.organizationId, name: row.organizationName!, kind: row.organizationKind! }
        : null,
    });
    return [
      {
        id: row.sessionId,
        userId: row.userId,
        expiresAt: rawDate(row.expiresAt),
        attributes: {
          createdAt: rawDate(row.createdAt),
          // Read with the session for the checks every request makes (app/utils/session.server.ts
          // validateSessionId, auth.server.ts twoFactorGate), instead of three more queries.
          userDeactivated: row.deactivatedAt !== null,
          twoFactorVerified: row.twoFactorVerifiedAt !== null,
          totpEnrolled: row.totpConfirmedAt !== null,
        },
      },
      { id: row.userId, attributes },
    ];
  }

  async getUserSessions(userId: string): Promise<DatabaseSession[]> {
    const rows = await this.client.session.findMany({
      where: { userId },
      select: { id: true, userId: true, expiresAt: true, createdAt: true },
    });
    return rows.map((row) => ({
      id: row.id,
      userId: row.userId,
      expiresAt: row.expiresAt,
      attributes: { createdAt: row.createdAt },
    }));
  }

  async setSession(session: DatabaseSession): Promise<void> {
    await this.client.session.create({
      data: {
        id: session.id,
        userId: session.userId,
        expiresAt: session.expiresAt,
        createdAt: session.attributes.createdAt,
      },
      select: { id: true },
    });
  }

  async updateSessionExpiration(sessionId: string, expiresAt: Date): Promise<void> {
    await this.client.session.updateMany({ where: { id: sessionId }, data: { expiresAt } });
  }

  async deleteSession(sessionId: string): Promise<void> {
    await this.client.session.deleteMany({ where: { id: sessionId } });
  }

  async deleteUserSessions(userId: string): Promise<void> {
    await this.client.session.deleteMany({ where: { userId } });
  }

  async deleteExpiredSessions(): Promise<void> {
    const now = Date.now();
    await this.client.session.deleteMany({
      where: {
        OR: [
          { expiresAt: { lte: new Date(now) } },
          { createdAt: { lte: new Date(now - this.options.absoluteLifetimeMs) } },
        ],
      },
    });
  }
}
