#!/usr/bin/env node
// `npm start`: build if the build is missing or older than the sources, apply
// migrations, seed the demo consultation once (idempotent), then serve.
// DATABASE_URL picks the database: a `file:` URL is SQLite (the default), a
// `postgres://` URL is PostgreSQL with its own migrations (prisma.config.ts).
import { spawnSync } from "node:child_process";
import path from "node:path";
import { pathToFileURL } from "node:url";

import { buildIfStale } from "./lib/build.mjs";

process.env.DATABASE_URL ??= "file:./data/dev.db";
process.env.NODE_ENV ??= "production";

function run(command, args) {
  const result = spawnSync(command, args, { stdio: "inherit", env: process.env });
  if (result.status !== 0) {
    console.error(`\n✖ ${[command, ...args].join(" ")} failed (exit ${result.status ?? result.signal})`);
    process.exit(result.status ?? 1);
  }
}

try {
  buildIfStale();
} catch (error) {
  console.error(`\n✖ ${error instanceof Error ? error.message : error}`);
  process.exit(1);
}

// Safe with several instances starting at once: on PostgreSQL `migrate
// deploy` holds an advisory lock, so one applies and the others wait.
run(process.execPath, ["scripts/prisma.mjs", "migrate", "deploy"]);
if (process.env.SEED !== "false") {
  run(process.execPath, ["--import", "tsx", "prisma/seed.ts"]);
}

await import(pathToFileURL(path.resolve("build/server.js")).href);
