import { fileURLToPath } from "node:url";

import { defineConfig } from "vitest/config";

/**
 * System tests: they spawn the production build (`node build/server.js`) on
 * loopback ports against the file's own database: several instances on one
 * database, SIGKILL under write load, the database going away underneath.
 * One file at a time: each one loads both cores on its own.
 * `npm run test:system`; TEST_DATABASE=postgres for the PostgreSQL leg;
 * SYSTEM_TEST_SERVER_LOGS=1 shows the spawned servers' logs.
 */
export default defineConfig({
  root: fileURLToPath(new URL("../..", import.meta.url)),
  resolve: {
    alias: { "~": fileURLToPath(new URL("../../app", import.meta.url)) },
  },
  test: {
    include: ["tests/system/**/*.test.ts"],
    environment: "node",
    globalSetup: ["./tests/setup/global-setup.ts", "./tests/system/build-setup.ts"],
    setupFiles: ["./tests/setup/vitest.setup.ts"],
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
