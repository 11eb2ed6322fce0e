#!/usr/bin/env node
// `npm run db:backup [-- <file>]`: a consistent backup of the database in
// DATABASE_URL while the app keeps running.
// - SQLite: SQLite's online backup API (better-sqlite3's `.backup()`), then
//   an integrity check of the copy; default file data/backups/<name>-<time>.sqlite.
// - PostgreSQL: `pg_dump --format=custom` (Debian's postgresql-client, of
//   the server's major version or newer); default file
//   data/backups/<database>-<time>.dump.
// Restore with `npm run db:restore -- <file>` (docs/deployment.md).
import fs from "node:fs";
import path from "node:path";

import { libpqUrl, runTool, sqlitePath } from "./lib/backup.mjs";
import { databaseName, isPostgresUrl } from "./lib/databases.mjs";

const url = process.env.DATABASE_URL ?? "file:./data/dev.db";
const stamp = new Date().toISOString().replace(/[-:]/g, "").replace(/\..*/, "Z");
const postgres = isPostgresUrl(url);
const target = path.resolve(
  process.argv[2] ??
    path.join(
      "data/backups",
      postgres ? `${databaseName(url)}-${stamp}.dump` : `${path.basename(sqlitePath(url), ".db")}-${stamp}.sqlite`,
    ),
);
fs.mkdirSync(path.dirname(target), { recursive: true });
if (fs.existsSync(target)) {
  console.error(`✖ ${target} exists already; choose another file.`);
  process.exit(1);
}

const started = Date.now();
if (postgres) {
  runTool("pg_dump", [
    "--format=custom",
    "--no-owner",
    "--no-privileges",
    `--file=${target}`,
    `--dbname=${libpqUrl(url)}`,
  ]);
} else {
  const { default: Database } = await import("better-sqlite3");
  const source = new Database(sqlitePath(url), { fileMustExist: true });
  source.pragma("busy_timeout = 15000");
  await source.backup(target);
  source.close();
  const copy = new Database(target, { readonly: true });
  const check = copy.pragma("integrity_check", { simple: true });
  copy.close();
  if (check !== "ok") {
    console.error(`✖ the backup failed its integrity check: ${check}`);
    process.exit(1);
  }
}
const { size } = fs.statSync(target);
console.log(
  `Backed up to ${path.relative(process.cwd(), target)} ` +
    `(${(size / 1024 / 1024).toFixed(1)} MiB, ${Date.now() - started} ms).`,
);
