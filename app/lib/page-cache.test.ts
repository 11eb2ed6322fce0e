import crypto from "node:crypto";
import zlib from "node:zlib";

import { describe, expect, it } from "vitest";

import { cachedPagePolicy, cacheableTtlMs, inlineScriptHashes, PAGE_CACHE_HEADER, PageCache } from "./page-cache";

const POLICY = "default-src 'self';script-src 'self' 'nonce-FIRST==';script-src-attr 'none';style-src 'self'";

function page(
  nonce: string,
  {
    ttl = "2",
    status = 200,
    type = "text/html; charset=utf-8",
    cookie,
  }: { ttl?: string | null; status?: number; type?: string; cookie?: string } = {},
) {
  const headers = new Headers({ "Content-Type": type });
  if (ttl !== null) headers.set(PAGE_CACHE_HEADER, ttl);
  if (cookie) headers.append("Set-Cookie", cookie);
  const html =
    `<!DOCTYPE html><html><body><p>Paragraph 2.9 a.</p><script nonce="${nonce}">window.__ctx = {"a":1};</script>` +
    `<script nonce="${nonce}" type="module" async="">import("/build/entry.js");</script>` +
    `<script src="/build/x.js" nonce="${nonce}"></script></body></html>`;
  return new Response(html, { status, headers });
}

function sha256(text: string) {
  return `'sha256-${crypto.createHash("sha256").update(text, "utf8").digest("base64")}'`;
}

describe("inlineScriptHashes and cachedPagePolicy", () => {
  it("hashes the text of each inline script the app emitted with its nonce, not scripts loaded by src", () => {
    const html =
      `<script nonce="n">window.__ctx = {"a":1};</script>` +
      `<SCRIPT type="module" NONCE='n'>import("/é.js");</SCRIPT><script src="/x.js" nonce="n"></script>`;
    expect(inlineScriptHashes(html, "n")).toEqual([sha256(`window.__ctx = {"a":1};`), sha256(`import("/é.js");`)]);
  });

  it("gives no hash to an inline script without the render's nonce (an injection stays refused when cached)", () => {
    const html =
      `<script nonce="n">window.__ctx = 1;</script><p><script>alert(1)</script></p>` +
      `<script nonce="guess">alert(2)</script><script nonce=n-x>alert(3)</script>`;
    expect(inlineScriptHashes(html, "n")).toEqual([sha256(`window.__ctx = 1;`)]);
    expect(inlineScriptHashes(html, "")).toEqual([]);
  });

  it("replaces the request's nonce with the page's hashes and keeps the rest of the policy", () => {
    const policy = cachedPagePolicy(POLICY, { scriptHashes: ["'sha256-A'", "'sha256-B'"] });
    expect(policy).toBe(
      "default-src 'self';script-src 'self' 'sha256-A' 'sha256-B';script-src-attr 'none';style-src 'self'",
    );
    expect(cachedPagePolicy(POLICY, { scriptHashes: [] })).toBe(
      "default-src 'self';script-src 'self';script-src-attr 'none';style-src 'self'",
    );
  });
});

describe("cacheableTtlMs", () => {
  it("keeps only 200 HTML answers that asked for it and set no cookie", () => {
    expect(cacheableTtlMs(page("n"))).toBe(2000);
    expect(cacheableTtlMs(page("n", { ttl: "3600" }))).toBe(60_000);
    expect(cacheableTtlMs(page("n", { ttl: null }))).toBe(0);
    expect(cacheableTtlMs(page("n", { ttl: "soon" }))).toBe(0);
    expect(cacheableTtlMs(page("n", { status: 404 }))).toBe(0);
    expect(cacheableTtlMs(page("n", { type: "text/x-script" }))).toBe(0);
    expect(cacheableTtlMs(page("n", { cookie: "consult_session=; Max-Age=0" }))).toBe(0);
  });
});

describe("PageCache", () => {
  it("renders once, then serves the kept page in every encoding with hashes that match its scripts", async () => {
    const cache = new PageCache();
    let renders = 0;
    const render = () => {
      renders++;
      return Promise.resolve(page("FIRST=="));
    };

    const first = await cache.respond("k", render, "FIRST==");
    expect(first.state).toBe("miss");
    if (first.state !== "miss") throw new Error("unreachable");
    expect(first.response.headers.has(PAGE_CACHE_HEADER)).toBe(false);
    const html = await first.response.text();

    const second = await cache.respond("k", render);
    expect(renders).toBe(1);
    expect(second.state).toBe("hit");
    if (second.state !== "hit") throw new Error("unreachable");
    expect(second.page.identity.toString("utf8")).toBe(html);
    expect(zlib.gunzipSync(second.page.gzip).toString("utf8")).toBe(html);
    expect(zlib.brotliDecompressSync(second.page.br).toString("utf8")).toBe(html);
    expect(second.page.headers.map(([name]) => name)).not.toContain(PAGE_CACHE_HEADER);
    expect(second.page.scriptHashes).toEqual([sha256(`window.__ctx = {"a":1};`), sha256(`import("/build/entry.js");`)]);
    // The policy a hit is sent with allows exactly those scripts, and no nonce.
    expect(cachedPagePolicy(POLICY, second.page)).not.toContain("nonce-");
  });

  it("lets concurrent misses of one page wait for a single render", async () => {
    const cache = new PageCache();
    let renders = 0;
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const render = async () => {
      renders++;
      await gate;
      return page("FIRST==");
    };
    const answers = Promise.all([cache.respond("k", render), cache.respond("k", render), cache.respond("k", render)]);
    release();
    expect((await answers).map((answer) => answer.state)).toEqual(["miss", "hit", "hit"]);
    expect(renders).toBe(1);
  });

  it("does not keep what a route did not allow, and never passes the permission header on", async () => {
    const cache = new PageCache();
    let renders = 0;
    for (const options of [{ ttl: null }, { cookie: "consult_session=abc" }, { status: 500 }] as const) {
      const answer = await cache.respond(`k-${renders}`, () => {
        renders++;
        return Promise.resolve(page("N==", options));
      });
      expect(answer.state).toBe("bypass");
      if (answer.state === "hit") throw new Error("unreachable");
      expect(answer.response.headers.has(PAGE_CACHE_HEADER)).toBe(false);
    }
    expect(renders).toBe(3);
    expect(cache.size).toBe(0);
  });

  it("keys pages by URL and language, and forgets them after their TTL", async () => {
    const cache = new PageCache();
    let renders = 0;
    const render = () => {
      renders++;
      return Promise.resolve(page("N==", { ttl: "1" }));
    };
    await cache.respond(PageCache.key("/a", "en"), render);
    await cache.respond(PageCache.key("/a", "fr"), render);
    await cache.respond(PageCache.key("/a?p=1", "en"), render);
    expect((await cache.respond(PageCache.key("/a", "en"), render)).state).toBe("hit");
    expect(renders).toBe(3);
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    expect((await cache.respond(PageCache.key("/a", "en"), render)).state).toBe("miss");
    expect(renders).toBe(4);
  });

  it("when turned off, renders every time", async () => {
    const cache = new PageCache({ enabled: false });
    let renders = 0;
    const render = () => {
      renders++;
      return Promise.resolve(page("N=="));
    };
    expect((await cache.respond("k", render)).state).toBe("bypass");
    expect((await cache.respond("k", render)).state).toBe("bypass");
    expect(renders).toBe(2);
  });

  it("a failed render fails its own request only; the next one renders again", async () => {
    const cache = new PageCache();
    await expect(cache.respond("k", () => Promise.reject(new Error("database down")))).rejects.toThrow("database down");
    expect((await cache.respond("k", () => Promise.resolve(page("N==")))).state).toBe("miss");
  });
});
