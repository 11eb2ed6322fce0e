import fs from "node:fs";
import os from "node:os";
import path from "node:path";

import Database from "better-sqlite3";

/**
 * Builds one migrated SQLite template database per test run; every test file
 * then works on its own copy of it (tests/setup/vitest.setup.ts), so tests
 * never share state and never touch data/dev.db.
 */
export default function setup() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "consult-tests-"));
  const template = path.join(dir, "template.db");
  const db = new Database(template);
  const migrations = path.resolve("prisma/migrations");
  for (const entry of fs.readdirSync(migrations).sort()) {
    const file = path.join(migrations, entry, "migration.sql");
    if (fs.existsSync(file)) db.exec(fs.readFileSync(file, "utf8"));
  }
  db.close();
  process.env.TEST_DB_TEMPLATE = template;
  return () => fs.rmSync(dir, { recursive: true, force: true });
}
