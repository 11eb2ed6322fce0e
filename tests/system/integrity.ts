/**
 * What "nothing acknowledged is lost, nothing is half-written" means in the
 * database, checked after load, crashes and outages.
 */
import { expect } from "vitest";

import { prisma } from "~/utils/db.server";

import type { CommentLoad } from "./harness";

export async function commentIntegrity({
  userId,
  keyPrefix,
  acknowledged,
  attempted,
}: {
  userId: string;
  keyPrefix: string;
  acknowledged: Iterable<string>;
  attempted: Iterable<string>;
}) {
  const stored = await prisma.comment.findMany({
    where: { idempotencyKey: { startsWith: `${userId}:${keyPrefix}-` } },
    select: { id: true, idempotencyKey: true, revisions: { select: { revision: true } } },
  });
  const storedKeys = new Map<string, number>();
  for (const comment of stored) {
    const key = comment.idempotencyKey!.slice(userId.length + 1);
    storedKeys.set(key, (storedKeys.get(key) ?? 0) + 1);
  }
  const attemptedSet = new Set(attempted);
  const [{ orphans }] = await prisma.$queryRawUnsafe<Array<{ orphans: bigint | number }>>(
    'SELECT COUNT(*) AS orphans FROM "CommentRevision" r ' +
      'LEFT JOIN "Comment" c ON c."id" = r."commentId" WHERE c."id" IS NULL',
  );
  return {
    stored: stored.length,
    /** Acknowledged keys with no comment: must be empty. */
    lost: [...acknowledged].filter((key) => !storedKeys.has(key)),
    /** Keys stored more than once: must be empty (the unique key forbids it anyway). */
    duplicated: [...storedKeys].filter(([, count]) => count > 1).map(([key]) => key),
    /** Comments without their first revision: must be empty. */
    withoutFirstRevision: stored
      .filter((comment) => !comment.revisions.some((revision) => revision.revision === 1))
      .map((comment) => comment.id),
    /** Stored keys nobody sent: must be empty. */
    unexpected: [...storedKeys.keys()].filter((key) => !attemptedSet.has(key)),
    orphanRevisions: Number(orphans),
  };
}

/** Paragraph keys of the seeded Draft 1, for spreading comments over the document. */
export async function draftParagraphKeys() {
  const paragraphs = await prisma.paragraph.findMany({
    where: { version: { number: 1, consultation: { slug: "gca-guidelines" } } },
    orderBy: { order: "asc" },
    select: { key: true },
  });
  return paragraphs.map((paragraph) => paragraph.key);
}

export async function userIdOf(email: string) {
  return (await prisma.user.findUniqueOrThrow({ where: { email }, select: { id: true } })).id;
}

/**
 * Asserts the integrity report of a load run: every acknowledged comment
 * stored exactly once with its first revision, nothing else stored, no
 * orphaned revision.
 */
export async function expectNothingLost(
  load: Pick<CommentLoad, "acknowledged" | "attempted">,
  { userId, keyPrefix }: { userId: string; keyPrefix: string },
) {
  const report = await commentIntegrity({
    userId,
    keyPrefix,
    acknowledged: load.acknowledged,
    attempted: load.attempted,
  });
  expect(report.lost).toEqual([]);
  expect(report.duplicated).toEqual([]);
  expect(report.withoutFirstRevision).toEqual([]);
  expect(report.unexpected).toEqual([]);
  expect(report.orphanRevisions).toBe(0);
  expect(report.stored).toBe(load.acknowledged.size);
  return report;
}
