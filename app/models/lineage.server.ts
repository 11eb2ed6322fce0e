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
 */
import type { Prisma } from "~/generated/prisma/client";
import { alignParagraphs, type AlignInput, type AlignmentKind } from "~/lib/compare";
import { PUBLISHED_VERSION_STATUSES } from "~/lib/version-status";
import { visibleCommentsWhere, type Actor } from "~/models/comment.server";
import { prisma } from "~/utils/db.server";

/** One link to write: indices into the previous and the new version's paragraph lists. */
export interface PlannedLink {
  from: number;
  to: number;
  /** unchanged | modified | split | merged */
  kind: Exclude<AlignmentKind, "inserted" | "deleted">;
  moved: boolean;
  renumbered: boolean;
  similarity: number;
}

/** What {@link planLineage} decided for a new version. */
export interface LineagePlan {
  /** The final key of each new paragraph, in order; unique. */
  keys: string[];
  links: PlannedLink[];
}

/**
 * Decides the keys of a new version's paragraphs and the links to the
 * previous version's. Pure: the alignment is the only input that matters.
 *
 * - A paragraph paired one-to-one keeps its predecessor's key.
 * - A split gives the first piece the old key; the other pieces are new.
 * - A merge keeps the key of its first source.
 * - Every other paragraph keeps the key the importer gave it, unless that
 *   key is reserved by lineage — the key of any old paragraph that lives on,
 *   including the second source of a merge, so that an old anchor never
 *   lands on unrelated text — in which case it gets `-v<version>` (and
 *   `-2`, `-3`… should even that be taken).
 *
 * @example
 * planLineage({ previous: [{ key: "2-9-a", number: "2.9 a.", text }], next: [{ key: "2-a", number: "2. a.", text }], versionNumber: 2 })
 * // → { keys: ["2-9-a"], links: [{ from: 0, to: 0, kind: "unchanged", renumbered: true, … }] }
 */
export function planLineage({
  previous,
  next,
  versionNumber,
}: {
  previous: readonly AlignInput[];
  next: readonly AlignInput[];
  versionNumber: number;
}): LineagePlan {
  const keys: Array<string | null> = next.map(() => null);
  const links: PlannedLink[] = [];
  const reserved = new Set<string>();
  if (previous.length > 0 && next.length > 0) {
    for (const operation of alignParagraphs(previous, next).operations) {
      if (operation.kind === "inserted" || operation.kind === "deleted") continue;
      for (const from of operation.a) reserved.add(previous[from].key);
      keys[operation.b[0]] = previous[operation.a[0]].key;
      for (const from of operation.a) {
        for (const to of operation.b) {
          links.push({
            from,
            to,
            kind: operation.kind,
            moved: operation.moved,
            renumbered: operation.renumbered,
            similarity: operation.similarity,
          });
        }
      }
    }
  }
  const taken = new Set(reserved);
  const final = keys.map((inherited, index) => {
    if (inherited !== null) return inherited;
    const own = next[index].key;
    if (!taken.has(own)) {
      taken.add(own);
      return own;
    }
    const base = `${own}-v${versionNumber}`;
    let key = base;
    for (let n = 2; taken.has(key); n++) key = `${base}-${n}`;
    taken.add(key);
    return key;
  });
  return { keys: final, links };
}

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
}: {
  actor: Actor;
  version: { id: string; consultation: { id: string; commentsVisibility: string; commentsPublishedAt: Date | null } };
}): Promise<Record<string, CarriedComments>> {
  const visible: Prisma.CommentWhereInput = {
    AND: [visibleCommentsWhere(actor, version.consultation), { status: { not: "withdrawn" } }],
  };
  const links = await prisma.paragraphLink.findMany({
    where: {
      to: { versionId: version.id },
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
 * Follows a paragraph through the lineage links into every later version of
 * its document ("where did my paragraph go"): one query per version step.
 * Stops at the first version where it has no successor (it was deleted).
 */
export async function traceParagraph({
  slug,
  versionNumber,
  key,
}: {
  slug: string;
  versionNumber: number;
  key: string;
}) {
  const start = await prisma.paragraph.findFirst({
    where: { key, version: { number: versionNumber, consultation: { slug } } },
    select: { id: true },
  });
  if (!start) return null;
  const steps: LineageStep[] = [];
  let frontier = [start.id];
  while (frontier.length > 0) {
    const links = await prisma.paragraphLink.findMany({
      where: { fromParagraphId: { in: frontier } },
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
