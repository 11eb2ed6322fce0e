/**
 * The two schema variants and their migration histories agree (issue #6):
 * prisma/postgres/schema.prisma is what the generator makes of
 * prisma/schema.prisma, the leg's committed migrations produce exactly its
 * schema, and /readyz's check compares applied migrations with the folders
 * on disk. Runs on both legs: the migration check uses the leg's database.
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

import pg from "pg";
import { describe, expect, it } from "vitest";

import { checkReadiness, databaseProvider, migrationsOnDisk, prisma } from "~/utils/db.server";

import { postgresSchemaFrom } from "../../scripts/generate-postgres-schema.mjs";
import { createDatabase, dropDatabase, throwawayDatabaseName } from "../../scripts/lib/databases.mjs";

const provider = databaseProvider();
const prismaCli = (args: string[]) =>
  spawnSync(process.execPath, ["scripts/prisma.mjs", ...args], { env: { ...process.env }, encoding: "utf8" });

describe("the generated PostgreSQL schema", () => {
  it("is up to date with prisma/schema.prisma (the CI check)", () => {
    const result = spawnSync(process.execPath, ["scripts/generate-postgres-schema.mjs", "--check"], {
      encoding: "utf8",
    });
    expect(result.status, result.stderr).toBe(0);
  });

  it("differs from the SQLite schema only in provider and client output", () => {
    const schema = postgresSchemaFrom(
      [
        "generator client {",
        '  output = "../app/generated/prisma"',
        "}",
        "datasource db {",
        '  provider = "sqlite"',
        "}",
        "model A {",
        "  id String @id",
        "}",
        "",
      ].join("\n"),
    );
    expect(schema).toContain('output = "../../app/generated/prisma-pg"');
    expect(schema).toContain('provider = "postgresql"');
    expect(schema).toContain("model A {\n  id String @id\n}");
  });

  it("refuses a source it does not recognise rather than half-converting it", () => {
    expect(() => postgresSchemaFrom('datasource db {\n  provider = "mysql"\n}\n')).toThrow(
      /expected one datasource provider/,
    );
  });
});

describe.skipIf(provider !== "sqlite")("the committed SQLite migrations", () => {
  it("produce exactly prisma/schema.prisma (no drift)", () => {
    // The test database was made by `migrate deploy`; introspect it and diff
    // against the schema file: an empty diff means the migrations are complete.
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "consult-drift-"));
    const pulled = path.join(dir, "pulled.prisma");
    fs.writeFileSync(pulled, 'datasource db {\n  provider = "sqlite"\n  url      = env("DATABASE_URL")\n}\n');
    const pull = prismaCli(["db", "pull", "--schema", pulled]);
    expect(pull.status, pull.stderr).toBe(0);
    const diff = prismaCli([
      "migrate",
      "diff",
      "--from-schema-datamodel",
      pulled,
      "--to-schema-datamodel",
      "prisma/schema.prisma",
      "--script",
    ]);
    fs.rmSync(dir, { recursive: true, force: true });
    expect(diff.status, diff.stderr).toBe(0);
    expect(diff.stdout.replace(/^-- This is an empty migration\.\s*$/m, "").trim()).toBe("");
  }, 60_000);
});

describe.skipIf(provider !== "postgresql")("the committed PostgreSQL migrations", () => {
  /** Tables, columns, indexes and constraints as PostgreSQL's catalog describes them. */
  async function catalog(url: string) {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      const columns = await client.query(
        "SELECT table_name, column_name, data_type, is_nullable, column_default FROM information_schema.columns " +
          "WHERE table_schema = 'public' AND table_name <> '_prisma_migrations' ORDER BY 1, 2",
      );
      const indexes = await client.query(
        "SELECT indexname, indexdef FROM pg_indexes " +
          "WHERE schemaname = 'public' AND tablename <> '_prisma_migrations' ORDER BY 1",
      );
      const constraints = await client.query(
        "SELECT conname, pg_get_constraintdef(oid) AS definition FROM pg_constraint " +
          "WHERE connamespace = 'public'::regnamespace AND conname NOT LIKE '\\_prisma\\_migrations%' ORDER BY 1",
      );
      return { columns: columns.rows, indexes: indexes.rows, constraints: constraints.rows };
    } finally {
      await client.end();
    }
  }

  it("produce exactly prisma/postgres/migrated-schema.prisma, equal to the generated schema (no drift)", async () => {
    // Introspection through the adapter fails offline, so compare catalogs:
    // this test's database (made by `migrate deploy`) against one made
    // straight from the snapshot the next migration will start from.
    const script = prismaCli([
      "migrate",
      "diff",
      "--from-empty",
      "--to-schema-datamodel",
      "prisma/postgres/migrated-schema.prisma",
      "--script",
    ]);
    expect(script.status, script.stderr).toBe(0);
    const name = throwawayDatabaseName("consult_test_snapshot");
    const server = process.env.TEST_POSTGRES_URL!;
    const snapshotUrl = await createDatabase(server, name);
    try {
      const client = new pg.Client({ connectionString: snapshotUrl });
      await client.connect();
      await client.query(script.stdout);
      await client.end();
      expect(await catalog(process.env.DATABASE_URL!)).toEqual(await catalog(snapshotUrl));
    } finally {
      await dropDatabase(server, name);
    }
    const check = spawnSync(process.execPath, ["scripts/generate-postgres-schema.mjs", "--check"], {
      encoding: "utf8",
    });
    expect(check.status, check.stderr).toBe(0);
  }, 60_000);
});

describe("readiness (/readyz)", () => {
  it("is ready when every migration folder is applied", async () => {
    const readiness = await checkReadiness();
    expect(readiness).toEqual({ ready: true, migrations: migrationsOnDisk().length, newerInDatabase: [] });
  });

  it("is not ready while a migration on disk is not applied, and names it", async () => {
    const [last] = migrationsOnDisk().slice(-1);
    await prisma.$executeRawUnsafe(
      `UPDATE "_prisma_migrations" SET "migration_name" = 'renamed_for_test' WHERE "migration_name" = '${last}'`,
    );
    try {
      expect(await checkReadiness()).toEqual({ ready: false, reason: "migrations not applied", pending: [last] });
    } finally {
      await prisma.$executeRawUnsafe(
        `UPDATE "_prisma_migrations" SET "migration_name" = '${last}' WHERE "migration_name" = 'renamed_for_test'`,
      );
    }
  });

  it("is not ready while a migration has failed half-way", async () => {
    const [last] = migrationsOnDisk().slice(-1);
    await prisma.$executeRawUnsafe(
      `UPDATE "_prisma_migrations" SET "finished_at" = NULL WHERE "migration_name" = '${last}'`,
    );
    const readiness = await checkReadiness();
    expect(readiness).toEqual({ ready: false, reason: "a migration failed or is still running", failed: [last] });
  });
});
