import { LRUCache } from "lru-cache";

import { DomainError } from "~/lib/errors";
import { acceptedTrackedChangesDetails, refuseUnacceptedTrackedChanges } from "~/lib/import/tracked-changes-review";
import type { ImportedDocument } from "~/lib/import/types";
import type { Actor } from "~/lib/permissions";
import { PUBLISHED_VERSION_STATUSES } from "~/lib/version-status";
import { recordAuditEvent } from "~/utils/audit.server";
import { authorize } from "~/utils/authorize.server";
import { prisma } from "~/utils/db.server";

import { warmComparisonCache } from "./comparison.server";
import { loadPredecessor, planLineage, writeParagraphLinks } from "./lineage.server";
import { noticeVersionPublished } from "./notice.server";

/**
 * Everything the reader page needs for one version, in three queries
 * regardless of document length: the version, its sections, its paragraphs.
 * 404 when the version is not published or its consultation is a draft.
 */
export async function getVersionForReader({ slug, number }: { slug: string; number: number }) {
  const version = await findReaderVersion({ slug, number });
  const { sections, paragraphs } = await versionContent(version.id);
  return { version, sections, paragraphs };
}

/** A published version as the reader names it, without its text (404 DomainError when there is none). */
export async function findReaderVersion({ slug, number }: { slug: string; number: number }) {
  const version = await prisma.version.findFirst({
    where: {
      number,
      status: { in: [...PUBLISHED_VERSION_STATUSES] },
      consultation: { slug, status: { not: "draft" } },
    },
    select: {
      id: true,
      number: true,
      label: true,
      status: true,
      publishedAt: true,
      commentsOpenAt: true,
      commentsCloseAt: true,
      document: { select: { title: true, slug: true } },
      consultation: {
        select: {
          id: true,
          slug: true,
          title: true,
          timeZone: true,
          commentsVisibility: true,
          commentsPublishedAt: true,
          versions: {
            where: { status: { in: [...PUBLISHED_VERSION_STATUSES] } },
            orderBy: { number: "asc" },
            select: { number: true, label: true, status: true },
          },
        },
      },
    },
  });
  if (!version) throw new DomainError(404, "reader.errors.noSuchVersion");
  return version;
}

/**
 * The sections and paragraphs of a version never change once imported (a
 * new text is a new version), so each process keeps the most recently read
 * ones: the reader then costs one small query for the version's status and
 * dates, whatever the document's length.
 */
type VersionContent = Awaited<ReturnType<typeof loadVersionContent>>;
const contentCache = new LRUCache<string, Promise<VersionContent>>({ max: 16 });

function loadVersionContent(versionId: string) {
  return Promise.all([
    prisma.section.findMany({
      where: { versionId },
      orderBy: { order: "asc" },
      select: { id: true, number: true, heading: true, level: true },
    }),
    prisma.paragraph.findMany({
      where: { versionId },
      orderBy: { order: "asc" },
      select: { id: true, key: true, number: true, text: true, sectionId: true },
    }),
  ]).then(([sections, paragraphs]) => ({ sections, paragraphs }));
}

function versionContent(versionId: string) {
  let content = contentCache.get(versionId);
  if (!content) {
    content = loadVersionContent(versionId);
    // A failed read is not kept: the next reader tries again.
    content.catch(() => contentCache.delete(versionId));
    contentCache.set(versionId, content);
  }
  return content;
}

/**
 * Stores an imported document as a new version of a consultation's
 * document, all or nothing (one transaction). The version number is the next
 * free one in the consultation.
 *
 * Lineage, in the same transaction: the new paragraphs are aligned against
 * the document's previous version; aligned paragraphs inherit their
 * predecessor's key and a ParagraphLink records each pairing (see
 * planLineage in lineage.server.ts for the key rules). Once committed, the
 * comparison with the previous version is computed into the cache.
 */
/** Interactive-transaction bounds for an import: waiting for the writer, then writing. */
const IMPORT_TRANSACTION = { maxWait: 15_000, timeout: 60_000 };

export async function createVersionFromImport(input: {
  consultationSlug: string;
  documentSlug: string;
  documentTitle?: string;
  label: string;
  status?: "draft" | "open" | "closed" | "final";
  publishedAt?: Date | null;
  commentsOpenAt?: Date | null;
  commentsCloseAt?: Date | null;
  sourceFileName?: string | null;
  imported: ImportedDocument;
  /** The secretariat publishes it: participants are told, in this transaction (notice.server.ts). */
  notify?: boolean;
}) {
  const consultation = await prisma.consultation.findUnique({
    where: { slug: input.consultationSlug },
    select: { id: true },
  });
  if (!consultation) throw new Error(`No consultation with slug "${input.consultationSlug}"`);

  let predecessorId: string | null = null;
  const created = await prisma.$transaction(async (tx) => {
    const document = await tx.document.upsert({
      where: { consultationId_slug: { consultationId: consultation.id, slug: input.documentSlug } },
      create: {
        consultationId: consultation.id,
        slug: input.documentSlug,
        title: input.documentTitle ?? input.imported.title,
      },
      update: {},
      select: { id: true },
    });
    const predecessor = await loadPredecessor(tx, { documentId: document.id });
    predecessorId = predecessor?.id ?? null;
    const last = await tx.version.findFirst({
      where: { consultationId: consultation.id },
      orderBy: { number: "desc" },
      select: { number: true },
    });
    const version = await tx.version.create({
      data: {
        consultationId: consultation.id,
        documentId: document.id,
        number: (last?.number ?? 0) + 1,
        label: input.label,
        status: input.status ?? "draft",
        publishedAt: input.publishedAt ?? null,
        commentsOpenAt: input.commentsOpenAt ?? null,
        commentsCloseAt: input.commentsCloseAt ?? null,
        sourceFileName: input.sourceFileName ?? null,
      },
      select: { id: true, number: true },
    });

    const imported = input.imported.sections.flatMap((section) => section.paragraphs);
    const lineage = planLineage({
      previous: predecessor?.paragraphs ?? [],
      next: imported,
      versionNumber: version.number,
    });

    let paragraphOrder = 0;
    for (const [sectionOrder, section] of input.imported.sections.entries()) {
      const created = await tx.section.create({
        data: {
          versionId: version.id,
          number: section.number,
          heading: section.heading,
          level: section.level,
          order: sectionOrder,
        },
        select: { id: true },
      });
      if (section.paragraphs.length === 0) continue;
      await tx.paragraph.createMany({
        data: section.paragraphs.map((paragraph) => ({
          versionId: version.id,
          sectionId: created.id,
          key: lineage.keys[paragraphOrder],
          number: paragraph.number,
          order: paragraphOrder++,
          text: paragraph.text,
        })),
      });
    }
    if (predecessor && lineage.links.length > 0) {
      const created = await tx.paragraph.findMany({
        where: { versionId: version.id },
        orderBy: { order: "asc" },
        select: { id: true },
      });
      await writeParagraphLinks(tx, {
        links: lineage.links,
        fromIds: predecessor.paragraphs.map((paragraph) => paragraph.id),
        toIds: created.map((paragraph) => paragraph.id),
      });
    }
    if (input.notify) await noticeVersionPublished(tx, { versionId: version.id });
    return version;
    // A long document is hundreds of rows in one transaction: on a busy
    // machine (or SQLite's single writer queueing other imports) Prisma's 5 s
    // default would abort an import that is merely slow.
  }, IMPORT_TRANSACTION);
  if (predecessorId) await warmComparisonCache({ fromVersionId: predecessorId, toVersionId: created.id });
  return created;
}

/** What an uploaded version is published as: for reading (a comment period can be set next) or as the final text. */
export const UPLOAD_STATUSES = ["closed", "final"] as const;
export type UploadStatus = (typeof UPLOAD_STATUSES)[number];

/**
 * The secretariat uploads a new version of a consultation's document in the
 * browser: published at once (so it can be read and compared), all or
 * nothing. Answers the new version's number and the previous published
 * version of the same document, to offer the comparison.
 *
 * A Word file with tracked changes (`imported.revisions`) is imported with
 * the changes accepted, and only once the secretariat has seen them and said
 * so (`acceptTrackedChanges`; the upload page shows the review): otherwise
 * 422 and nothing is written. The audit event records what was accepted.
 */
export async function uploadVersion({
  actor,
  slug,
  label,
  status,
  imported,
  sourceFileName,
  acceptTrackedChanges = false,
  clientAddress,
  now = new Date(),
}: {
  actor: Actor | null;
  slug: string;
  label: string;
  status: UploadStatus;
  imported: ImportedDocument;
  sourceFileName: string;
  /** The secretariat has reviewed the file's tracked changes and accepts them. */
  acceptTrackedChanges?: boolean;
  clientAddress?: string | null;
  now?: Date;
}) {
  await authorize({ actor, permission: "create:version:any", audit: { ip: clientAddress } });
  refuseUnacceptedTrackedChanges(imported, sourceFileName, acceptTrackedChanges);
  const consultation = await prisma.consultation.findUnique({
    where: { slug },
    select: { id: true, status: true, documents: { orderBy: { order: "asc" }, take: 1, select: { slug: true } } },
  });
  if (!consultation || consultation.status === "draft") throw new DomainError(404, "consultation.errors.notFound");
  const documentSlug = consultation.documents[0]?.slug ?? "document";
  const created = await createVersionFromImport({
    consultationSlug: slug,
    documentSlug,
    documentTitle: imported.title,
    label,
    status,
    publishedAt: now,
    sourceFileName,
    imported,
    notify: true,
  });
  const previous = await prisma.version.findFirst({
    where: {
      consultationId: consultation.id,
      document: { slug: documentSlug },
      number: { lt: created.number },
      status: { in: [...PUBLISHED_VERSION_STATUSES] },
    },
    orderBy: { number: "desc" },
    select: { number: true },
  });
  const paragraphs = imported.sections.reduce((sum, section) => sum + section.paragraphs.length, 0);
  await recordAuditEvent({
    actorId: actor!.id,
    action: "version.upload",
    entity: "version",
    entityId: created.id,
    outcome: "ok",
    ip: clientAddress ?? null,
    details: {
      slug,
      number: created.number,
      label,
      status,
      sourceFileName,
      paragraphs,
      ...(imported.revisions ? { trackedChangesAccepted: acceptedTrackedChangesDetails(imported.revisions) } : {}),
    },
  });
  return { number: created.number, previousNumber: previous?.number ?? null, paragraphs };
}
