/**
 * A short-lived cache of rendered public pages (a "micro-cache"): the same
 * anonymous page requested hundreds of times a second on deadline day is
 * rendered and compressed once per interval, not once per request.
 *
 * - A route opts in by answering with the {@link PAGE_CACHE_HEADER} header
 *   (seconds to keep the page), and only when what it rendered does not
 *   depend on who asked (see app/utils/page-cache.server.ts). The server asks
 *   the cache only for GET requests without a session cookie, and it keeps
 *   only 200 HTML answers that set no cookie.
 * - Every page is rendered with its request's CSP nonce. A kept page is
 *   served with a policy that allows its inline scripts by their SHA-256
 *   hashes instead ({@link cachedPagePolicy}), so it can be sent byte for
 *   byte, compressed once: the nonce left in it is the first request's and
 *   authorizes nothing in any other answer.
 * - Concurrent misses of one page wait for a single render.
 * - Nothing invalidates a page before its TTL: a change (a comment, a
 *   publication) reaches anonymous readers at most that many seconds later,
 *   on every instance alike. Signed-in people never get a cached page, so
 *   whoever made the change sees it at once.
 *
 * See docs/decisions/0008-public-page-micro-cache.md.
 */
import crypto from "node:crypto";
import { promisify } from "node:util";
import zlib from "node:zlib";

import { LRUCache } from "lru-cache";

import { detectLanguage, type Language } from "./language";
import { pageQueryParameters } from "./page-query";

/** Response header by which a route allows caching, in seconds; never sent to the client. */
export const PAGE_CACHE_HEADER = "x-page-cache-ttl";

/**
 * What a page's rendering depends on besides its URL: the language, chosen by
 * the `lng` cookie and Accept-Language for an anonymous reader
 * (app/lib/language.ts), and the encoding. Sent on every page and data answer
 * (server/index.ts), kept or not, so that no browser or proxy cache gives one
 * reader's language to another.
 */
export const PAGE_VARY = "Accept-Encoding, Accept-Language, Cookie";

/**
 * The language an anonymous request's page is rendered in: what the cache
 * keys by. The resolved language, not the raw headers, so that
 * `Accept-Language: fr-CA` and `fr;q=0.9` share one French page and a forged
 * header cannot force a new rendering per request.
 */
export function pageCacheLanguage(headers: { cookie?: string | null; acceptLanguage?: string | null }): Language {
  return detectLanguage({ cookie: headers.cookie, acceptLanguage: headers.acceptLanguage });
}

/** Longest a route may ask for: this is a micro-cache, not a CDN. */
export const PAGE_CACHE_MAX_SECONDS = 60;

const gzip = promisify(zlib.gzip);
const brotli = promisify(zlib.brotliCompress);

export interface CachedPage {
  status: number;
  /** The route's headers, without {@link PAGE_CACHE_HEADER}. */
  headers: Array<[string, string]>;
  /** 'sha256-…' sources of the page's inline scripts. */
  scriptHashes: string[];
  /** The body as rendered, and compressed. */
  identity: Buffer;
  gzip: Buffer;
  br: Buffer;
}

export type PageCacheAnswer = { state: "hit"; page: CachedPage } | { state: "miss" | "bypass"; response: Response };

/** The route's TTL in milliseconds, or 0 when the answer must not be kept. */
export function cacheableTtlMs(response: Response): number {
  const declared = Number(response.headers.get(PAGE_CACHE_HEADER));
  if (!Number.isFinite(declared) || declared <= 0) return 0;
  if (response.status !== 200) return 0;
  if (!(response.headers.get("content-type") ?? "").startsWith("text/html")) return 0;
  if (response.headers.has("set-cookie")) return 0;
  return Math.min(declared, PAGE_CACHE_MAX_SECONDS) * 1000;
}

/**
 * CSP hash sources of the inline scripts (ones without `src`) that the app
 * itself emitted: those carrying this render's `nonce`. A script injected
 * into the page (no nonce, or a guessed one) would be refused on the first
 * answer; it gets no hash either, so it stays refused on every cached one.
 */
export function inlineScriptHashes(html: string, nonce: string): string[] {
  const hashes = new Set<string>();
  if (!nonce) return [];
  for (const match of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi)) {
    if (/\ssrc\s*=/i.test(` ${match[1]}`)) continue;
    const attribute = /\snonce\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/i.exec(` ${match[1]}`);
    if ((attribute?.[1] ?? attribute?.[2] ?? attribute?.[3]) !== nonce) continue;
    hashes.add(`'sha256-${crypto.createHash("sha256").update(match[2], "utf8").digest("base64")}'`);
  }
  return [...hashes];
}

/**
 * The policy for a kept page: this request's policy with its nonce source
 * replaced by the page's script hashes (with none, inline scripts are
 * refused).
 */
export function cachedPagePolicy(policy: string, page: Pick<CachedPage, "scriptHashes">): string {
  const sources = page.scriptHashes.join(" ");
  return policy.replace(/\s*'nonce-[^']*'/g, sources ? ` ${sources}` : "");
}

function withoutCacheHeader(response: Response) {
  const headers = new Headers(response.headers);
  headers.delete(PAGE_CACHE_HEADER);
  return headers;
}

/** The response as the client gets it: without the route's permission to cache. */
export function stripPageCacheHeader(response: Response) {
  if (!response.headers.has(PAGE_CACHE_HEADER)) return response;
  return new Response(response.body, {
    status: response.status,
    statusText: response.statusText,
    headers: withoutCacheHeader(response),
  });
}

/**
 * The URL a page is kept under: for a listed page only the parameters it
 * reads (the first value of each, as `URLSearchParams.get` reads it), sorted;
 * so `?junk=1` or a reordered query is the same page and cannot force a new
 * rendering. An unlisted page keeps its whole query, sorted.
 */
export function pageCacheUrl(url: string): string {
  const parsed = new URL(url, "http://cache.invalid");
  const known = pageQueryParameters(parsed.pathname);
  const kept = new URLSearchParams();
  const names = [...new Set(parsed.searchParams.keys())].sort();
  for (const name of names) {
    if (known && !known.includes(name)) continue;
    const values = known ? [parsed.searchParams.get(name) ?? ""] : parsed.searchParams.getAll(name);
    for (const value of values) kept.append(name, value);
  }
  const query = kept.toString();
  return query ? `${parsed.pathname}?${query}` : parsed.pathname;
}

export interface PageCacheOptions {
  /** Bound on the bytes kept (all three encodings). Default 64 MiB. */
  maxBytes?: number;
  /** false turns the cache off (PAGE_CACHE=off): every request renders. */
  enabled?: boolean;
}

export class PageCache {
  private readonly pages: LRUCache<string, CachedPage>;
  private readonly pending = new Map<string, Promise<CachedPage | null>>();
  private readonly enabled: boolean;

  constructor({ maxBytes = 64 * 1024 * 1024, enabled = true }: PageCacheOptions = {}) {
    this.enabled = enabled;
    this.pages = new LRUCache<string, CachedPage>({
      maxSize: maxBytes,
      sizeCalculation: (page) => Math.max(1, page.identity.length + page.gzip.length + page.br.length),
    });
  }

  /**
   * The cache key of a request: its path and the query its page reads
   * ({@link pageCacheUrl}), and the language it is rendered in ({@link pageCacheLanguage}).
   */
  static key(url: string, language: Language) {
    return `${pageCacheUrl(url)}\n${language}`;
  }

  get size() {
    return this.pages.size;
  }

  /**
   * The answer for `key`: a kept page, the page another request is
   * rendering now, or `render()`'s own answer (kept when the route allows).
   */
  async respond(key: string, render: () => Promise<Response>, nonce = ""): Promise<PageCacheAnswer> {
    if (!this.enabled) return { state: "bypass", response: stripPageCacheHeader(await render()) };
    const kept = this.pages.get(key);
    if (kept) return { state: "hit", page: kept };

    const inFlight = this.pending.get(key);
    if (inFlight) {
      const page = await inFlight.catch(() => null);
      if (page) return { state: "hit", page };
      return { state: "bypass", response: stripPageCacheHeader(await render()) };
    }

    let settle!: (page: CachedPage | null) => void;
    const filling = new Promise<CachedPage | null>((resolve) => (settle = resolve));
    this.pending.set(key, filling);
    const done = (page: CachedPage | null) => {
      settle(page);
      if (this.pending.get(key) === filling) this.pending.delete(key);
    };
    try {
      const response = await render();
      const ttl = cacheableTtlMs(response);
      if (ttl === 0) {
        done(null);
        return { state: "bypass", response: stripPageCacheHeader(response) };
      }
      const headers = withoutCacheHeader(response);
      const html = await response.text();
      const identity = Buffer.from(html, "utf8");
      const [gzipped, brotlied] = await Promise.all([
        gzip(identity),
        // Quality 5: most of brotli's gain for a small part of quality 11's time.
        brotli(identity, {
          params: {
            [zlib.constants.BROTLI_PARAM_QUALITY]: 5,
            [zlib.constants.BROTLI_PARAM_SIZE_HINT]: identity.length,
          },
        }),
      ]);
      const page: CachedPage = {
        status: response.status,
        headers: [...headers.entries()],
        scriptHashes: inlineScriptHashes(html, nonce),
        identity,
        gzip: gzipped,
        br: brotlied,
      };
      this.pages.set(key, page, { ttl });
      done(page);
      return { state: "miss", response: new Response(html, { status: response.status, headers }) };
    } catch (error) {
      done(null);
      throw error;
    }
  }
}
