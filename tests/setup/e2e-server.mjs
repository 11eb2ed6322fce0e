#!/usr/bin/env node
// Starts the production build on a throwaway database for Playwright: the
// same `npm start` path a newcomer takes (build if stale, migrate, seed,
// serve), on a fresh database each run.
// - SQLite (default): a new file in tmp/e2e-<port>/.
// - PostgreSQL (E2E_DATABASE=postgres): a new database consult_e2e_<port>_…
//   on the server of TEST_POSTGRES_URL (the server process cannot drop it on
//   its way out; later runs drop it once it is a few hours old).
import fs from "node:fs";
import path from "node:path";

import { createDatabase, dropAbandonedDatabases, throwawayDatabaseName } from "../../scripts/lib/databases.mjs";

const port = process.env.PORT ?? "default";
if (process.env.E2E_DATABASE === "postgres") {
  const server = process.env.TEST_POSTGRES_URL ?? "postgres://postgres@127.0.0.1:5432/test";
  // Earlier runs' databases, once they are old and unused: the port (and so
  // the name) changes from run to run.
  await dropAbandonedDatabases(server, "consult_e2e");
  process.env.DATABASE_URL = await createDatabase(server, throwawayDatabaseName(`consult_e2e_${port}`));
} else {
  const dir = path.resolve(`tmp/e2e-${port}`);
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  process.env.DATABASE_URL = `file:${path.join(dir, "e2e.db")}`;
}
process.env.NODE_ENV = "production";
process.env.LOG_LEVEL ??= "warn";
await import("../../scripts/start.mjs");
