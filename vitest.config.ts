import { fileURLToPath } from "node:url";

import { defineConfig } from "vitest/config";

/**
 * Unit tests (next to the code) and integration tests (tests/integration),
 * each file on its own throwaway database (tests/setup/). With
 * TEST_DATABASE=postgres only the integration tests run, on PostgreSQL
 * (scripts/test-postgres.mjs); the pure unit tests do not touch a database.
 * Tests that spawn built servers live in tests/system (their own config).
 */
const postgres = process.env.TEST_DATABASE === "postgres";

/** Tests of SQLite's own settings (journal mode, busy timeout). */
const SQLITE_ONLY = ["tests/integration/database.test.ts"];

export default defineConfig({
  resolve: {
    alias: { "~": fileURLToPath(new URL("./app", import.meta.url)) },
  },
  test: {
    include: postgres
      ? ["tests/integration/**/*.test.ts"]
      : ["app/**/*.test.{ts,tsx}", "tests/integration/**/*.test.ts"],
    exclude: ["**/node_modules/**", ...(postgres ? SQLITE_ONLY : [])],
    environment: "node",
    globalSetup: ["./tests/setup/global-setup.ts"],
    setupFiles: ["./tests/setup/vitest.setup.ts"],
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
