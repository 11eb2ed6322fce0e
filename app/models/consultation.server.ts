import { DomainError } from "~/lib/errors";
import { acceptedTrackedChangesDetails, refuseUnacceptedTrackedChanges } from "~/lib/import/tracked-changes-review";
import type { ImportedDocument } from "~/lib/import/types";
import type { Actor } from "~/lib/permissions";
import { PUBLISHED_VERSION_STATUSES } from "~/lib/version-status";
import { NOTICE_TRANSACTION, noticePeriodChanged, type PeriodBefore } from "~/models/notice.server";
import { cancelReminders } from "~/models/reminder.server";
import { createVersionFromImport } from "~/models/version.server";
import { recordAuditEvent } from "~/utils/audit.server";
import { authorize } from "~/utils/authorize.server";
import { prisma } from "~/utils/db.server";

/** The list page: every consultation with its published versions. */
export async function listConsultations() {
  return prisma.consultation.findMany({
    where: { status: { not: "draft" } },
    orderBy: { createdAt: "desc" },
    select: {
      slug: true,
      title: true,
      summary: true,
      status: true,
      timeZone: true,
      versions: {
        where: { status: { in: [...PUBLISHED_VERSION_STATUSES] } },
        orderBy: { number: "asc" },
        select: { number: true, label: true, status: true, commentsOpenAt: true, commentsCloseAt: true },
      },
    },
  });
}

/** The overview page: documents, versions, phases and the comment period; 404 for a draft or missing one. */
export async function getConsultationOverview({ slug }: { slug: string }) {
  const consultation = await prisma.consultation.findUnique({
    where: { slug },
    select: {
      id: true,
      slug: true,
      title: true,
      summary: true,
      status: true,
      timeZone: true,
      dispositionsPublishedAt: true,
      documents: {
        orderBy: { order: "asc" },
        select: {
          slug: true,
          title: true,
          versions: {
            where: { status: { in: [...PUBLISHED_VERSION_STATUSES] } },
            orderBy: { number: "asc" },
            select: {
              number: true,
              label: true,
              status: true,
              publishedAt: true,
              commentsOpenAt: true,
              commentsCloseAt: true,
              _count: { select: { paragraphs: true } },
            },
          },
        },
      },
    },
  });
  if (!consultation || consultation.status === "draft") throw new DomainError(404, "consultation.errors.notFound");
  return consultation;
}

export async function createConsultation(input: {
  slug: string;
  title: string;
  summary?: string;
  status?: string;
  timeZone?: string;
  commentsVisibility?: "during" | "after_close";
}) {
  return prisma.consultation.create({
    data: {
      slug: input.slug,
      title: input.title,
      summary: input.summary ?? "",
      status: input.status ?? "draft",
      timeZone: input.timeZone ?? "UTC",
      commentsVisibility: input.commentsVisibility ?? "after_close",
    },
    select: { id: true, slug: true },
  });
}

/**
 * The secretariat opens a consultation on an imported document: the
 * consultation, its document and version 1, all or nothing. A Word file's
 * tracked changes must have been reviewed and accepted (`acceptTrackedChanges`),
 * as for a new version: otherwise 422 and nothing is written.
 */
export async function openConsultation({
  actor,
  input,
  imported,
  sourceFileName,
  acceptTrackedChanges = false,
  clientAddress,
}: {
  actor: Actor | null;
  input: {
    slug: string;
    title: string;
    summary: string;
    timeZone: string;
    commentsVisibility: "during" | "after_close";
    label: string;
    opensAt: Date;
    closesAt: Date;
  };
  imported: ImportedDocument;
  sourceFileName: string;
  /** The secretariat has reviewed the file's tracked changes and accepts them. */
  acceptTrackedChanges?: boolean;
  clientAddress?: string;
}) {
  await authorize({ actor, permission: "create:consultation:any", audit: { ip: clientAddress } });
  refuseUnacceptedTrackedChanges(imported, sourceFileName, acceptTrackedChanges);
  if (input.closesAt <= input.opensAt) throw periodOrderError();
  const taken = await prisma.consultation.findUnique({ where: { slug: input.slug }, select: { id: true } });
  if (taken) {
    throw new DomainError(409, "manage.errors.slugTaken", {
      values: { slug: input.slug },
      fieldErrors: { slug: ["manage.errors.slugTaken"] },
    });
  }
  const consultation = await prisma.consultation.create({
    data: {
      slug: input.slug,
      title: input.title,
      summary: input.summary,
      status: "open",
      timeZone: input.timeZone,
      commentsVisibility: input.commentsVisibility,
    },
    select: { id: true, slug: true },
  });
  try {
    await createVersionFromImport({
      consultationSlug: consultation.slug,
      documentSlug: "document",
      documentTitle: imported.title,
      label: input.label,
      status: "open",
      publishedAt: new Date(),
      commentsOpenAt: input.opensAt,
      commentsCloseAt: input.closesAt,
      sourceFileName,
      imported,
      notify: true,
    });
  } catch (error) {
    // The version is written in one transaction; without it the
    // consultation is an empty shell, so it goes too.
    await prisma.consultation.delete({ where: { id: consultation.id } });
    throw error;
  }
  await recordAuditEvent({
    actorId: actor!.id,
    action: "consultation.open",
    entity: "consultation",
    entityId: consultation.id,
    outcome: "ok",
    ip: clientAddress ?? null,
    details: {
      slug: input.slug,
      sourceFileName,
      ...(imported.revisions ? { trackedChangesAccepted: acceptedTrackedChangesDetails(imported.revisions) } : {}),
    },
  });
  return consultation;
}

function periodOrderError() {
  return new DomainError(400, "manage.errors.periodOrder", {
    fieldErrors: { closesAt: ["manage.errors.periodOrder"] },
  });
}

/** The version whose comment period the secretariat manages: only one published for comments has one. */
async function versionWithPeriod(slug: string, versionNumber: number) {
  const version = await prisma.version.findFirst({
    where: { number: versionNumber, consultation: { slug } },
    select: { id: true, status: true, commentsOpenAt: true, commentsCloseAt: true },
  });
  if (!version) throw new DomainError(404, "reader.errors.noSuchVersion");
  if (version.status !== "open" && version.status !== "closed") throw new DomainError(409, "manage.errors.noPeriod");
  return version;
}

async function writeCommentPeriod({
  actor,
  version,
  opensAt,
  closesAt,
  now,
  clientAddress,
}: {
  actor: Actor;
  version: PeriodBefore & { id: string };
  opensAt: Date;
  closesAt: Date;
  now: Date;
  clientAddress?: string;
}) {
  // The period, its notice and the withdrawal of reminders for a deadline that no longer holds, together.
  await prisma.$transaction(async (tx) => {
    await tx.version.update({
      where: { id: version.id },
      data: { commentsOpenAt: opensAt, commentsCloseAt: closesAt, status: "open" },
      select: { id: true },
    });
    await cancelReminders(tx, version.id, closesAt > now ? closesAt : null);
    await noticePeriodChanged(tx, { versionId: version.id, before: version, now });
  }, NOTICE_TRANSACTION);
  await recordAuditEvent({
    actorId: actor.id,
    action: "version.comment_period",
    entity: "version",
    entityId: version.id,
    outcome: "ok",
    ip: clientAddress ?? null,
    details: { opensAt: opensAt.toISOString(), closesAt: closesAt.toISOString() },
  });
}

/** Moves a version's comment period (extend the deadline, or open it again). */
export async function setCommentPeriod({
  actor,
  slug,
  versionNumber,
  opensAt,
  closesAt,
  now = new Date(),
  clientAddress,
}: {
  actor: Actor | null;
  slug: string;
  versionNumber: number;
  opensAt: Date;
  closesAt: Date;
  /** What "now" is for the notice (opened, extended, closed). */
  now?: Date;
  clientAddress?: string;
}) {
  await authorize({ actor, permission: "update:version:any", audit: { ip: clientAddress } });
  if (closesAt <= opensAt) throw periodOrderError();
  const version = await versionWithPeriod(slug, versionNumber);
  await writeCommentPeriod({ actor: actor!, version, opensAt, closesAt, now, clientAddress });
}

/**
 * Closes a version's comment period at `now`: the deadline becomes now, and
 * the period keeps its opening unless it had not opened yet (then it opens a
 * second before, so that it still closes after it opens).
 */
export async function closeCommentPeriodNow({
  actor,
  slug,
  versionNumber,
  now = new Date(),
  clientAddress,
}: {
  actor: Actor | null;
  slug: string;
  versionNumber: number;
  now?: Date;
  clientAddress?: string;
}) {
  await authorize({ actor, permission: "update:version:any", audit: { ip: clientAddress } });
  const version = await versionWithPeriod(slug, versionNumber);
  const opened = version.commentsOpenAt;
  const opensAt = opened && opened < now ? opened : new Date(now.getTime() - 1000);
  await writeCommentPeriod({ actor: actor!, version, opensAt, closesAt: now, now, clientAddress });
}

/** The edit form's current values; only for those who may edit (403 otherwise, audited), 404 when unknown. */
export async function getConsultationForEdit({
  actor,
  slug,
  clientAddress,
}: {
  actor: Actor | null;
  slug: string;
  clientAddress?: string | null;
}) {
  await authorize({ actor, permission: "update:consultation:any", audit: { ip: clientAddress } });
  const consultation = await prisma.consultation.findUnique({
    where: { slug },
    select: {
      id: true,
      slug: true,
      title: true,
      summary: true,
      commentsVisibility: true,
      timeZone: true,
      reminderDays: true,
    },
  });
  if (!consultation) throw new DomainError(404, "consultation.errors.notFound");
  return consultation;
}

/**
 * The secretariat edits a consultation's title, summary and who sees the
 * comments. Audited with what changed (before and after).
 */
export async function updateConsultation({
  actor,
  slug,
  input,
  clientAddress,
}: {
  actor: Actor | null;
  slug: string;
  input: {
    title: string;
    summary: string;
    commentsVisibility: "during" | "after_close";
    /** "7,1" (validated by EditConsultationSchema); absent, unchanged. */
    reminderDays?: string;
  };
  clientAddress?: string | null;
}) {
  await authorize({ actor, permission: "update:consultation:any", audit: { ip: clientAddress } });
  const before = await prisma.consultation.findUnique({
    where: { slug },
    select: { id: true, title: true, summary: true, commentsVisibility: true, reminderDays: true },
  });
  if (!before) throw new DomainError(404, "consultation.errors.notFound");
  await prisma.consultation.update({
    where: { id: before.id },
    data: {
      title: input.title,
      summary: input.summary,
      commentsVisibility: input.commentsVisibility,
      ...(input.reminderDays === undefined ? {} : { reminderDays: input.reminderDays }),
    },
    select: { id: true },
  });
  const changed = (["title", "summary", "commentsVisibility", "reminderDays"] as const).filter(
    (field) => input[field] !== undefined && before[field] !== input[field],
  );
  await recordAuditEvent({
    actorId: actor!.id,
    action: "consultation.update",
    entity: "consultation",
    entityId: before.id,
    outcome: "ok",
    ip: clientAddress ?? null,
    details: {
      slug,
      changed,
      before: Object.fromEntries(changed.map((field) => [field, before[field]])),
      after: Object.fromEntries(changed.map((field) => [field, input[field]])),
    },
  });
}
