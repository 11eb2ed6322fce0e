#!/usr/bin/env node
// `npm run db:restore -- <file> [--force]`: restores a backup made by
// `npm run db:backup` into the database in DATABASE_URL. Stop the app
// first. Refuses a database that already has tables unless --force.
// - SQLite: the backup is checked, copied beside the target and renamed
//   over it (the old -wal/-shm files removed), so a failed restore leaves
//   the old file as it was.
// - PostgreSQL: `pg_restore --single-transaction --exit-on-error`: all or
//   nothing; with --force it drops the existing objects first (--clean).
// Then `npm start` (or `npm run db:migrate`) applies any migration newer
// than the backup.
import fs from "node:fs";
import path from "node:path";

import pg from "pg";

import { libpqUrl, runTool, sqlitePath } from "./lib/backup.mjs";
import { isPostgresUrl } from "./lib/databases.mjs";

const args = process.argv.slice(2);
const force = args.includes("--force");
const file = args.find((arg) => !arg.startsWith("--"));
if (!file || !fs.existsSync(file)) {
  console.error("usage: npm run db:restore -- <backup file> [--force]");
  process.exit(2);
}
const url = process.env.DATABASE_URL ?? "file:./data/dev.db";
const started = Date.now();

if (isPostgresUrl(url)) {
  const client = new pg.Client({ connectionString: libpqUrl(url) });
  await client.connect();
  const { rows } = await client.query(
    "SELECT COUNT(*)::int AS tables FROM information_schema.tables WHERE table_schema = current_schema() AND " +
      "table_type = 'BASE TABLE'",
  );
  await client.end();
  if (rows[0].tables > 0 && !force) {
    console.error(
      `✖ the target database has ${rows[0].tables} tables; ` +
        "restore into an empty database, or add --force to replace them.",
    );
    process.exit(1);
  }
  runTool("pg_restore", [
    "--no-owner",
    "--no-privileges",
    "--exit-on-error",
    "--single-transaction",
    ...(force ? ["--clean", "--if-exists"] : []),
    `--dbname=${libpqUrl(url)}`,
    path.resolve(file),
  ]);
} else {
  const { default: Database } = await import("better-sqlite3");
  const target = path.resolve(sqlitePath(url));
  if (fs.existsSync(target) && fs.statSync(target).size > 0 && !force) {
    const existing = new Database(target, { readonly: true });
    const { tables } = existing.prepare("SELECT COUNT(*) AS tables FROM sqlite_master WHERE type = 'table'").get();
    existing.close();
    if (tables > 0) {
      console.error(
        `✖ ${target} has ${tables} tables; restore into a new file, or add --force to replace it (stop the app first).`,
      );
      process.exit(1);
    }
  }
  const backup = new Database(path.resolve(file), { readonly: true, fileMustExist: true });
  const check = backup.pragma("integrity_check", { simple: true });
  backup.close();
  if (check !== "ok") {
    console.error(`✖ ${file} is not a sound SQLite database: ${check}`);
    process.exit(1);
  }
  fs.mkdirSync(path.dirname(target), { recursive: true });
  const staging = `${target}.restoring`;
  fs.copyFileSync(path.resolve(file), staging);
  for (const suffix of ["-wal", "-shm", "-journal"]) fs.rmSync(target + suffix, { force: true });
  fs.renameSync(staging, target);
}
console.log(
  `Restored ${file} in ${Date.now() - started} ms. Next: npm run db:migrate (or npm start) applies newer migrations.`,
);
