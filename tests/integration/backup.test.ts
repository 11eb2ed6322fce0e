/**
 * `npm run db:backup` and `npm run db:restore` on the leg's database (SQLite
 * by default, PostgreSQL with TEST_DATABASE=postgres): a backup taken while
 * the database is in use restores into a fresh database with the same rows
 * in every table, migrations included.
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

import Database from "better-sqlite3";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { Prisma } from "~/generated/prisma/client";
import { prisma } from "~/utils/db.server";

import { seed } from "../../prisma/seed";
import { createDatabase, dropDatabase, isPostgresUrl, throwawayDatabaseName } from "../../scripts/lib/databases.mjs";

const sourceUrl = process.env.DATABASE_URL!;
const postgres = isPostgresUrl(sourceUrl);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "consult-backup-"));
const restoredName = throwawayDatabaseName("consult_test_restored");
let restoredUrl: string;

/** Every table the migrations create: the models, Prisma's join table and its migration log. */
const TABLES = [...Object.values(Prisma.ModelName), "_PermissionToRole", "_prisma_migrations"];

async function rowCounts(url: string) {
  const counts: Record<string, number> = {};
  if (isPostgresUrl(url)) {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    for (const table of TABLES) {
      counts[table] = Number((await client.query(`SELECT COUNT(*) AS n FROM "${table}"`)).rows[0].n);
    }
    await client.end();
  } else {
    const db = new Database(url.slice("file:".length), { readonly: true });
    for (const table of TABLES)
      counts[table] = Number((db.prepare(`SELECT COUNT(*) AS n FROM "${table}"`).get() as { n: number }).n);
    db.close();
  }
  return counts;
}

function npmScript(script: "db-backup" | "db-restore", args: string[], databaseUrl: string) {
  return spawnSync(process.execPath, [`scripts/${script}.mjs`, ...args], {
    env: { ...process.env, DATABASE_URL: databaseUrl },
    encoding: "utf8",
  });
}

beforeAll(async () => {
  await seed({ quiet: true });
  restoredUrl = postgres
    ? await createDatabase(process.env.TEST_POSTGRES_URL!, restoredName)
    : `file:${path.join(dir, "restored.db")}`;
});

afterAll(async () => {
  if (postgres) await dropDatabase(process.env.TEST_POSTGRES_URL!, restoredName);
  fs.rmSync(dir, { recursive: true, force: true });
});

describe(`backup and restore (${postgres ? "PostgreSQL: pg_dump/pg_restore" : "SQLite: online backup API"})`, () => {
  it("restores a backup taken in use into a fresh database with the same rows in every table", async () => {
    const backupFile = path.join(dir, postgres ? "backup.dump" : "backup.sqlite");
    // A write in flight while the backup runs: the backup is a consistent snapshot either way.
    const writing = prisma.auditEvent.create({ data: { action: "backup.test", outcome: "ok" } });
    const backup = npmScript("db-backup", [backupFile], sourceUrl);
    await writing;
    expect(backup.status, backup.stderr).toBe(0);
    expect(backup.stdout).toMatch(/Backed up to/);

    const restore = npmScript("db-restore", [backupFile], restoredUrl);
    expect(restore.status, restore.stderr).toBe(0);

    const [source, restored] = await Promise.all([rowCounts(sourceUrl), rowCounts(restoredUrl)]);
    const { AuditEvent: sourceAudit, ...sourceRest } = source;
    const { AuditEvent: restoredAudit, ...restoredRest } = restored;
    expect(restoredRest).toEqual(sourceRest);
    // The audit row written during the backup may or may not be in it.
    expect(restoredAudit === sourceAudit || restoredAudit === sourceAudit - 1).toBe(true);
    expect(restored.Paragraph).toBeGreaterThan(100);
    expect(restored.Comment).toBeGreaterThan(0);
    expect(restored._prisma_migrations).toBeGreaterThan(0);
  });

  it("refuses to restore over a database that has tables, unless --force", async () => {
    const backupFile = path.join(dir, postgres ? "again.dump" : "again.sqlite");
    expect(npmScript("db-backup", [backupFile], sourceUrl).status).toBe(0);
    const refused = npmScript("db-restore", [backupFile], restoredUrl);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toMatch(/--force/);
    const forced = npmScript("db-restore", [backupFile, "--force"], restoredUrl);
    expect(forced.status, forced.stderr).toBe(0);
    expect((await rowCounts(restoredUrl)).Paragraph).toBe((await rowCounts(sourceUrl)).Paragraph);
  });
});
