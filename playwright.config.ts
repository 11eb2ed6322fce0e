import fs from "node:fs";
import os from "node:os";
import path from "node:path";

import { defineConfig, devices } from "@playwright/test";

// This file is evaluated in the main process and again in every worker; the
// workers inherit the main process's environment, so whatever is decided
// here with ??= is decided once per run and seen identically everywhere.
//
// One port per run, so two suites started side by side do not collide.
process.env.E2E_PORT ??= String(3100 + (process.pid % 800));
const PORT = Number(process.env.E2E_PORT);

// The test data service's socket: the fixtures create each test's rows
// through the e2e server's own process (tests/e2e/support/data-service.ts).
process.env.E2E_DATA_SOCKET ??= path.join(os.tmpdir(), `consult-e2e-${PORT}.sock`);

// The run's mail: the e2e server sends through a real SMTP server of its own
// (tests/e2e/support/smtp-sink.ts), which writes each message it receives
// into this folder, where the tests read it (tests/e2e/support/smtp-mailbox.ts).
process.env.E2E_MAIL_DIR ??= path.join(os.tmpdir(), `consult-e2e-mail-${PORT}`);

// Debian's Chromium: Playwright cannot download its own browsers here
// (docs/decisions/0003-playwright-with-system-chromium.md).
const SYSTEM_CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

// The PostgreSQL leg (scripts/test-postgres.mjs sets E2E_DATABASE=postgres) skips the accessibility
// spec: the markup axe checks does not depend on the database, and CI time does.
const PHONE_SPECS = /.*\.phone\.spec\.ts/;
const SQLITE_ONLY = process.env.E2E_DATABASE === "postgres" ? [/accessibility\.spec\.ts/] : [];

export default defineConfig({
  testDir: "tests/e2e",
  // Every test creates the data it reads (tests/e2e/fixtures.ts), so tests
  // run in any order, in parallel, repeated.
  fullyParallel: true,
  workers: 2,
  // Tests must pass without retrying; CI keeps one retry against a flaky machine.
  retries: process.env.CI ? 1 : 0,
  // Generous: the suite must pass on a busy machine (CI runners, several
  // suites side by side), where one navigation can take seconds.
  timeout: 90_000,
  expect: { timeout: 20_000 },
  reporter: process.env.CI ? [["list"]] : [["list"], ["html", { open: "never" }]],
  use: {
    baseURL: `http://localhost:${PORT}`,
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: fs.existsSync(SYSTEM_CHROMIUM) ? SYSTEM_CHROMIUM : undefined,
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    },
  },
  projects: [
    {
      name: "desktop",
      use: { ...devices["Desktop Chrome"], channel: undefined },
      testIgnore: [PHONE_SPECS, ...SQLITE_ONLY],
    },
    {
      name: "phone",
      use: { ...devices["Pixel 7"], channel: undefined },
      testMatch: PHONE_SPECS,
      testIgnore: SQLITE_ONLY,
    },
  ],
  webServer: {
    command: "node tests/setup/e2e-server.mjs",
    url: `http://localhost:${PORT}/healthz`,
    timeout: 180_000,
    reuseExistingServer: false,
    stdout: "ignore",
    stderr: "pipe",
    env: { PORT: String(PORT), E2E_DATA_SOCKET: process.env.E2E_DATA_SOCKET, E2E_MAIL_DIR: process.env.E2E_MAIL_DIR },
  },
});
