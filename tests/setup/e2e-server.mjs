#!/usr/bin/env node
// Starts the production build on a throwaway SQLite database for Playwright:
// the same `npm start` path a newcomer takes, on a fresh file each run.
import fs from "node:fs";
import path from "node:path";

const dir = path.resolve(`tmp/e2e-${process.env.PORT ?? "default"}`);
fs.rmSync(dir, { recursive: true, force: true });
fs.mkdirSync(dir, { recursive: true });
process.env.DATABASE_URL = `file:${path.join(dir, "e2e.db")}`;
process.env.NODE_ENV = "production";
process.env.LOG_LEVEL ??= "warn";
await import("../../scripts/start.mjs");
