/**
 * Language editions of a version (docs/decisions/0027-language-editions.md):
 * the secretariat uploads the translated document, matched to the original's
 * paragraphs by number and order (app/lib/editions.ts); all or nothing, in one
 * transaction. Replacing an edition keeps its id (comments made on it keep
 * pointing to it); deleting it leaves those comments with their language and
 * no edition.
 */
import { matchEdition, ORIGINAL_LANGUAGE, type EditionLanguage, type EditionReport } from "~/lib/editions";
import { DomainError } from "~/lib/errors";
import { acceptedTrackedChangesDetails, refuseUnacceptedTrackedChanges } from "~/lib/import/tracked-changes-review";
import type { ImportedDocument } from "~/lib/import/types";
import type { Actor } from "~/lib/permissions";
import { PUBLISHED_VERSION_STATUSES } from "~/lib/version-status";
import { recordAuditEvent } from "~/utils/audit.server";
import { authorize } from "~/utils/authorize.server";
import { prisma } from "~/utils/db.server";

/** Interactive-transaction bounds for an edition: as for a version's import. */
const EDITION_TRANSACTION = { maxWait: 15_000, timeout: 60_000 };

/** The permission that manages editions: the secretariat's, as for versions. */
const MANAGE_EDITIONS = "update:version:any" as const;

async function findVersion(slug: string, number: number) {
  const version = await prisma.version.findFirst({
    where: { number, consultation: { slug } },
    select: {
      id: true,
      number: true,
      label: true,
      status: true,
      consultation: { select: { slug: true, title: true } },
    },
  });
  if (!version) throw new DomainError(404, "reader.errors.noSuchVersion");
  return version;
}

/** A version's editions as the secretariat manages them: language, file, when, how much is translated. */
export async function getVersionEditions({
  actor,
  slug,
  number,
}: {
  actor: Actor | null;
  slug: string;
  number: number;
}) {
  await authorize({ actor, permission: MANAGE_EDITIONS });
  const version = await findVersion(slug, number);
  const [editions, total] = await Promise.all([
    prisma.versionEdition.findMany({
      where: { versionId: version.id },
      orderBy: { language: "asc" },
      select: {
        id: true,
        language: true,
        sourceFileName: true,
        createdAt: true,
        updatedAt: true,
        _count: { select: { paragraphs: true, comments: true } },
      },
    }),
    prisma.paragraph.count({ where: { versionId: version.id } }),
  ]);
  return { version, editions, total };
}

export type UploadEditionResult =
  { accepted: true; report: EditionReport; replaced: boolean } | { accepted: false; report: EditionReport };

/**
 * Stores `imported` as the `language` edition of version `number`, replacing
 * the one there was. Refused (nothing written) with the matching report when
 * a paragraph does not match the original. A Word file's tracked changes
 * must have been reviewed and accepted (`acceptTrackedChanges`), as for a
 * new version: otherwise 422 and nothing is written.
 */
export async function uploadEdition({
  actor,
  slug,
  number,
  language,
  imported,
  sourceFileName,
  acceptTrackedChanges = false,
  clientAddress,
}: {
  actor: Actor | null;
  slug: string;
  number: number;
  language: EditionLanguage;
  imported: ImportedDocument;
  sourceFileName: string;
  /** The secretariat has reviewed the file's tracked changes and accepts them. */
  acceptTrackedChanges?: boolean;
  clientAddress?: string | null;
}): Promise<UploadEditionResult> {
  await authorize({ actor, permission: MANAGE_EDITIONS, audit: { ip: clientAddress, action: "edition.upload" } });
  refuseUnacceptedTrackedChanges(imported, sourceFileName, acceptTrackedChanges);
  const version = await findVersion(slug, number);
  const [original, originalSections] = await Promise.all([
    prisma.paragraph.findMany({
      where: { versionId: version.id },
      orderBy: { order: "asc" },
      select: { id: true, number: true, sectionId: true },
    }),
    prisma.section.findMany({
      where: { versionId: version.id },
      orderBy: { order: "asc" },
      select: { id: true, number: true, level: true },
    }),
  ]);
  const match = matchEdition({ original, originalSections, translation: imported.sections });
  const audit = {
    actorId: actor!.id,
    action: "edition.upload",
    entity: "version",
    entityId: version.id,
    ip: clientAddress ?? null,
  };
  if (!match.accepted) {
    await recordAuditEvent({
      ...audit,
      outcome: "failed",
      details: { slug, number, language, sourceFileName, problems: match.report.problems.length },
    });
    return { accepted: false, report: match.report };
  }

  const replaced = await prisma.$transaction(async (tx) => {
    const existing = await tx.versionEdition.findUnique({
      where: { versionId_language: { versionId: version.id, language } },
      select: { id: true },
    });
    const edition = existing
      ? await tx.versionEdition.update({
          where: { id: existing.id },
          data: { sourceFileName, createdById: actor!.id },
          select: { id: true },
        })
      : await tx.versionEdition.create({
          data: { versionId: version.id, language, sourceFileName, createdById: actor!.id },
          select: { id: true },
        });
    if (existing) {
      await tx.editionParagraph.deleteMany({ where: { editionId: edition.id } });
      await tx.editionSection.deleteMany({ where: { editionId: edition.id } });
    }
    await tx.editionParagraph.createMany({
      data: match.paragraphs.map((paragraph) => ({ editionId: edition.id, ...paragraph })),
    });
    if (match.sections.length > 0) {
      await tx.editionSection.createMany({
        data: match.sections.map((section) => ({ editionId: edition.id, ...section })),
      });
    }
    return existing !== null;
  }, EDITION_TRANSACTION);
  await recordAuditEvent({
    ...audit,
    outcome: "ok",
    details: {
      slug,
      number,
      language,
      sourceFileName,
      replaced,
      matched: match.report.matched,
      ...(imported.revisions ? { trackedChangesAccepted: acceptedTrackedChangesDetails(imported.revisions) } : {}),
    },
  });
  return { accepted: true, report: match.report, replaced };
}

/** Deletes the `language` edition of version `number` (404 when there is none). */
export async function deleteEdition({
  actor,
  slug,
  number,
  language,
  clientAddress,
}: {
  actor: Actor | null;
  slug: string;
  number: number;
  language: EditionLanguage;
  clientAddress?: string | null;
}) {
  await authorize({ actor, permission: MANAGE_EDITIONS, audit: { ip: clientAddress, action: "edition.delete" } });
  const version = await findVersion(slug, number);
  const deleted = await prisma.versionEdition.deleteMany({ where: { versionId: version.id, language } });
  if (deleted.count === 0) throw new DomainError(404, "editions.errors.noSuchEdition");
  await recordAuditEvent({
    actorId: actor!.id,
    action: "edition.delete",
    entity: "version",
    entityId: version.id,
    outcome: "ok",
    ip: clientAddress ?? null,
    details: { slug, number, language },
  });
}

/** The editions a reader can choose for a version (the original is always there too). */
export function readerEditions(versionId: string) {
  return prisma.versionEdition.findMany({
    where: { versionId, version: { status: { in: [...PUBLISHED_VERSION_STATUSES] } } },
    orderBy: { language: "asc" },
    select: { id: true, language: true },
  });
}

/**
 * The translated text of the given paragraphs (all of the version's when
 * `paragraphIds` is left out) and every translated heading, by original id.
 */
export async function editionContent(editionId: string, paragraphIds?: readonly string[]) {
  const [paragraphs, sections] = await Promise.all([
    prisma.editionParagraph.findMany({
      where: { editionId, ...(paragraphIds ? { paragraphId: { in: [...paragraphIds] } } : {}) },
      select: { paragraphId: true, text: true },
    }),
    prisma.editionSection.findMany({ where: { editionId }, select: { sectionId: true, heading: true } }),
  ]);
  return {
    paragraphs: Object.fromEntries(paragraphs.map((paragraph) => [paragraph.paragraphId, paragraph.text])),
    headings: Object.fromEntries(sections.map((section) => [section.sectionId, section.heading])),
  };
}

/**
 * Which text the reader shows: the edition asked for (`?edition=fr`; "en" is
 * the original), else the edition in the reader's UI language, else the
 * original. Answers the languages available and, for an edition, its
 * translated paragraphs (only `paragraphIds` when given) and headings.
 */
export async function readerEdition({
  versionId,
  requested,
  uiLanguage,
  paragraphIds,
}: {
  versionId: string;
  requested: string | null;
  uiLanguage: string;
  paragraphIds?: readonly string[];
}) {
  const editions = await readerEditions(versionId);
  const languages = editions.map((edition) => edition.language);
  const wanted = requested === ORIGINAL_LANGUAGE ? null : (requested ?? uiLanguage);
  const chosen = editions.find((edition) => edition.language === wanted) ?? null;
  if (!chosen) return { languages, shown: null };
  const content = await editionContent(chosen.id, paragraphIds);
  return { languages, shown: { language: chosen.language, ...content } };
}

/**
 * The edition a comment was written on, and the paragraph's text in it (null
 * when that paragraph is not translated): 400 when the version has no such
 * edition (an outdated form).
 */
export async function commentEdition({
  versionId,
  language,
  paragraphId,
}: {
  versionId: string;
  language: EditionLanguage;
  paragraphId: string;
}) {
  const edition = await prisma.versionEdition.findUnique({
    where: { versionId_language: { versionId, language } },
    select: { id: true, paragraphs: { where: { paragraphId }, select: { text: true } } },
  });
  if (!edition) throw new DomainError(400, "editions.errors.noSuchEdition");
  return { editionId: edition.id, text: edition.paragraphs[0]?.text ?? null };
}

/**
 * When both versions have a `language` edition: the comparison job for them,
 * cached under an algorithm name of its own that changes when either edition
 * is replaced. Null: the originals are compared.
 */
export async function editionComparisonJob(
  fromVersionId: string,
  toVersionId: string,
  language: string | null,
  baseAlgorithm: string,
) {
  if (!language) return null;
  const editions = await prisma.versionEdition.findMany({
    where: { language, versionId: { in: [fromVersionId, toVersionId] } },
    select: { versionId: true, updatedAt: true },
  });
  const a = editions.find((edition) => edition.versionId === fromVersionId);
  const b = editions.find((edition) => edition.versionId === toVersionId);
  if (!a || !b) return null;
  const stamp = `${a.updatedAt.getTime()}.${b.updatedAt.getTime()}`;
  return { job: { algorithm: `${baseAlgorithm}+${language}.${stamp}`, language } };
}
