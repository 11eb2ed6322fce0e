import { beforeAll, describe, expect, it } from "vitest";

import { PAGE_BUDGET } from "~/lib/document-pages";
import { loader } from "~/routes/consultations.$slug.versions.$n";

import { createLongDocument, LONG_FIXTURE_TIMEOUT_MS } from "../fixtures/long-document";

type Long = Awaited<ReturnType<typeof createLongDocument>>;
let long: Long;

async function read(query: string) {
  const url = `http://localhost/consultations/${long.consultation.slug}/versions/1${query}`;
  const started = performance.now();
  try {
    const answer = (await loader({
      request: new Request(url),
      params: { slug: long.consultation.slug, n: "1" },
      context: { cspNonce: "", requestId: "test", clientAddress: "127.0.0.1" },
    })) as unknown as { data: { paragraphs: unknown[]; paging: { current: number; count: number } | null } };
    return { data: answer.data, ms: performance.now() - started, bytes: JSON.stringify(answer.data).length };
  } catch (thrown) {
    if (thrown instanceof Response) return { redirect: thrown.headers.get("location"), ms: 0, bytes: 0 };
    throw thrown;
  }
}

describe("a 40,000-paragraph version is read page by page", () => {
  beforeAll(async () => {
    long = await createLongDocument();
  }, LONG_FIXTURE_TIMEOUT_MS);

  it("page 1 holds at most the budget, in bounded bytes and time", async () => {
    await read(""); // the outline is read once per process
    const first = await read("");
    expect(first.data?.paging?.current).toBe(1);
    expect(first.data?.paging?.count).toBeGreaterThan(90);
    expect(first.data?.paragraphs.length).toBeLessThanOrEqual(PAGE_BUDGET.paragraphs);
    expect(first.data?.paragraphs.length).toBeGreaterThan(0);
    expect(first.bytes).toBeLessThan(400_000);
    expect(first.ms).toBeLessThan(2_000);
    console.log(`40k reader page 1: ${first.bytes} bytes of loader data in ${first.ms.toFixed(0)} ms`);
  });

  it("?at=<a deep paragraph> leads to the page holding it, which holds at most the budget", async () => {
    const deep = await read("?at=k39000");
    expect(deep.redirect).toMatch(/\?page=\d+#p-k39000$/);
    const page = await read(deep.redirect!.replace(/^.*(\?page=\d+)#.*$/, "$1"));
    const keys = (page.data?.paragraphs as Array<{ key: string }>).map((paragraph) => paragraph.key);
    expect(keys).toContain("k39000");
    expect(keys.length).toBeLessThanOrEqual(PAGE_BUDGET.paragraphs);
    expect(page.ms).toBeLessThan(2_000);
  });

  it("?p=<key> opens the page holding it with its panel; a section above the budget is split", async () => {
    const opened = await read("?p=k2000");
    const keys = (opened.data?.paragraphs as Array<{ key: string }>).map((paragraph) => paragraph.key);
    expect(keys).toContain("k2000");
    expect(keys.length).toBeLessThanOrEqual(PAGE_BUDGET.paragraphs);
  });

  it("go to paragraph by number leads to its page; a junk page number is the first page", async () => {
    const jump = await read("?goto=50.3");
    expect(jump.redirect).toMatch(/\?page=\d+#p-k\d+$/);
    const junk = await read("?page=999999&junk=1");
    expect(junk.data?.paging?.current).toBe(1);
  });
});
