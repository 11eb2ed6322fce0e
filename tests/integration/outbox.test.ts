/**
 * The email outbox against a real SMTP server in this process (smtp-server),
 * parsing what it receives (mailparser): delivery, retries, giving up,
 * transactions, and several workers at once.
 */
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";

import { simpleParser, type ParsedMail } from "mailparser";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";

import { DomainError } from "~/lib/errors";
import { MAX_DELIVERY_ATTEMPTS } from "~/lib/mail/delivery";
import { getOutgoingMail, listOutgoingMail } from "~/models/outgoing-mail.server";
import { prisma } from "~/utils/db.server";
import { fileTransport, smtpTransport, type MailTransport } from "~/utils/mailer.server";
import { claimDue, deliverDue, queueEmail } from "~/utils/outbox.server";

import type { AddressInfo } from "node:net";

/** What the SMTP sink received, and how it should answer the next recipients. */
const received: ParsedMail[] = [];
let refuse: { code: number; message: string } | null = null;
/** SMTP connections the sink has accepted. */
let connections = 0;
let server: SMTPServer;
let transport: MailTransport;

beforeAll(async () => {
  server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onConnect(_session, callback) {
      connections++;
      callback();
    },
    onRcptTo(_address, _session, callback) {
      if (!refuse) return callback();
      callback(Object.assign(new Error(refuse.message), { responseCode: refuse.code }));
    },
    onData(stream, _session, callback) {
      simpleParser(stream)
        .then((mail) => {
          received.push(mail);
          callback();
        })
        .catch(callback);
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.server.address() as AddressInfo;
  transport = smtpTransport(`smtp://127.0.0.1:${port}`);
});

afterAll(async () => {
  transport.close();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

beforeEach(() => {
  received.length = 0;
  refuse = null;
});

let serial = 0;
function message(overrides: Partial<Parameters<typeof queueEmail>[1]> = {}) {
  serial++;
  return {
    kind: "test",
    to: { address: `person${serial}@example.org`, name: `Person ${serial}` },
    subject: `Subject ${serial} — déjà vu`,
    text: `Plain text ${serial}\nhttps://consult.example/invitations/abc`,
    html: `<p>HTML <strong>${serial}</strong></p>`,
    ...overrides,
  };
}

/** Runs passes until nothing is due (retries scheduled later stay). */
async function deliverAll(worker = "test") {
  let total = 0;
  for (;;) {
    const pass = await deliverDue({ transport, worker });
    total += pass.claimed;
    if (pass.claimed === 0) return total;
  }
}

/** `prisma`, counting the UPDATEs of outbox rows made through it. */
function countingUpdates() {
  const counted = { updates: 0 };
  const outbox = new Proxy(prisma.outboxMessage, {
    get(target, key) {
      const value = Reflect.get(target, key) as unknown;
      if (typeof value !== "function") return value;
      return (...args: unknown[]) => {
        if (key === "updateMany" || key === "update") counted.updates++;
        return (value as (...a: unknown[]) => unknown).apply(target, args);
      };
    },
  });
  const db = new Proxy(prisma, {
    get: (target, key) => (key === "outboxMessage" ? outbox : (Reflect.get(target, key) as unknown)),
  });
  return { db, counted };
}

const row = (id: string) => prisma.outboxMessage.findUniqueOrThrow({ where: { id } });

describe("email outbox", () => {
  it("delivers a queued message: both parts, its Message-ID, its headers", async () => {
    const id = (await queueEmail(
      prisma,
      message({
        headers: {
          "List-Unsubscribe": "<https://consult.example/u/t1>",
          "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
        },
      }),
    ))!;
    await deliverAll();
    const stored = await row(id);
    expect(stored).toMatchObject({ status: "sent", attempts: 1, lastError: null });
    const mail = received.find((m) => m.messageId === stored.messageId);
    expect(mail).toBeDefined();
    expect(mail!.subject).toBe(stored.subject);
    expect(mail!.to).toMatchObject({ value: [{ address: stored.toAddress, name: stored.toName }] });
    expect(mail!.text?.trim()).toBe(stored.text);
    expect(mail!.html).toContain("<strong>");
    expect(mail!.headerLines.map((header) => header.line)).toEqual(
      expect.arrayContaining([
        "List-Unsubscribe: <https://consult.example/u/t1>",
        "List-Unsubscribe-Post: List-Unsubscribe=One-Click",
      ]),
    );
  });

  it("is written with the event's transaction: a rolled-back event leaves none, a repeated cause one", async () => {
    const dedupeKey = `cause-${serial}`;
    await expect(
      prisma.$transaction(async (tx) => {
        await queueEmail(tx, message({ dedupeKey }));
        throw new Error("the event failed");
      }),
    ).rejects.toThrow("the event failed");
    expect(await prisma.outboxMessage.count({ where: { dedupeKey } })).toBe(0);
    expect(await queueEmail(prisma, message({ dedupeKey }))).not.toBeNull();
    expect(await queueEmail(prisma, message({ dedupeKey }))).toBeNull();
    expect(await prisma.outboxMessage.count({ where: { dedupeKey } })).toBe(1);
  });

  it("retries a transient refusal later with the same Message-ID, and gives up on a permanent one", async () => {
    refuse = { code: 451, message: "Greylisted, try again later" };
    const id = (await queueEmail(prisma, message()))!;
    await deliverAll();
    const waiting = await row(id);
    expect(waiting.status).toBe("pending");
    expect(waiting.lastError).toMatch(/^451 /);
    expect(waiting.nextAttemptAt.getTime()).toBeGreaterThan(Date.now() + 10_000);
    expect(received).toHaveLength(0);

    refuse = null;
    await prisma.outboxMessage.update({ where: { id }, data: { nextAttemptAt: new Date(Date.now() - 1) } });
    await deliverAll();
    expect(await row(id)).toMatchObject({ status: "sent", attempts: 2, messageId: waiting.messageId });
    expect(received.map((m) => m.messageId)).toEqual([waiting.messageId]);

    refuse = { code: 550, message: "No such mailbox" };
    const doomed = (await queueEmail(prisma, message()))!;
    await deliverAll();
    expect(await row(doomed)).toMatchObject({
      status: "failed",
      attempts: 1,
      lastError: expect.stringMatching(/^550 .*No such mailbox/),
    });
  });

  it(`gives up after ${MAX_DELIVERY_ATTEMPTS} transient failures`, async () => {
    refuse = { code: 421, message: "Service not available" };
    const id = (await queueEmail(prisma, message()))!;
    for (let attempt = 1; attempt <= MAX_DELIVERY_ATTEMPTS; attempt++) {
      await prisma.outboxMessage.update({ where: { id }, data: { nextAttemptAt: new Date(Date.now() - 1) } });
      await deliverAll();
    }
    expect(await row(id)).toMatchObject({ status: "failed", attempts: MAX_DELIVERY_ATTEMPTS });
  });

  it("takes over the messages of a worker that died mid-send, and ignores that worker's late outcome", async () => {
    const id = (await queueEmail(prisma, message()))!;
    const [claimedByDead] = await claimDue("dead", 10);
    expect(claimedByDead?.id).toBe(id);
    // Not taken over while the claim is fresh…
    expect(await claimDue("alive", 10)).toEqual([]);
    // …but once its lease (5 min) has passed: the claim dates from 11 minutes ago.
    await prisma.outboxMessage.update({ where: { id }, data: { claimedAt: new Date(Date.now() - 11 * 60_000) } });
    expect(await deliverAll("alive")).toBeGreaterThanOrEqual(1);
    expect(await row(id)).toMatchObject({ status: "sent", attempts: 2 });
    // The dead worker's outcome arrives late: its claim is no longer the row's.
    const late = await prisma.outboxMessage.updateMany({
      where: { id, claimedBy: claimedByDead.claimedBy, status: "sending" },
      data: { status: "failed" },
    });
    expect(late.count).toBe(0);
    expect(received.filter((m) => m.messageId === claimedByDead.messageId)).toHaveLength(1);
  });

  it("with four workers at once, sends each of 200 messages exactly once", async () => {
    const ids = [];
    for (let k = 0; k < 200; k++) ids.push((await queueEmail(prisma, message({ kind: "bulk" })))!);
    await Promise.all(["w1", "w2", "w3", "w4"].map((worker) => deliverAll(worker)));
    const rows = await prisma.outboxMessage.findMany({ where: { id: { in: ids } } });
    expect(rows.every((r) => r.status === "sent" && r.attempts === 1)).toBe(true);
    const ids200 = new Set(rows.map((r) => r.messageId));
    const delivered = received.map((m) => m.messageId).filter((m) => m && ids200.has(m));
    expect(delivered).toHaveLength(200);
    expect(new Set(delivered).size).toBe(200);
  });

  it("sends over a pool of at most 5 SMTP connections, not one connection per message", async () => {
    for (let k = 0; k < 30; k++) await queueEmail(prisma, message({ kind: "pooled" }));
    connections = 0;
    await deliverAll("pooled");
    expect(received.filter((m) => m.subject?.startsWith("Subject"))).toHaveLength(30);
    expect(connections).toBeLessThanOrEqual(5);
  });

  it("records the sent messages of a pass in one UPDATE, besides the claim", async () => {
    const ids = [];
    for (let k = 0; k < 20; k++) ids.push((await queueEmail(prisma, message({ kind: "batched" })))!);
    const { db, counted } = countingUpdates();
    const pass = await deliverDue({ transport, worker: "batched", batch: 50, db });
    expect(pass).toMatchObject({ claimed: 20, sent: 20 });
    expect(await prisma.outboxMessage.count({ where: { id: { in: ids }, status: "sent" } })).toBe(20);
    // The claim and the "sent" record: not 1 + 20.
    expect(counted.updates).toBe(2);
  });

  it("without SMTP, writes each message as an .eml file a mail client can read", async () => {
    const directory = await fs.mkdtemp(path.join(os.tmpdir(), "mail-"));
    const files = fileTransport(directory);
    const id = (await queueEmail(prisma, message({ kind: "file" })))!;
    await deliverDue({ transport: files, worker: "files" });
    // An earlier test's message whose retry fell due (later on a slow machine) may be written beside it.
    const stored = await row(id);
    expect(stored.status).toBe("sent");
    const written = await Promise.all(
      (await fs.readdir(directory)).map(async (name) => simpleParser(await fs.readFile(path.join(directory, name)))),
    );
    const mail = written.find((parsed) => parsed.messageId === stored.messageId)!;
    expect(mail, "an .eml file with the message's Message-ID").toBeDefined();
    expect(mail.messageId).toBe(stored.messageId);
    expect(mail.subject).toBe(stored.subject);
    expect(mail.html).toContain("<strong>");
    files.close();
    await fs.rm(directory, { recursive: true });
  });

  it("is read on the Outgoing mail page by the secretariat only", async () => {
    const id = (await queueEmail(prisma, message({ kind: "page", subject: "Readable by the secretariat" })))!;
    const secretariat = { id: "s1", organization: null, permissions: ["read:audit:any"] };
    const delegate = { id: `d-${serial}`, organization: { id: "o1" }, permissions: ["create:comment:own"] };
    const list = await listOutgoingMail({ actor: secretariat, status: "pending" });
    expect(list.messages.map((m) => m.id)).toContain(id);
    expect(list.counts.pending).toBeGreaterThanOrEqual(1);
    expect((await getOutgoingMail({ actor: secretariat, id }))?.subject).toBe("Readable by the secretariat");
    // One at a time: a refusal started before it is awaited would be an unhandled rejection.
    for (const attempt of [
      () => listOutgoingMail({ actor: delegate }),
      () => getOutgoingMail({ actor: delegate, id }),
    ]) {
      await expect(attempt()).rejects.toSatisfy((error) => error instanceof DomainError && error.status === 403);
    }
    await expect(listOutgoingMail({ actor: null })).rejects.toBeInstanceOf(DomainError);
    expect(await prisma.auditEvent.count({ where: { actorId: delegate.id, outcome: "denied" } })).toBe(2);
  });
});
