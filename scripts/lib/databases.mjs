// Helpers shared by the scripts and the test setup for both providers:
// recognising URLs, creating and dropping throwaway PostgreSQL databases,
// applying migrations through the offline Prisma wrapper.
import { spawnSync } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";

import pg from "pg";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

/** @param {string} url */
export function isPostgresUrl(url) {
  return /^postgres(ql)?:\/\//.test(url);
}

/** The same server as `url`, another database. @param {string} url @param {string} database */
export function withDatabase(url, database) {
  const parsed = new URL(url);
  parsed.pathname = `/${encodeURIComponent(database)}`;
  return parsed.toString();
}

/** @param {string} url */
export function databaseName(url) {
  return decodeURIComponent(new URL(url).pathname.slice(1));
}

/** Names we create are plain identifiers; anything else is refused rather than quoted. @param {string} name */
function identifier(name) {
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(name)) throw new Error(`Unsafe database name "${name}"`);
  return `"${name}"`;
}

/**
 * Runs statements on the server's maintenance connection (the database named
 * in `serverUrl`, e.g. postgres://…/postgres).
 * @param {string} serverUrl @param {(client: pg.Client) => Promise<unknown>} work
 */
export async function withAdminClient(serverUrl, work) {
  const client = new pg.Client({ connectionString: serverUrl, connectionTimeoutMillis: 10_000 });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/**
 * Creates a database (optionally as a copy of `template`, which is fast) and
 * returns its URL.
 * @param {string} serverUrl @param {string} name @param {{ template?: string }} [options]
 */
export async function createDatabase(serverUrl, name, { template } = {}) {
  await withAdminClient(serverUrl, async (client) => {
    await client.query(`DROP DATABASE IF EXISTS ${identifier(name)} WITH (FORCE)`);
    // Two copies of one template at the same moment can collide on the
    // template's lock ("source database is being accessed"): retry briefly.
    for (let attempt = 0; ; attempt++) {
      try {
        await client.query(`CREATE DATABASE ${identifier(name)}${template ? ` TEMPLATE ${identifier(template)}` : ""}`);
        return;
      } catch (error) {
        if (attempt >= 20 || !/being accessed by other users/.test(String(error))) throw error;
        await new Promise((resolve) => setTimeout(resolve, 100 + Math.random() * 200));
      }
    }
  });
  return withDatabase(serverUrl, name);
}

/** Drops a database, disconnecting whoever is still on it. @param {string} serverUrl @param {string} name */
export async function dropDatabase(serverUrl, name) {
  await withAdminClient(serverUrl, (client) =>
    client.query(`DROP DATABASE IF EXISTS ${identifier(name)} WITH (FORCE)`),
  );
}

/**
 * Applies the committed migrations of the URL's provider (`prisma migrate
 * deploy` through scripts/prisma.mjs); throws with the CLI's output on failure.
 * @param {string} databaseUrl
 */
export function migrateDatabase(databaseUrl) {
  const result = spawnSync(process.execPath, [path.join(root, "scripts/prisma.mjs"), "migrate", "deploy"], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: databaseUrl },
    encoding: "utf8",
  });
  if (result.status !== 0) {
    throw new Error(
      `prisma migrate deploy failed for ${databaseUrl.replace(/\/\/[^@]*@/, "//…@")}:\n` +
        `${result.stdout}\n${result.stderr}`,
    );
  }
}

/**
 * A name for a throwaway database that says when it was made:
 * `<prefix>_<unix seconds>_<random>`, so that a later run can tell an
 * abandoned one from one that a suite running right now is using.
 * @param {string} prefix
 */
export function throwawayDatabaseName(prefix) {
  return `${prefix}_${Math.floor(Date.now() / 1000)}_${Math.random().toString(36).slice(2, 8)}`;
}

/**
 * Drops throwaway databases (named by throwawayDatabaseName) older than
 * `maxAgeMs` that nobody is connected to: left by runs killed before their
 * teardown. Younger ones may belong to a suite running beside this one.
 * @param {string} serverUrl @param {string} prefix @param {number} [maxAgeMs]
 */
export async function dropAbandonedDatabases(serverUrl, prefix, maxAgeMs = 3 * 60 * 60 * 1000) {
  await withAdminClient(serverUrl, async (client) => {
    const { rows } = await client.query(
      "SELECT datname FROM pg_database WHERE starts_with(datname, $1) AND datname NOT IN (SELECT datname " +
        "FROM pg_stat_activity WHERE datname IS NOT NULL)",
      [`${prefix}_`],
    );
    for (const { datname } of rows) {
      const made = Number(/_(\d{10})_[a-z0-9]+$/.exec(datname)?.[1]) * 1000;
      if (!Number.isFinite(made) || Date.now() - made < maxAgeMs) continue;
      await client.query(`DROP DATABASE IF EXISTS ${identifier(datname)}`).catch(() => undefined);
    }
  });
}
