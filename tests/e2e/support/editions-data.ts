/**
 * Test data for the language-edition tests (tests/e2e/editions.spec.ts): the
 * 2022 final text of a test's GCA consultation opened for comments, so that
 * a comment can be made on its French edition. Runs in the e2e server's
 * process (data-service.ts).
 */
import type { PrismaClient } from "~/generated/prisma/client";

const DAY_MS = 24 * 60 * 60 * 1000;

export async function openVersionForComments(db: PrismaClient, { versionId }: { versionId: string }) {
  const now = Date.now();
  await db.version.update({
    where: { id: versionId },
    data: { status: "open", commentsOpenAt: new Date(now - DAY_MS), commentsCloseAt: new Date(now + 60 * DAY_MS) },
    select: { id: true },
  });
  return { ok: true };
}
