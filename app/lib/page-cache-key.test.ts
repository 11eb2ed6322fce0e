import { describe, expect, it } from "vitest";

import { PageCache, pageCacheUrl } from "./page-cache";

describe("pageCacheUrl", () => {
  it("keeps only the parameters a reader page reads, sorted, first value of each", () => {
    expect(pageCacheUrl("/consultations/gca/versions/1?junk=1")).toBe("/consultations/gca/versions/1");
    expect(pageCacheUrl("/consultations/gca/versions/1?page=3&junk=1&p=k9&p=k10")).toBe(
      "/consultations/gca/versions/1?p=k9&page=3",
    );
    expect(pageCacheUrl("/consultations/gca/versions/1?at=k1&_=2")).toBe("/consultations/gca/versions/1?at=k1");
  });

  it("keeps the comparison's view, filter, jump and page, and the dispositions' version and page", () => {
    expect(pageCacheUrl("/consultations/gca/compare/1...2?x=1&view=side&page=2&only=changes")).toBe(
      "/consultations/gca/compare/1...2?only=changes&page=2&view=side",
    );
    const dispositions = "/consultations/gca/dispositions";
    expect(pageCacheUrl(`${dispositions}?v=2&utm_source=x`)).toBe(`${dispositions}?v=2`);
    expect(pageCacheUrl("/consultations/gca/compare/1...2/export.html?download=1&n=4")).toBe(
      "/consultations/gca/compare/1...2/export.html?download=1",
    );
  });

  it("keeps the whole query, sorted, of a page it does not know", () => {
    expect(pageCacheUrl("/consultations?b=2&a=1&a=0")).toBe("/consultations?a=1&a=0&b=2");
  });

  it("so a junk query string reaches the same kept page", async () => {
    const cache = new PageCache();
    let renders = 0;
    const render = () => {
      renders++;
      return Promise.resolve(
        new Response("<p>page</p>", { headers: { "content-type": "text/html", "x-page-cache-ttl": "5" } }),
      );
    };
    await cache.respond(PageCache.key("/consultations/gca/versions/1?page=2", "en"), render);
    const junk = await cache.respond(PageCache.key("/consultations/gca/versions/1?junk=1&page=2", "en"), render);
    const other = await cache.respond(PageCache.key("/consultations/gca/versions/1?junk=2&page=2&zz", "en"), render);
    expect([junk.state, other.state]).toEqual(["hit", "hit"]);
    expect(renders).toBe(1);
  });
});
