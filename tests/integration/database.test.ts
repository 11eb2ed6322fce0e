import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { describe, expect, it } from "vitest";

import { PrismaClient } from "~/generated/prisma/client";
import { ensureDatabaseReady, prisma } from "~/utils/db.server";

describe("SQLite start-up checks (threats: 50 parallel comments, no 'database is locked')", () => {
  it("puts the database in WAL mode with a busy timeout", async () => {
    await ensureDatabaseReady();
    const [mode] = await prisma.$queryRawUnsafe<Array<{ journal_mode: string }>>("PRAGMA journal_mode");
    expect(mode.journal_mode).toBe("wal");
    const [busy] = await prisma.$queryRawUnsafe<Array<{ timeout: bigint }>>("PRAGMA busy_timeout");
    expect(Number(busy.timeout)).toBe(15_000);
  });
  it("refuses to start on a connection without a busy timeout", async () => {
    const client = new PrismaClient({
      adapter: new PrismaBetterSQLite3({ url: process.env.DATABASE_URL!, timeout: 0 }),
    });
    await expect(ensureDatabaseReady(client)).rejects.toThrow(/busy_timeout is 0 ms/);
    await client.$disconnect();
  });
});
