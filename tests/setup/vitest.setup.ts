import fs from "node:fs";
import path from "node:path";

import { afterAll } from "vitest";

import { createDatabase, dropDatabase, throwawayDatabaseName } from "../../scripts/lib/databases.mjs";

// Each test file gets its own copy of the migrated template database
// (tests/setup/global-setup.ts); the Prisma client reads DATABASE_URL when
// app/utils/db.server.ts is first imported, after this runs.
process.env.LOG_LEVEL ??= "silent";

/** The client db.server.ts created, if this file used the database at all. */
async function disconnectPrisma() {
  const client = (globalThis as { __prisma?: { $disconnect(): Promise<void> } }).__prisma;
  await client?.$disconnect().catch(() => undefined);
}

const sqliteTemplate = process.env.TEST_DB_TEMPLATE;
const postgresTemplate = process.env.TEST_PG_TEMPLATE;
if (postgresTemplate) {
  const server = process.env.TEST_POSTGRES_URL!;
  const name = throwawayDatabaseName("consult_test_file");
  process.env.DATABASE_URL = await createDatabase(server, name, { template: postgresTemplate });
  afterAll(async () => {
    await disconnectPrisma();
    await dropDatabase(server, name);
  });
} else if (sqliteTemplate) {
  const file = path.join(path.dirname(sqliteTemplate), `t-${process.pid}-${Math.random().toString(36).slice(2)}.db`);
  fs.copyFileSync(sqliteTemplate, file);
  process.env.DATABASE_URL = `file:${file}`;
  afterAll(async () => {
    await disconnectPrisma();
    for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(file + suffix, { force: true });
  });
}
