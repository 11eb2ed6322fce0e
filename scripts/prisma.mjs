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
import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
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
// SQLite creates the database file but not its folder: on a fresh clone the
// default `file:./data/dev.db` would fail with "External error id#0".
if (env.DATABASE_URL.startsWith("file:")) {
  const file = env.DATABASE_URL.slice("file:".length).replace(/\?.*$/, "");
  fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
}
const args = process.argv.slice(2);
// Prisma 6.19 both requires `url` in the datasource block and, with a driver
// adapter, warns on every call that it is ignored; the warning is dropped here
// (it is the only output removed) so that `npm start` prints what matters.
const ADAPTER_URL_WARNING =
  /\n?WARNING: Your schema specifies the following datasource properties[\s\S]*?only using driver adapters\.\n/;
const run = (argv) => {
  const result = spawnSync(process.execPath, ["--require", preload, cli, ...argv], {
    stdio: ["inherit", "pipe", "pipe"],
    env,
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
  process.stdout.write((result.stdout ?? "").replace(ADAPTER_URL_WARNING, ""));
  process.stderr.write((result.stderr ?? "").replace(ADAPTER_URL_WARNING, ""));
  return result.status ?? 1;
};

if (args[0] === "generate" && !args.some((arg) => arg === "--schema" || arg.startsWith("--schema="))) {
  for (const schema of ["prisma/schema.prisma", "prisma/postgres/schema.prisma"]) {
    const status = run([...args, "--schema", schema]);
    if (status !== 0) process.exit(status);
  }
  process.exit(0);
}
process.exit(run(args));
