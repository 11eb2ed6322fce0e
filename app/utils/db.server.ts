import fs from "node:fs";
import path from "node:path";

import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";

import { PrismaClient } from "~/generated/prisma/client";

/**
 * One Prisma client per process, chosen by DATABASE_URL. SQLite (a `file:`
 * URL) is the embedded default.
 */
export const DEFAULT_DATABASE_URL = "file:./data/dev.db";

/** Milliseconds a writer waits for SQLite's lock before giving up. */
export const SQLITE_BUSY_TIMEOUT_MS = 15_000;

export function databaseProvider(url = process.env.DATABASE_URL ?? DEFAULT_DATABASE_URL) {
  if (/^postgres(ql)?:\/\//.test(url)) return "postgresql" as const;
  if (url.startsWith("file:")) return "sqlite" as const;
  throw new Error(`DATABASE_URL must be a file: (SQLite) or postgres:// URL, got "${url.split(":")[0]}:…"`);
}

/** better-sqlite3 creates the file but not its folder. */
function ensureSqliteDirectory(url: string) {
  const file = url.slice("file:".length);
  if (file && file !== ":memory:") fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
}

function createClient(): PrismaClient {
  const url = process.env.DATABASE_URL ?? DEFAULT_DATABASE_URL;
  const provider = databaseProvider(url);
  if (provider !== "sqlite") {
    throw new Error("PostgreSQL is not wired yet: set DATABASE_URL to a file: URL.");
  }
  ensureSqliteDirectory(url);
  const adapter = new PrismaBetterSQLite3({ url, timeout: SQLITE_BUSY_TIMEOUT_MS });
  return new PrismaClient({ adapter });
}

// Kept on globalThis: the Express entry and the Remix build are separate
// bundles in one process (and dev reloads modules); they must share one
// client and so one SQLite connection.
const globalForPrisma = globalThis as unknown as { __prisma?: PrismaClient };

export const prisma: PrismaClient = (globalForPrisma.__prisma ??= createClient());

/**
 * Puts SQLite in WAL mode (readers never block the writer) and checks that it
 * took, along with the busy timeout: without both, parallel comment
 * submissions surface "database is locked" to users.
 */
export async function ensureDatabaseReady(client: PrismaClient = prisma) {
  if (databaseProvider() !== "sqlite") return;
  const [mode] = await client.$queryRawUnsafe<Array<{ journal_mode: string }>>("PRAGMA journal_mode = WAL");
  const [busy] = await client.$queryRawUnsafe<Array<{ timeout: bigint | number }>>("PRAGMA busy_timeout");
  if (mode?.journal_mode.toLowerCase() !== "wal") {
    throw new Error(`SQLite journal_mode is ${mode?.journal_mode}, expected wal`);
  }
  if (Number(busy?.timeout ?? 0) < 1_000) {
    throw new Error(`SQLite busy_timeout is ${busy?.timeout} ms, expected at least 1000`);
  }
}

/** Liveness of the database for /healthz: a trivial round trip. */
export async function pingDatabase(client: PrismaClient = prisma) {
  await client.$queryRawUnsafe("SELECT 1");
}
