#!/usr/bin/env node
// The PostgreSQL leg of `npm test`, run when TEST_POSTGRES_URL names a
// server (e.g. postgres://postgres@127.0.0.1:5432/test; .ci/run sets it):
// the integration tests, the system tests and the end-to-end suite again,
// each on throwaway PostgreSQL databases created on that server.
import { spawnSync } from "node:child_process";

import { withAdminClient } from "./lib/databases.mjs";

const server = process.env.TEST_POSTGRES_URL;
if (!server) {
  console.log("TEST_POSTGRES_URL is not set: skipping the PostgreSQL leg.");
  process.exit(0);
}
try {
  await withAdminClient(server, (client) => client.query("SELECT 1"));
} catch (error) {
  const reason = error instanceof Error ? error.message : error;
  console.error(`✖ TEST_POSTGRES_URL is set but PostgreSQL does not answer there: ${reason}`);
  process.exit(1);
}

const env = { ...process.env, TEST_DATABASE: "postgres", E2E_DATABASE: "postgres" };
for (const script of ["test:unit", "test:system", "test:e2e"]) {
  console.log(`\n▶ PostgreSQL: npm run ${script}`);
  const result = spawnSync("npm", ["run", script, "--silent"], { stdio: "inherit", env });
  if (result.status !== 0) process.exit(result.status ?? 1);
}
