/**
 * The daily digest (docs/decisions/0020-notification-preferences-digest-and-unsubscribe.md):
 * a notification whose kind a person receives by digest is held as a
 * DigestItem instead of being queued; once a day, at DIGEST_HOUR_UTC, a pass
 * of the mail worker queues one message per person gathering what was held.
 *
 * The pass is safe to run often and in several instances at once. For each
 * person it takes the due items by a conditional update (`digestKey` still
 * null) and queues the digest with the dedupe key `digest:<userId>:<day>`,
 * both in one transaction: two passes never queue a person's digest twice
 * (the second finds the items taken, or the dedupe key there, or loses the
 * unique index and rolls back), and an item is never taken without its
 * digest. An item that becomes due after that day's digest was queued (its
 * event committed late) waits for the next one rather than being lost.
 */
import type { Prisma } from "~/generated/prisma/client";
import { languageDirection } from "~/lib/language";
import { MAIL_KINDS, type MailContent } from "~/lib/mail/compose";
import { composeDigest, digestCutoff, digestDay, digestHourUtc, type DigestEntry } from "~/lib/mail/digest";
import type { NotificationKind } from "~/lib/mail/notification-kinds";
import { DIGEST_SCOPE } from "~/lib/mail/unsubscribe";
import { mailLanguage, mailT } from "~/models/mail-language.server";
import {
  listUnsubscribeHeaders,
  NOTIFICATION_SETTINGS_PATH,
  unsubscribeUrl,
} from "~/models/notification-preference.server";
import { absoluteUrl } from "~/utils/app-url.server";
import { isUniqueViolation, prisma } from "~/utils/db.server";
import { logger } from "~/utils/logger.server";
import { queueEmail } from "~/utils/outbox.server";

type Db = Prisma.TransactionClient | typeof prisma;

/** The hour (UTC) of the daily digest: DIGEST_HOUR_UTC, 6 by default. */
export function configuredDigestHour(env: NodeJS.ProcessEnv = process.env): number {
  return digestHourUtc(env.DIGEST_HOUR_UTC);
}

/**
 * Holds a notification for its person's next digest. A repeated event (same
 * dedupe key, held or already queued as its own message) adds nothing.
 */
export async function holdForDigest(
  db: Db,
  input: { userId: string; kind: NotificationKind; content: MailContent; dedupeKey: string; sendAt?: Date },
): Promise<void> {
  // One query after the other: `db` is often the event's interactive transaction.
  if (await db.digestItem.findUnique({ where: { dedupeKey: input.dedupeKey }, select: { id: true } })) return;
  if (await db.outboxMessage.findUnique({ where: { dedupeKey: input.dedupeKey }, select: { id: true } })) return;
  const now = new Date();
  const entry: DigestEntry = {
    subject: input.content.subject,
    paragraphs: input.content.paragraphs,
    action: input.content.action,
  };
  await db.digestItem.create({
    data: {
      userId: input.userId,
      kind: input.kind,
      content: JSON.stringify(entry),
      dedupeKey: input.dedupeKey,
      // Never before it was held: a digest already queued today must not be the one it joins.
      dueAt: input.sendAt && input.sendAt > now ? input.sendAt : now,
    },
    select: { id: true },
  });
}

export interface DigestPass {
  /** Digests queued by this pass. */
  digests: number;
  /** Items they gathered. */
  items: number;
}

/**
 * One digest pass at `now`: for every person with items due by the latest
 * digest time (today's DIGEST_HOUR_UTC, or yesterday's before it), queues
 * that day's digest. Call it from the mail worker's loop; between digest
 * times it finds nothing and costs one indexed query.
 */
export async function runDigestPass({
  now = new Date(),
  hour = configuredDigestHour(),
  limit = 500,
  db = prisma,
}: { now?: Date; hour?: number; limit?: number; db?: typeof prisma } = {}): Promise<DigestPass> {
  const cutoff = digestCutoff(now, hour);
  const people = await db.digestItem.groupBy({
    by: ["userId"],
    where: { digestKey: null, dueAt: { lte: cutoff } },
    orderBy: { userId: "asc" },
    take: limit,
  });
  const pass: DigestPass = { digests: 0, items: 0 };
  for (const { userId } of people) {
    try {
      const items = await queueDigest(db, userId, cutoff);
      if (items > 0) {
        pass.digests++;
        pass.items += items;
      }
    } catch (error) {
      // Another instance queued this digest at the same moment: its transaction won, this one rolled back.
      if (!isUniqueViolation(error)) throw error;
    }
  }
  if (pass.digests > 0) logger.info("digests queued", { ...pass, day: digestDay(cutoff) });
  return pass;
}

/** Queues `userId`'s digest for the day of `cutoff`; returns how many items it gathered. */
async function queueDigest(db: typeof prisma, userId: string, cutoff: Date): Promise<number> {
  const digestKey = `digest:${userId}:${digestDay(cutoff)}`;
  return db.$transaction(async (tx) => {
    const due = { userId, digestKey: null, dueAt: { lte: cutoff } };
    if (await tx.outboxMessage.findUnique({ where: { dedupeKey: digestKey }, select: { id: true } })) {
      // That day's digest is out already: these join the next one.
      await tx.digestItem.updateMany({ where: due, data: { dueAt: new Date(cutoff.getTime() + 1) } });
      return 0;
    }
    await tx.digestItem.updateMany({ where: due, data: { digestKey } });
    const items = await tx.digestItem.findMany({
      where: { userId, digestKey },
      orderBy: [{ dueAt: "asc" }, { createdAt: "asc" }],
      select: { content: true },
    });
    const user = await tx.user.findUnique({
      where: { id: userId },
      select: { email: true, name: true, deactivatedAt: true, locale: true },
    });
    // A deactivated account's items are taken (so they are not looked at again) and nothing is sent.
    if (items.length === 0 || !user || user.deactivatedAt) return 0;
    const unsubscribe = unsubscribeUrl(userId, DIGEST_SCOPE);
    const count = items.length;
    // In the recipient's language (User.locale, else English), as its items were written.
    const language = mailLanguage(user.locale);
    const t = await mailT(language);
    const mail = composeDigest({
      lang: language,
      dir: languageDirection(language),
      subject: t("preferences.mail.digest.subject", { count }),
      greeting: t("preferences.mail.digest.greeting", { name: user.name }),
      intro: t("preferences.mail.digest.intro", { count }),
      entries: items.map((item) => JSON.parse(item.content) as DigestEntry),
      footer: [
        t("preferences.mail.digest.why"),
        t("preferences.mail.digest.unsubscribe", { url: unsubscribe }),
        t("preferences.mail.settings", { url: absoluteUrl(NOTIFICATION_SETTINGS_PATH) }),
      ],
    });
    const id = await queueEmail(tx, {
      kind: MAIL_KINDS.digest,
      to: { address: user.email, name: user.name },
      ...mail,
      headers: listUnsubscribeHeaders(unsubscribe),
      dedupeKey: digestKey,
    });
    return id ? count : 0;
  });
}

/**
 * Digest passes every `intervalMs` (a minute: the digest hour is the only
 * deadline) until stopped, for the process that runs the mail worker
 * (server/index.ts unless MAIL_WORKER=off, or server/worker.ts). A failed
 * pass is logged and the next one tries again.
 */
export function startDigestPasses({
  intervalMs = 60_000,
  now = () => new Date(),
}: { intervalMs?: number; now?: () => Date } = {}): { stop(): Promise<void> } {
  let running: Promise<unknown> = Promise.resolve();
  const pass = () => {
    running = runDigestPass({ now: now() }).catch((error: unknown) =>
      logger.error("digest pass failed", { error: error instanceof Error ? error.message : "unknown" }),
    );
  };
  const timer = setInterval(pass, intervalMs);
  timer.unref();
  pass();
  return {
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}
