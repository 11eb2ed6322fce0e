import { describe, expect, it } from "vitest";

import { PAGE_VARY, PageCache, pageCacheLanguage, pageCacheUrl } from "./page-cache";

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

describe("the page cache and the reader's language", () => {
  const french = { cookie: "lng=fr", acceptLanguage: "en-GB,en;q=0.9" };
  const english = { cookie: null, acceptLanguage: "en-GB,en;q=0.9" };

  it("keys by the language the page is rendered in: the lng cookie first, then Accept-Language", () => {
    expect(pageCacheLanguage(french)).toBe("fr");
    expect(pageCacheLanguage(english)).toBe("en");
    expect(pageCacheLanguage({ acceptLanguage: "ar-EG,ar;q=0.8" })).toBe("ar");
    expect(pageCacheLanguage({ cookie: "lng=xx", acceptLanguage: "de-DE" })).toBe("en");
    const path = "/consultations/gca/versions/1";
    expect(PageCache.key(path, pageCacheLanguage(french))).not.toBe(PageCache.key(path, pageCacheLanguage(english)));
  });

  it("shares one page between spellings of the same language (a forged header cannot force renders)", () => {
    const path = "/consultations/gca/versions/1";
    const keys = ["fr", "fr-CA", "fr-FR,fr;q=0.9", "de;q=0.9,fr", "x".repeat(500) + ",fr"].map((acceptLanguage) =>
      PageCache.key(path, pageCacheLanguage({ acceptLanguage })),
    );
    expect(new Set(keys).size).toBe(1);
  });

  it("never serves a French reader's page to an English reader of the same address", async () => {
    const cache = new PageCache();
    const render = (lang: string) => () =>
      Promise.resolve(
        new Response(`<html lang="${lang}"></html>`, {
          headers: { "content-type": "text/html", "x-page-cache-ttl": "5" },
        }),
      );
    const path = "/consultations/gca/versions/1";
    await cache.respond(PageCache.key(path, pageCacheLanguage(french)), render("fr"));
    const answer = await cache.respond(PageCache.key(path, pageCacheLanguage(english)), render("en"));
    expect(answer.state).toBe("miss");
    const again = await cache.respond(PageCache.key(path, pageCacheLanguage(english)), render("en"));
    expect(again.state === "hit" && again.page.identity.toString()).toBe('<html lang="en"></html>');
  });

  it("tells other caches what a page varies by", () => {
    expect(PAGE_VARY.split(/,\s*/)).toEqual(expect.arrayContaining(["Accept-Encoding", "Accept-Language", "Cookie"]));
  });
});
