/**
 * Two app processes on different ports against one database, as behind a
 * load balancer (issue #6): everything a request may depend on across
 * requests (sessions, rate limits, data) is in the database, so it does not
 * matter which instance answers. PostgreSQL only (TEST_DATABASE=postgres):
 * SQLite is the single-instance setup (docs/deployment.md); two processes
 * writing one SQLite file through Prisma's deferred transactions get
 * SQLITE_BUSY at once, whatever the busy timeout.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { prisma } from "~/utils/db.server";

import { seed } from "../../prisma/seed";
import { postForm, READER_PATH, signIn, startServer, type RunningServer } from "./harness";

const postgres = process.env.TEST_DATABASE === "postgres";

let a: RunningServer;
let b: RunningServer;

beforeAll(async () => {
  if (!postgres) return;
  await seed({ quiet: true });
  // Both at once, as an orchestrator starts replicas.
  const started = await Promise.allSettled([
    startServer({ databaseUrl: process.env.DATABASE_URL! }),
    startServer({ databaseUrl: process.env.DATABASE_URL! }),
  ]);
  const [first, second] = started;
  if (first.status === "fulfilled") a = first.value;
  if (second.status === "fulfilled") b = second.value;
  const failed = started.find((result) => result.status === "rejected");
  if (failed) throw failed.reason;
});

afterAll(async () => {
  await Promise.all([a?.stop(), b?.stop()]);
});

const page = async (server: RunningServer, pathname: string, cookie?: string) => {
  const response = await fetch(server.url + pathname, {
    headers: cookie ? { Cookie: cookie } : {},
    redirect: "manual",
  });
  return { status: response.status, html: await response.text() };
};

describe.skipIf(!postgres)("two instances on one PostgreSQL database", () => {
  it("accepts on B a session made on A, and a sign-out on B ends it on A too", async () => {
    const cookie = await signIn(a.url, "focal.point@demo.test");
    const onB = await page(b, "/consultations", cookie);
    expect(onB.status).toBe(200);
    expect(onB.html).toMatch(/Signed in as Fatima Focal/);

    const signOut = await postForm(b.url, "/logout", {}, cookie);
    expect(signOut.status).toBeLessThan(400);
    const onA = await page(a, "/consultations", cookie);
    expect(onA.html).not.toMatch(/Signed in as/);
  });

  it("shows a comment stored through A on B at once (no per-instance cache in the way)", async () => {
    const cookie = await signIn(a.url, "focal.point@demo.test");
    const idempotencyKey = `multi-instance-${Date.now()}`;
    const created = await postForm(
      a.url,
      READER_PATH,
      {
        intent: "create",
        paragraphKey: "2-9-a",
        type: "general",
        bodyText: "Stored through instance A.",
        idempotencyKey,
        submit: "on",
      },
      cookie,
    );
    expect(created.status).toBe(302);
    const onB = await page(b, `${READER_PATH}?p=2-9-a`, cookie);
    expect(onB.html).toContain("Stored through instance A.");
    expect(await prisma.comment.count({ where: { bodyText: "Stored through instance A." } })).toBe(1);
  });

  it("reports both instances ready", async () => {
    for (const server of [a, b]) {
      const response = await fetch(`${server.url}/readyz`);
      expect(response.status).toBe(200);
      expect(await response.json()).toMatchObject({ status: "ready", ready: true });
    }
  });

  // Last: it leaves this client address rate-limited for a minute.
  it("counts failed sign-ins from one address on both: the 11th, on either instance, is 429", async () => {
    const statuses: number[] = [];
    for (let attempt = 1; attempt <= 11; attempt++) {
      const server = attempt % 2 === 0 ? b : a;
      // A different account each time: only the per-address limit can trip.
      const response = await postForm(server.url, "/login", { email: `guess-${attempt}@demo.test`, password: "wrong" });
      await response.arrayBuffer();
      statuses.push(response.status);
    }
    expect(statuses.slice(0, 10)).toEqual(Array(10).fill(400));
    expect(statuses[10]).toBe(429);
    // And the limit holds on the other instance as well.
    const onB = await postForm(b.url, "/login", { email: "guess-12@demo.test", password: "wrong" });
    expect(onB.status).toBe(429);
  });
});
