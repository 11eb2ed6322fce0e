/**
 * The transactional outbox (docs/decisions/0012-email-through-a-transactional-outbox.md).
 *
 * `queueEmail(db, …)` writes the message with the same client as the event
 * that causes it, so inside the event's transaction: either both are stored
 * or neither. `deliverDue()` is one pass of the delivery worker: it claims
 * due messages, sends them and records each outcome.
 *
 * Claiming is one conditional UPDATE per pass ("still pending and due, or
 * claimed longer ago than the lease"), which the database applies to each row
 * once: two workers (two instances, or a worker and a restarted one) never
 * both claim a row, on SQLite and on PostgreSQL alike. A worker that dies
 * after claiming leaves its rows to be taken over once the lease has passed;
 * a worker that lost its lease cannot record an outcome over the new claim.
 * A pass records its sent messages in one UPDATE at its end, so a worker
 * killed mid-pass leaves every row of that pass claimed: the one bound on
 * resends after a crash is the rows claimed at the kill, each resent under
 * its own Message-ID.
 */
import crypto from "node:crypto";

import type { Prisma } from "~/generated/prisma/client";
import {
  CLAIM_LEASE_MS,
  classifyFailure,
  describeFailure,
  MAX_DELIVERY_ATTEMPTS,
  messageIdFor,
  retryDelayMs,
} from "~/lib/mail/delivery";
import { prisma } from "~/utils/db.server";
import { logger } from "~/utils/logger.server";
import { mailFrom, type MailTransport } from "~/utils/mailer.server";

type Db = Prisma.TransactionClient | typeof prisma;

export interface EmailInput {
  kind: string;
  to: { address: string; name?: string };
  subject: string;
  text: string;
  html: string;
  headers?: Record<string, string>;
  /** One message per cause: a second queueEmail with the same key is a no-op. */
  dedupeKey?: string;
  /** Not before (reminders); now by default. */
  sendAt?: Date;
}

/** Listeners told when a message is queued in this process (the worker wakes up). */
const queuedListeners = new Set<() => void>();

/** Calls `listener` whenever this process queues a message; returns the unsubscribe. */
export function onEmailQueued(listener: () => void): () => void {
  queuedListeners.add(listener);
  return () => queuedListeners.delete(listener);
}

/** Queues an email with `db`: pass the event's transaction client. Returns the row's id. */
export async function queueEmail(db: Db, input: EmailInput): Promise<string | null> {
  if (input.dedupeKey) {
    const existing = await db.outboxMessage.findUnique({ where: { dedupeKey: input.dedupeKey }, select: { id: true } });
    if (existing) return null;
  }
  const id = crypto.randomUUID();
  await db.outboxMessage.create({
    data: {
      id,
      kind: input.kind,
      toAddress: input.to.address,
      toName: input.to.name ?? "",
      subject: input.subject,
      text: input.text,
      html: input.html,
      headers: JSON.stringify(input.headers ?? {}),
      messageId: messageIdFor(id, mailFrom()),
      dedupeKey: input.dedupeKey ?? null,
      nextAttemptAt: input.sendAt ?? new Date(),
    },
  });
  // Wakes a worker in this process; after the transaction commits it finds the row.
  for (const listener of queuedListeners) setTimeout(listener, 50);
  return id;
}

/**
 * How long a claim holds (MAIL_CLAIM_LEASE_MS, default CLAIM_LEASE_MS): after
 * it, the rows of a worker that died mid-pass are claimed again by another.
 * Longer than any pass can take, or a slow worker's rows are sent twice.
 */
export function claimLeaseMs(): number {
  const configured = Number(process.env.MAIL_CLAIM_LEASE_MS);
  return Number.isFinite(configured) && configured > 0 ? configured : CLAIM_LEASE_MS;
}

/** Claims up to `limit` due messages for `worker`; returns the rows claimed. */
export async function claimDue(worker: string, limit: number, now = new Date(), db: typeof prisma = prisma) {
  const due: Prisma.OutboxMessageWhereInput = {
    OR: [
      { status: "pending", nextAttemptAt: { lte: now } },
      { status: "sending", claimedAt: { lt: new Date(now.getTime() - claimLeaseMs()) } },
    ],
  };
  // Two workers reading at once see the same oldest rows and one of them claims none: it looks again
  // (the rows just claimed are no longer due) rather than idling until its next poll.
  for (let attempt = 0; attempt < 3; attempt++) {
    const candidates = await db.outboxMessage.findMany({
      where: due,
      orderBy: { nextAttemptAt: "asc" },
      take: limit,
      select: { id: true },
    });
    if (candidates.length === 0) return [];
    // A claim token unique to this pass: the rows this UPDATE changed are exactly those carrying it.
    const claim = `${worker}:${crypto.randomUUID()}`;
    const { count } = await db.outboxMessage.updateMany({
      where: { AND: [{ id: { in: candidates.map((row) => row.id) } }, due] },
      data: { status: "sending", claimedAt: now, claimedBy: claim, attempts: { increment: 1 } },
    });
    if (count > 0) {
      return db.outboxMessage.findMany({
        where: { claimedBy: claim, status: "sending" },
        orderBy: { nextAttemptAt: "asc" },
      });
    }
  }
  return [];
}

type Claimed = Awaited<ReturnType<typeof claimDue>>[number];

async function sendOne(transport: MailTransport, row: Claimed, db: typeof prisma) {
  const mine = { id: row.id, claimedBy: row.claimedBy, status: "sending" };
  try {
    await transport.send({
      from: mailFrom(),
      to: { address: row.toAddress, name: row.toName },
      subject: row.subject,
      text: row.text,
      html: row.html,
      messageId: row.messageId,
      headers: JSON.parse(row.headers) as Record<string, string>,
      date: row.createdAt,
    });
    // Recorded for the whole pass at once (deliverDue): one UPDATE per message was most of a pass's time.
    return "sent" as const;
  } catch (error) {
    const giveUp = classifyFailure(error) === "permanent" || row.attempts >= MAX_DELIVERY_ATTEMPTS;
    await db.outboxMessage.updateMany({
      where: mine,
      data: giveUp
        ? { status: "failed", lastError: describeFailure(error) }
        : {
            status: "pending",
            lastError: describeFailure(error),
            nextAttemptAt: new Date(Date.now() + retryDelayMs(row.attempts, Math.random())),
          },
    });
    logger.warn("mail not sent", {
      id: row.id,
      kind: row.kind,
      attempts: row.attempts,
      giveUp,
      error: describeFailure(error),
    });
    return giveUp ? ("failed" as const) : ("retry" as const);
  }
}

export interface DeliveryPass {
  claimed: number;
  sent: number;
  retry: number;
  failed: number;
}

/**
 * One pass: claims up to `batch` due messages and sends them, `concurrency`
 * at a time. Safe to run in several processes at once.
 */
export async function deliverDue({
  transport,
  worker = `pid-${process.pid}`,
  batch = 50,
  concurrency = 5,
  db = prisma,
}: {
  transport: MailTransport;
  worker?: string;
  batch?: number;
  concurrency?: number;
  db?: typeof prisma;
}): Promise<DeliveryPass> {
  const rows = await claimDue(worker, batch, new Date(), db);
  const pass: DeliveryPass = { claimed: rows.length, sent: 0, retry: 0, failed: 0 };
  const sent: string[] = [];
  let next = 0;
  const lane = async () => {
    while (next < rows.length) {
      const row = rows[next++];
      const outcome = await sendOne(transport, row, db);
      pass[outcome]++;
      if (outcome === "sent") sent.push(row.id);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, rows.length) }, lane));
  if (sent.length > 0) {
    // Every row of the pass carries the same claim; a row taken over after the lease is not ours to record.
    await db.outboxMessage.updateMany({
      where: { id: { in: sent }, claimedBy: rows[0].claimedBy, status: "sending" },
      data: { status: "sent", sentAt: new Date(), lastError: null },
    });
  }
  return pass;
}
