/**
 * Publication notices to the people who take part in consultations: a new
 * version published, a comment period opened, extended, changed or closed,
 * the comments received published, the disposition table published. Each
 * `notice…` function is called by the model function where the event
 * happens, with the event's transaction client, and queues one
 * notification per participant through queueNotification
 * (app/models/notification.server.ts), so a notice exists exactly when its
 * event committed. Each message has a dedupe key naming its cause, so a
 * repeated event (a double click, a retried request) queues nothing more.
 *
 * Participants: the active people of an organization whose role lets them
 * comment for it (delegates and focal points; permissions.ts), as the
 * delegation's workspace and createComment decide. Observers and the
 * secretariat are not notified; people without an account cannot be.
 * Every organization takes part in every consultation (there is no
 * per-consultation roster yet).
 */
import type { Prisma } from "~/generated/prisma/client";
import { commentPeriodState, formatInstant } from "~/lib/dates";
import { languageDirection, type Language } from "~/lib/language";
import { MAIL_KINDS, type MailContent } from "~/lib/mail/compose";
import type { Translate } from "~/lib/translate";
import { PUBLISHED_VERSION_STATUSES } from "~/lib/version-status";
import { mailLanguage, mailT } from "~/models/mail-language.server";
import { queueNotification } from "~/models/notification.server";
import { absoluteUrl } from "~/utils/app-url.server";

type Tx = Prisma.TransactionClient;

/** Bounds of a transaction that queues one notice per participant (thousands of rows on a busy machine). */
export const NOTICE_TRANSACTION = { maxWait: 15_000, timeout: 60_000 };

export interface Participant {
  id: string;
  name: string;
  organizationId: string;
  organizationName: string;
  /** A focal point: submits the organization's drafts. */
  canSubmit: boolean;
  /** The language their mail is written in (User.locale, else English). */
  language: Language;
}

/** The people notified of a consultation's events (see the module comment), by name. */
export async function listParticipants(tx: Tx): Promise<Participant[]> {
  const users = await tx.user.findMany({
    where: {
      deactivatedAt: null,
      organizationId: { not: null },
      role: { permissions: { some: { action: "create", entity: "comment", access: "own" } } },
    },
    orderBy: [{ organizationId: "asc" }, { name: "asc" }, { id: "asc" }],
    select: {
      id: true,
      name: true,
      organizationId: true,
      organization: { select: { name: true } },
      locale: true,
      role: { select: { permissions: { where: { action: "submit", entity: "comment" }, select: { id: true } } } },
    },
  });
  return users.map((user) => ({
    id: user.id,
    name: user.name,
    organizationId: user.organizationId!,
    organizationName: user.organization?.name ?? "",
    canSubmit: user.role.permissions.length > 0,
    language: mailLanguage(user.locale),
  }));
}

export { mailLanguage, mailT };

export function readerPath(slug: string, number: number) {
  return `/consultations/${encodeURIComponent(slug)}/versions/${number}`;
}

export function workspacePath(slug: string, status?: string) {
  return `/consultations/${encodeURIComponent(slug)}/delegation${status ? `?status=${status}` : ""}`;
}

function dispositionsPath(slug: string) {
  return `/consultations/${encodeURIComponent(slug)}/dispositions`;
}

/** One message to a participant, the common parts filled in. */
export function noticeContent(
  t: Translate,
  person: Participant,
  message: { subject: string; paragraphs: string[]; action?: { label: string; url: string }; footer?: string },
): MailContent {
  return {
    lang: person.language,
    dir: languageDirection(person.language),
    subject: message.subject,
    greeting: t("notices.greeting", { name: person.name }),
    paragraphs: message.paragraphs,
    action: message.action && { ...message.action, hint: t("mail.common.linkHint") },
    footer: [message.footer ?? t("notices.footer", { organization: person.organizationName })],
  };
}

const versionSelect = {
  id: true,
  number: true,
  label: true,
  status: true,
  publishedAt: true,
  commentsOpenAt: true,
  commentsCloseAt: true,
  consultation: { select: { id: true, slug: true, title: true, timeZone: true, status: true } },
} as const;

/**
 * A new version was published (uploaded or imported as open, closed or
 * final, in a consultation that is not a draft): "new version", or, when it
 * comes with its comment period, "comments open" (one message, not two).
 */
export async function noticeVersionPublished(
  tx: Tx,
  { versionId, now = new Date() }: { versionId: string; now?: Date },
) {
  const version = await tx.version.findUniqueOrThrow({ where: { id: versionId }, select: versionSelect });
  const { consultation } = version;
  if (consultation.status === "draft") return 0;
  if (!(PUBLISHED_VERSION_STATUSES as readonly string[]).includes(version.status)) return 0;
  if (version.status === "open" && version.commentsOpenAt && version.commentsCloseAt) {
    return noticePeriodOpened(tx, version, now);
  }
  const label = version.label;
  const url = absoluteUrl(readerPath(consultation.slug, version.number));
  let queued = 0;
  for (const person of await listParticipants(tx)) {
    const t = await mailT(person.language);
    const paragraphs = [
      t("notices.versionPublished.body", {
        version: t("notices.version", { number: version.number, label }),
        consultation: consultation.title,
        date: formatInstant(version.publishedAt ?? now, consultation.timeZone, person.language),
      }),
    ];
    const content = noticeContent(t, person, {
      subject: t("notices.versionPublished.subject", { consultation: consultation.title, label }),
      paragraphs,
      action: { label: t("notices.versionPublished.action", { label }), url },
    });
    const id = await queueNotification(tx, {
      userId: person.id,
      kind: MAIL_KINDS.versionPublished,
      content,
      dedupeKey: `notice:version-published:${version.id}:${person.id}`,
    });
    if (id) queued++;
  }
  return queued;
}

type NoticeVersion = Prisma.VersionGetPayload<{ select: typeof versionSelect }>;

async function noticePeriodOpened(tx: Tx, version: NoticeVersion, now: Date) {
  const { consultation } = version;
  const zone = consultation.timeZone;
  const opens = version.commentsOpenAt!;
  const closes = version.commentsCloseAt!;
  if (closes <= now) return 0;
  const url = absoluteUrl(readerPath(consultation.slug, version.number));
  let queued = 0;
  for (const person of await listParticipants(tx)) {
    const t = await mailT(person.language);
    const body = t("notices.periodOpened.body", {
      version: t("notices.version", { number: version.number, label: version.label }),
      consultation: consultation.title,
      opens: formatInstant(opens, zone, person.language),
      closes: formatInstant(closes, zone, person.language),
    });
    const content = noticeContent(t, person, {
      subject: t("notices.periodOpened.subject", { consultation: consultation.title }),
      paragraphs: [body, t("notices.periodOpened.howTo", { organization: person.organizationName })],
      action: { label: t("notices.periodOpened.action"), url },
    });
    const id = await queueNotification(tx, {
      userId: person.id,
      kind: MAIL_KINDS.periodOpened,
      content,
      dedupeKey: `notice:period-opened:${version.id}:${opens.getTime()}:${closes.getTime()}:${person.id}`,
    });
    if (id) queued++;
  }
  return queued;
}

export interface PeriodBefore {
  status: string;
  commentsOpenAt: Date | null;
  commentsCloseAt: Date | null;
}

/** What a change of a comment period announces. */
export function periodChange(before: PeriodBefore, after: PeriodBefore, now: Date) {
  const state = (period: PeriodBefore) =>
    period.status === "open"
      ? commentPeriodState({ opensAt: period.commentsOpenAt, closesAt: period.commentsCloseAt }, now)
      : "none";
  const was = state(before);
  const is = state(after);
  const same = (a: Date | null, b: Date | null) => (a?.getTime() ?? null) === (b?.getTime() ?? null);
  if (is === "closed" || is === "none") return was === "open" || was === "upcoming" ? "closed" : null;
  if (was === "closed" || was === "none") return "opened";
  if (same(before.commentsOpenAt, after.commentsOpenAt) && same(before.commentsCloseAt, after.commentsCloseAt))
    return null;
  if (same(before.commentsOpenAt, after.commentsOpenAt) && after.commentsCloseAt! > before.commentsCloseAt!) {
    return "extended";
  }
  return "changed";
}

/**
 * A version's comment period was set, moved or closed (setCommentPeriod,
 * closeCommentPeriodNow): opened (or opened again), extended, changed, or
 * closed; nothing when it did not change. The caller passes the period as
 * it was and calls this after writing the new one, in the same transaction.
 */
export async function noticePeriodChanged(
  tx: Tx,
  { versionId, before, now = new Date() }: { versionId: string; before: PeriodBefore; now?: Date },
) {
  const version = await tx.version.findUniqueOrThrow({ where: { id: versionId }, select: versionSelect });
  if (version.consultation.status === "draft") return 0;
  const change = periodChange(before, version, now);
  if (change === null) return 0;
  if (change === "opened") return noticePeriodOpened(tx, version, now);
  if (change === "closed") return noticePeriodClosed(tx, version);
  const { consultation } = version;
  const zone = consultation.timeZone;
  const closes = version.commentsCloseAt!;
  const valuesIn = (t: Translate, language: Language) => ({
    version: t("notices.version", { number: version.number, label: version.label }),
    consultation: consultation.title,
    opens: formatInstant(version.commentsOpenAt!, zone, language),
    closes: formatInstant(closes, zone, language),
    previous: formatInstant(before.commentsCloseAt!, zone, language),
  });
  const extended = change === "extended";
  const periodKey = `${version.commentsOpenAt!.getTime()}:${closes.getTime()}`;
  const url = absoluteUrl(readerPath(consultation.slug, version.number));
  let queued = 0;
  for (const person of await listParticipants(tx)) {
    const t = await mailT(person.language);
    const values = valuesIn(t, person.language);
    const content = noticeContent(t, person, {
      subject: extended ? t("notices.periodExtended.subject", values) : t("notices.periodChanged.subject", values),
      paragraphs: [extended ? t("notices.periodExtended.body", values) : t("notices.periodChanged.body", values)],
      action: { label: t("notices.periodOpened.action"), url },
    });
    const id = await queueNotification(tx, {
      userId: person.id,
      kind: extended ? MAIL_KINDS.periodExtended : MAIL_KINDS.periodChanged,
      content,
      dedupeKey: `notice:period-${change}:${version.id}:${periodKey}:${person.id}`,
    });
    if (id) queued++;
  }
  return queued;
}

async function noticePeriodClosed(tx: Tx, version: NoticeVersion) {
  const { consultation } = version;
  const closes = version.commentsCloseAt ?? new Date();
  const drafts = await tx.comment.groupBy({
    by: ["organizationId"],
    where: { versionId: version.id, status: "draft", origin: "platform" },
    _count: { _all: true },
  });
  const draftsOf = new Map(drafts.map((row) => [row.organizationId, row._count._all]));
  const url = absoluteUrl(workspacePath(consultation.slug));
  let queued = 0;
  for (const person of await listParticipants(tx)) {
    const t = await mailT(person.language);
    const body = t("notices.periodClosed.body", {
      version: t("notices.version", { number: version.number, label: version.label }),
      consultation: consultation.title,
      closes: formatInstant(closes, consultation.timeZone, person.language),
    });
    const count = draftsOf.get(person.organizationId) ?? 0;
    const content = noticeContent(t, person, {
      subject: t("notices.periodClosed.subject", { consultation: consultation.title }),
      paragraphs: [
        body,
        t("notices.periodClosed.next"),
        count > 0 ? t("notices.periodClosed.drafts", { count, organization: person.organizationName }) : "",
      ],
      action: { label: t("notices.workspaceAction"), url },
    });
    const id = await queueNotification(tx, {
      userId: person.id,
      kind: MAIL_KINDS.periodClosed,
      content,
      dedupeKey: `notice:period-closed:${version.id}:${closes.getTime()}:${person.id}`,
    });
    if (id) queued++;
  }
  return queued;
}

/** The comments received were published (setPublication): each delegation is told how many of its own are in. */
export async function noticeCommentsPublished(
  tx: Tx,
  { consultationId, publishedAt }: { consultationId: string; publishedAt: Date },
) {
  const consultation = await tx.consultation.findUniqueOrThrow({
    where: { id: consultationId },
    select: { slug: true, title: true },
  });
  const counts = await tx.comment.groupBy({
    by: ["organizationId"],
    where: { consultationId, status: "submitted" },
    _count: { _all: true },
  });
  const countOf = new Map(counts.map((row) => [row.organizationId, row._count._all]));
  const url = absoluteUrl(workspacePath(consultation.slug, "submitted"));
  let queued = 0;
  for (const person of await listParticipants(tx)) {
    const count = countOf.get(person.organizationId) ?? 0;
    const t = await mailT(person.language);
    const content = noticeContent(t, person, {
      subject: t("notices.commentsPublished.subject", { consultation: consultation.title }),
      paragraphs: [
        t("notices.commentsPublished.body", { consultation: consultation.title }),
        t("notices.commentsPublished.own", { count, organization: person.organizationName }),
      ],
      action: { label: t("notices.commentsPublished.action"), url },
    });
    const id = await queueNotification(tx, {
      userId: person.id,
      kind: MAIL_KINDS.commentsPublished,
      content,
      dedupeKey: `notice:comments-published:${consultationId}:${publishedAt.getTime()}:${person.id}`,
    });
    if (id) queued++;
  }
  return queued;
}

/** The decisions listed in one message; the rest are counted. */
export const DISPOSITIONS_LISTED = 20;

/**
 * The disposition table was published (publishDispositionSnapshot): each
 * delegation gets its own comments in the published snapshot with their
 * decisions, and the links to its comments and to the whole table. One
 * notice per publication date: publishing again (an updated table) does
 * not notify again; withdrawing and publishing anew does.
 */
export async function noticeDispositionsPublished(
  tx: Tx,
  { consultationId, publicationId, publishedAt }: { consultationId: string; publicationId: string; publishedAt: Date },
) {
  const consultation = await tx.consultation.findUniqueOrThrow({
    where: { id: consultationId },
    select: { slug: true, title: true },
  });
  const rows = await tx.publishedDisposition.findMany({
    where: { publicationId, comment: { organizationId: { not: null } } },
    orderBy: { position: "asc" },
    select: {
      status: true,
      paragraphNumber: true,
      comment: { select: { organizationId: true, trackingNumber: true } },
    },
  });
  const byOrganization = new Map<string, typeof rows>();
  for (const row of rows) {
    const key = row.comment.organizationId!;
    byOrganization.set(key, [...(byOrganization.get(key) ?? []), row]);
  }
  const decisionIn = (t: Translate) => (status: string | null) =>
    status
      ? t(`dispositions.status.${status}` as "dispositions.status.noted")
      : t("notices.dispositionsPublished.undecided");
  const url = absoluteUrl(workspacePath(consultation.slug, "submitted"));
  const table = absoluteUrl(dispositionsPath(consultation.slug));
  let queued = 0;
  for (const person of await listParticipants(tx)) {
    const own = byOrganization.get(person.organizationId) ?? [];
    const t = await mailT(person.language);
    const decision = decisionIn(t);
    const tally = new Map<string, number>();
    for (const row of own) tally.set(decision(row.status), (tally.get(decision(row.status)) ?? 0) + 1);
    const summary = [...tally].map(([label, count]) => `${label} ${count}`).join(", ");
    const listed = own.slice(0, DISPOSITIONS_LISTED).map((row) =>
      row.paragraphNumber
        ? t("notices.dispositionsPublished.decision", {
            trackingNumber: row.comment.trackingNumber ?? "",
            paragraph: row.paragraphNumber,
            decision: decision(row.status),
          })
        : t("notices.dispositionsPublished.decisionNoParagraph", {
            trackingNumber: row.comment.trackingNumber ?? "",
            decision: decision(row.status),
          }),
    );
    const more = own.length - listed.length;
    const content = noticeContent(t, person, {
      subject: t("notices.dispositionsPublished.subject", { consultation: consultation.title }),
      paragraphs: [
        t("notices.dispositionsPublished.body", { consultation: consultation.title }),
        t("notices.dispositionsPublished.own", { count: own.length, organization: person.organizationName, summary }),
        listed.join("\n") + (more > 0 ? `\n${t("notices.dispositionsPublished.more", { count: more })}` : ""),
        t("notices.dispositionsPublished.table", { url: table }),
      ],
      action: { label: t("notices.dispositionsPublished.action"), url },
    });
    const id = await queueNotification(tx, {
      userId: person.id,
      kind: MAIL_KINDS.dispositionsPublished,
      content,
      dedupeKey: `notice:dispositions-published:${consultationId}:${publishedAt.getTime()}:${person.id}`,
    });
    if (id) queued++;
  }
  return queued;
}
