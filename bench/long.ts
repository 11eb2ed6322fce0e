/**
 * Huge documents bounded (issue #17): the reader and the comparison of a
 * 40,000-paragraph version, served by the production build
 * (`node build/server.js`, WEB_CONCURRENCY=2 as deployed) on loopback.
 *
 * The data are the integration tests' fixtures (tests/fixtures/long-document.ts):
 * one 40,000-paragraph version and one pair of them (the second edited
 * throughout, not yet compared), beside the demo seed for its delegate.
 *
 * For the reader's first, middle and last page and the comparison's first
 * and middle page: time to first and to last byte (median of
 * {@link RUNS} sequential requests after one warm-up request per worker),
 * HTML bytes as sent (gzip) and unpacked, server CPU per request;
 * anonymous (page cache on, the default, and PAGE_CACHE=off, where every
 * request renders) and signed in as the demo delegate (never cached). The
 * first requests of a fresh server (nothing read yet, the comparison not
 * computed) are measured separately.
 *
 * `npm run bench -- long`. SQLite only (the bench's throwaway database).
 */
import http from "node:http";
import os from "node:os";
import zlib from "node:zlib";

import { buildIfStale } from "../scripts/lib/build.mjs";
import { DEMO_PASSWORD, signIn, startServer, type RunningServer } from "../tests/system/harness";
import { mb, ms, summarize } from "./measure";
import { tableRow } from "./report";

import type { BenchArea } from "./run";

const WORKERS = 2;
/** Measured requests per page and visitor, after one warm-up request per worker. */
const RUNS = 7;
const TARGETS = { firstByteMs: 200, pageBytes: 3 * 1024 ** 2 };
const check = (ok: boolean) => (ok ? "✓" : "✗");

interface Answer {
  status: number;
  location: string | null;
  firstByteMs: number;
  lastByteMs: number;
  /** Bytes of the body as sent (gzip when the server compressed it). */
  wireBytes: number;
  html: string;
  /** The HTML gzipped (as sent, or compressed here when the server sent it plain). */
  gzipBytes: number;
}

/**
 * One GET over a fresh connection, timed from the request to the response
 * head (first byte) and to the body's end (last byte). Accepts gzip as a
 * browser does; the body is unpacked after the clock stops.
 */
function get(url: string, cookie?: string): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const request = http.get(
      url,
      {
        agent: false,
        headers: {
          "accept-encoding": "gzip",
          "accept-language": "en-GB,en;q=0.9",
          ...(cookie ? { cookie } : {}),
        },
      },
      (response) => {
        const firstByteMs = performance.now() - started;
        const chunks: Buffer[] = [];
        response.on("data", (chunk: Buffer) => chunks.push(chunk));
        response.on("error", reject);
        response.on("end", () => {
          const lastByteMs = performance.now() - started;
          const body = Buffer.concat(chunks);
          const gzipped = response.headers["content-encoding"] === "gzip";
          const html = (gzipped ? zlib.gunzipSync(body) : body).toString("utf8");
          resolve({
            status: response.statusCode ?? 0,
            location: response.headers.location ?? null,
            firstByteMs,
            lastByteMs,
            wireBytes: body.length,
            html,
            gzipBytes: gzipped ? body.length : zlib.gzipSync(html).length,
          });
        });
      },
    );
    request.on("error", reject);
  });
}

/** The number of pages a paged reader or comparison page links to (its page list). */
function pageCountOf(html: string) {
  const numbers = [...html.matchAll(/[?&](?:amp;)?page=(\d+)/g)].map((match) => Number(match[1]));
  if (numbers.length === 0) throw new Error("no page list on a page that should be paged");
  return Math.max(...numbers);
}

/** Paragraphs on a reader page (`id="p-…"`), rows on a comparison page (`id="ch-…"`). */
const countOf = (html: string, prefix: "p" | "ch") => new Set(html.match(new RegExp(`id="${prefix}-[^"]+"`, "g"))).size;

interface Series {
  page: string;
  visitor: string;
  items: string;
  firstByteMs: number;
  lastByteMs: number;
  htmlBytes: number;
  gzipBytes: number;
  cpuMsPerRequest: number;
}

/** One warm-up request per worker, then {@link RUNS} sequential ones, each checked to be the page (200). */
async function series(
  server: RunningServer,
  {
    page,
    visitor,
    path,
    cookie,
    prefix,
  }: { page: string; visitor: string; path: string; cookie?: string; prefix: "p" | "ch" },
): Promise<Series> {
  const fetchPage = async () => {
    const answer = await get(server.url + path, cookie);
    if (answer.status !== 200) throw new Error(`${visitor} GET ${path}: ${answer.status} ${answer.location ?? ""}`);
    return answer;
  };
  // A worker that has not prepared the comparison yet answers "being prepared" (503) until it has: warm-up only.
  for (let k = 0; k < WORKERS; k++) {
    for (let tries = 0; (await get(server.url + path, cookie)).status === 503; tries++) {
      if (tries > 60) throw new Error(`${visitor} GET ${path}: still 503 after a minute`);
      await new Promise((resolve) => setTimeout(resolve, 1_000));
    }
  }
  const cpuBefore = server.cpuTimeMs() ?? NaN;
  const answers: Answer[] = [];
  for (let k = 0; k < RUNS; k++) answers.push(await fetchPage());
  const cpuMs = (server.cpuTimeMs() ?? NaN) - cpuBefore;
  const last = answers[answers.length - 1];
  return {
    page,
    visitor,
    items: countOf(last.html, prefix).toLocaleString("en"),
    firstByteMs: summarize(answers.map((answer) => answer.firstByteMs)).median,
    lastByteMs: summarize(answers.map((answer) => answer.lastByteMs)).median,
    htmlBytes: Buffer.byteLength(last.html),
    gzipBytes: last.gzipBytes,
    cpuMsPerRequest: Math.round((cpuMs / RUNS) * 10) / 10,
  };
}

interface Cold {
  request: string;
  answer: Answer;
  note: string;
}

const bytes = (value: number) => (value < 1024 ** 2 ? `${Math.round(value / 1024)} KB` : mb(value));

function report({
  fixture,
  warm,
  cold,
  pages,
  loadAverage,
}: {
  fixture: string;
  warm: Series[];
  cold: Cold[];
  pages: { reader: number; comparison: number };
  loadAverage: number;
}) {
  const lines = [
    [
      `Production build (\`node build/server.js\`) with \`WEB_CONCURRENCY=${WORKERS}\` on loopback, SQLite,`,
      "requests sent one at a time from the same machine (each on a new connection, `Accept-Encoding: gzip`).",
    ].join(" "),
    fixture,
    `The reader has ${pages.reader} pages, the comparison ${pages.comparison} ` +
      "(docs/decisions/0017-bounded-reader-pages.md).",
    "",
    `### Pages, warm (median of ${RUNS} sequential requests after one warm-up request per worker)`,
    "",
    "| page | visitor | paragraphs / rows | first byte | last byte | HTML | gzip | server CPU / request | " +
      `first byte < ${TARGETS.firstByteMs} ms | page < ${mb(TARGETS.pageBytes)} |`,
    "|---|---|---:|---:|---:|---:|---:|---:|---|---|",
  ];
  for (const s of warm) {
    lines.push(
      tableRow([
        s.page,
        s.visitor,
        s.items,
        ms(s.firstByteMs),
        ms(s.lastByteMs),
        bytes(s.htmlBytes),
        bytes(s.gzipBytes),
        ms(s.cpuMsPerRequest),
        check(s.firstByteMs < TARGETS.firstByteMs),
        check(s.htmlBytes < TARGETS.pageBytes),
      ]),
    );
  }
  lines.push(
    "",
    "### First requests of a fresh server",
    "",
    `| request | status | first byte | last byte | HTML | first byte < ${TARGETS.firstByteMs} ms | ` +
      `page < ${mb(TARGETS.pageBytes)} | |`,
    "|---|---:|---:|---:|---:|---|---|---|",
  );
  for (const c of cold) {
    const a = c.answer;
    const html = Buffer.byteLength(a.html);
    lines.push(
      tableRow([
        c.request,
        a.status,
        ms(a.firstByteMs),
        ms(a.lastByteMs),
        bytes(html),
        check(a.firstByteMs < TARGETS.firstByteMs),
        check(html < TARGETS.pageBytes),
        c.note,
      ]),
    );
  }
  const allWarm = warm.every((s) => s.firstByteMs < TARGETS.firstByteMs && s.htmlBytes < TARGETS.pageBytes);
  lines.push(
    "",
    `Warm pages: every first byte < ${TARGETS.firstByteMs} ms and every page < ${mb(TARGETS.pageBytes)}: ` +
      `${check(allWarm)}. Load average at the end: ${loadAverage} on ${os.cpus().length} CPUs ` +
      "(above the CPU count, the server waited for a CPU and every time includes that wait).",
    "Anonymous (page cache): the default, a rendering kept 2 s (docs/decisions/0008-public-page-micro-cache.md), so " +
      "the measured requests are mostly served from it; PAGE_CACHE=off renders every request, as a signed-in " +
      "request always does. Server CPU / request: user + system CPU time of the server's processes over the " +
      `${RUNS} measured requests, divided by ${RUNS} (10 ms clock ticks: ± 1.5 ms). HTML: the document as ` +
      "unpacked, loader data for hydration included; gzip: as sent.",
    "A comparison not computed yet is computed on a worker thread; a request waits up to 4 s for it " +
      "(COMPARISON_PREPARING_WAIT_MS) and then answers a 503 “being prepared” page that asks again every 3 s.",
  );
  return lines.join("\n");
}

export const longArea: BenchArea = {
  name: "long",
  title: "Huge documents (40,000 paragraphs)",
  async run(log) {
    buildIfStale({ quiet: true });
    const databaseUrl = process.env.DATABASE_URL;
    if (!databaseUrl) throw new Error("the bench runner sets DATABASE_URL to its throwaway database");
    const { seed } = await import("../prisma/seed");
    const { createLongComparison, createLongDocument } = await import("../tests/fixtures/long-document");
    const { prisma } = await import("~/utils/db.server");
    let started = performance.now();
    await seed({ quiet: true });
    const document = await createLongDocument();
    const pair = await createLongComparison();
    await prisma.$disconnect();
    const buildMs = performance.now() - started;
    log(`fixtures built in ${ms(buildMs)}`);
    const fixture =
      `Data: the demo seed, \`createLongDocument()\` (${document.paragraphCount.toLocaleString("en")} paragraphs ` +
      `in ${document.sectionCount} sections) and \`createLongComparison()\` (40,000 → ` +
      `${(40_000 - pair.expected.deleted + pair.expected.added).toLocaleString("en")} paragraphs: ` +
      `${pair.expected.deleted} deleted, ${pair.expected.modified} reworded, ${pair.expected.added} inserted), ` +
      `built in ${ms(buildMs)}.`;
    const reader = `/consultations/${document.consultation.slug}/versions/1`;
    const comparison = `/consultations/${pair.consultation.slug}/compare/1...2`;
    const start = (env: Record<string, string> = {}) =>
      startServer({ databaseUrl, env: { WEB_CONCURRENCY: String(WORKERS), ...env }, timeoutMs: 120_000 });

    const cold: Cold[] = [];
    const warm: Series[] = [];
    let server = await start();
    let pages: { reader: number; comparison: number };
    let delegate: string;
    try {
      // The comparison was never asked for: this request starts its computation.
      started = performance.now();
      let answer = await get(server.url + comparison);
      cold.push({
        request: "comparison, first page, not computed yet (nothing in ComparisonCache)",
        answer,
        note: answer.status === 503 ? "“being prepared”" : "",
      });
      while (answer.status === 503) {
        if (performance.now() - started > 300_000) throw new Error("the comparison was not ready after 5 minutes");
        await new Promise((resolve) => setTimeout(resolve, 500));
        answer = await get(server.url + comparison);
      }
      if (answer.status !== 200) throw new Error(`GET ${comparison}: ${answer.status}`);
      cold.push({
        request: "comparison, first page, once computed",
        answer,
        note: `ready ${ms(performance.now() - started)} after the first request (asking again every 0.5 s)`,
      });
      log(`comparison ready after ${ms(performance.now() - started)}`);
      const readerFirst = await get(server.url + reader);
      if (readerFirst.status !== 200) throw new Error(`GET ${reader}: ${readerFirst.status}`);
      cold.push({
        request: "reader, first page, first request (the version's outline not read yet)",
        answer: readerFirst,
        note: "",
      });
      pages = { reader: pageCountOf(readerFirst.html), comparison: pageCountOf(answer.html) };
      delegate = await signIn(server.url, "delegate@demo.test", DEMO_PASSWORD);
    } catch (error) {
      await server.stop();
      // A 500 or a refusal: what the server logged says why.
      throw new Error(`${String(error)}\n--- server output ---\n${server.output.slice(-40).join("")}`);
    }

    const readerMiddle = Math.ceil(pages.reader / 2);
    const comparisonMiddle = Math.ceil(pages.comparison / 2);
    const targets = [
      { page: "reader, first page", path: reader, prefix: "p" as const },
      { page: `reader, page ${readerMiddle}`, path: `${reader}?page=${readerMiddle}`, prefix: "p" as const },
      { page: `reader, page ${pages.reader} (last)`, path: `${reader}?page=${pages.reader}`, prefix: "p" as const },
      { page: "comparison, first page", path: comparison, prefix: "ch" as const },
      {
        page: `comparison, page ${comparisonMiddle}`,
        path: `${comparison}?page=${comparisonMiddle}`,
        prefix: "ch" as const,
      },
    ];

    const measureAll = async (visitor: string, cookie?: string) => {
      for (const target of targets) {
        const s = await series(server, { ...target, visitor, cookie });
        warm.push(s);
        log(
          `${target.page}, ${visitor}: first byte ${ms(s.firstByteMs)}, last ${ms(s.lastByteMs)}, ` +
            bytes(s.htmlBytes),
        );
      }
    };
    try {
      await measureAll("anonymous (page cache)");
      await measureAll("delegate, signed in", delegate);
    } finally {
      await server.stop();
    }

    // A fresh server without the page cache: what every rendering costs, and a new process's first requests.
    server = await start({ PAGE_CACHE: "off" });
    try {
      const comparisonFirst = await get(server.url + comparison);
      cold.push({
        request: "comparison, first page, new process (computed: in ComparisonCache)",
        answer: comparisonFirst,
        note: "parsed and indexed once per process",
      });
      const readerFirst = await get(server.url + reader);
      cold.push({
        request: "reader, first page, new process",
        answer: readerFirst,
        note: "outline read once per process",
      });
      await measureAll("anonymous, PAGE_CACHE=off");
    } finally {
      await server.stop();
    }
    const order = ["anonymous (page cache)", "anonymous, PAGE_CACHE=off", "delegate, signed in"];
    warm.sort(
      (x, y) =>
        targets.findIndex((t) => t.page === x.page) - targets.findIndex((t) => t.page === y.page) ||
        order.indexOf(x.visitor) - order.indexOf(y.visitor),
    );
    return report({ fixture, warm, cold, pages, loadAverage: Math.round(os.loadavg()[0] * 10) / 10 });
  },
};
