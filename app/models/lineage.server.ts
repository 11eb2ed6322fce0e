/**
 * Lineage of paragraphs between consecutive versions of a document.
 *
 * When a new version is imported it is aligned against the document's
 * previous version: aligned paragraphs inherit the predecessor's `key` (so
 * `#p-2-9-a` of Draft 1 and the paragraph it became in the final text share
 * an anchor) and a ParagraphLink row records each pairing. Comparisons
 * between any two versions run the alignment directly (see
 * comparison.server.ts); the links answer "where did my paragraph go" and
 * carry comments into the reader of the next version.
 *
 * What the keys and links are is decided by the pure `planLineage`
 * (app/lib/compare/lineage.ts); this module loads and saves.
 */
import type { Prisma } from "~/generated/prisma/client";
import type { PlannedLink } from "~/lib/compare";
import { can, type Actor } from "~/lib/permissions";
import { PUBLISHED_VERSION_STATUSES } from "~/lib/version-status";
import { visibleCommentsWhere } from "~/models/comment.server";
import { prisma } from "~/utils/db.server";

/** Pure, in app/lib/compare/lineage.ts; re-exported for the importers that still take it from here. */
export { planLineage, type LineagePlan, type PlannedLink } from "~/lib/compare";

/**
 * The previous version of a document, as lineage needs it: the paragraphs
 * in document order. Null when the document has no version yet.
 */
export async function loadPredecessor(tx: Prisma.TransactionClient, { documentId }: { documentId: string }) {
  const previous = await tx.version.findFirst({
    where: { documentId },
    orderBy: { number: "desc" },
    select: { id: true, number: true },
  });
  if (!previous) return null;
  const paragraphs = await tx.paragraph.findMany({
    where: { versionId: previous.id },
    orderBy: { order: "asc" },
    select: { id: true, key: true, number: true, text: true },
  });
  return { ...previous, paragraphs };
}

/** Writes the planned links once the new paragraphs exist (ids in document order). */
export async function writeParagraphLinks(
  tx: Prisma.TransactionClient,
  { links, fromIds, toIds }: { links: readonly PlannedLink[]; fromIds: readonly string[]; toIds: readonly string[] },
) {
  if (links.length === 0) return;
  await tx.paragraphLink.createMany({
    data: links.map((link) => ({
      fromParagraphId: fromIds[link.from],
      toParagraphId: toIds[link.to],
      kind: link.kind,
      moved: link.moved,
      renumbered: link.renumbered,
      similarity: link.similarity,
    })),
  });
}

/** Comments on earlier versions shown next to one paragraph of the reader. */
export interface CarriedComments {
  /** Visible, not withdrawn comments on the paragraph's predecessors. */
  count: number;
  /** The version the predecessors belong to. */
  fromVersion: number;
  /** The first predecessor: the comparison lists its comments under `#c-<key>`. */
  fromKey: string;
  fromNumber: string | null;
}

/**
 * For each paragraph of a version, the comments the actor may see on its
 * direct predecessors (the previous version of the document). One query for
 * the whole version, whatever its length. Keyed by paragraph id; paragraphs
 * without such comments are absent.
 */
export async function carriedCommentCounts({
  actor,
  version,
  paragraphIds,
}: {
  actor: Actor | null;
  version: { id: string; consultation: { id: string; commentsVisibility: string; commentsPublishedAt: Date | null } };
  /** Only these paragraphs of the version (one page of a long version). */
  paragraphIds?: string[];
}): Promise<Record<string, CarriedComments>> {
  const visible: Prisma.CommentWhereInput = {
    AND: [visibleCommentsWhere(actor, version.consultation), { status: { not: "withdrawn" } }],
  };
  const links = await prisma.paragraphLink.findMany({
    where: {
      to: { versionId: version.id },
      ...(paragraphIds ? { toParagraphId: { in: paragraphIds } } : {}),
      // Only published predecessors: the link leads to a comparison page.
      from: { version: { status: { in: [...PUBLISHED_VERSION_STATUSES] } }, comments: { some: visible } },
    },
    select: {
      toParagraphId: true,
      from: {
        select: {
          key: true,
          number: true,
          order: true,
          version: { select: { number: true } },
          _count: { select: { comments: { where: visible } } },
        },
      },
    },
  });
  links.sort((x, y) => x.from.order - y.from.order);
  const carried: Record<string, CarriedComments> = {};
  for (const link of links) {
    const entry = carried[link.toParagraphId];
    if (entry) entry.count += link.from._count.comments;
    else {
      carried[link.toParagraphId] = {
        count: link.from._count.comments,
        fromVersion: link.from.version.number,
        fromKey: link.from.key,
        fromNumber: link.from.number,
      };
    }
  }
  return carried;
}

/** Where a paragraph went in one later version. */
export interface LineageStep {
  versionNumber: number;
  paragraphs: Array<{ key: string; number: string | null; kind: string; moved: boolean; renumbered: boolean }>;
}

/**
 * Which versions' paragraphs the actor may follow a paragraph into: every
 * version with `read:version:any` (the secretariat), otherwise only the
 * published versions of published consultations, as the reader shows them.
 */
function readableVersionsWhere(actor: Actor | null): Prisma.VersionWhereInput {
  if (can(actor, "read:version:any")) return {};
  return { status: { in: [...PUBLISHED_VERSION_STATUSES] }, consultation: { status: { not: "draft" } } };
}

/**
 * Follows a paragraph through the lineage links into every later version of
 * its document that the actor may read ("where did my paragraph go"): one
 * query per version step. Stops at the first version where it has no
 * successor (it was deleted) or that the actor may not read (a draft).
 * Null when the paragraph is unknown or in a version the actor may not read.
 */
export async function traceParagraph({
  actor,
  slug,
  versionNumber,
  key,
}: {
  actor: Actor | null;
  slug: string;
  versionNumber: number;
  key: string;
}) {
  const readable = readableVersionsWhere(actor);
  const start = await prisma.paragraph.findFirst({
    where: { key, version: { AND: [readable, { number: versionNumber, consultation: { slug } }] } },
    select: { id: true },
  });
  if (!start) return null;
  const steps: LineageStep[] = [];
  let frontier = [start.id];
  while (frontier.length > 0) {
    const links = await prisma.paragraphLink.findMany({
      where: { fromParagraphId: { in: frontier }, to: { version: readable } },
      orderBy: { to: { order: "asc" } },
      select: {
        kind: true,
        moved: true,
        renumbered: true,
        to: { select: { id: true, key: true, number: true, version: { select: { number: true } } } },
      },
    });
    if (links.length === 0) break;
    const seen = new Set<string>();
    const paragraphs: LineageStep["paragraphs"] = [];
    for (const link of links) {
      if (seen.has(link.to.id)) continue;
      seen.add(link.to.id);
      paragraphs.push({
        key: link.to.key,
        number: link.to.number,
        kind: link.kind,
        moved: link.moved,
        renumbered: link.renumbered,
      });
    }
    steps.push({ versionNumber: links[0].to.version.number, paragraphs });
    frontier = [...seen];
  }
  return steps;
}
