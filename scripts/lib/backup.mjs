// Shared by scripts/db-backup.mjs and scripts/db-restore.mjs.
import { spawnSync } from "node:child_process";

/** The file of a `file:` URL. @param {string} url */
export function sqlitePath(url) {
  return url.slice("file:".length).replace(/\?.*$/, "");
}

/**
 * A connection URL that libpq (pg_dump, pg_restore) accepts: Prisma's own
 * query parameters (schema, connection_limit, …) make libpq refuse the URL.
 * @param {string} url
 */
export function libpqUrl(url) {
  const parsed = new URL(url);
  for (const key of [
    "schema",
    "connection_limit",
    "pool_timeout",
    "pgbouncer",
    "statement_cache_size",
    "socket_timeout",
  ]) {
    parsed.searchParams.delete(key);
  }
  return parsed.toString();
}

/**
 * Runs a PostgreSQL client tool; exits with its message when it fails or is missing. @param {string} tool @param
 * {string[]} args
 */
export function runTool(tool, args) {
  const result = spawnSync(tool, args, { stdio: ["ignore", "inherit", "inherit"] });
  if (result.error && /** @type {NodeJS.ErrnoException} */ (result.error).code === "ENOENT") {
    console.error(
      `✖ ${tool} not found: install PostgreSQL's client tools (Debian: apt-get install postgresql-client).`,
    );
    process.exit(1);
  }
  if (result.status !== 0) {
    console.error(`✖ ${tool} failed (exit ${result.status ?? result.signal})`);
    process.exit(result.status ?? 1);
  }
}
