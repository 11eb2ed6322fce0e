/**
 * The HTTP server: Express in front of the Remix request handler. It owns
 * what must happen for every request before Remix sees it: request ids and
 * logs, security headers with a per-request CSP nonce, the Origin check on
 * state-changing requests, static files, and graceful shutdown.
 */
import cluster from "node:cluster";
import crypto from "node:crypto";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";

import { broadcastDevReady, createRequestHandler, type AppLoadContext, type ServerBuild } from "@remix-run/node";
import compression from "compression";
import express from "express";
import helmet from "helmet";

import { isUnsubscribePost } from "../app/lib/mail/unsubscribe";
import {
  cachedPagePolicy,
  PAGE_VARY,
  PageCache,
  pageCacheLanguage,
  stripPageCacheHeader,
  type CachedPage,
} from "../app/lib/page-cache";
import { checkRequestOrigin, SAFE_METHODS } from "../app/lib/security/origin";
import { ensureReferenceData } from "../app/models/bootstrap.server";
import { startDigestPasses } from "../app/models/digest.server";
import { startReminderScheduler } from "../app/models/reminder.server";
import { databaseProvider, ensureDatabaseReady, markShuttingDown, prisma } from "../app/utils/db.server";
import { logger, redactPath } from "../app/utils/logger.server";
import { startMailWorker } from "../app/utils/mail-worker.server";
import { SESSION_COOKIE_NAME } from "../app/utils/session.server";
import { sendFetchResponse, toFetchRequest } from "./remix-express";

// Production unless told otherwise, for React too: it picks its (several
// times slower) development build when NODE_ENV is unset, and the Remix
// build that imports it is loaded below, after this line has run.
process.env.NODE_ENV ??= "production";
const MODE = process.env.NODE_ENV;
const PORT = Number(process.env.PORT ?? 3000);
const HOST = process.env.HOST ?? "0.0.0.0";
const BUILD_PATH = path.resolve("build/index.js");
/** Forms (comments, sign-in): generous for rich text, far below harm. */
const MAX_FORM_BODY_BYTES = 1024 * 1024;
/** File uploads: drafts to import (20 MB), contributions with an attachment, templates. */
const MAX_UPLOAD_BODY_BYTES = 24 * 1024 * 1024;
const UPLOAD_PATHS = /\/(new|contributions|import)$/; // the template import is /comments/import

async function loadBuild(): Promise<ServerBuild> {
  // A query string defeats the ESM cache so `npm run dev` picks up rebuilds.
  return (await import(`${pathToFileURL(BUILD_PATH).href}?t=${Date.now()}`)) as ServerBuild;
}

/**
 * TRUST_PROXY in Express's terms, read strictly: a hop count ("1"), or
 * addresses/CIDRs/names ("loopback, 10.0.0.0/8"). "true" would let any
 * client choose its address (and so its rate-limit key): refused.
 */
export function trustProxySetting(value: string | undefined): number | string | false {
  if (!value || value === "false") return false;
  if (value === "true")
    throw new Error("TRUST_PROXY=true would trust any client's X-Forwarded-For: name the proxies or give a hop count.");
  if (/^\d+$/.test(value)) return Number(value);
  return value;
}

/**
 * WEB_CONCURRENCY: how many processes serve requests. Unset or 1: this
 * process alone. A number, or "auto" (one per CPU): a primary process that
 * forks that many workers sharing the port (node:cluster).
 */
export function webConcurrency(value: string | undefined, cpus = os.availableParallelism()): number {
  if (!value) return 1;
  if (value === "auto") return Math.max(1, cpus);
  if (!/^\d+$/.test(value) || Number(value) < 1)
    throw new Error(`WEB_CONCURRENCY must be a positive number or "auto", not "${value}".`);
  return Number(value);
}

/** The database answers with the expected settings, and the roles and permissions match the code. */
async function bootstrapDatabase() {
  await ensureDatabaseReady();
  await ensureReferenceData();
}

export async function createServer() {
  // Workers skip this: their primary did it once, before forking them (two
  // processes upserting the same reference rows would race).
  if (!cluster.isWorker) await bootstrapDatabase();
  const build = await loadBuild();

  const app = express();
  app.disable("x-powered-by");
  app.set("trust proxy", trustProxySetting(process.env.TRUST_PROXY));

  app.use((req, res, next) => {
    const requestId = crypto.randomUUID();
    const started = process.hrtime.bigint();
    res.locals.requestId = requestId;
    res.locals.cspNonce = crypto.randomBytes(16).toString("base64");
    res.setHeader("X-Request-Id", requestId);
    res.on("finish", () => {
      // Load-balancer probes every few seconds would drown the log: only
      // their failures are logged at info.
      const probe = (req.path === "/healthz" || req.path === "/readyz") && res.statusCode < 400;
      logger[probe ? "debug" : "info"]("request", {
        requestId,
        method: req.method,
        // An invitation or reset link's token must never reach the log.
        path: redactPath(req.path),
        status: res.statusCode,
        ms: Number(process.hrtime.bigint() - started) / 1e6,
      });
    });
    next();
  });

  app.use(
    helmet({
      // Enforced, not report-only: an inline script without this request's
      // nonce does not run.
      contentSecurityPolicy: {
        useDefaults: true,
        directives: {
          "default-src": ["'self'"],
          "script-src": ["'self'", (_req, res) => `'nonce-${(res as express.Response).locals.cspNonce}'`],
          "style-src": ["'self'"],
          "img-src": ["'self'", "data:"],
          "connect-src": ["'self'"],
          "form-action": ["'self'"],
          "frame-ancestors": ["'none'"],
          "object-src": ["'none'"],
          "base-uri": ["'self'"],
          "upgrade-insecure-requests": MODE === "production" && process.env.HTTPS === "true" ? [] : null,
        },
      },
      crossOriginEmbedderPolicy: false,
      // Not helmet's "no-referrer": under it Chromium sends `Origin: null`
      // with a plain form POST, which the origin check refuses, so no form
      // would work without JavaScript. Nothing leaves the site either way.
      referrerPolicy: { policy: "same-origin" },
      strictTransportSecurity: process.env.HTTPS === "true",
    }),
  );
  // Powerful browser features no page of the app uses stay off, also for
  // anything injected into a page.
  app.use((_req, res, next) => {
    res.setHeader("Permissions-Policy", PERMISSIONS_POLICY);
    next();
  });
  app.use(compression());

  // Cross-site request forgery: state-changing requests must come from our
  // own pages (see app/lib/security/origin.ts).
  const allowedOrigins = (process.env.APP_ORIGINS ?? "")
    .split(",")
    .map((o) => o.trim())
    .filter(Boolean);
  app.use((req, res, next) => {
    const verdict = checkRequestOrigin({
      method: req.method,
      origin: req.get("origin"),
      selfOrigin: `${req.protocol}://${req.get("host")}`,
      allowedOrigins,
    });
    // RFC 8058 one-click unsubscribe comes from the mail provider, with no Origin: its signed token is the
    // authorization and the route reads no cookie (app/lib/mail/unsubscribe.ts isUnsubscribePost).
    if (verdict.ok || isUnsubscribePost(req.method, req.path)) return next();
    logger.warn("origin refused", {
      requestId: res.locals.requestId,
      reason: verdict.reason,
      path: redactPath(req.path),
    });
    res.status(403).type("text/plain").send("Request refused: it did not come from this site's own pages.");
  });

  // Request bodies are bounded before anything reads them: a 5 MB comment or
  // a huge form gets 413 at once, and a body of unknown length 411. Every
  // action reads a form: any other body (JSON, text) is refused with 415
  // rather than failing inside the action's formData() with a 500.
  app.use((req, res, next) => {
    if (SAFE_METHODS.has(req.method)) return next();
    if (!isFormEncoding(req.get("content-type"))) {
      return void res.status(415).type("text/plain").send("Send a form (urlencoded or multipart).");
    }
    const limit = UPLOAD_PATHS.test(req.path) ? MAX_UPLOAD_BODY_BYTES : MAX_FORM_BODY_BYTES;
    const declared = req.get("content-length");
    if (declared === undefined) {
      if (req.get("transfer-encoding")) return void res.status(411).type("text/plain").send("Content-Length required.");
      return next();
    }
    if (Number(declared) > limit) {
      return void res
        .status(413)
        .type("text/plain")
        .send(`Request too large: the limit is ${Math.round(limit / 1024)} KiB.`);
    }
    next();
  });

  app.use("/build", express.static("public/build", { immutable: true, maxAge: "1y" }));
  app.use(express.static("public", { maxAge: "1h" }));

  // Anonymous GETs of pages whose route allows it are served from a
  // short-lived cache of rendered pages (app/lib/page-cache.ts): with a
  // session cookie, or with PAGE_CACHE=off, every request renders.
  const pageCache = new PageCache({ enabled: MODE !== "development" && process.env.PAGE_CACHE !== "off" });
  const handleRemix = createRequestHandler(MODE === "development" ? loadBuild : build, MODE);
  // Express 4 ignores a handler's promise: every error is caught here and passed to next().
  app.all("*", (req, res, next) => void handleRequest(req, res, next));
  async function handleRequest(req: express.Request, res: express.Response, next: express.NextFunction) {
    try {
      const loadContext: AppLoadContext = {
        cspNonce: res.locals.cspNonce as string,
        requestId: res.locals.requestId as string,
        // The socket's address unless TRUST_PROXY is set: a client cannot
        // choose its own rate-limit key with a forged X-Forwarded-For.
        clientAddress: (process.env.TRUST_PROXY ? req.ip : req.socket.remoteAddress) ?? "unknown",
      };
      const render = () => handleRemix(toFetchRequest(req, res), loadContext);
      // Pages and their data are in the reader's language (cookie, account, Accept-Language).
      res.vary(PAGE_VARY);
      const anonymousGet = req.method === "GET" && !hasSessionCookie(req);
      if (!anonymousGet) {
        // Only anonymous answers carry the cache header (app/utils/page-cache.server.ts); never sent on.
        const response = stripPageCacheHeader(await render());
        // What a signed-in person sees (pages and their .data) stays out of
        // shared and browser caches, unless the route said otherwise.
        if (hasSessionCookie(req) && !response.headers.has("Cache-Control")) {
          res.setHeader("Cache-Control", "private, no-store");
        }
        return await sendFetchResponse(res, response);
      }
      const answer = await pageCache.respond(
        PageCache.key(
          req.originalUrl,
          pageCacheLanguage({ cookie: req.get("cookie"), acceptLanguage: req.get("accept-language") }),
        ),
        render,
        res.locals.cspNonce as string,
      );
      if (answer.state === "hit") return sendCachedPage(req, res, answer.page);
      if (answer.state === "miss") res.setHeader("X-Page-Cache", "miss");
      await sendFetchResponse(res, answer.response);
    } catch (error) {
      next(error);
    }
  }

  return { app, build };
}

/**
 * A kept page, byte for byte in the encoding the client prefers, with a
 * policy that allows its inline scripts by hash (app/lib/page-cache.ts).
 * It is already compressed, so the compression middleware leaves it alone.
 */
function sendCachedPage(req: express.Request, res: express.Response, page: CachedPage) {
  res.status(page.status);
  for (const [name, value] of page.headers) res.append(name, value);
  const policy = res.getHeader("Content-Security-Policy");
  if (typeof policy === "string") res.setHeader("Content-Security-Policy", cachedPagePolicy(policy, page));
  const encoding = req.acceptsEncodings("br", "gzip", "identity") || "identity";
  const body = encoding === "br" ? page.br : encoding === "gzip" ? page.gzip : page.identity;
  if (encoding !== "identity") res.setHeader("Content-Encoding", encoding);
  res.setHeader("Vary", PAGE_VARY);
  res.setHeader("Content-Length", body.length);
  res.setHeader("X-Page-Cache", "hit");
  res.end(body);
}

const PERMISSIONS_POLICY = [
  "camera=()",
  "microphone=()",
  "geolocation=()",
  "payment=()",
  "usb=()",
  "serial=()",
  "display-capture=()",
  "browsing-topics=()",
].join(", ");

/** The two encodings a Fetch Request's formData() reads (and so every action of the app). */
const FORM_ENCODINGS = new Set(["application/x-www-form-urlencoded", "multipart/form-data"]);

function isFormEncoding(contentType: string | undefined): boolean {
  return FORM_ENCODINGS.has((contentType ?? "").split(";")[0].trim().toLowerCase());
}

function hasSessionCookie(req: express.Request): boolean {
  return (req.headers.cookie ?? "").includes(`${SESSION_COOKIE_NAME}=`);
}

/** How long SIGTERM waits for in-flight requests before exiting anyway. */
const SHUTDOWN_GRACE_MS = Number(process.env.SHUTDOWN_GRACE_MS ?? 10_000);

/**
 * The primary of WEB_CONCURRENCY > 1: checks the database, forks the
 * workers, replaces one that dies, and on SIGTERM passes the signal on and
 * exits when they have all finished their requests.
 */
async function runPrimary(workers: number) {
  await bootstrapDatabase();
  await prisma.$disconnect();
  let stopping = false;
  const fork = () => cluster.fork();
  cluster.on("exit", (worker, code, signal) => {
    if (stopping) {
      if (Object.keys(cluster.workers ?? {}).length === 0) {
        logger.info("stopped", { workers });
        process.exit(0);
      }
      return;
    }
    logger.error("worker died; starting another", { pid: worker.process.pid, code, signal });
    setTimeout(fork, 1_000);
  });
  for (let index = 0; index < workers; index++) fork();
  logger.info("primary started", { workers, pid: process.pid });
  const shutdown = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    logger.info("shutting down", { signal, workers });
    for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill(signal);
    setTimeout(() => process.exit(0), SHUTDOWN_GRACE_MS + 1_000).unref();
  };
  process.on("SIGTERM", () => shutdown("SIGTERM"));
  process.on("SIGINT", () => shutdown("SIGINT"));
}

async function main() {
  const workers = webConcurrency(process.env.WEB_CONCURRENCY);
  if (workers > 1 && cluster.isPrimary) return runPrimary(workers);
  // A worker whose primary is gone (even by SIGKILL) exits by itself: Node's
  // cluster does that when the channel to the primary closes
  // (tests/system/cluster.test.ts).
  const { app, build } = await createServer();
  const server = app.listen(PORT, HOST, () => {
    logger.info("listening", {
      url: `http://localhost:${PORT}`,
      mode: MODE,
      database: databaseProvider(),
      // Since the process started: imports, database checks, the Remix build.
      startupMs: Math.round(process.uptime() * 1000),
      pid: process.pid,
    });
    if (MODE === "development") {
      broadcastDevReady(build).catch((error: unknown) =>
        logger.warn("could not tell the dev server the build is ready", { error: String(error) }),
      );
    }
  });
  // Graceful shutdown: /readyz turns 503 at once (a load balancer stops
  // sending new requests), the listener closes, idle keep-alive sockets are
  // dropped, in-flight requests finish, then the database pool closes.
  // Email delivery (app/utils/mail-worker.server.ts) runs here unless it
  // runs as its own process (`npm run worker`, with MAIL_WORKER=off here).
  const mailWorker = process.env.MAIL_WORKER === "off" ? null : startMailWorker();
  // Reminders before deadlines are queued where mail is delivered (app/models/reminder.server.ts).
  const reminders = process.env.MAIL_WORKER === "off" ? null : startReminderScheduler();
  // So are the daily digests (app/models/digest.server.ts, at DIGEST_HOUR_UTC).
  const digests = process.env.MAIL_WORKER === "off" ? null : startDigestPasses();
  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info("shutting down", { signal });
    markShuttingDown();
    server.close(() => {
      void Promise.all([mailWorker?.stop(), reminders?.stop(), digests?.stop()])
        .then(() => prisma.$disconnect())
        .finally(() => {
          logger.info("stopped", { signal });
          process.exit(0);
        });
    });
    server.closeIdleConnections();
    setTimeout(() => {
      logger.warn("shutdown grace period over; exiting with requests still open", { graceMs: SHUTDOWN_GRACE_MS });
      process.exit(0);
    }, SHUTDOWN_GRACE_MS).unref();
  };
  process.on("SIGTERM", () => shutdown("SIGTERM"));
  process.on("SIGINT", () => shutdown("SIGINT"));
}

// Anything that escapes a request is logged as one JSON line (with its stack)
// before the process goes down, rather than as Node's multi-line dump.
process.on("uncaughtException", (error) => {
  logger.error("uncaught exception", { error: error.message, stack: error.stack });
  process.exit(1);
});
process.on("unhandledRejection", (reason) => {
  logger.error("unhandled rejection", {
    error: reason instanceof Error ? reason.message : String(reason),
    stack: reason instanceof Error ? reason.stack : undefined,
  });
});

void main().catch((error: unknown) => {
  logger.error("failed to start", { error: error instanceof Error ? error.message : String(error) });
  process.exit(1);
});
