#!/usr/bin/env node
// Writes prisma/postgres/schema.prisma from prisma/schema.prisma: the same
// models with the PostgreSQL provider and a second generated client in
// app/generated/prisma-pg. One Prisma schema has one provider, so the
// PostgreSQL variant is derived, never edited by hand
// (docs/decisions/0007-postgresql-and-several-instances.md).
//
//   node scripts/generate-postgres-schema.mjs          write it
//   node scripts/generate-postgres-schema.mjs --check  exit 1 if the committed file is stale, or
//                                                      if the PostgreSQL migrations lag behind it (CI)
//
// prisma/postgres/migrated-schema.prisma is the schema the PostgreSQL
// migration history produces (scripts/new-migration.mjs keeps it): PostgreSQL
// migrations are made by diffing it against the new schema, because the
// offline schema engine cannot introspect PostgreSQL through the adapter.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
export const SQLITE_SCHEMA = path.join(root, "prisma/schema.prisma");
export const POSTGRES_SCHEMA = path.join(root, "prisma/postgres/schema.prisma");
export const MIGRATED_POSTGRES_SCHEMA = path.join(root, "prisma/postgres/migrated-schema.prisma");

const MIGRATED_HEADER = `// The schema that prisma/postgres/migrations produces, kept by
// scripts/new-migration.mjs as the starting point of the next PostgreSQL
// migration. Do not edit.
`;

/** The snapshot of the PostgreSQL schema that the migration history reaches. @param {string} schema */
export function migratedSchemaFrom(schema) {
  return MIGRATED_HEADER + schema;
}

/**
 * Whether the two datamodels differ, by the schema engine's own diff (no
 * database needed). @param {string} from @param {string} to
 */
export function schemasDiffer(from, to) {
  const result = spawnSync(
    process.execPath,
    [
      path.join(root, "scripts/prisma.mjs"),
      "migrate",
      "diff",
      "--from-schema-datamodel",
      from,
      "--to-schema-datamodel",
      to,
      "--exit-code",
    ],
    // Two datamodels, no database; the CLI opens the configured adapter all
    // the same, so give it an in-memory SQLite database.
    { cwd: root, encoding: "utf8", env: { ...process.env, DATABASE_URL: "file::memory:" } },
  );
  if (result.status === 0) return false;
  if (result.status === 2) return true;
  throw new Error(`prisma migrate diff failed:\n${result.stdout}\n${result.stderr}`);
}

const HEADER = `// GENERATED from prisma/schema.prisma by scripts/generate-postgres-schema.mjs.
// Do not edit: change prisma/schema.prisma, then run
// \`node scripts/generate-postgres-schema.mjs\` and
// \`node scripts/new-migration.mjs <name>\` (which does both providers).
`;

/** Replaces exactly one occurrence, so a reshaped source schema fails loudly instead of half-converting. */
function replaceOnce(text, pattern, replacement, what) {
  const matches = text.match(new RegExp(pattern.source, `${pattern.flags.replace("g", "")}g`)) ?? [];
  if (matches.length !== 1) {
    throw new Error(`prisma/schema.prisma: expected one ${what}, found ${matches.length}`);
  }
  return text.replace(pattern, replacement);
}

export function postgresSchemaFrom(sqliteSchema) {
  let schema = sqliteSchema;
  schema = replaceOnce(
    schema,
    /(datasource\s+db\s*\{[^}]*?provider\s*=\s*)"sqlite"/,
    '$1"postgresql"',
    'datasource provider = "sqlite"',
  );
  // The output path is relative to the schema file, one folder deeper here.
  schema = replaceOnce(
    schema,
    /(generator\s+client\s*\{[^}]*?output\s*=\s*)"\.\.\/app\/generated\/prisma"/,
    '$1"../../app/generated/prisma-pg"',
    'generator output = "../app/generated/prisma"',
  );
  return HEADER + "\n" + schema;
}

const isMain = process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) {
  const expected = postgresSchemaFrom(fs.readFileSync(SQLITE_SCHEMA, "utf8"));
  const current = fs.existsSync(POSTGRES_SCHEMA) ? fs.readFileSync(POSTGRES_SCHEMA, "utf8") : null;
  if (process.argv.includes("--check")) {
    if (current !== expected) {
      console.error(
        "✖ prisma/postgres/schema.prisma is stale: run `node scripts/generate-postgres-schema.mjs`, then add " +
          "a PostgreSQL migration (node scripts/new-migration.mjs <name>).",
      );
      process.exit(1);
    }
    if (schemasDiffer(MIGRATED_POSTGRES_SCHEMA, POSTGRES_SCHEMA)) {
      console.error(
        "✖ prisma/postgres/migrations lag behind prisma/postgres/schema.prisma: make the migration with " +
          "`node scripts/new-migration.mjs <name>`.",
      );
      process.exit(1);
    }
    console.log("prisma/postgres/schema.prisma matches prisma/schema.prisma, and its migrations are complete");
  } else if (current !== expected) {
    fs.mkdirSync(path.dirname(POSTGRES_SCHEMA), { recursive: true });
    fs.writeFileSync(POSTGRES_SCHEMA, expected);
    console.log("Wrote prisma/postgres/schema.prisma");
  }
}
