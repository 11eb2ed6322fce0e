/**
 * Notifications to a person: the messages someone may choose to receive
 * immediately, in a daily digest or not at all (reminders, publication
 * notices, comments received). Security and account messages (invitation,
 * password reset, receipts) are not notifications: they go straight to
 * `queueEmail`.
 *
 * `queueNotification(db, …)` is the one way to queue a notification: pass
 * the event's transaction client, like `queueEmail`.
 */
import type { Prisma } from "~/generated/prisma/client";
import { composeMail, type MailContent } from "~/lib/mail/compose";
import type { prisma } from "~/utils/db.server";
import { queueEmail } from "~/utils/outbox.server";

type Db = Prisma.TransactionClient | typeof prisma;

export interface NotificationInput {
  /** The recipient. */
  userId: string;
  /** One of MAIL_KINDS (app/lib/mail/compose.ts). */
  kind: string;
  /** The message, already translated. */
  content: MailContent;
  /** One message per cause and person, e.g. "reminder:<consultationId>:7d:<userId>". */
  dedupeKey: string;
  /** Not before (reminders); now by default. */
  sendAt?: Date;
}

/** Queues a notification for one person; returns the outbox row's id, or null when none was queued. */
export async function queueNotification(db: Db, input: NotificationInput): Promise<string | null> {
  const user = await db.user.findUnique({
    where: { id: input.userId },
    select: { email: true, name: true, deactivatedAt: true },
  });
  if (!user || user.deactivatedAt) return null;
  return queueEmail(db, {
    kind: input.kind,
    to: { address: user.email, name: user.name },
    ...composeMail(input.content),
    dedupeKey: input.dedupeKey,
    sendAt: input.sendAt,
  });
}
