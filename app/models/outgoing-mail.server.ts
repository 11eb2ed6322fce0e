/**
 * The Outgoing mail page's reading of the outbox (app/utils/outbox.server.ts):
 * what was queued, sent, is waiting for a retry or was given up on. The
 * secretariat reads it (the messages hold invitation links it may send itself).
 * A password reset link is not shown: it would let whoever reads this page
 * (another secretariat member) take over the account for the link's hour.
 */
import type { OutboxStatus } from "~/lib/mail/statuses";
import type { Actor } from "~/lib/permissions";
import { authorize } from "~/utils/authorize.server";
import { prisma } from "~/utils/db.server";

export const MAIL_PERMISSION = "read:audit:any" as const;

const PAGE_SIZE = 50;

/** The newest messages (of one status, when given), 50 a page, with the count of each status. */
export async function listOutgoingMail({
  actor,
  status,
  page = 1,
  clientAddress,
}: {
  actor: Actor | null;
  status?: OutboxStatus;
  page?: number;
  clientAddress?: string;
}) {
  await authorize({ actor, permission: MAIL_PERMISSION, audit: { entity: "mail", ip: clientAddress } });
  const where = status ? { status } : {};
  const [messages, counts] = await Promise.all([
    prisma.outboxMessage.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      skip: (page - 1) * PAGE_SIZE,
      take: PAGE_SIZE + 1,
      select: {
        id: true,
        kind: true,
        toAddress: true,
        toName: true,
        subject: true,
        status: true,
        attempts: true,
        nextAttemptAt: true,
        sentAt: true,
        lastError: true,
        createdAt: true,
      },
    }),
    prisma.outboxMessage.groupBy({ by: ["status"], _count: { _all: true } }),
  ]);
  return {
    messages: messages.slice(0, PAGE_SIZE),
    hasMore: messages.length > PAGE_SIZE,
    counts: Object.fromEntries(counts.map((row) => [row.status, row._count._all])) as Partial<Record<string, number>>,
  };
}

/** One message, whole (its text part), or null. */
export async function getOutgoingMail({
  actor,
  id,
  clientAddress,
}: {
  actor: Actor | null;
  id: string;
  clientAddress?: string;
}) {
  await authorize({ actor, permission: MAIL_PERMISSION, audit: { entity: "mail", entityId: id, ip: clientAddress } });
  const message = await prisma.outboxMessage.findUnique({ where: { id } });
  if (!message) return null;
  return { ...message, text: withoutSecretLinks(message.text), html: withoutSecretLinks(message.html) };
}

/** Tokens of single-use links that hand over an account, as they appear in a message. */
const SECRET_LINK = /(\/reset-password\/)[A-Za-z0-9_-]+/g;

/** `body` with every password reset token replaced by "…" (the link's path stays readable). */
export function withoutSecretLinks(body: string): string {
  return body.replace(SECRET_LINK, "$1…");
}
