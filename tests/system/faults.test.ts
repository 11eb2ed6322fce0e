/**
 * Threats "process killed (SIGKILL) under write load, then restarted" and
 * "database unavailable during submit": sustained comment submission against
 * the production build while it is killed, or while its database goes away;
 * afterwards every acknowledged comment is stored exactly once, every
 * comment has its first revision, and no revision is orphaned. Requests
 * whose outcome the client never learned are retried with the same
 * idempotency key, as the browser does, and must not create a second comment.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { seed } from "../../prisma/seed";
import { databaseName, withAdminClient } from "../../scripts/lib/databases.mjs";
import { CommentLoad, signIn, startServer, waitFor, type RunningServer } from "./harness";
import { draftParagraphKeys, expectNothingLost, userIdOf } from "./integrity";

const postgres = process.env.TEST_DATABASE === "postgres";
const FOCAL_POINT = "focal.point@demo.test";

let paragraphKeys: string[];
let userId: string;
const servers: RunningServer[] = [];

async function start(port?: number) {
  const server = await startServer({ databaseUrl: process.env.DATABASE_URL!, port });
  servers.push(server);
  return server;
}

// Generous: on a busy 2-CPU CI machine a comment can take seconds; waitFor returns as soon as it holds.
const LOADED = 75_000;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

beforeAll(async () => {
  await seed({ quiet: true });
  paragraphKeys = await draftParagraphKeys();
  userId = await userIdOf(FOCAL_POINT);
});

afterAll(async () => {
  await Promise.all(servers.map((server) => server.kill()));
});

describe("the server killed with SIGKILL under write load", () => {
  it("keeps every acknowledged comment exactly once, with its first revision, after a restart", async () => {
    let server = await start();
    const cookie = await signIn(server.url, FOCAL_POINT);
    const keyPrefix = "kill";
    const load = new CommentLoad({
      baseUrl: () => server.url,
      cookie,
      paragraphKeys,
      concurrency: 16,
      keyPrefix,
    }).start();

    await waitFor(() => load.acknowledged.size >= 60, {
      timeoutMs: LOADED,
      what: () => `60 acknowledged ${load.report()}`,
    });
    await server.kill();
    const acknowledgedBeforeKill = load.acknowledged.size;
    await sleep(300);
    server = await start(server.port);
    await waitFor(() => load.acknowledged.size >= acknowledgedBeforeKill + 40, {
      timeoutMs: LOADED,
      what: () => `40 comments acknowledged after the restart ${load.report()}`,
    });
    await load.stop();

    // Still unanswered when the load stopped: the client would resend them.
    const cutOff = load.unknown.size;
    await load.retryUnknown();
    expect(load.unknown.size).toBe(0);
    expect(load.rejected.size).toBe(0);

    const report = await expectNothingLost(load, { userId, keyPrefix });
    console.info(
      `SIGKILL: ${acknowledgedBeforeKill} acknowledged before the kill, ${report.stored} stored in all, ` +
        `${cutOff} unanswered at the end and resent; statuses ${JSON.stringify(Object.fromEntries(load.statuses))}`,
    );
  }, 300_000);
});

describe.skipIf(!postgres)("the PostgreSQL database going away under write load", () => {
  it("answers /readyz 503 during the outage, recovers by itself, and loses no acknowledged comment", async () => {
    const server = await start();
    const cookie = await signIn(server.url, FOCAL_POINT);
    const keyPrefix = "outage";
    const database = databaseName(process.env.DATABASE_URL!);
    const admin = process.env.TEST_POSTGRES_URL!;
    const load = new CommentLoad({
      baseUrl: () => server.url,
      cookie,
      paragraphKeys,
      concurrency: 8,
      keyPrefix,
    }).start();
    await waitFor(() => load.acknowledged.size >= 50, {
      timeoutMs: LOADED,
      what: () => `50 acknowledged ${load.report()}`,
    });

    // The outage: no new connections to this database, and every existing
    // one terminated (pg_terminate_backend). Only this test's database is
    // touched; the server and its other databases stay up.
    const setConnections = (allow: boolean) =>
      withAdminClient(admin, async (client) => {
        await client.query(`ALTER DATABASE "${database}" WITH ALLOW_CONNECTIONS ${allow}`);
        if (!allow) {
          await client.query(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()",
            [database],
          );
        }
      });
    let readyDuringOutage: unknown;
    try {
      await setConnections(false);
      await waitFor(
        async () => {
          const response = await fetch(`${server.url}/readyz`);
          readyDuringOutage = await response.json();
          return response.status === 503;
        },
        { timeoutMs: 10_000, what: "/readyz 503" },
      );
      expect(readyDuringOutage).toMatchObject({ status: "unavailable", ready: false, reason: "database unreachable" });
      expect((await fetch(`${server.url}/healthz`)).status).toBe(503);
      const acknowledgedAtOutage = load.acknowledged.size;
      await sleep(2_000);
      // Nothing can be acknowledged without the database.
      expect(load.acknowledged.size - acknowledgedAtOutage).toBeLessThanOrEqual(8);
    } finally {
      await setConnections(true);
    }

    const acknowledgedAtRecovery = load.acknowledged.size;
    await waitFor(async () => (await fetch(`${server.url}/readyz`)).status === 200, {
      timeoutMs: 30_000,
      what: "/readyz 200 again",
    });
    await waitFor(() => load.acknowledged.size >= acknowledgedAtRecovery + 40, {
      timeoutMs: LOADED,
      what: () => `40 comments acknowledged after the recovery ${load.report()}`,
    });
    await load.stop();
    expect(server.child.exitCode).toBeNull(); // the same process, never restarted

    const failedDuringOutage = load.unknown.size;
    await load.retryUnknown();
    expect(load.unknown.size).toBe(0);
    expect(load.rejected.size).toBe(0);
    const report = await expectNothingLost(load, { userId, keyPrefix });
    console.info(
      `Outage: ${report.stored} stored, ${failedDuringOutage} refused during the outage and retried; ` +
        `statuses ${JSON.stringify(Object.fromEntries(load.statuses))}`,
    );
  }, 300_000);
});
