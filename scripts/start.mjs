#!/usr/bin/env node
// `npm start`: build if the build is missing or older than the sources, apply
// migrations, seed the demo consultation once (idempotent), then serve.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";

process.env.DATABASE_URL ??= "file:./data/dev.db";
process.env.NODE_ENV ??= "production";

function run(command, args) {
  const result = spawnSync(command, args, { stdio: "inherit", env: process.env });
  if (result.status !== 0) {
    console.error(`\n✖ ${[command, ...args].join(" ")} failed (exit ${result.status ?? result.signal})`);
    process.exit(result.status ?? 1);
  }
}

function newestMtime(entry) {
  if (!fs.existsSync(entry)) return 0;
  const stat = fs.statSync(entry);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const child of fs.readdirSync(entry)) {
    if (child === "generated" || child === "node_modules") continue;
    newest = Math.max(newest, newestMtime(path.join(entry, child)));
  }
  return newest;
}

const builtAt = Math.min(newestMtime("build/index.js"), newestMtime("build/server.js"));
const sourcesAt = Math.max(...["app", "server", "remix.config.js", "prisma/schema.prisma", "package-lock.json"].map(newestMtime));
if (builtAt === 0 || builtAt < sourcesAt) {
  console.log("Building the app…");
  run("npm", ["run", "build", "--silent"]);
}

run(process.execPath, ["scripts/prisma.mjs", "migrate", "deploy"]);
if (process.env.SEED !== "false") {
  run(process.execPath, ["--import", "tsx", "prisma/seed.ts"]);
}

await import(pathToFileURL(path.resolve("build/server.js")).href);
