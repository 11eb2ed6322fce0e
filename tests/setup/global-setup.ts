import fs from "node:fs";
import os from "node:os";
import path from "node:path";

import {
  createDatabase,
  dropAbandonedDatabases,
  dropDatabase,
  migrateDatabase,
  throwawayDatabaseName,
} from "../../scripts/lib/databases.mjs";

/** The PostgreSQL server the PostgreSQL leg uses (TEST_DATABASE=postgres). */
export const DEFAULT_TEST_POSTGRES_URL = "postgres://postgres@127.0.0.1:5432/test";

/**
 * Builds one migrated template database per test run with `prisma migrate
 * deploy` (the same path production takes, `_prisma_migrations` included);
 * every test file then works on its own copy (tests/setup/vitest.setup.ts),
 * so tests never share state and never touch data/dev.db.
 *
 * - SQLite (default): a template file, copied per file.
 * - PostgreSQL (TEST_DATABASE=postgres, server TEST_POSTGRES_URL): a template
 *   database; each file runs `CREATE DATABASE … TEMPLATE` and drops it after.
 */
export default async function setup() {
  if (process.env.TEST_DATABASE === "postgres") {
    const server = (process.env.TEST_POSTGRES_URL ??= DEFAULT_TEST_POSTGRES_URL);
    await dropAbandonedDatabases(server, "consult_test");
    const template = throwawayDatabaseName("consult_test_tpl");
    migrateDatabase(await createDatabase(server, template));
    process.env.TEST_PG_TEMPLATE = template;
    return () => dropDatabase(server, template);
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "consult-tests-"));
  const template = path.join(dir, "template.db");
  migrateDatabase(`file:${template}`);
  process.env.TEST_DB_TEMPLATE = template;
  return () => fs.rmSync(dir, { recursive: true, force: true });
}
