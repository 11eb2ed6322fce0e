/**
 * Comments in document order (paragraph order, then id), a page at a time,
 * as the dashboard's list and the disposition table show them. Callers
 * authorize; these read what they are given a `where` for.
 */
import type { Prisma } from "~/generated/prisma/client";
import { prisma } from "~/utils/db.server";

/** Comments per page of the dashboard's list. */
export const FEEDBACK_PAGE_SIZE = 25;

/** Comments shown on a paragraph's page (a campaign can put thousands on one paragraph). */
export const PARAGRAPH_COMMENTS_LIMIT = 500;

const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** The page's window: the paragraphs it spans, with the comments to skip and take in each. */
function pageWindow({
  paragraphs,
  countByParagraph,
  withoutParagraph,
  offset,
  limit,
}: {
  paragraphs: ReadonlyArray<{ id: string }>;
  countByParagraph: ReadonlyMap<string, number>;
  withoutParagraph: number;
  offset: number;
  limit: number;
}) {
  const window: Array<{ paragraphId: string | null; skip: number; take: number; all: boolean }> = [];
  let seen = 0;
  const entries: Array<[string | null, number]> = [
    ...paragraphs.map((paragraph): [string, number] => [paragraph.id, countByParagraph.get(paragraph.id) ?? 0]),
    [null, withoutParagraph],
  ];
  for (const [paragraphId, count] of entries) {
    if (count === 0) continue;
    if (seen + count <= offset) {
      seen += count;
      continue;
    }
    const skip = Math.max(0, offset - seen);
    const take = Math.min(count - skip, offset + limit - Math.max(seen, offset));
    window.push({ paragraphId, skip, take, all: skip === 0 && take === count });
    seen += count;
    if (seen >= offset + limit) break;
  }
  return window;
}

/**
 * One page of comments in document order (paragraph order, then id),
 * without asking the database to sort them all: the counts per paragraph
 * (already known) tell which paragraphs the page spans, and only those are
 * read — the first and last partially, by id. Comments without a paragraph
 * come last.
 */
export async function pageInDocumentOrder<S extends Prisma.CommentSelect>({
  where,
  paragraphs,
  countByParagraph,
  withoutParagraph,
  offset,
  limit,
  select,
}: {
  where: Prisma.CommentWhereInput;
  paragraphs: ReadonlyArray<{ id: string }>;
  countByParagraph: ReadonlyMap<string, number>;
  withoutParagraph: number;
  offset: number;
  limit: number;
  select: S & { id: true; paragraphId: true };
}) {
  const window = pageWindow({ paragraphs, countByParagraph, withoutParagraph, offset, limit });
  const whole = window.flatMap((part) => (part.all && part.paragraphId !== null ? [part.paragraphId] : []));
  const partial = window.filter((part) => !part.all || part.paragraphId === null);
  const [bulk, ...parts] = await Promise.all([
    whole.length > 0
      ? prisma.comment.findMany({ where: { AND: [where, { paragraphId: { in: whole } }] }, select })
      : Promise.resolve([]),
    ...partial.map((part) =>
      prisma.comment.findMany({
        where: { AND: [where, { paragraphId: part.paragraphId }] },
        orderBy: { id: "asc" },
        skip: part.skip,
        take: part.take,
        select,
      }),
    ),
  ]);
  const rank = new Map<string | null, number>(window.map((part, index) => [part.paragraphId, index]));
  type Row = Prisma.CommentGetPayload<{ select: S }> & { id: string; paragraphId: string | null };
  const rows = [...bulk, ...parts.flat()] as unknown as Row[];
  return rows.sort((a, b) => (rank.get(a.paragraphId) ?? 0) - (rank.get(b.paragraphId) ?? 0) || byId(a, b));
}

/** A comment as the dashboard's list and a paragraph's page show it. */
export const listSelect = {
  id: true,
  type: true,
  bodyHtml: true,
  bodyText: true,
  proposedText: true,
  quote: true,
  origin: true,
  sourceAttribution: true,
  submittedAt: true,
  duplicateGroupId: true,
  language: true,
  edition: { select: { language: true } },
  paragraph: { select: { key: true, number: true } },
  organization: { select: { name: true, kind: true } },
  disposition: {
    select: { status: true, response: true, decidedAt: true, decidedById: true },
  },
} satisfies Prisma.CommentSelect;

/** One page of the filtered comments, in document order, with the size of each near-duplicate group met. */
export async function listFeedbackComments({
  consultationId,
  where,
  page,
  paragraphs,
  countByParagraph,
  withoutParagraph,
}: {
  consultationId: string;
  where: Prisma.CommentWhereInput;
  page: number;
  paragraphs: ReadonlyArray<{ id: string }>;
  countByParagraph: ReadonlyMap<string, number>;
  withoutParagraph: number;
}) {
  const rows = await pageInDocumentOrder({
    where,
    paragraphs,
    countByParagraph,
    withoutParagraph,
    offset: (page - 1) * FEEDBACK_PAGE_SIZE,
    limit: FEEDBACK_PAGE_SIZE,
    select: { ...listSelect, paragraphId: true },
  });
  const comments = rows.map(({ paragraphId: _paragraphId, ...comment }) => comment);
  // Size of each group met on this page, for the "near-identical to n others" badge.
  const groupIds = [
    ...new Set(comments.map((comment) => comment.duplicateGroupId).filter((id): id is string => id !== null)),
  ];
  const sizes = groupIds.length
    ? await prisma.comment.groupBy({
        by: ["duplicateGroupId"],
        // The consultation lets the (consultationId, duplicateGroupId, status) index answer alone.
        where: { consultationId, duplicateGroupId: { in: groupIds }, status: "submitted" },
        _count: { _all: true },
      })
    : [];
  const groupSizes: Record<string, number> = {};
  for (const row of sizes) if (row.duplicateGroupId) groupSizes[row.duplicateGroupId] = row._count._all;
  return { page, pageSize: FEEDBACK_PAGE_SIZE, comments: await withDeciders(comments), groupSizes };
}

/** Adds the name of whoever decided each disposition (one query for the page). */
export async function withDeciders<T extends { disposition: { decidedById: string | null } | null }>(comments: T[]) {
  const ids = [
    ...new Set(
      comments.flatMap((comment) => (comment.disposition?.decidedById ? [comment.disposition.decidedById] : [])),
    ),
  ];
  const users =
    ids.length > 0 ? await prisma.user.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } }) : [];
  const names = new Map(users.map((user) => [user.id, user.name]));
  return comments.map((comment) => ({
    ...comment,
    disposition: comment.disposition
      ? {
          ...comment.disposition,
          decidedBy: comment.disposition.decidedById ? (names.get(comment.disposition.decidedById) ?? null) : null,
        }
      : null,
  }));
}
