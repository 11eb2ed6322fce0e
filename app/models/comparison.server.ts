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
import { LRUCache } from "lru-cache";

import type { Prisma } from "~/generated/prisma/client";
import type { CachedComparison, CarriedCommentSource } from "~/lib/compare";
// The page's index and paging are not in the library's barrel (app/lib/compare/index.ts).
import {
  adjacentChanges,
  buildComparisonRows,
  indexComparison,
  pageOfRow,
  pageRowIndexes,
  planRowPages,
  type ComparisonIndex,
} from "~/lib/compare/page";
import { parsePageNumber } from "~/lib/document-pages";
import { findParagraph } from "~/lib/paragraph-number";
import type { Actor } from "~/lib/permissions";
import { sanitizeRichTextHtml } from "~/lib/richtext";
import { PUBLISHED_VERSION_STATUSES } from "~/lib/version-status";
import { visibleCommentsWhere } from "~/models/comment.server";
import { computeAndStore, computeComparisonOffThread, type ComparisonJob } from "~/models/comparison-worker.server";
import { editionComparisonJob } from "~/models/edition.server";
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
 * Identifies the comparison code in ComparisonCache rows. Change it whenever the output of `compareVersions` or of
 * `comparisonPayload` changes (new thresholds, a different cleanup rule, new fields): old rows are then ignored and
 * recomputed on demand. structure-2: moves by containment, moved sentences; 3: sections; 4: possiblyRelated counts.
 */
export const COMPARISON_ALGORITHM = "structure-4";

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

/** The stored JSON of a comparison, from the cache or computed once (off the event loop) and stored. */
async function comparisonJson(pair: ComparedPair) {
  const { fromVersionId, toVersionId, algorithm = COMPARISON_ALGORITHM, language = null } = pair;
  const where = { fromVersionId, toVersionId, algorithm };
  const cached = await prisma.comparisonCache.findUnique({
    where: { fromVersionId_toVersionId_algorithm: where },
    select: { result: true },
  });
  if (cached) return cached.result;

  const id = `${fromVersionId}:${toVersionId}:${algorithm}`;
  let computation = inflight.get(id);
  if (!computation) {
    computation = computeComparisonOffThread({ ...where, language }).finally(() => inflight.delete(id));
    inflight.set(id, computation);
  }
  return computation;
}

/**
 * The comparison of two versions (by id), from the cache or computed once
 * and stored. Concurrent calls for the same pair in this process share one
 * computation.
 */
export async function cachedComparison(pair: { fromVersionId: string; toVersionId: string }) {
  const json = await comparisonJson(pair);
  await yieldToEventLoop();
  return JSON.parse(json) as CachedComparison;
}

/** A comparison with its index: what a page is planned and built from. */
interface PreparedComparison {
  comparison: CachedComparison;
  index: ComparisonIndex;
  /** Length of its stored JSON, the measure of the memory it holds. */
  chars: number;
}

/**
 * A comparison whose stored JSON is longer than this is kept parsed and
 * indexed in this process, so that its next pages cost one page: reading
 * and parsing it again would cost the whole comparison (12 MB and ~100 ms
 * of parsing for the 40,000-paragraph pair). A shorter one is read from
 * ComparisonCache on each request, as before: cheap, and nothing to keep.
 */
export const KEEP_PREPARED_ABOVE_CHARS = 1_000_000;

/** At most this many characters of stored JSON are kept prepared (about 2–3 bytes of heap each). */
const PREPARED_MAX_CHARS = 48_000_000;

const prepared = new LRUCache<string, PreparedComparison>({
  maxSize: PREPARED_MAX_CHARS,
  sizeCalculation: (value) => Math.max(1, value.chars),
});
const preparing = new Map<string, Promise<PreparedComparison>>();
const pageStats = { indexed: 0, rowsIndexed: 0, rowsBuilt: 0 };

/**
 * How much comparison work this process has done (for tests and metrics):
 * comparisons indexed and their rows, and rows built for pages. A page
 * request of a prepared comparison adds only its own rows to `rowsBuilt`.
 */
export function comparisonPageStats() {
  return { ...pageStats };
}

/** Two versions to compare and, for their language editions, the cache's algorithm name and the language. */
type ComparedPair = Pick<ComparisonJob, "fromVersionId" | "toVersionId"> & Partial<ComparisonJob>;
async function prepare(pair: ComparedPair, key: string) {
  const json = await comparisonJson(pair);
  await yieldToEventLoop();
  const comparison = JSON.parse(json) as CachedComparison;
  await yieldToEventLoop();
  const index = await paced(indexComparison(comparison));
  pageStats.indexed++;
  pageStats.rowsIndexed += comparison.rows.length;
  const result = { comparison, index, chars: json.length };
  if (json.length > KEEP_PREPARED_ABOVE_CHARS) prepared.set(key, result);
  return result;
}

/** Answered instead of a comparison still being computed after the wait. */
export const STILL_PREPARING = "preparing" as const;

/**
 * The comparison and its index, prepared once per process for a long
 * comparison. With `waitMs`, a comparison not ready by then answers
 * {@link STILL_PREPARING} while its computation goes on (on the worker).
 */
async function preparedComparison(
  pair: ComparedPair,
  waitMs?: number,
): Promise<PreparedComparison | typeof STILL_PREPARING> {
  const key = `${pair.fromVersionId}:${pair.toVersionId}:${pair.algorithm ?? COMPARISON_ALGORITHM}`;
  const kept = prepared.get(key);
  if (kept) return kept;
  let preparation = preparing.get(key);
  if (!preparation) {
    preparation = prepare(pair, key).finally(() => preparing.delete(key));
    // Nobody may be waiting any more when it fails: the next request tries again.
    preparation.catch(() => {});
    preparing.set(key, preparation);
  }
  if (waitMs === undefined) return preparation;
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<typeof STILL_PREPARING>((resolve) => {
    timer = setTimeout(() => resolve(STILL_PREPARING), waitMs);
  });
  try {
    return await Promise.race([preparation, timeout]);
  } finally {
    clearTimeout(timer);
  }
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

/** Runs a generator of app/lib/compare/page.ts to its end, yielding to the event loop at each of its pauses. */
async function paced<T>(builder: Generator<void, T, void>) {
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
  keys,
}: {
  actor: Actor | null;
  versionId: string;
  consultation: { id: string; commentsVisibility: string; commentsPublishedAt: Date | null };
  /** Only the comments on these paragraphs (a page's); all when absent. */
  keys?: readonly string[];
}) {
  if (keys && keys.length === 0) return new Map<string, CarriedCommentSource[]>();
  const comments = await prisma.comment.findMany({
    where: {
      AND: [
        visibleCommentsWhere(actor, consultation),
        { versionId, paragraphId: { not: null }, status: { not: "withdrawn" } },
        ...(keys ? [{ paragraph: { key: { in: [...keys] } } }] : []),
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
  const [ready, comments] = await Promise.all([
    preparedComparison({ fromVersionId: fromVersion.id, toVersionId: toVersion.id }),
    withComments
      ? loadCarriedComments({ actor, versionId: fromVersion.id, consultation: fromVersion.consultation })
      : Promise.resolve(new Map<string, CarriedCommentSource[]>()),
  ]);
  if (ready === STILL_PREPARING) throw new Error("unreachable: no wait was given");
  const { comparison, index } = ready;
  const selection = pageRowIndexes(index, null, false);
  const groups = await paced(
    buildComparisonRows({ comparison, index, comments, sanitizeHtml: sanitizeRichTextHtml }, selection),
  );
  pageStats.rowsBuilt += comparison.rows.length;
  return { ...pairView(pair), groups, sections: index.sections, totals: comparison.totals };
}

/** What every comparison page says of its consultation and versions. */
function pairView({ fromVersion, toVersion }: NonNullable<Awaited<ReturnType<typeof loadVersionPair>>>) {
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
  };
}

/** The old paragraph keys of the selected rows (whose comments a page lists). */
function oldKeysOf(comparison: CachedComparison, selection: ReturnType<typeof pageRowIndexes>) {
  return selection.flatMap(({ rows }) => rows.flatMap((row) => comparison.rows[row].old.map(({ key }) => key)));
}

/**
 * How long a page request waits for a comparison being computed before
 * answering "being prepared": 4 s, or COMPARISON_PREPARING_WAIT_MS
 * (0–60,000; tests set 0 to see the answer without racing the worker).
 */
export function preparingWaitMs(value = process.env.COMPARISON_PREPARING_WAIT_MS) {
  const ms = value === undefined || !/^\d{1,5}$/.test(value) ? NaN : Number(value);
  return ms <= 60_000 ? ms : 4_000;
}

/**
 * One page of a comparison (docs/decisions/0017-bounded-reader-pages.md):
 * its rows only are built, and only their comments read, from the
 * comparison's index; the counts and the section summary cover the whole
 * comparison. `goto` answers where the paragraph's row is (page and anchor)
 * instead of a page. A comparison not computed within `waitMs` answers
 * `{ status: "preparing" }` while the worker goes on. Null when the
 * consultation or either version does not exist or is not published.
 */
export async function getComparisonPage({
  slug,
  from,
  to,
  actor,
  changesOnly,
  page: requested,
  goto,
  waitMs = preparingWaitMs(),
  language = null,
}: {
  slug: string;
  from: number;
  to: number;
  actor: Actor | null;
  changesOnly: boolean;
  page: string | null;
  goto: string | null;
  waitMs?: number;
  language?: string | null; // the reader's: its editions are compared when both versions have one
}) {
  const pair = await loadVersionPair({ slug, from, to });
  if (!pair) return null;
  const { fromVersion } = pair;
  const compared = await editionComparisonJob(fromVersion.id, pair.toVersion.id, language, COMPARISON_ALGORITHM);
  const ids = { fromVersionId: fromVersion.id, toVersionId: pair.toVersion.id };
  const ready = await preparedComparison({ ...ids, ...compared?.job }, waitMs);
  const edition = language ? { language, compared: compared ? ("edition" as const) : ("original" as const) } : null;
  if (ready === STILL_PREPARING) return { status: STILL_PREPARING, ...pairView(pair), edition };
  const { comparison, index } = ready;
  const pages = planRowPages(index, changesOnly);
  const target = goto === null ? null : findParagraph(goto.slice(0, 100), index.targets);
  if (target) {
    const page = pages.length > 1 ? pageOfRow(index, pages, target.row, changesOnly) : null;
    return { status: "jump" as const, page, anchor: target.id };
  }
  const paged = pages.length > 1;
  const current = paged ? (parsePageNumber(requested, pages.length) ?? 1) : 1;
  const selection = pageRowIndexes(index, paged ? pages[current - 1] : null, changesOnly);
  const pageOf = paged ? (row: number) => pageOfRow(index, pages, row, changesOnly) : undefined;
  const comments = await loadCarriedComments({
    actor,
    versionId: fromVersion.id,
    consultation: fromVersion.consultation,
    keys: oldKeysOf(comparison, selection),
  });
  const groups = await paced(
    buildComparisonRows({ comparison, index, comments, sanitizeHtml: sanitizeRichTextHtml, pageOf }, selection),
  );
  pageStats.rowsBuilt += selection.reduce((sum, group) => sum + group.rows.length, 0);
  const paging = paged
    ? {
        current,
        count: pages.length,
        pages: pages.map((p, position) => {
          const first = index.groups[p.segments[0]?.group ?? 0];
          return {
            number: position + 1,
            heading: first?.heading ?? "",
            sectionNumber: first?.number ?? null,
            continued: p.continued,
          };
        }),
        adjacent: adjacentChanges({ comparison, index }, pages, current, changesOnly),
      }
    : null;
  return {
    status: "ready" as const,
    ...pairView(pair),
    edition,
    groups,
    sections: index.sections,
    totals: comparison.totals,
    paging,
  };
}

/**
 * The ids of both versions of a comparison when both are published (what an
 * export is cached under), or null: the same check as {@link getComparison}.
 */
export async function comparisonPairIds({ slug, from, to }: { slug: string; from: number; to: number }) {
  const pair = await loadVersionPair({ slug, from, to });
  return pair ? { fromVersionId: pair.fromVersion.id, toVersionId: pair.toVersion.id } : null;
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
