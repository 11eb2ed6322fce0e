import { DomainError } from "~/lib/errors";
import type { ImportedDocument } from "~/lib/import/types";
import { can } from "~/lib/permissions";
import { PUBLISHED_VERSION_STATUSES } from "~/lib/version-status";
import { createVersionFromImport } from "~/models/version.server";
import { recordAuditEvent } from "~/utils/audit.server";
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

/** The overview page: documents, versions, phases and the comment period. */
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
  if (!consultation || consultation.status === "draft") return null;
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

type ManagingActor = { id: string; permissions: readonly string[] } | null;

async function requireManager(
  actor: ManagingActor,
  permission: "create:consultation:any" | "update:version:any",
  clientAddress?: string,
) {
  if (actor && can(actor, permission)) return actor;
  await recordAuditEvent({
    actorId: actor?.id ?? null,
    action: "permission.check",
    entity: permission.split(":")[1] ?? null,
    entityId: null,
    outcome: "denied",
    ip: clientAddress ?? null,
    details: { permission },
  });
  throw new DomainError(403, "Only the secretariat can manage consultations.");
}

/**
 * The secretariat opens a consultation on an imported document: the
 * consultation, its document and version 1, all or nothing.
 */
export async function openConsultation({
  actor,
  input,
  imported,
  sourceFileName,
  clientAddress,
}: {
  actor: ManagingActor;
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
  clientAddress?: string;
}) {
  const manager = await requireManager(actor, "create:consultation:any", clientAddress);
  if (input.closesAt <= input.opensAt) throw new DomainError(400, "The comment period must close after it opens.");
  const taken = await prisma.consultation.findUnique({ where: { slug: input.slug }, select: { id: true } });
  if (taken) throw new DomainError(409, `The address "${input.slug}" is already used by another consultation.`);
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
    });
  } catch (error) {
    // The version is written in one transaction; without it the
    // consultation is an empty shell, so it goes too.
    await prisma.consultation.delete({ where: { id: consultation.id } });
    throw error;
  }
  await recordAuditEvent({
    actorId: manager.id,
    action: "consultation.open",
    entity: "consultation",
    entityId: consultation.id,
    outcome: "ok",
    ip: clientAddress ?? null,
    details: { slug: input.slug, sourceFileName },
  });
  return consultation;
}

/** Moves a version's comment period (extend the deadline, or close it now). */
export async function setCommentPeriod({
  actor,
  slug,
  versionNumber,
  opensAt,
  closesAt,
  clientAddress,
}: {
  actor: ManagingActor;
  slug: string;
  versionNumber: number;
  opensAt: Date;
  closesAt: Date;
  clientAddress?: string;
}) {
  const manager = await requireManager(actor, "update:version:any", clientAddress);
  if (closesAt <= opensAt) throw new DomainError(400, "The comment period must close after it opens.");
  const version = await prisma.version.findFirst({
    where: { number: versionNumber, consultation: { slug } },
    select: { id: true, status: true },
  });
  if (!version) throw new DomainError(404, "No such version.");
  if (version.status !== "open" && version.status !== "closed") {
    throw new DomainError(409, "Only a version published for comments has a comment period.");
  }
  await prisma.version.update({
    where: { id: version.id },
    data: { commentsOpenAt: opensAt, commentsCloseAt: closesAt, status: "open" },
    select: { id: true },
  });
  await recordAuditEvent({
    actorId: manager.id,
    action: "version.comment_period",
    entity: "version",
    entityId: version.id,
    outcome: "ok",
    ip: clientAddress ?? null,
    details: { opensAt: opensAt.toISOString(), closesAt: closesAt.toISOString() },
  });
}
