/**
 * Computes comparisons on a worker thread, so that a long comparison never
 * holds the event loop (docs/decisions/0005-comparison-off-the-event-loop.md).
 *
 * The worker reads both versions' sections and paragraphs, runs `documentComparisonPayload`
 * (app/lib/compare/payload.ts) and serializes the result, and hands back the
 * JSON. Each of those steps costs 30–100 ms on a 5,000-paragraph document,
 * and the SQLite driver is synchronous, so on the main thread they would add
 * up to one long stall. The calling thread stores the result in
 * ComparisonCache: the worker only reads. On SQLite the worker has a
 * connection of its own, and a write from a second connection makes a
 * main-thread transaction that has already read fail at once with
 * "database is locked" (WAL mode cannot upgrade a reader whose snapshot is
 * stale, and no busy timeout helps); with one writing connection that
 * cannot happen.
 *
 * ## Where the worker's code comes from
 * The Remix server build is one ESM bundle, and the build script cannot
 * grow a second entry. So the worker runs *this module again*: the URL of
 * the module that contains this code is `import.meta.url` — `build/index.js`
 * in a production build, this `.ts` file under tsx or Vitest. Evaluated on a
 * thread marked by `workerData`, the module answers comparison jobs instead
 * of serving anything. From TypeScript sources (tests, benchmarks, the seed)
 * the thread first registers tsx, which is only ever installed where the
 * sources are.
 *
 * One long-lived worker serves every comparison; it starts on the first
 * job and stops after five minutes of idleness. If it cannot start at all, jobs run on the calling thread,
 * logged: slower for the event loop, but the page still works.
 */
import { isMainThread, parentPort, Worker, workerData } from "node:worker_threads";

import { documentComparisonPayload, paragraphsForComparison, type CompareParagraph } from "~/lib/compare";
import type { ImportedDocument } from "~/lib/import";
import { isUniqueViolation, prisma } from "~/utils/db.server";
import { logger } from "~/utils/logger.server";

const WORKER_MARK = "consultation-comparison-worker";
/**
 * A worker with nothing to do for this long is stopped: in a production
 * build it holds the whole server bundle (≈100 MB) and takes 1–2 s to start.
 */
const IDLE_MS = 5 * 60_000;
/** A job that has not finished by then is abandoned and its worker replaced. */
const JOB_TIMEOUT_MS = 60_000;

/** Which comparison to compute, and under which algorithm name to store it. */
export interface ComparisonJob {
  fromVersionId: string;
  toVersionId: string;
  algorithm: string;
  /** Compare the two versions' language editions in this language (their untranslated paragraphs as the original). */
  language?: string | null;
}

interface Job extends ComparisonJob {
  id: number;
}

type Reply = { ready: true } | { id: number; ok: true; json: string } | { id: number; ok: false; error: string };

/**
 * A version's paragraphs as the comparison takes them, grouped by top-level
 * section as in {@link paragraphsForComparison}. Two queries.
 */
export async function loadParagraphsForComparison(version: {
  versionId: string;
  language?: string | null;
}): Promise<CompareParagraph[]> {
  return paragraphsForComparison(await loadDocumentForComparison(version));
}

/** A version's sections and paragraphs (in its language edition's text, if one is named). Two queries. */
export async function loadDocumentForComparison({
  versionId,
  language = null,
}: {
  versionId: string;
  language?: string | null;
}): Promise<ImportedDocument> {
  const [sections, paragraphs, edition] = await Promise.all([
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
    language
      ? prisma.versionEdition.findUnique({
          where: { versionId_language: { versionId, language } },
          select: {
            paragraphs: { select: { paragraphId: true, text: true } },
            sections: { select: { sectionId: true, heading: true } },
          },
        })
      : null,
  ]);
  const translated = new Map(edition?.paragraphs.map((row) => [row.paragraphId, row.text]));
  const headings = new Map(edition?.sections.map((row) => [row.sectionId, row.heading]));
  const bySection = new Map<string, Array<{ key: string; number: string | null; text: string }>>();
  for (const { sectionId, id, ...paragraph } of paragraphs) {
    const list = bySection.get(sectionId) ?? [];
    list.push({ ...paragraph, text: translated.get(id) ?? paragraph.text });
    bySection.set(sectionId, list);
  }
  const document: ImportedDocument = {
    title: "",
    sections: sections.map((section) => ({
      number: section.number,
      heading: headings.get(section.id) ?? section.heading,
      level: section.level === 2 ? 2 : 1,
      paragraphs: bySection.get(section.id) ?? [],
    })),
  };
  return document;
}

/** Loads both versions and compares them, sections with their lineage; the JSON to store. Reads only (worker's job). */
async function computeComparison({ fromVersionId, toVersionId, language }: ComparisonJob): Promise<string> {
  const a = await loadDocumentForComparison({ versionId: fromVersionId, language });
  const b = await loadDocumentForComparison({ versionId: toVersionId, language });
  return JSON.stringify(documentComparisonPayload(a, b));
}

/** Stores a computed comparison in ComparisonCache (on the calling thread, never the worker's). */
async function storeComparison({ fromVersionId, toVersionId, algorithm }: ComparisonJob, result: string) {
  try {
    await prisma.comparisonCache.create({
      data: { fromVersionId, toVersionId, algorithm, result },
      select: { id: true },
    });
  } catch (error) {
    // Another instance stored the same pair first: same input, same result.
    if (!isUniqueViolation(error)) throw error;
  }
}

/**
 * Loads, compares, stores in ComparisonCache; returns the stored JSON. On
 * the calling thread: for scripts (imports) that have no event loop to
 * protect, and when no worker can start.
 */
export async function computeAndStore(job: ComparisonJob): Promise<string> {
  const result = await computeComparison(job);
  await storeComparison(job, result);
  return result;
}

// Worker side: answer jobs. The JSON crosses threads as one string copy.
if (!isMainThread && parentPort && (workerData as Record<string, unknown> | null)?.[WORKER_MARK] === true) {
  const port = parentPort;
  port.on("message", (job: Job) => {
    computeComparison(job).then(
      (json) => port.postMessage({ id: job.id, ok: true, json } satisfies Reply),
      (error: unknown) =>
        port.postMessage({
          id: job.id,
          ok: false,
          error: error instanceof Error ? error.message : String(error),
        } satisfies Reply),
    );
  });
  port.postMessage({ ready: true } satisfies Reply);
}

interface Pending extends Job {
  resolve: (json: string) => void;
  reject: (error: Error) => void;
  timer: NodeJS.Timeout;
}

interface Running {
  thread: Worker;
  /** Loaded and answering; a worker that dies before this never worked. */
  ready: boolean;
}

let current: Running | null = null;
/** Set when a worker could not even load: every job then runs inline. */
let unavailable = false;
let nextJobId = 1;
const pending = new Map<number, Pending>();
let idleTimer: NodeJS.Timeout | null = null;
const stats = { jobs: 0, inline: 0, workersStarted: 0, replies: 0 };

/** Comparisons computed since the process started, and where (for tests and metrics). */
export function comparisonWorkerStats() {
  return { ...stats };
}

function isTypeScriptSource(url: string) {
  return /\.tsx?(\?|$)/.test(url);
}

function runInline(job: Pending) {
  stats.inline++;
  computeAndStore(job).then(job.resolve, job.reject);
}

function startWorker(): Running {
  const self = import.meta.url;
  const data = { [WORKER_MARK]: true, entry: self };
  const thread = isTypeScriptSource(self)
    ? new Worker(
        // Evaluated as a CommonJS script: load tsx, then this module through it.
        `const { workerData } = require("node:worker_threads");
         import("tsx/esm/api")
           .then((api) => api.tsImport(workerData.entry, workerData.entry))
           .catch((error) => { console.error(error); process.exit(1); });`,
        { eval: true, workerData: data },
      )
    : new Worker(new URL(self), { workerData: data });
  stats.workersStarted++;
  const running: Running = { thread, ready: false };
  thread.on("message", (reply: Reply) => {
    if ("ready" in reply) {
      running.ready = true;
      return;
    }
    stats.replies++;
    const job = pending.get(reply.id);
    if (!job) return;
    pending.delete(reply.id);
    clearTimeout(job.timer);
    settle();
    if (!reply.ok) return job.reject(new Error(`Comparison failed: ${reply.error}`));
    storeComparison(job, reply.json).then(() => job.resolve(reply.json), job.reject);
  });
  const fail = (reason: string) => {
    if (current === running) current = null;
    if (!running.ready) {
      unavailable = true;
      logger.warn("comparison worker unavailable; comparing on the main thread", { reason });
    }
    for (const [id, job] of pending) {
      pending.delete(id);
      clearTimeout(job.timer);
      if (unavailable) runInline(job);
      else job.reject(new Error(`Comparison worker stopped: ${reason}`));
    }
  };
  thread.on("error", (error) => {
    logger.error("comparison worker failed", { error: error.message });
    fail(error.message);
  });
  thread.on("exit", (code) => {
    if (current === running) current = null;
    if (pending.size > 0) fail(`exit code ${code}`);
  });
  return running;
}

/** Keeps the process alive only while jobs are pending; stops an idle worker. */
function settle() {
  if (!current) return;
  if (pending.size > 0) {
    current.thread.ref();
    if (idleTimer) clearTimeout(idleTimer);
    idleTimer = null;
    return;
  }
  current.thread.unref();
  if (!idleTimer) {
    const idle = current;
    idleTimer = setTimeout(() => {
      idleTimer = null;
      if (current === idle && pending.size === 0) {
        current = null;
        void idle.thread.terminate();
      }
    }, IDLE_MS);
    idleTimer.unref();
  }
}

/**
 * Computes the comparison of two versions (by id) off the main thread,
 * stores it (from this thread) in ComparisonCache under `algorithm`, and returns the stored
 * JSON. Callers check the cache first and avoid concurrent duplicates.
 */
export function computeComparisonOffThread(job: ComparisonJob): Promise<string> {
  stats.jobs++;
  return new Promise<string>((resolve, reject) => {
    const id = nextJobId++;
    const pendingJob: Pending = { ...job, id, resolve, reject, timer: undefined as unknown as NodeJS.Timeout };
    if (unavailable) return runInline(pendingJob);
    let running: Running;
    try {
      running = current ??= startWorker();
    } catch (error) {
      unavailable = true;
      logger.warn("comparison worker unavailable; comparing on the main thread", {
        reason: error instanceof Error ? error.message : String(error),
      });
      return runInline(pendingJob);
    }
    pendingJob.timer = setTimeout(() => {
      if (!pending.delete(id)) return;
      if (current === running) current = null;
      void running.thread.terminate();
      reject(new Error(`Comparison took longer than ${JOB_TIMEOUT_MS / 1000} s and was abandoned`));
    }, JOB_TIMEOUT_MS);
    pendingJob.timer.unref();
    pending.set(id, pendingJob);
    settle();
    running.thread.postMessage({ ...job, id } satisfies Job);
  });
}
