import fs from "node:fs";
import path from "node:path";

import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";

import { PrismaClient } from "~/generated/prisma/client";
import { PrismaClient as PostgresPrismaClient } from "~/generated/prisma-pg/client";
import { logger } from "~/utils/logger.server";

/**
 * One Prisma client per process, chosen by DATABASE_URL: a `file:` URL is
 * SQLite (the embedded default), a `postgres://` URL is PostgreSQL
 * (docs/decisions/0007-postgresql-and-several-instances.md).
 */
export const DEFAULT_DATABASE_URL = "file:./data/dev.db";

/** Milliseconds a writer waits for SQLite's lock before giving up. */
export const SQLITE_BUSY_TIMEOUT_MS = 15_000;

/**
 * PostgreSQL connections per app process. Two instances with the default use
 * 20 of the server's 100 default connections; raise max_connections before
 * running many more.
 */
export const POSTGRES_POOL_SIZE = Number(process.env.DATABASE_POOL_SIZE ?? 10);

/**
 * How long a request waits for a PostgreSQL connection before failing: while
 * the database is down, requests fail fast (and /readyz says so) instead of
 * piling up.
 */
export const POSTGRES_CONNECT_TIMEOUT_MS = 5_000;

export type DatabaseProvider = "sqlite" | "postgresql";

export function databaseProvider(url = process.env.DATABASE_URL ?? DEFAULT_DATABASE_URL): DatabaseProvider {
  if (/^postgres(ql)?:\/\//.test(url)) return "postgresql";
  if (url.startsWith("file:")) return "sqlite";
  throw new Error(`DATABASE_URL must be a file: (SQLite) or postgres:// URL, got "${url.split(":")[0]}:…"`);
}

/**
 * A DateTime column read with raw SQL: PostgreSQL's driver gives a Date,
 * SQLite gives the ISO-8601 text Prisma stores there (with its offset).
 */
export function rawDate(value: Date | string): Date;
export function rawDate(value: Date | string | null): Date | null;
export function rawDate(value: Date | string | null): Date | null {
  if (value === null) return null;
  return value instanceof Date ? value : new Date(value);
}

/** Driver codes of a unique or primary-key violation: PostgreSQL's SQLSTATE, then better-sqlite3's. */
const UNIQUE_VIOLATION_CODES = new Set(["23505", "SQLITE_CONSTRAINT_UNIQUE", "SQLITE_CONSTRAINT_PRIMARYKEY"]);

/**
 * Whether `error` is a unique-constraint violation (an insert that lost a
 * race, an email already taken), whichever database raised it. Checked by
 * shape, not `instanceof`: the SQLite and PostgreSQL generated clients each
 * have their own PrismaClientKnownRequestError class. Covers Prisma's P2002,
 * the driver adapters' UniqueConstraintViolation, and the raw driver codes.
 */
export function isUniqueViolation(error: unknown): boolean {
  if (typeof error !== "object" || error === null) return false;
  const { code, cause } = error as { code?: unknown; cause?: unknown };
  if (code === "P2002" || (typeof code === "string" && UNIQUE_VIOLATION_CODES.has(code))) return true;
  if (typeof cause === "object" && cause !== null) {
    const { kind, originalCode } = cause as { kind?: unknown; originalCode?: unknown };
    if (kind === "UniqueConstraintViolation") return true;
    if (typeof originalCode === "string" && UNIQUE_VIOLATION_CODES.has(originalCode)) return true;
  }
  return false;
}

/** better-sqlite3 creates the file but not its folder. */
function ensureSqliteDirectory(url: string) {
  const file = url.slice("file:".length);
  if (file && file !== ":memory:") fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
}

function createClient(): PrismaClient {
  const url = process.env.DATABASE_URL ?? DEFAULT_DATABASE_URL;
  if (databaseProvider(url) === "postgresql") {
    const adapter = new PrismaPg(
      { connectionString: url, max: POSTGRES_POOL_SIZE, connectionTimeoutMillis: POSTGRES_CONNECT_TIMEOUT_MS },
      {
        // A connection dropped while idle (database restarted, backend
        // terminated) is discarded by the pool; without these handlers the
        // pool's "error" event would crash the process.
        onPoolError: (error) => logger.warn("database connection lost (idle)", { error: error.message }),
        onConnectionError: (error) => logger.warn("database connection lost", { error: error.message }),
      },
    );
    // The two generated clients come from one data model (the PostgreSQL
    // schema is generated from the SQLite one, and CI checks they agree), so
    // their model APIs are identical; only the provider and the query
    // compiler differ. Typing the PostgreSQL client as the SQLite client's
    // type lets every model module import one `PrismaClient` type.
    return new PostgresPrismaClient({ adapter }) as unknown as PrismaClient;
  }
  ensureSqliteDirectory(url);
  const adapter = new PrismaBetterSQLite3({ url, timeout: SQLITE_BUSY_TIMEOUT_MS });
  return new PrismaClient({ adapter });
}

// Kept on globalThis: the Express entry and the Remix build are separate
// bundles in one process (and dev reloads modules); they must share one
// client and so one SQLite connection or PostgreSQL pool.
const globalForPrisma = globalThis as unknown as { __prisma?: PrismaClient; __shuttingDown?: boolean };

export const prisma: PrismaClient = (globalForPrisma.__prisma ??= createClient());

/**
 * Start-up check. SQLite: puts the database in WAL mode (readers never block
 * the writer) and checks that it took, along with the busy timeout: without
 * both, parallel comment submissions surface "database is locked" to users.
 * PostgreSQL has neither setting; a round trip proves the server is there.
 */
export async function ensureDatabaseReady(client: PrismaClient = prisma) {
  if (databaseProvider() !== "sqlite") {
    await pingDatabase(client);
    return;
  }
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

/** The committed migrations for the provider in use, relative to the working directory. */
export function migrationsDirectory(provider: DatabaseProvider = databaseProvider()) {
  return path.resolve(provider === "postgresql" ? "prisma/postgres/migrations" : "prisma/migrations");
}

/** Folder names of the migrations shipped with this build, oldest first. */
export function migrationsOnDisk(directory = migrationsDirectory()) {
  return fs
    .readdirSync(directory, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && fs.existsSync(path.join(directory, entry.name, "migration.sql")))
    .map((entry) => entry.name)
    .sort();
}

export type Readiness =
  | { ready: true; migrations: number; newerInDatabase: string[] }
  | { ready: false; reason: string; pending?: string[]; failed?: string[] };

/** Milliseconds /readyz waits for the database before calling it unreachable. */
export const READINESS_TIMEOUT_MS = 2_000;

function withTimeout<T>(promise: Promise<T>, ms: number, what: string) {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} took longer than ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/**
 * Whether this instance should receive traffic: not shutting down, the
 * database answers, and every migration folder shipped with this build is
 * applied (none failed half-way). Migrations applied by a newer deploy are
 * fine (they are additive by convention, docs/deployment.md) and only
 * listed.
 */
export async function checkReadiness(client: PrismaClient = prisma): Promise<Readiness> {
  if (globalForPrisma.__shuttingDown) return { ready: false, reason: "shutting down" };
  let onDisk: string[];
  try {
    onDisk = migrationsOnDisk();
  } catch {
    return { ready: false, reason: `no migrations folder at ${path.relative(process.cwd(), migrationsDirectory())}` };
  }
  let rows: Array<{ migration_name: string; finished_at: Date | null; rolled_back_at: Date | null }>;
  try {
    rows = await withTimeout(
      client.$queryRawUnsafe('SELECT migration_name, finished_at, rolled_back_at FROM "_prisma_migrations"'),
      READINESS_TIMEOUT_MS,
      "the database",
    );
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (/_prisma_migrations/.test(message) && /(no such table|does not exist)/i.test(message)) {
      return { ready: false, reason: "migrations not applied", pending: onDisk };
    }
    return { ready: false, reason: "database unreachable" };
  }
  const applied = new Set(
    rows.filter((row) => row.finished_at !== null && row.rolled_back_at === null).map((row) => row.migration_name),
  );
  const failed = rows
    .filter((row) => row.finished_at === null && row.rolled_back_at === null)
    .map((row) => row.migration_name);
  if (failed.length > 0) return { ready: false, reason: "a migration failed or is still running", failed };
  const pending = onDisk.filter((name) => !applied.has(name));
  if (pending.length > 0) return { ready: false, reason: "migrations not applied", pending };
  const known = new Set(onDisk);
  return {
    ready: true,
    migrations: onDisk.length,
    newerInDatabase: [...applied].filter((name) => !known.has(name)).sort(),
  };
}

/** Called on SIGTERM: /readyz turns 503 so a load balancer stops sending traffic while requests drain. */
export function markShuttingDown() {
  globalForPrisma.__shuttingDown = true;
}
