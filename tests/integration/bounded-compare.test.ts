/**
 * A comparison of two 40,000-paragraph versions costs one page per request
 * (docs/decisions/0017-bounded-reader-pages.md): computed once on the
 * worker, prepared (parsed and indexed) once per process, then each page
 * builds its own rows only. The exports are built once and kept.
 */
import { beforeAll, describe, expect, it } from "vitest";

import { ROWS_PER_PAGE } from "~/lib/compare/page";
import { PAGE_CACHE_HEADER } from "~/lib/page-cache";
import { comparisonExportStats } from "~/models/comparison-exports.server";
import { comparisonPageStats, getComparisonPage } from "~/models/comparison.server";
import {
  loader as compareLoader,
  headers as compareHeaders,
  meta as compareMeta,
} from "~/routes/consultations.$slug.compare.$range";
import { loader as docxLoader } from "~/routes/consultations.$slug.compare.$range_.export[.]docx";
import { loader as htmlLoader } from "~/routes/consultations.$slug.compare.$range_.export[.]html";
import { prisma } from "~/utils/db.server";

import { createLongComparison, LONG_FIXTURE_TIMEOUT_MS } from "../fixtures/long-document";

type Long = Awaited<ReturnType<typeof createLongComparison>>;
let long: Long;

interface PageData {
  groups: Array<{ rows: Array<{ anchor: string; isChange: boolean; kind: string }> }>;
  totals: Record<string, number>;
  paging: {
    current: number;
    count: number;
    pages: Array<{ continued: boolean }>;
    adjacent: { previous: { page: number } | null; next: { page: number } | null };
  } | null;
}

const context = { cspNonce: "", requestId: "test", clientAddress: "127.0.0.1" };

function ask(query: string) {
  const slug = long.consultation.slug;
  return compareLoader({
    request: new Request(`http://localhost/consultations/${slug}/compare/1...2${query}`),
    params: { slug, range: "1...2" },
    context,
  }) as unknown as Promise<{ data: PageData }>;
}

/** A page of the comparison, its rows, its loader data's size and the time it took. */
async function comparePage(query: string) {
  const started = performance.now();
  const { data } = await ask(query);
  const rows = data.groups.flatMap((group) => group.rows);
  return { data, rows, bytes: JSON.stringify(data).length, ms: performance.now() - started };
}

/** Where a request that redirects leads. */
async function redirectOf(query: string) {
  try {
    await ask(query);
  } catch (thrown) {
    if (thrown instanceof Response) return thrown.headers.get("location") ?? "";
    throw thrown;
  }
  throw new Error(`no redirect for ${query}`);
}

async function numberOf(key: string) {
  const paragraph = await prisma.paragraph.findFirstOrThrow({ where: { versionId: long.to.id, key } });
  return paragraph.number!;
}

describe("the comparison of two 40,000-paragraph versions", () => {
  beforeAll(async () => {
    long = await createLongComparison();
  }, LONG_FIXTURE_TIMEOUT_MS);

  it(
    "is prepared on the worker: a page asked for before it is ready answers 'preparing' at once",
    async () => {
      const query = { slug: long.consultation.slug, from: 1, to: 2, actor: null, changesOnly: false, goto: null };
      const early = await getComparisonPage({ ...query, page: null, waitMs: 0 });
      expect(early?.status).toBe("preparing");

      const before = comparisonPageStats();
      const started = performance.now();
      const first = await getComparisonPage({ ...query, page: null, waitMs: LONG_FIXTURE_TIMEOUT_MS });
      expect(first?.status).toBe("ready");
      const prepared = comparisonPageStats();
      console.log(`first page (computation finishing + prepare): ${(performance.now() - started).toFixed(0)} ms`);
      expect(prepared.indexed).toBe(before.indexed + 1);
      expect(prepared.rowsIndexed - before.rowsIndexed).toBeGreaterThan(40_000);
    },
    LONG_FIXTURE_TIMEOUT_MS,
  );

  it(
    "answers with a 'being prepared' page that refreshes itself (503, Retry-After, never kept)",
    async () => {
      const slug = long.consultation.slug;
      process.env.COMPARISON_PREPARING_WAIT_MS = "0";
      try {
        // 2...1 was never asked for: its computation starts now, on the worker.
        const answer = (await compareLoader({
          request: new Request(`http://localhost/consultations/${slug}/compare/2...1`),
          params: { slug, range: "2...1" },
          context,
        })) as unknown as { data: { preparing: boolean; metaTitle: string }; init: ResponseInit };
        expect(answer.data.preparing).toBe(true);
        expect(answer.init.status).toBe(503);
        const loaderHeaders = new Headers(answer.init.headers);
        expect(loaderHeaders.get("Retry-After")).toBe("3");
        expect(loaderHeaders.get(PAGE_CACHE_HEADER)).toBeNull();
        const headers = new Headers(
          compareHeaders({
            loaderHeaders,
            parentHeaders: new Headers(),
            actionHeaders: new Headers(),
            errorHeaders: undefined,
          }),
        );
        expect(headers.get("Cache-Control")).toBe("no-store");
        const meta = compareMeta({ data: answer.data, matches: [] } as unknown as Parameters<typeof compareMeta>[0]);
        expect(meta).toContainEqual({ httpEquiv: "refresh", content: "3" });
      } finally {
        delete process.env.COMPARISON_PREPARING_WAIT_MS;
      }
      const ready = await getComparisonPage({
        slug,
        from: 2,
        to: 1,
        actor: null,
        changesOnly: false,
        page: null,
        goto: null,
        waitMs: LONG_FIXTURE_TIMEOUT_MS,
      });
      expect(ready?.status).toBe("ready");
    },
    LONG_FIXTURE_TIMEOUT_MS,
  );

  it(
    "serves each page under 1.5 MB with at most 400 rows; a next page builds its own rows only",
    { timeout: 60_000 },
    async () => {
      const before = comparisonPageStats();
      const first = await comparePage("");
      const afterFirst = comparisonPageStats();
      const second = await comparePage("?page=50");
      const afterSecond = comparisonPageStats();
      expect(first.data.paging?.count).toBeGreaterThan(90);
      expect(second.data.paging?.current).toBe(50);
      for (const page of [first, second]) {
        expect(page.rows.length).toBeGreaterThan(0);
        expect(page.rows.length).toBeLessThanOrEqual(ROWS_PER_PAGE);
        expect(page.bytes).toBeLessThan(1_500_000);
      }
      // Nothing is parsed or indexed again: a page costs its rows.
      expect(afterSecond.indexed).toBe(before.indexed);
      expect(afterSecond.rowsBuilt - afterFirst.rowsBuilt).toBe(second.rows.length);
      expect(first.data.totals).toMatchObject(long.expected);
      expect(second.data.paging?.adjacent.previous?.page).toBeLessThanOrEqual(50);
      expect(second.data.paging?.adjacent.next?.page).toBeGreaterThanOrEqual(50);
      // Every page, including the four of the 1,500-row section, is within the bound.
      expect(first.data.paging?.pages.filter((page) => page.continued)).toHaveLength(3);
      let largest = 0;
      for (let number = 2; number <= first.data.paging!.count; number++) {
        const page = await comparePage(`?page=${number}`);
        expect(page.rows.length).toBeLessThanOrEqual(ROWS_PER_PAGE);
        largest = Math.max(largest, page.bytes);
      }
      expect(largest).toBeLessThan(1_500_000);
      console.log(
        `40k comparison: largest page ${largest} bytes; page 1: ${first.bytes} bytes, ${first.ms.toFixed(0)} ms; ` +
          `page 50: ${second.bytes} bytes, ${second.ms.toFixed(0)} ms`,
      );
    },
  );

  it("'changes only' pages hold changes only, and go to paragraph leads to a later page in either view", async () => {
    const changes = await comparePage("?only=changes");
    expect(changes.rows.every((row) => row.isChange)).toBe(true);
    expect(changes.rows.length).toBeLessThanOrEqual(ROWS_PER_PAGE);
    const count = changes.data.paging?.count ?? 1;
    expect(count).toBeGreaterThan(1);
    expect(count).toBeLessThan(10);

    // k30307 is reworded (30307 % 101 === 7), deep in the document.
    const number = await numberOf("k30307");
    for (const view of ["", "only=changes&"]) {
      const target = await redirectOf(`?${view}goto=${encodeURIComponent(number)}`);
      expect(target).toMatch(/[?&]page=(\d+)#ch-k30307$/);
      expect(Number(/page=(\d+)/.exec(target)![1])).toBeGreaterThan(1);
      const page = await comparePage(target.slice(target.indexOf("?")).replace(/#.*$/, ""));
      expect(page.rows.map((row) => row.anchor)).toContain("ch-k30307");
      expect(page.bytes).toBeLessThan(1_500_000);
    }
    // 4.1400 is in the fourth page of section 4 (1,500 rows, split): the page that holds it.
    const deep = await redirectOf("?goto=4.1400");
    expect(deep).toMatch(/[?&]page=\d+#ch-k2569$/);
    const split = await comparePage(deep.slice(deep.indexOf("?")).replace(/#.*$/, ""));
    expect(split.rows.map((row) => row.anchor)).toContain("ch-k2569");
    expect(split.data.paging?.pages[split.data.paging.current - 1].continued).toBe(true);
  });

  it(
    "builds each export once and serves it again from memory",
    async () => {
      const slug = long.consultation.slug;
      for (const [name, loader, path] of [
        ["html", htmlLoader, "export.html"],
        ["docx", docxLoader, "export.docx"],
      ] as const) {
        const download = async () => {
          const started = performance.now();
          const response = await loader({
            request: new Request(`http://localhost/consultations/${slug}/compare/1...2/${path}`),
            params: { slug, range: "1...2" },
            context,
          });
          const bytes = (await response.arrayBuffer()).byteLength;
          return { bytes, ms: performance.now() - started };
        };
        const before = comparisonExportStats();
        const first = await download();
        const second = await download();
        const after = comparisonExportStats();
        expect(after.builds - before.builds).toBe(1);
        expect(after.hits - before.hits).toBe(1);
        expect(second.bytes).toBe(first.bytes);
        console.log(`${name} export: ${first.bytes} bytes, ${first.ms.toFixed(0)} ms, then ${second.ms.toFixed(0)} ms`);
      }
    },
    LONG_FIXTURE_TIMEOUT_MS,
  );
});
