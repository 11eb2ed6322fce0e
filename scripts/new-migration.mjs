#!/usr/bin/env node
// Creates prisma/migrations/<timestamp>_<name>/migration.sql from the change
// between the committed migrations and prisma/schema.prisma. `prisma migrate
// dev` cannot run offline with the SQLite adapter (its shadow database step
// fails), so this applies the migrations to a scratch database and diffs
// from there (docs/decisions/0002-prisma-offline-driver-adapters.md).
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

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
const diff = prisma(["migrate", "diff", "--from-schema-datamodel", pulledSchema, "--to-schema-datamodel", "prisma/schema.prisma", "--script"]);
if (diff.status !== 0) {
  console.error(diff.stdout, diff.stderr);
  process.exit(1);
}
if (!/\S/.test(diff.stdout.replace(/^-- This is an empty migration\.\s*$/m, ""))) {
  console.log("The schema matches the migrations: nothing to do.");
  process.exit(0);
}
const stamp = new Date().toISOString().replace(/[-:T]/g, "").slice(0, 14);
const dir = path.join("prisma/migrations", `${stamp}_${name}`);
fs.mkdirSync(dir, { recursive: true });
fs.writeFileSync(path.join(dir, "migration.sql"), diff.stdout);
console.log(`Wrote ${dir}/migration.sql`);
