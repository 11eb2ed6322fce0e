/**
 * Reminders before a deadline (docs/decisions/0019-reminders-evaluated-at-a-scheduler-tick.md).
 *
 * Nothing is stored ahead of time: at each tick (`runReminderTick`, every
 * minute where the mail worker runs) the open comment periods are read, and
 * for each one whose reminder is due now (app/lib/mail/reminder-schedule.ts
 * dueReminder: N days before the deadline at its local time in the
 * consultation's zone) the reminders are decided from the data as it is
 * now and queued in one transaction, keyed by version, deadline, days and
 * person so that a second tick, or a second instance, queues nothing more.
 * A deadline moved later has reminders of its own; a closed period has
 * none; and the reminders queued but not yet sent for a deadline that no
 * longer holds are withdrawn (`cancelReminders`, also called when a period
 * is closed or moved).
 *
 * Who is reminded, per organization taking part (notice.server.ts
 * listParticipants), on the version whose deadline comes:
 * - a delegate with unsubmitted drafts: how many are theirs;
 * - the focal point, when the organization has drafts: how many wait for
 *   submission;
 * - everyone of an organization that has neither drafts nor submitted
 *   comments on the version: that it has not commented yet.
 * An organization that has submitted and has no drafts left is not reminded.
 */
import type { Prisma } from "~/generated/prisma/client";
import { formatInstant } from "~/lib/dates";
import { MAIL_KINDS } from "~/lib/mail/compose";
import {
  deadlineOfReminderKey,
  DEFAULT_REMINDER_DAYS,
  dueReminder,
  parseReminderDays,
  reminderDedupeKey,
  reminderKeyPrefix,
  type ScheduledReminder,
} from "~/lib/mail/reminder-schedule";
import { listParticipants, mailT, noticeContent, workspacePath } from "~/models/notice.server";
import { queueNotification } from "~/models/notification.server";
import { absoluteUrl } from "~/utils/app-url.server";
import { isUniqueViolation, prisma } from "~/utils/db.server";
import { logger } from "~/utils/logger.server";

type Tx = Prisma.TransactionClient;

/** How often the scheduler looks for due reminders. */
export const REMINDER_TICK_MS = 60_000;

const periodSelect = {
  id: true,
  number: true,
  label: true,
  status: true,
  commentsOpenAt: true,
  commentsCloseAt: true,
  consultation: { select: { id: true, slug: true, title: true, timeZone: true, status: true, reminderDays: true } },
} as const;

type PeriodVersion = Prisma.VersionGetPayload<{ select: typeof periodSelect }>;

/** The reminder due on `version` at `now`, or null (the period not open, or no reminder due). */
function reminderDueOn(version: PeriodVersion, now: Date): ScheduledReminder | null {
  const { commentsOpenAt: opensAt, commentsCloseAt: closesAt, consultation } = version;
  if (version.status !== "open" || consultation.status === "draft" || !opensAt || !closesAt) return null;
  const days = parseReminderDays(consultation.reminderDays) ?? parseReminderDays(DEFAULT_REMINDER_DAYS)!;
  return dueReminder({ opensAt, closesAt, timeZone: consultation.timeZone, days }, now);
}

/**
 * Participants per reminder transaction. One transaction for 10,000
 * recipients ran past its timeout, and on SQLite it held the one write lock
 * for over a minute, stalling every comment submitted meanwhile. The
 * deduplication keys make the slices safe to run one after another (or again).
 */
export const REMINDER_SLICE = 250;

/**
 * Queues the reminders due on one version to the participants in
 * `slice` (by their order in listParticipants), with `tx`; returns how many.
 * Reads the drafts and submissions now, so a reminder never counts drafts
 * submitted before it is due.
 */
export async function queueVersionReminders(
  tx: Tx,
  versionId: string,
  now: Date,
  slice: { from: number; count: number } = { from: 0, count: Infinity },
) {
  const version = await tx.version.findUnique({ where: { id: versionId }, select: periodSelect });
  if (!version) return 0;
  const due = reminderDueOn(version, now);
  if (!due) return 0;
  const { consultation } = version;
  const closesAt = version.commentsCloseAt!;
  const [drafts, submitted, participants] = await Promise.all([
    tx.comment.groupBy({
      by: ["organizationId", "authorId"],
      where: { versionId, status: "draft", origin: "platform" },
      _count: { _all: true },
    }),
    tx.comment.groupBy({ by: ["organizationId"], where: { versionId, status: "submitted" }, _count: { _all: true } }),
    listParticipants(tx),
  ]);
  const draftsOfOrganization = new Map<string, number>();
  const draftsOfAuthor = new Map<string, number>();
  for (const row of drafts) {
    if (!row.organizationId) continue;
    const count = row._count._all;
    draftsOfOrganization.set(row.organizationId, (draftsOfOrganization.get(row.organizationId) ?? 0) + count);
    if (row.authorId) draftsOfAuthor.set(`${row.organizationId}:${row.authorId}`, count);
  }
  const submittedOf = new Map(submitted.map((row) => [row.organizationId, row._count._all]));
  const url = absoluteUrl(workspacePath(consultation.slug));
  let queued = 0;
  for (const person of participants.slice(slice.from, slice.from + slice.count)) {
    const organization = person.organizationName;
    // In the recipient's language (User.locale, else English).
    const t = await mailT(person.language);
    const date = formatInstant(closesAt, consultation.timeZone, person.language);
    const closes = t("notices.reminder.closes", {
      count: due.days,
      version: t("notices.version", { number: version.number, label: version.label }),
      consultation: consultation.title,
      date,
    });
    const organizationDrafts = draftsOfOrganization.get(person.organizationId) ?? 0;
    const ownDrafts = draftsOfAuthor.get(`${person.organizationId}:${person.id}`) ?? 0;
    const silent = organizationDrafts === 0 && (submittedOf.get(person.organizationId) ?? 0) === 0;
    let line: string | null = null;
    if (person.canSubmit && organizationDrafts > 0) {
      line = t("notices.reminder.waiting", { count: organizationDrafts, organization });
    } else if (!person.canSubmit && ownDrafts > 0) {
      line = t("notices.reminder.ownDrafts", { count: ownDrafts, organization });
    } else if (silent) {
      line = t("notices.reminder.notCommented", { organization });
    }
    if (!line) continue;
    const content = noticeContent(t, person, {
      subject: t("notices.reminder.subject", { consultation: consultation.title, date }),
      paragraphs: [closes, line],
      action: { label: t("notices.workspaceAction"), url },
      footer: t("notices.reminder.footer", { organization }),
    });
    const id = await queueNotification(tx, {
      userId: person.id,
      kind: MAIL_KINDS.reminder,
      content,
      dedupeKey: reminderDedupeKey({ versionId, closesAt, days: due.days, userId: person.id }),
      sendAt: now,
    });
    if (id) queued++;
  }
  return queued;
}

/**
 * Withdraws the reminders of `versionId` queued but not sent yet (not
 * claimed by a worker), except those for `keepDeadline`: called in the
 * transaction that closes or moves a period.
 */
export async function cancelReminders(tx: Tx, versionId: string, keepDeadline: Date | null = null) {
  const waiting = await tx.outboxMessage.findMany({
    where: { kind: MAIL_KINDS.reminder, status: "pending", dedupeKey: { startsWith: reminderKeyPrefix(versionId) } },
    select: { id: true, dedupeKey: true },
  });
  const stale = waiting.filter(
    (row) => deadlineOfReminderKey(row.dedupeKey ?? "")?.closesAtMs !== keepDeadline?.getTime(),
  );
  if (stale.length === 0) return 0;
  const { count } = await tx.outboxMessage.deleteMany({
    where: { id: { in: stale.map((row) => row.id) }, status: "pending" },
  });
  return count;
}

/**
 * Withdraws the reminders waiting for a deadline that no longer holds (the
 * period closed, moved, or its deadline passed while no worker ran): a
 * reminder is never sent after its deadline, nor for a deadline that is not
 * the version's.
 */
async function cancelStaleReminders(now: Date, db: typeof prisma) {
  const waiting = await db.outboxMessage.findMany({
    where: { kind: MAIL_KINDS.reminder, status: "pending" },
    select: { id: true, dedupeKey: true },
    take: 5000,
  });
  const parsed = waiting.map((row) => ({ id: row.id, key: deadlineOfReminderKey(row.dedupeKey ?? "") }));
  const versionIds = [...new Set(parsed.flatMap((row) => (row.key ? [row.key.versionId] : [])))];
  if (versionIds.length === 0) return 0;
  const versions = await db.version.findMany({
    where: { id: { in: versionIds } },
    select: { id: true, status: true, commentsCloseAt: true },
  });
  const deadline = new Map(
    versions.map((version) => [version.id, version.status === "open" ? version.commentsCloseAt?.getTime() : undefined]),
  );
  const stale = parsed.filter(({ key }) => {
    if (!key) return false;
    const current = deadline.get(key.versionId);
    return current === undefined || current !== key.closesAtMs || now.getTime() >= key.closesAtMs;
  });
  if (stale.length === 0) return 0;
  const { count } = await db.outboxMessage.deleteMany({
    where: { id: { in: stale.map((row) => row.id) }, status: "pending" },
  });
  return count;
}

export interface ReminderTick {
  /** Versions whose reminder was due. */
  due: number;
  queued: number;
  cancelled: number;
}

/** One tick of the scheduler: withdraws stale reminders, then queues the ones due at `now`. Safe to run anywhere. */
export async function runReminderTick({ now = new Date(), db = prisma }: { now?: Date; db?: typeof prisma } = {}) {
  const tick: ReminderTick = { due: 0, queued: 0, cancelled: await cancelStaleReminders(now, db) };
  const open = await db.version.findMany({
    where: {
      status: "open",
      commentsOpenAt: { lte: now },
      commentsCloseAt: { gt: now },
      consultation: { status: { not: "draft" } },
    },
    select: periodSelect,
  });
  for (const version of open) {
    if (!reminderDueOn(version, now)) continue;
    tick.due++;
    const participants = (await listParticipants(db)).length;
    for (let from = 0; from < participants; from += REMINDER_SLICE) {
      try {
        tick.queued += await db.$transaction(
          (tx) => queueVersionReminders(tx, version.id, now, { from, count: REMINDER_SLICE }),
          { maxWait: 15_000, timeout: 60_000 },
        );
      } catch (error) {
        // Another instance queued the same reminders at the same moment: they are queued once.
        if (!isUniqueViolation(error)) throw error;
        logger.info("reminders already queued by another process", { versionId: version.id, from });
      }
    }
  }
  return tick;
}

export interface ReminderScheduler {
  stop(): Promise<void>;
}

/** Runs `runReminderTick` now and every `intervalMs` until stopped (next to the mail worker). */
export function startReminderScheduler({ intervalMs = REMINDER_TICK_MS }: { intervalMs?: number } = {}) {
  let running: Promise<unknown> = Promise.resolve();
  const tick = () => {
    running = runReminderTick().catch((error: unknown) =>
      logger.error("reminder tick failed", { error: error instanceof Error ? error.message : "unknown" }),
    );
  };
  tick();
  const timer = setInterval(tick, intervalMs);
  timer.unref();
  return {
    async stop() {
      clearInterval(timer);
      await running;
    },
  } satisfies ReminderScheduler;
}
