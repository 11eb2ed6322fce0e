#!/usr/bin/env node
// Runs the Prisma CLI offline. With the driver adapter and the WebAssembly
// engines shipped inside the `prisma` package no native engine is needed, but
// the CLI still tries to download one unless these variables point at any
// existing file (see docs/decisions/0002-prisma-offline-driver-adapters.md).
//
// DATABASE_URL picks the provider, schema and migrations (prisma.config.ts).
// `generate` without --schema generates both clients, SQLite's
// (app/generated/prisma) and PostgreSQL's (app/generated/prisma-pg), because
// app/utils/db.server.ts imports both.
import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";

const require = createRequire(import.meta.url);
const cli = require.resolve("prisma/build/index.js");
const preload = fileURLToPath(new URL("./lib/unref-long-timers.cjs", import.meta.url));
const env = {
  ...process.env,
  PRISMA_SCHEMA_ENGINE_BINARY: process.env.PRISMA_SCHEMA_ENGINE_BINARY ?? "/bin/false",
  PRISMA_QUERY_ENGINE_LIBRARY: process.env.PRISMA_QUERY_ENGINE_LIBRARY ?? "/bin/false",
  PRISMA_HIDE_UPDATE_MESSAGE: "1",
  CHECKPOINT_DISABLE: "1",
  DATABASE_URL: process.env.DATABASE_URL ?? "file:./data/dev.db",
};
const args = process.argv.slice(2);
const run = (argv) => spawnSync(process.execPath, ["--require", preload, cli, ...argv], { stdio: "inherit", env }).status ?? 1;

if (args[0] === "generate" && !args.some((arg) => arg === "--schema" || arg.startsWith("--schema="))) {
  for (const schema of ["prisma/schema.prisma", "prisma/postgres/schema.prisma"]) {
    const status = run([...args, "--schema", schema]);
    if (status !== 0) process.exit(status);
  }
  process.exit(0);
}
process.exit(run(args));
