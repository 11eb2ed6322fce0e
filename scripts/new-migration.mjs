#!/usr/bin/env node
// Makes the migrations for a change to prisma/schema.prisma, for both
// providers, under one <timestamp>_<name>:
// - SQLite: prisma/migrations/<timestamp>_<name>/migration.sql, the change
//   between the committed migrations and prisma/schema.prisma. `prisma
//   migrate dev` cannot run offline with the SQLite adapter (its shadow
//   database step fails), so this applies the migrations to a scratch
//   database and diffs from there
//   (docs/decisions/0002-prisma-offline-driver-adapters.md).
// - PostgreSQL: regenerates prisma/postgres/schema.prisma, then
//   prisma/postgres/migrations/<timestamp>_<name>/migration.sql is the diff
//   from prisma/postgres/migrated-schema.prisma (what the PostgreSQL
//   migrations produce so far) to it; no database needed. (Introspecting
//   PostgreSQL through the adapter fails offline, so the SQLite way is not
//   open here; docs/decisions/0007-postgresql-and-several-instances.md.)
// Review both files: a rename, for instance, comes out as drop + add.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

import {
  MIGRATED_POSTGRES_SCHEMA,
  migratedSchemaFrom,
  POSTGRES_SCHEMA,
  postgresSchemaFrom,
  SQLITE_SCHEMA,
} from "./generate-postgres-schema.mjs";

const name = process.argv[2];
if (!name || !/^[a-z0-9_]+$/.test(name)) {
  console.error("usage: node scripts/new-migration.mjs <snake_case_name>");
  process.exit(2);
}
const scratch = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "migration-")), "scratch.db");
const env = { ...process.env, DATABASE_URL: `file:${scratch}` };
const prisma = (args, options = {}) =>
  spawnSync(process.execPath, ["scripts/prisma.mjs", ...args], { env, encoding: "utf8", ...options });

const deploy = prisma(["migrate", "deploy"]);
if (deploy.status !== 0) {
  console.error(deploy.stdout, deploy.stderr);
  process.exit(1);
}
// `migrate diff --from-url` is refused with an adapter in prisma.config.ts,
// but introspection works: pull the scratch database into a schema file.
const pulledSchema = path.join(path.dirname(scratch), "pulled.prisma");
fs.writeFileSync(pulledSchema, 'datasource db {\n  provider = "sqlite"\n  url      = env("DATABASE_URL")\n}\n');
const pull = prisma(["db", "pull", "--schema", pulledSchema]);
if (pull.status !== 0) {
  console.error(pull.stdout, pull.stderr);
  process.exit(1);
}
const diff = prisma([
  "migrate",
  "diff",
  "--from-schema-datamodel",
  pulledSchema,
  "--to-schema-datamodel",
  "prisma/schema.prisma",
  "--script",
]);
if (diff.status !== 0) {
  console.error(diff.stdout, diff.stderr);
  process.exit(1);
}
const isEmpty = (sql) => !/\S/.test(sql.replace(/^-- This is an empty migration\.\s*$/m, ""));
const stamp = new Date().toISOString().replace(/[-:T]/g, "").slice(0, 14);
let wrote = 0;
if (!isEmpty(diff.stdout)) {
  const dir = path.join("prisma/migrations", `${stamp}_${name}`);
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, "migration.sql"), diff.stdout);
  console.log(`Wrote ${dir}/migration.sql`);
  wrote++;
}

// PostgreSQL: the generated schema, then the diff from what its migrations produce.
const postgresSchema = postgresSchemaFrom(fs.readFileSync(SQLITE_SCHEMA, "utf8"));
fs.writeFileSync(POSTGRES_SCHEMA, postgresSchema);
// Two datamodels, no database: the CLI still opens the configured adapter,
// and the scratch SQLite file is a harmless one to open.
const pgDiff = prisma([
  "migrate",
  "diff",
  "--from-schema-datamodel",
  MIGRATED_POSTGRES_SCHEMA,
  "--to-schema-datamodel",
  POSTGRES_SCHEMA,
  "--script",
]);
if (pgDiff.status !== 0) {
  console.error(pgDiff.stdout, pgDiff.stderr);
  process.exit(1);
}
if (!isEmpty(pgDiff.stdout)) {
  const dir = path.join("prisma/postgres/migrations", `${stamp}_${name}`);
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, "migration.sql"), pgDiff.stdout);
  fs.writeFileSync(MIGRATED_POSTGRES_SCHEMA, migratedSchemaFrom(postgresSchema));
  console.log(`Wrote ${dir}/migration.sql`);
  wrote++;
}
if (wrote === 0) console.log("The schema matches the migrations of both providers: nothing to do.");
