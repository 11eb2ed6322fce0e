/**
 * WEB_CONCURRENCY > 1: a primary process and its workers sharing the port
 * (server/index.ts). A worker that dies is replaced without the service
 * stopping; a primary killed with SIGKILL leaves no worker behind (they would
 * keep a database connection and answer nobody's supervision), and after a
 * restart every acknowledged comment is there exactly once.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { seed } from "../../prisma/seed";
import { CommentLoad, READER_PATH, signIn, startServer, waitFor, type RunningServer } from "./harness";
import { draftParagraphKeys, expectNothingLost, userIdOf } from "./integrity";

const FOCAL_POINT = "focal.point@demo.test";
const WORKERS = { WEB_CONCURRENCY: "2" };

let paragraphKeys: string[];
let userId: string;
const servers: RunningServer[] = [];

async function start(port?: number) {
  const server = await startServer({
    databaseUrl: process.env.DATABASE_URL!,
    port,
    env: WORKERS,
    readyPath: READER_PATH,
  });
  servers.push(server);
  // The reader answered from one worker; wait for the other too.
  await waitFor(() => server.workerPids().length === 2, { timeoutMs: 20_000, what: "two workers" });
  return server;
}

function alive(pid: number) {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

beforeAll(async () => {
  await seed({ quiet: true });
  paragraphKeys = await draftParagraphKeys();
  userId = await userIdOf(FOCAL_POINT);
});

afterAll(async () => {
  await Promise.all(servers.map((server) => server.kill()));
  for (const server of servers) for (const pid of server.workerPids()) if (alive(pid)) process.kill(pid, "SIGKILL");
});

describe("WEB_CONCURRENCY=2", () => {
  it(
    "replaces a worker killed under load, and a killed primary takes its workers with it; nothing acknowledged " +
      "is lost",
    async () => {
      let server = await start();
      const cookie = await signIn(server.url, FOCAL_POINT);
      const keyPrefix = "cluster";
      const load = new CommentLoad({
        baseUrl: () => server.url,
        cookie,
        paragraphKeys,
        concurrency: 8,
        keyPrefix,
      }).start();
      await waitFor(() => load.acknowledged.size >= 100, {
        timeoutMs: 30_000,
        what: "100 acknowledged comments",
      });

      // One worker dies: the other keeps answering, and the primary starts a new one.
      const [victim, survivor] = server.workerPids();
      process.kill(victim, "SIGKILL");
      const afterWorkerKill = load.acknowledged.size;
      await waitFor(() => load.acknowledged.size >= afterWorkerKill + 50, {
        timeoutMs: 30_000,
        what: "comments while a worker is replaced",
      });
      await waitFor(() => server.workerPids().length === 2 && !server.workerPids().includes(victim), {
        timeoutMs: 20_000,
        what: "a replacement worker",
      });
      expect(server.workerPids()).toContain(survivor);

      // The primary dies: so do its workers, and the port is free for a restart.
      const workers = server.workerPids();
      await server.kill();
      await waitFor(() => workers.every((pid) => !alive(pid)), {
        timeoutMs: 5_000,
        what: "the workers to exit with their primary",
      });
      const beforeRestart = load.acknowledged.size;
      server = await start(server.port);
      await waitFor(() => load.acknowledged.size >= beforeRestart + 50, {
        timeoutMs: 30_000,
        what: "comments after the restart",
      });
      await load.stop();
      await load.retryUnknown();
      expect(load.unknown.size).toBe(0);
      expect(load.rejected.size).toBe(0);

      await expectNothingLost(load, { userId, keyPrefix });

      // SIGTERM: the primary passes it on and exits once its workers have finished.
      const last = server.workerPids();
      await server.stop();
      expect(await server.exited).toBe(0);
      expect(last.filter(alive)).toEqual([]);
    },
  );
});
