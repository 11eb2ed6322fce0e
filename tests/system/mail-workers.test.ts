/**
 * Two delivery workers (`npm run worker`, server/worker.ts) on one PostgreSQL
 * database, sending to an SMTP server in this process (issue #13): 2,000
 * queued messages arrive once each; then one worker is SIGKILLed mid-way and
 * the restarted one finishes. A message may arrive twice only if the killed
 * worker had it claimed at the kill (sent, but its pass not yet recorded),
 * and then under the same Message-ID. PostgreSQL only, like
 * multi-instance.test.ts: several writing processes are not the SQLite setup.
 */
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { prisma } from "~/utils/db.server";
import { queueEmail } from "~/utils/outbox.server";

import { startWorker, waitFor, type RunningWorker } from "./harness";

import type { AddressInfo } from "node:net";

const postgres = process.env.TEST_DATABASE === "postgres";
const MESSAGES = 2_000;
/** Short, so the test need not wait five minutes; far longer than one pass of 50 messages takes here. */
const LEASE_MS = 8_000;

/** How often each Message-ID arrived. */
const arrivals = new Map<string, number>();
let sink: SMTPServer;
/** Errors the sink reported, other than the connection resets a SIGKILLed worker leaves behind. */
const sinkErrors: string[] = [];
let smtpUrl: string;
const workers: RunningWorker[] = [];

async function readHeaderMessageId(stream: NodeJS.ReadableStream): Promise<string | null> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(typeof chunk === "string" ? Buffer.from(chunk) : chunk);
  const raw = Buffer.concat(chunks).toString("utf8");
  const headers = raw.slice(0, raw.indexOf("\r\n\r\n"));
  return /^Message-ID:\s*(<[^>]+>)/im.exec(headers)?.[1] ?? null;
}

beforeAll(async () => {
  if (!postgres) return;
  sink = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onData(stream, _session, callback) {
      readHeaderMessageId(stream).then((id) => {
        if (id) arrivals.set(id, (arrivals.get(id) ?? 0) + 1);
        callback();
      }, callback);
    },
  });
  // A killed worker's open SMTP connections reset: expected here, and only that (an unlistened
  // "error" event would otherwise crash the test run).
  sink.on("error", (error: NodeJS.ErrnoException) => {
    if (error.code !== "ECONNRESET" && error.code !== "EPIPE") sinkErrors.push(error.message);
  });
  await new Promise<void>((resolve) => sink.listen(0, "127.0.0.1", resolve));
  smtpUrl = `smtp://127.0.0.1:${(sink.server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await Promise.all(workers.map((worker) => worker.stop()));
  if (sink) await new Promise<void>((resolve) => sink.close(() => resolve()));
});

function worker() {
  const started = startWorker({
    databaseUrl: process.env.DATABASE_URL!,
    env: { SMTP_URL: smtpUrl, MAIL_POLL_MS: "200", MAIL_CLAIM_LEASE_MS: String(LEASE_MS) },
  });
  workers.push(started);
  return started;
}

/** Queues `count` messages of `kind`; returns their Message-IDs. */
async function queue(kind: string, count: number) {
  for (let k = 0; k < count; k++) {
    await queueEmail(prisma, {
      kind,
      to: { address: `${kind}-${k}@example.org`, name: `Recipient ${k}` },
      subject: `${kind} ${k}`,
      text: `Message ${k}`,
      html: `<p>Message ${k}</p>`,
    });
  }
  const rows = await prisma.outboxMessage.findMany({ where: { kind }, select: { messageId: true } });
  return rows.map((row) => row.messageId);
}

const arrived = (ids: string[]) => ids.filter((id) => arrivals.has(id)).length;
const sentCount = (kind: string) => prisma.outboxMessage.count({ where: { kind, status: "sent" } });

describe.skipIf(!postgres)("two mail workers on one PostgreSQL database", () => {
  it(`deliver ${MESSAGES} queued messages, each exactly once, and both take a share`, async () => {
    const ids = await queue("system-bulk", MESSAGES);
    expect(ids).toHaveLength(MESSAGES);
    const [a, b] = [worker(), worker()];
    await waitFor(async () => (await sentCount("system-bulk")) === MESSAGES, {
      timeoutMs: 90_000,
      what: () => `${MESSAGES} sent (${arrived(ids)} arrived)\n${a.output.join("")}${b.output.join("")}`,
    });
    expect(arrived(ids)).toBe(MESSAGES);
    expect(ids.filter((id) => arrivals.get(id) !== 1)).toEqual([]);
    const rows = await prisma.outboxMessage.findMany({ where: { kind: "system-bulk" }, select: { claimedBy: true } });
    for (const pid of [a.pid, b.pid]) {
      expect(rows.filter((row) => row.claimedBy?.startsWith(`pid-${pid}:`)).length).toBeGreaterThan(0);
    }
    expect(sinkErrors).toEqual([]);
    await Promise.all([a.stop(), b.stop()]);
  });

  it("lose nothing when one is SIGKILLed mid-way; only what it had claimed may arrive twice", async () => {
    const ids = await queue("system-kill", MESSAGES);
    const [victim, survivor] = [worker(), worker()];
    await waitFor(() => arrived(ids) >= MESSAGES / 4, { timeoutMs: 60_000, intervalMs: 10, what: "a quarter" });
    await victim.kill();
    const arrivedAtKill = arrived(ids);
    expect(arrivedAtKill).toBeLessThan(MESSAGES);
    // What the dead worker held: claimed, maybe already sent, never recorded. Nobody else can take it within the lease.
    const held = await prisma.outboxMessage.findMany({
      where: { kind: "system-kill", status: "sending", claimedBy: { startsWith: `pid-${victim.pid}:` } },
      select: { messageId: true },
    });
    const inFlight = new Set(held.map((row) => row.messageId));
    expect(inFlight.size).toBeLessThanOrEqual(50);
    const restarted = worker();
    await waitFor(async () => (await sentCount("system-kill")) === MESSAGES, {
      timeoutMs: 90_000,
      what: () => `${MESSAGES} sent after the kill (${arrived(ids)} arrived)\n${survivor.output.join("")}`,
    });
    // Every message arrived…
    expect(ids.filter((id) => !arrivals.has(id))).toEqual([]);
    // …once, except messages the killed worker held, at most twice and under their one Message-ID.
    const twice = ids.filter((id) => (arrivals.get(id) ?? 0) > 1);
    expect(twice.filter((id) => !inFlight.has(id))).toEqual([]);
    expect(twice.filter((id) => arrivals.get(id)! > 2)).toEqual([]);
    // The held rows came back after the lease: sent by the survivor or the restarted worker.
    const heldRows = await prisma.outboxMessage.findMany({
      where: { messageId: { in: [...inFlight] } },
      select: { status: true, claimedBy: true },
    });
    expect(heldRows.every((row) => row.status === "sent" && !row.claimedBy?.startsWith(`pid-${victim.pid}:`))).toBe(
      true,
    );
    expect(sinkErrors).toEqual([]);
    await Promise.all([survivor.stop(), restarted.stop()]);
  });
});
