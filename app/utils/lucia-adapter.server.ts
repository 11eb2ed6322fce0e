import type { Adapter, DatabaseSession, DatabaseUser } from "lucia";

import type { PrismaClient } from "~/generated/prisma/client";
import { sessionUserSelect, toSessionUser } from "~/models/user.server";

/**
 * Lucia v3's storage interface over our own Prisma client. The official
 * `@lucia-auth/adapter-prisma` pins Prisma ≤ 5, and ours is 6 with a driver
 * adapter; the interface is seven small functions, so we own them.
 *
 * Differences from the official adapter, on purpose:
 * - `getSessionAndUser` loads the user's role, permissions and organization in
 *   the same query, so a signed-in request costs one database round trip;
 * - session attributes carry `createdAt`, for the absolute lifetime that
 *   app/utils/session.server.ts enforces;
 * - deletes and updates use `deleteMany`/`updateMany`, so two parallel
 *   requests invalidating the same session do not fail on a missing row;
 * - `deleteExpiredSessions` also removes sessions past the absolute lifetime.
 */
export class PrismaLuciaAdapter implements Adapter {
  constructor(
    private readonly client: PrismaClient,
    private readonly options: { absoluteLifetimeMs: number },
  ) {}

  async getSessionAndUser(sessionId: string): Promise<[session: DatabaseSession | null, user: DatabaseUser | null]> {
    const row = await this.client.session.findUnique({
      where: { id: sessionId },
      select: { id: true, userId: true, expiresAt: true, createdAt: true, user: { select: sessionUserSelect } },
    });
    if (!row) return [null, null];
    const { id: _id, ...attributes } = toSessionUser(row.user);
    return [
      { id: row.id, userId: row.userId, expiresAt: row.expiresAt, attributes: { createdAt: row.createdAt } },
      { id: row.user.id, attributes },
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
