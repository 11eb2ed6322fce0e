/**
 * The comparison worker thread only reads. On SQLite it has a connection of
 * its own; a write from that connection while a main-thread transaction
 * holds a read snapshot made that transaction's next write fail at once
 * with "database is locked" (seen in CI: a version import failing while a
 * comparison was being stored). The main thread now stores the result.
 */
import { randomUUID } from "node:crypto";

import { beforeAll, expect, it, vi } from "vitest";

import { comparisonWorkerStats, computeComparisonOffThread } from "~/models/comparison-worker.server";
import { prisma } from "~/utils/db.server";

import { GCA_SLUG, seed } from "../../prisma/seed";

let fromVersionId: string;
let toVersionId: string;

beforeAll(async () => {
  await seed({ quiet: true });
  const versions = await prisma.version.findMany({
    where: { consultation: { slug: GCA_SLUG }, number: { in: [1, 2] } },
    orderBy: { number: "asc" },
    select: { id: true },
  });
  [fromVersionId, toVersionId] = versions.map((version) => version.id);
});

it("a comparison finished while a transaction is open does not make that transaction's write fail", async () => {
  // Its own algorithm name: a pair no other test has stored.
  const algorithm = `test-${randomUUID()}`;
  const name = `Worker test ${randomUUID()}`;
  const replies = comparisonWorkerStats().replies;
  const job = computeComparisonOffThread({ fromVersionId, toVersionId, algorithm });
  await prisma.$transaction(
    async (tx) => {
      // A read: on SQLite this transaction now holds a snapshot.
      await tx.organization.count();
      // The worker answers while the snapshot is held.
      await vi.waitFor(() => expect(comparisonWorkerStats().replies).toBeGreaterThan(replies), {
        timeout: 60_000,
        interval: 50,
      });
      await tx.organization.create({ data: { name, kind: "academia" } });
    },
    { timeout: 90_000, maxWait: 30_000 },
  );
  const json = await job;
  expect(JSON.parse(json)).toHaveProperty("totals");
  expect(await prisma.organization.count({ where: { name } })).toBe(1);
  expect(await prisma.comparisonCache.count({ where: { fromVersionId, toVersionId, algorithm } })).toBe(1);
}, 120_000);
