#!/usr/bin/env node
// Starts the production build on a throwaway database for Playwright: the
// same `npm start` path a newcomer takes (build if stale, migrate, serve), on
// a fresh database each run.
// - SQLite (default): a new file in tmp/e2e-<port>/.
// - PostgreSQL (E2E_DATABASE=postgres): a new database consult_e2e_<port>_…
//   on the server of TEST_POSTGRES_URL (the server process cannot drop it on
//   its way out; later runs drop it once it is a few hours old).
//
// Test data: no demo seed (SEED=false), since no test may read or count
// data it did not create; the server writes the reference data (roles,
// permissions) at every start. Each test creates its own rows through the
// test data service started here, in this process, on the app's Prisma
// client (tests/e2e/support/data-service.ts says why), listening on the
// Unix socket E2E_DATA_SOCKET.
//
// Mail: a real SMTP server in this process, on a free port
// (tests/e2e/support/smtp-sink.ts), writing what it receives into the run's
// folder E2E_MAIL_DIR; the app sends to it through SMTP_URL.
//
// TRUST_PROXY=loopback: each test sends its own X-Forwarded-For
// (tests/e2e/fixtures.ts), so that per-address rate limits (sign-in
// attempts, account requests) are counted per test, not across the run.
import fs from "node:fs";
import os from "node:os";
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
process.env.SEED = "false";
process.env.TRUST_PROXY = "loopback";

// Before the app: the data service's modules create the process's Prisma
// client (app/utils/db.server), which the server bundle then shares. It
// answers only once the tests start, after the migrations and /healthz.
const { tsImport } = await import("tsx/esm/api");
const { startDataService } = await tsImport("../e2e/support/data-service.ts", import.meta.url);
await startDataService(process.env.E2E_DATA_SOCKET ?? path.join(os.tmpdir(), `consult-e2e-${port}.sock`));
const { startSmtpSink } = await tsImport("../e2e/support/smtp-sink.ts", import.meta.url);
process.env.SMTP_URL = await startSmtpSink(
  process.env.E2E_MAIL_DIR ?? path.join(os.tmpdir(), `consult-e2e-mail-${port}`),
);

await import("../../scripts/start.mjs");
