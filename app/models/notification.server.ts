/**
 * Notifications to a person: the messages someone may choose to receive
 * immediately, in a daily digest or not at all (reminders, publication
 * notices, comments received). Security and account messages (invitation,
 * password reset, receipts) are not notifications: they go straight to
 * `queueEmail`.
 *
 * `queueNotification(db, …)` is the one way to queue a notification: pass
 * the event's transaction client, like `queueEmail`. It follows the person's
 * preference for the kind (app/models/notification-preference.server.ts):
 * - off: nothing is queued;
 * - digest: the notification is held for the daily digest (app/models/digest.server.ts);
 * - immediate (the default): the message is queued with an unsubscribe line
 *   in both parts and the RFC 8058 List-Unsubscribe and List-Unsubscribe-Post
 *   headers, whose signed link turns this kind off without signing in.
 */
import type { Prisma } from "~/generated/prisma/client";
import { fallbackLng } from "~/i18n";
import { remixI18n } from "~/i18next.server";
import { composeMail, type MailContent } from "~/lib/mail/compose";
import { preferenceOf } from "~/lib/mail/notification-kinds";
import { holdForDigest } from "~/models/digest.server";
import {
  listUnsubscribeHeaders,
  NOTIFICATION_SETTINGS_PATH,
  notificationModeFor,
  unsubscribeUrl,
} from "~/models/notification-preference.server";
import { absoluteUrl } from "~/utils/app-url.server";
import type { prisma } from "~/utils/db.server";
import { logger } from "~/utils/logger.server";
import { queueEmail } from "~/utils/outbox.server";

type Db = Prisma.TransactionClient | typeof prisma;

export interface NotificationInput {
  /** The recipient. */
  userId: string;
  /** One of MAIL_KINDS (app/lib/mail/compose.ts) listed in NOTIFICATION_KINDS (app/lib/mail/notification-kinds.ts). */
  kind: string;
  /** The message, already translated. */
  content: MailContent;
  /** One message per cause and person, e.g. "reminder:<consultationId>:7d:<userId>". */
  dedupeKey: string;
  /** Not before (reminders); now by default. */
  sendAt?: Date;
}

/**
 * Queues a notification for one person as their preference says; returns
 * the outbox row's id, or null when none was queued (off, held for the
 * digest, a repeated cause, a deactivated account).
 *
 * A kind that takes no preference (not in NOTIFICATION_KINDS) is a
 * programming error; it is logged and the message is sent at once without an
 * unsubscribe link, rather than failing the event it belongs to.
 */
export async function queueNotification(db: Db, input: NotificationInput): Promise<string | null> {
  const user = await db.user.findUnique({
    where: { id: input.userId },
    select: { email: true, name: true, deactivatedAt: true },
  });
  if (!user || user.deactivatedAt) return null;
  const to = { address: user.email, name: user.name };
  const { kind, dedupeKey, sendAt } = input;
  // The preference that covers this kind (one choice for every change of a comment period).
  const preference = preferenceOf(kind);
  if (!preference) {
    logger.error("notification of a kind without preferences, sent as is", { kind });
    return queueEmail(db, { kind, to, ...composeMail(input.content), dedupeKey, sendAt });
  }
  const mode = await notificationModeFor(db, input.userId, preference);
  if (mode === "off") return null;
  if (mode === "digest") {
    await holdForDigest(db, { ...input, kind: preference });
    return null;
  }
  // The recipient's language once accounts carry one; the platform's until then.
  const t = await remixI18n.getFixedT(fallbackLng);
  const unsubscribe = unsubscribeUrl(input.userId, preference);
  const footer = [
    ...(input.content.footer ?? []),
    t("preferences.mail.why", { kind: t(`preferences.kinds.${preference}.label`) }),
    t("preferences.mail.unsubscribe", { url: unsubscribe }),
    t("preferences.mail.settings", { url: absoluteUrl(NOTIFICATION_SETTINGS_PATH) }),
  ];
  return queueEmail(db, {
    kind,
    to,
    ...composeMail({ ...input.content, footer }),
    headers: listUnsubscribeHeaders(unsubscribe),
    dedupeKey,
    sendAt,
  });
}
