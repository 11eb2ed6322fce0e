/**
 * Comparison of two published versions of a consultation: tracked changes
 * that understand paragraphs, with the comments that were made on the old
 * paragraphs and whether their proposed text was adopted.
 *
 * The computation is the pure `compareVersions` (app/lib/compare), run off
 * the event loop (app/models/comparison-worker.server.ts), once per pair of
 * versions: the result is stored in ComparisonCache and shared by every app
 * instance; inside one process, concurrent requests for the same pair wait
 * for the same computation.
 */
import type { Prisma } from "~/generated/prisma/client";
import {
  buildComparisonPage,
  type CachedComparison,
  type CarriedCommentSource,
  type ComparisonPageBody,
} from "~/lib/compare";
import type { Actor } from "~/lib/permissions";
import { sanitizeRichTextHtml } from "~/lib/richtext";
import { PUBLISHED_VERSION_STATUSES } from "~/lib/version-status";
import { visibleCommentsWhere } from "~/models/comment.server";
import { computeAndStore, computeComparisonOffThread } from "~/models/comparison-worker.server";
import { prisma } from "~/utils/db.server";
import { logger } from "~/utils/logger.server";

export { loadParagraphsForComparison } from "~/models/comparison-worker.server";
/** The page's types and pure parts live in app/lib/compare/page.ts; re-exported for the importers of this module. */
export {
  MAX_COMMENTS_PER_ROW,
  parseVersionRange,
  type CarriedComment,
  type ComparisonGroup,
  type ComparisonRowView,
  type ComparisonSectionSummary,
  type RowParagraph,
} from "~/lib/compare";

/**
 * Identifies the comparison code in ComparisonCache rows. Change it whenever
 * the output of `compareVersions` or of `comparisonPayload` changes (new
 * thresholds, a different cleanup rule, new fields): old rows are then
 * ignored and recomputed on demand.
 */
export const COMPARISON_ALGORITHM = "structure-1";

/** A version as the comparison page names it. */
export interface ComparedVersion {
  id: string;
  number: number;
  label: string;
  status: string;
  publishedAt: Date | null;
}

/**
 * What the page needs of each version. A function, not a constant: the
 * imports go round (this module → consultation.server.ts → version.server.ts
 * → this module), so nothing imported may be read while modules load.
 */
function versionSelect() {
  return {
    id: true,
    number: true,
    label: true,
    status: true,
    publishedAt: true,
    document: { select: { title: true } },
    consultation: {
      select: {
        id: true,
        slug: true,
        title: true,
        commentsVisibility: true,
        commentsPublishedAt: true,
        versions: {
          where: { status: { in: [...PUBLISHED_VERSION_STATUSES] } },
          orderBy: { number: "asc" },
          select: { number: true, label: true, status: true },
        },
      },
    },
  } satisfies Prisma.VersionSelect;
}

/** Both published versions of a comparison, or null if either is unknown or unpublished. */
async function loadVersionPair({ slug, from, to }: { slug: string; from: number; to: number }) {
  const versions = await prisma.version.findMany({
    where: {
      number: { in: [from, to] },
      status: { in: [...PUBLISHED_VERSION_STATUSES] },
      consultation: { slug, status: { not: "draft" } },
    },
    select: versionSelect(),
  });
  const fromVersion = versions.find((version) => version.number === from);
  const toVersion = versions.find((version) => version.number === to);
  if (!fromVersion || !toVersion) return null;
  return { fromVersion, toVersion };
}

const inflight = new Map<string, Promise<string>>();

/**
 * The comparison of two versions (by id), from the cache or computed once
 * and stored. Concurrent calls for the same pair in this process share one
 * computation.
 */
export async function cachedComparison({ fromVersionId, toVersionId }: { fromVersionId: string; toVersionId: string }) {
  const where = { fromVersionId, toVersionId, algorithm: COMPARISON_ALGORITHM };
  const cached = await prisma.comparisonCache.findUnique({
    where: { fromVersionId_toVersionId_algorithm: where },
    select: { result: true },
  });
  if (cached) {
    await yieldToEventLoop();
    return JSON.parse(cached.result) as CachedComparison;
  }

  const id = `${fromVersionId}:${toVersionId}:${COMPARISON_ALGORITHM}`;
  let computation = inflight.get(id);
  if (!computation) {
    computation = computeComparisonOffThread(where).finally(() => inflight.delete(id));
    inflight.set(id, computation);
  }
  const json = await computation;
  await yieldToEventLoop();
  return JSON.parse(json) as CachedComparison;
}

/**
 * Lets other requests run between the slices of a large page (a database
 * read, a JSON.parse of megabytes, building thousands of rows): the
 * synchronous SQLite driver and each of these steps would otherwise add up
 * to one long stall.
 */
function yieldToEventLoop() {
  return new Promise<void>((resolve) => setImmediate(resolve));
}

/** Runs the page builder to its end, yielding to the event loop at each of its pauses. */
async function paced(builder: Generator<void, ComparisonPageBody, void>) {
  for (let step = builder.next(); ; step = builder.next()) {
    if (step.done) return step.value;
    await yieldToEventLoop();
  }
}

/**
 * Computes and stores the comparison of a new version with its predecessor
 * right after an import, so that the comparison readers open first is
 * already in the cache. Runs on the calling thread (imports run from the
 * command line and the seed); a failure only means it is computed on first
 * view instead.
 */
export async function warmComparisonCache({
  fromVersionId,
  toVersionId,
}: {
  fromVersionId: string;
  toVersionId: string;
}) {
  try {
    const exists = await prisma.comparisonCache.findUnique({
      where: { fromVersionId_toVersionId_algorithm: { fromVersionId, toVersionId, algorithm: COMPARISON_ALGORITHM } },
      select: { id: true },
    });
    if (!exists) await computeAndStore({ fromVersionId, toVersionId, algorithm: COMPARISON_ALGORITHM });
  } catch (error) {
    logger.warn("could not precompute a comparison", { error: error instanceof Error ? error.message : String(error) });
  }
}

/** The comments the actor may see on a version's paragraphs, by paragraph key, oldest first. */
async function loadCarriedComments({
  actor,
  versionId,
  consultation,
}: {
  actor: Actor | null;
  versionId: string;
  consultation: { id: string; commentsVisibility: string; commentsPublishedAt: Date | null };
}) {
  const comments = await prisma.comment.findMany({
    where: {
      AND: [
        visibleCommentsWhere(actor, consultation),
        { versionId, paragraphId: { not: null }, status: { not: "withdrawn" } },
      ],
    },
    orderBy: { createdAt: "asc" },
    select: {
      id: true,
      type: true,
      status: true,
      bodyHtml: true,
      proposedText: true,
      quote: true,
      sourceAttribution: true,
      submittedAt: true,
      organization: { select: { name: true } },
      paragraph: { select: { key: true, number: true } },
    },
  });
  const byKey = new Map<string, CarriedCommentSource[]>();
  for (const { paragraph, ...comment } of comments) {
    if (!paragraph) continue;
    const list = byKey.get(paragraph.key) ?? [];
    list.push(comment);
    byKey.set(paragraph.key, list);
  }
  return byKey;
}

/**
 * Everything the comparison page (and its exports) show: the two versions,
 * the rows grouped by section with per-section counts, and — when `actor`
 * is given — the comments the actor may see on the old paragraphs, with the
 * adoption verdict of their proposed text. `a` is `from`, `b` is `to`: either
 * order works (2...1 shows what going back would change). Null when the
 * consultation or either version does not exist or is not published.
 */
export async function getComparison({
  slug,
  from,
  to,
  actor,
  withComments = true,
}: {
  slug: string;
  from: number;
  to: number;
  actor: Actor | null;
  withComments?: boolean;
}) {
  const pair = await loadVersionPair({ slug, from, to });
  if (!pair) return null;
  const { fromVersion, toVersion } = pair;
  const [comparison, comments] = await Promise.all([
    cachedComparison({ fromVersionId: fromVersion.id, toVersionId: toVersion.id }),
    withComments
      ? loadCarriedComments({ actor, versionId: fromVersion.id, consultation: fromVersion.consultation })
      : Promise.resolve(new Map<string, CarriedCommentSource[]>()),
  ]);

  const body = await paced(buildComparisonPage({ comparison, comments, sanitizeHtml: sanitizeRichTextHtml }));

  const consultation = fromVersion.consultation;
  const version = (v: typeof fromVersion): ComparedVersion => ({
    id: v.id,
    number: v.number,
    label: v.label,
    status: v.status,
    publishedAt: v.publishedAt,
  });
  return {
    consultation: { slug: consultation.slug, title: consultation.title, versions: consultation.versions },
    documentTitle: toVersion.document.title,
    from: version(fromVersion),
    to: version(toVersion),
    groups: body.groups,
    sections: body.sections,
    totals: comparison.totals,
  };
}

export type ComparisonPage = NonNullable<Awaited<ReturnType<typeof getComparison>>>;

/**
 * The comparison to show at `/consultations/:slug/compare`: the two most
 * recent published versions. Null when there are fewer than two.
 */
export async function latestComparisonRange({ slug }: { slug: string }) {
  const versions = await prisma.version.findMany({
    where: { status: { in: [...PUBLISHED_VERSION_STATUSES] }, consultation: { slug, status: { not: "draft" } } },
    orderBy: { number: "desc" },
    take: 2,
    select: { number: true },
  });
  if (versions.length < 2) return null;
  return { from: versions[1].number, to: versions[0].number };
}
