/**
 * A throwaway, migrated SQLite database for benchmarks that touch the
 * models: set before any module imports app/utils/db.server.ts, so the
 * benchmark never writes to data/dev.db.
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

export function useThrowawayDatabase() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "consult-bench-"));
  const url = `file:${path.join(dir, "bench.db")}`;
  const result = spawnSync(process.execPath, ["scripts/prisma.mjs", "migrate", "deploy"], {
    env: { ...process.env, DATABASE_URL: url },
    encoding: "utf8",
  });
  if (result.status !== 0) throw new Error(`migrate deploy failed:\n${result.stdout}\n${result.stderr}`);
  process.env.DATABASE_URL = url;
  process.env.LOG_LEVEL ??= "warn";
  return { url, cleanup: () => fs.rmSync(dir, { recursive: true, force: true }) };
}
