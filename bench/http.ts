/**
 * HTTP benchmarks (issue #6), SQLite and PostgreSQL side by side: the
 * production build (`node build/server.js`) on loopback, driven by
 * autocannon, one fresh server process per run so each run has its own
 * peak RSS.
 *
 * (a) Cold start: spawn to the first 200 of the reader page. Target < 3 s.
 * (b) The reader page of the 2020 draft (≈155 paragraphs) with 10,000
 *     comments in the database: anonymous (page cache on, and off for the
 *     ratio) and as the secretariat (never cached; sees all 10,000 in the
 *     per-paragraph counts). Target ≥ 500 requests/s, p95 < 100 ms.
 * (c) Comment submission by the focal point (the reader's action, unique
 *     idempotency key per request) for 60 s, and for 20 s in one process.
 *     Target ≥ 300 comments/s, p99 < 500 ms, and every acknowledged comment
 *     stored exactly once.
 *
 * Servers run as deployed on a machine like this one: WEB_CONCURRENCY=2.
 *
 * `npm run bench -- http`. PostgreSQL runs when BENCH_POSTGRES_URL (or
 * TEST_POSTGRES_URL) names a reachable server; a database
 * consult_bench_http is created there and dropped after.
 * BENCH_HTTP_READ_SECONDS (default 15) and BENCH_HTTP_WRITE_SECONDS (default
 * 60) shorten the runs for a quick look.
 *
 * `npm run bench -- http --only=submit` runs the comment submission alone
 * (no cold start, no reader runs), for working on the submission path; with
 * BENCH_HTTP_CPU_PROF=<dir> every server process (primary and workers) writes
 * a V8 CPU profile there when it stops (`node --cpu-prof`), and
 * BENCH_HTTP_DATABASES=sqlite (or postgres) measures one database only.
 *
 * Run as `tsx bench/http.ts --prepare` (with DATABASE_URL) it seeds the
 * database it is given: the demo consultation plus 10,000 comments.
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";

import autocannon from "autocannon";

import { totpCode } from "~/lib/security/totp";

import { buildIfStale } from "../scripts/lib/build.mjs";
import { createDatabase, dropDatabase, migrateDatabase, withAdminClient } from "../scripts/lib/databases.mjs";
import {
  commentForm,
  DEMO_PASSWORD,
  postForm,
  READER_PATH,
  signIn,
  startServer,
  type RunningServer,
} from "../tests/system/harness";
import { tableRow } from "./report";

import type { BenchArea } from "./run";

const COMMENTS = 10_000;
/** The bench's demo secretariat's TOTP secret (a bench database only). */
const BENCH_TOTP_SECRET = new Uint8Array(20).fill(0x42);

/** Signs in with the password, then enters the current TOTP code: the cookie of a fully signed-in session. */
async function signInWithCode(baseUrl: string, email: string, secret: Uint8Array) {
  const cookie = await signIn(baseUrl, email, DEMO_PASSWORD);
  const response = await postForm(baseUrl, "/login/two-factor", { code: totpCode(secret) }, cookie);
  // The code step replaces the half-signed-in session with a new one.
  const verified = /consult_session=[^;]+/.exec(response.headers.get("set-cookie") ?? "")?.[0];
  if (response.status !== 302 || !verified) throw new Error(`second factor for ${email} refused: ${response.status}`);
  return verified;
}
const READ_SECONDS = Number(process.env.BENCH_HTTP_READ_SECONDS ?? 15);
const WRITE_SECONDS = Number(process.env.BENCH_HTTP_WRITE_SECONDS ?? 60);
const CONNECTIONS = 10;
const TARGETS = { coldStartMs: 3_000, readRps: 500, readP95Ms: 100, writeRps: 300, writeP99Ms: 500 };
const check = (ok: boolean) => (ok ? "✓" : "✗");

/** `--only=submit`: the comment submission runs alone. */
const ONLY = process.argv.find((arg) => arg.startsWith("--only="))?.slice("--only=".length) ?? null;
if (ONLY !== null && ONLY !== "submit") throw new Error(`--only=${ONLY}: the only part that runs alone is "submit".`);
/** BENCH_HTTP_CPU_PROF=<dir>: the servers run under `node --cpu-prof`, writing their profiles to <dir>. */
const CPU_PROFILE_DIR = process.env.BENCH_HTTP_CPU_PROF ? path.resolve(process.env.BENCH_HTTP_CPU_PROF) : null;
/** BENCH_HTTP_DATABASES: "sqlite", "postgres" or both (the default). */
const DATABASES = (process.env.BENCH_HTTP_DATABASES ?? "sqlite,postgres").split(",").map((name) => name.trim());

function percentile(sorted: number[], p: number) {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

interface LoadResult {
  requests: number;
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  errors: number;
  statuses: Record<string, number>;
  peakRssMiB: number | null;
  /** The machine's 1-minute load average at the end: other work on the 2 cores skews every figure. */
  loadAverage: number;
  /**
   * Server CPU time per request, in ms: what a request costs whatever else
   * runs on the machine; 1000 / this is one core's ceiling in requests/s.
   */
  cpuMsPerRequest: number;
}

/** Runs autocannon against one server and measures latency percentiles from every response. */
async function load(
  server: RunningServer,
  options: { seconds: number; requests: autocannon.Request[]; headers?: Record<string, string> },
): Promise<LoadResult> {
  const latencies: number[] = [];
  const statuses: Record<string, number> = {};
  const cpuBefore = server.cpuTimeMs() ?? NaN;
  let instance!: autocannon.Instance;
  const finished = new Promise<autocannon.Result>((resolve, reject) => {
    instance = autocannon(
      {
        url: server.url,
        connections: CONNECTIONS,
        duration: options.seconds,
        headers: options.headers,
        requests: options.requests,
      },
      (error, result) => (error ? reject(error instanceof Error ? error : new Error(String(error))) : resolve(result)),
    );
  });
  instance.on("response", (_client, statusCode, _bytes, responseTime) => {
    latencies.push(responseTime);
    statuses[statusCode] = (statuses[statusCode] ?? 0) + 1;
  });
  const result = await finished;
  if (server.child.exitCode !== null || server.child.signalCode !== null) {
    throw new Error(
      `the server died during the run (exit ${server.child.exitCode ?? server.child.signalCode}); ` +
        `its last output:\n${server.output.slice(-20).join("")}`,
    );
  }
  const cpuMs = (server.cpuTimeMs() ?? NaN) - cpuBefore;
  latencies.sort((x, y) => x - y);
  const round = (value: number) => Math.round(value * 10) / 10;
  return {
    requests: latencies.length,
    rps: latencies.length / options.seconds,
    p50: round(percentile(latencies, 50)),
    p95: round(percentile(latencies, 95)),
    p99: round(percentile(latencies, 99)),
    max: round(latencies[latencies.length - 1] ?? NaN),
    loadAverage: round(os.loadavg()[0]),
    cpuMsPerRequest: round(cpuMs / Math.max(1, latencies.length)),
    errors: result.errors + result.timeouts,
    statuses,
    peakRssMiB: server.peakRssMiB(),
  };
}

/** Seeds `databaseUrl` in a child process (the models bind to DATABASE_URL when first imported). */
function prepareDatabase(databaseUrl: string) {
  migrateDatabase(databaseUrl);
  const result = spawnSync(process.execPath, ["--import", "tsx", "bench/http.ts", "--prepare"], {
    env: { ...process.env, DATABASE_URL: databaseUrl, LOG_LEVEL: "warn" },
    encoding: "utf8",
  });
  if (result.status !== 0) throw new Error(`preparing the database failed:\n${result.stdout}\n${result.stderr}`);
}

/** The demo consultation and 10,000 submitted comments (with their first revision) on Draft 1. */
async function seedWithComments() {
  const { seed } = await import("../prisma/seed");
  const { prisma } = await import("~/utils/db.server");
  await seed({ quiet: true });
  // The secretariat must use a second factor (docs/decisions/0014): the bench's demo secretariat gets a known one.
  const { encryptSecret } = await import("~/utils/two-factor.server");
  const secretariat = await prisma.user.findUniqueOrThrow({ where: { email: "secretariat@demo.test" } });
  await prisma.totpCredential.upsert({
    where: { userId: secretariat.id },
    create: { userId: secretariat.id, encryptedSecret: encryptSecret(BENCH_TOTP_SECRET), confirmedAt: new Date() },
    update: { encryptedSecret: encryptSecret(BENCH_TOTP_SECRET), confirmedAt: new Date(), lastUsedStep: 0 },
  });
  const version = await prisma.version.findFirstOrThrow({
    where: { number: 1, consultation: { slug: "gca-guidelines" } },
    select: { id: true, consultationId: true, paragraphs: { select: { id: true }, orderBy: { order: "asc" } } },
  });
  const authors = await prisma.user.findMany({
    where: { organizationId: { not: null } },
    select: { id: true, organizationId: true },
  });
  const submittedAt = new Date();
  for (let start = 0; start < COMMENTS; start += 1_000) {
    const comments = [];
    const revisions = [];
    for (let i = start; i < Math.min(COMMENTS, start + 1_000); i++) {
      const author = authors[i % authors.length];
      const text = `Benchmark comment ${i}: the paragraph should mention regional organizations and capacity building.`;
      const body = JSON.stringify({ type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text }] }] });
      const id = `benchcomment${String(i).padStart(8, "0")}`;
      comments.push({
        id,
        consultationId: version.consultationId,
        versionId: version.id,
        paragraphId: version.paragraphs[i % version.paragraphs.length].id,
        authorId: author.id,
        organizationId: author.organizationId,
        type: "technical",
        status: "submitted",
        body,
        bodyHtml: `<p>${text}</p>`,
        bodyText: text,
        submittedAt,
        submittedById: author.id,
      });
      revisions.push({
        commentId: id,
        revision: 1,
        event: "submitted",
        type: "technical",
        body,
        bodyHtml: `<p>${text}</p>`,
        status: "submitted",
        editedById: author.id,
      });
    }
    await prisma.comment.createMany({ data: comments });
    await prisma.commentRevision.createMany({ data: revisions });
  }
  await prisma.$disconnect();
}

/** Server processes per run: a primary and two workers, one per core (WEB_CONCURRENCY, docs/deployment.md). */
const WORKERS = 2;

/** What a browser sends with a page request: the reader runs ask for compressed pages, as every browser does. */
const BROWSER_HEADERS = { "accept-encoding": "gzip, deflate, br", "accept-language": "en-GB,en;q=0.9" };

interface Run {
  name: string;
  processes: string;
  result: LoadResult;
  target: "read" | "write" | null;
  write?: WriteIntegrity;
}

interface WriteIntegrity {
  acknowledged: number;
  stored: number;
  duplicates: number;
  lost: number;
  inFlightAtStop: number;
}

interface ProviderFigures {
  provider: string;
  coldStartMs: number[];
  runs: Run[];
}

async function measureProvider(
  provider: string,
  databaseUrl: string,
  log: (message: string) => void,
): Promise<ProviderFigures> {
  log(`${provider}: migrating and seeding ${COMMENTS.toLocaleString("en")} comments`);
  prepareDatabase(databaseUrl);
  const workers = { WEB_CONCURRENCY: String(WORKERS) };
  // Workers forked by node:cluster inherit the primary's node options, so each process writes its own profile.
  const nodeArgs = CPU_PROFILE_DIR ? ["--cpu-prof", `--cpu-prof-dir=${CPU_PROFILE_DIR}`] : [];
  const start = (env: Record<string, string> = {}) =>
    // Two minutes to start: on a machine shared with other work (and under --cpu-prof) 30 s is not always enough.
    startServer({ databaseUrl, readyPath: READER_PATH, nodeArgs, timeoutMs: 120_000, env: { ...workers, ...env } });

  const coldStartMs: number[] = [];
  for (let k = 0; k < (ONLY ? 0 : 3); k++) {
    const server = await start();
    coldStartMs.push(server.startupMs);
    await server.stop();
  }
  if (!ONLY) log(`${provider}: cold start ${coldStartMs.map((value) => Math.round(value)).join(", ")} ms`);

  const runs: Run[] = [];
  const reader = async (name: string, { cookie, env }: { cookie?: string; env?: Record<string, string> } = {}) => {
    const server = await start(env);
    const headers = { ...BROWSER_HEADERS, ...(cookie ? { cookie } : {}) };
    await load(server, { seconds: 3, requests: [{ method: "GET", path: READER_PATH }], headers }); // warm-up
    const result = await load(server, {
      seconds: READ_SECONDS,
      requests: [{ method: "GET", path: READER_PATH }],
      headers,
    });
    await server.stop();
    runs.push({ name: `${name}, ${READ_SECONDS} s`, processes: `${WORKERS} workers`, result, target: "read" });
    log(`${provider}: ${name} ${Math.round(result.rps)} req/s, p95 ${result.p95} ms`);
  };
  if (!ONLY) {
    await reader("reader page, anonymous (page cache on: the default)");
    await reader("reader page, anonymous, PAGE_CACHE=off (every request renders)", { env: { PAGE_CACHE: "off" } });
  }
  const signInServer = await start();
  const secretariatCookie = await signInWithCode(signInServer.url, "secretariat@demo.test", BENCH_TOTP_SECRET);
  const focalPointCookie = await signIn(signInServer.url, "focal.point@demo.test", DEMO_PASSWORD);
  await signInServer.stop();
  if (!ONLY) {
    await reader("reader page, secretariat signed in (never cached; counts 10,000 comments)", {
      cookie: secretariatCookie,
    });
  }

  // Comment submission: a fresh idempotency key per request; each autocannon
  // client sends one request at a time, so its context knows which key a
  // response acknowledges. Once as deployed (workers), once in one process
  // for the ratio.
  const submit = async (seconds: number, env: Record<string, string>, processes: string) => {
    const server = await start(env);
    const paragraphKeys = await paragraphKeysOf(server);
    const run = `bench${Date.now().toString(36)}`;
    let counter = 0;
    const acknowledged = new Set<string>();
    const result = await load(server, {
      seconds,
      headers: { cookie: focalPointCookie, origin: server.url, "content-type": "application/x-www-form-urlencoded" },
      requests: [
        {
          method: "POST",
          path: READER_PATH,
          setupRequest: (request, context) => {
            const idempotencyKey = `${run}-${String(++counter).padStart(7, "0")}`;
            (context as { key?: string }).key = idempotencyKey;
            const paragraphKey = paragraphKeys[counter % paragraphKeys.length];
            return { ...request, body: new URLSearchParams(commentForm({ paragraphKey, idempotencyKey })).toString() };
          },
          onResponse: (status, _body, context) => {
            if (status === 302 || status === 303) acknowledged.add((context as { key: string }).key);
          },
        },
      ],
    });
    await server.stop();
    const stored = await storedKeys(databaseUrl, run);
    const lost = [...acknowledged].filter((key) => !stored.has(key)).length;
    const duplicates = [...stored.values()].filter((count) => count > 1).length;
    // Requests in flight when autocannon stopped were stored without their answer being read.
    const inFlightAtStop = [...stored.keys()].filter((key) => !acknowledged.has(key)).length;
    const write = {
      acknowledged: acknowledged.size,
      stored: [...stored.values()].reduce((sum, count) => sum + count, 0),
      duplicates,
      lost,
      inFlightAtStop,
    };
    runs.push({ name: `comment submission, ${seconds} s`, processes, result, target: "write", write });
    log(
      `${provider}: comments (${processes}) ${Math.round(result.rps)}/s, p99 ${result.p99} ms, ` +
        `${acknowledged.size} acknowledged, ${lost} lost, ${duplicates} duplicated`,
    );
  };
  await submit(WRITE_SECONDS, {}, `${WORKERS} workers`);
  await submit(Math.min(WRITE_SECONDS, 20), { WEB_CONCURRENCY: "1" }, "1 process");
  return { provider, coldStartMs, runs };
}

/**
 * The paragraph keys of Draft 1, read from the page's anchors (the bench process has no database client of its own).
 */
async function paragraphKeysOf(server: RunningServer) {
  const html = await (await fetch(server.url + READER_PATH)).text();
  const keys = [...new Set([...html.matchAll(/id="p-([a-z0-9-]+)"/g)].map((match) => match[1]))];
  if (keys.length < 50) throw new Error(`found only ${keys.length} paragraph anchors on the reader page`);
  return keys;
}

/** Idempotency keys of this run's comments and how often each is stored. */
async function storedKeys(databaseUrl: string, run: string) {
  const sql = `SELECT "idempotencyKey" AS key FROM "Comment" WHERE "idempotencyKey" LIKE '%:${run}-%'`;
  let keys: string[];
  if (databaseUrl.startsWith("file:")) {
    const { default: Database } = await import("better-sqlite3");
    const db = new Database(databaseUrl.slice("file:".length), { readonly: true });
    keys = (db.prepare(sql).all() as Array<{ key: string }>).map((row) => row.key);
    db.close();
  } else {
    const pg = (await import("pg")).default;
    const client = new pg.Client({ connectionString: databaseUrl });
    await client.connect();
    keys = (await client.query<{ key: string }>(sql)).rows.map((row) => row.key);
    await client.end();
  }
  const counts = new Map<string, number>();
  for (const key of keys) {
    const bare = key.slice(key.indexOf(":") + 1);
    counts.set(bare, (counts.get(bare) ?? 0) + 1);
  }
  return counts;
}

async function postgresServer() {
  const url =
    process.env.BENCH_POSTGRES_URL ?? process.env.TEST_POSTGRES_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
  try {
    await withAdminClient(url, (client) => client.query("SELECT 1"));
    return url;
  } catch {
    return null;
  }
}

const fmt = (value: number) => (Number.isFinite(value) ? Math.round(value).toLocaleString("en") : "–");
const rss = (value: number | null) => (value === null ? "–" : `${Math.round(value)} MiB`);

function report(figures: ProviderFigures[], skipped: string | null) {
  const median = (values: number[]) => [...values].sort((x, y) => x - y)[Math.floor(values.length / 2)];
  const lines = [
    [
      `Production build (\`node build/server.js\`) with \`WEB_CONCURRENCY=${WORKERS}\``,
      `(a primary and ${WORKERS} workers, one per core) unless the row says otherwise, on loopback,`,
      `driven by autocannon (${CONNECTIONS} connections) from the same machine:`,
      "server and load generator share the 2 cores.",
    ].join(" "),
    [
      `Database: the demo seed plus ${COMMENTS.toLocaleString("en")} submitted comments on Draft 1.`,
      "A fresh server per run.",
      "Reader requests carry a browser's `Accept-Encoding: gzip, deflate, br`, so the server compresses what it sends.",
    ].join(" "),
    "",
    "| run | database | processes | requests/s | p50 | p95 | p99 | max | errors | server CPU / request | " +
      "peak RSS | load avg | target |",
    "|---|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|",
  ];
  for (const f of figures) {
    for (const run of f.runs) {
      const r = run.result;
      let target = "";
      if (run.target === "read")
        target =
          `${check(r.rps >= TARGETS.readRps && r.p95 < TARGETS.readP95Ms)} ` +
          `≥ ${TARGETS.readRps}/s, p95 < ${TARGETS.readP95Ms} ms`;
      if (run.target === "write") {
        const ok =
          r.rps >= TARGETS.writeRps &&
          r.p99 < TARGETS.writeP99Ms &&
          run.write!.lost === 0 &&
          run.write!.duplicates === 0;
        target = `${check(ok)} ≥ ${TARGETS.writeRps}/s, p99 < ${TARGETS.writeP99Ms} ms`;
      }
      lines.push(
        tableRow([
          run.name,
          f.provider,
          run.processes,
          fmt(r.rps),
          `${r.p50} ms`,
          `${r.p95} ms`,
          `${r.p99} ms`,
          `${r.max} ms`,
          r.errors,
          `${r.cpuMsPerRequest} ms`,
          rss(r.peakRssMiB),
          r.loadAverage,
          target,
        ]),
      );
    }
  }
  lines.push(
    "",
    "| database | run | cold start to first reader page (3 runs) | target | comments acknowledged | stored | " +
      "lost | stored twice | stored, answer not read at stop |",
    "|---|---|---|---|---:|---:|---:|---:|---:|",
  );
  for (const f of figures) {
    const cold = median(f.coldStartMs);
    f.runs
      .filter((run) => run.write)
      .forEach((run, index) => {
        const w = run.write!;
        // The cold start and its target are shown once per database, on its first row.
        const start =
          index === 0 && f.coldStartMs.length > 0
            ? [
                f.coldStartMs.map((value) => `${fmt(value)} ms`).join(", "),
                `${check(cold < TARGETS.coldStartMs)} < ${TARGETS.coldStartMs / 1000} s`,
              ]
            : ["", ""];
        lines.push(
          tableRow([
            f.provider,
            `${run.name}, ${run.processes}`,
            ...start,
            fmt(w.acknowledged),
            fmt(w.stored),
            w.lost,
            w.duplicates,
            w.inFlightAtStop,
          ]),
        );
      });
  }
  lines.push(
    "",
    "Page cache: anonymous GETs of the reader are served from a 2-second cache of the rendered, compressed " +
      "page (docs/decisions/0008-public-page-micro-cache.md); signed-in requests always render. The " +
      "PAGE_CACHE=off row is the same page rendered and compressed for every request.",
    "Server CPU / request: user + system CPU time of the server's processes (primary and workers) over the " +
      "run, divided by the requests answered; 1000 / it is what one core could serve with nothing else " +
      "running. Peak RSS: the sum of each process's VmHWM. Load avg: the machine's 1-minute load average at " +
      "the end of the run (2 cores; above 2, processes were waiting for a CPU).",
    "Cold start: `node build/server.js` spawned (primary, then its workers) until the reader page answers " +
      "200, on a migrated database (`npm start` adds `prisma migrate deploy`, about 2 s, and the seed check).",
    "Acknowledged: the app's success redirect (302 to the paragraph with `saved=1`). Lost = acknowledged but " +
      "not in the database; must be 0.",
  );
  if (skipped) lines.push("", `PostgreSQL not measured: ${skipped}`);
  return lines.join("\n");
}

export const httpArea: BenchArea = {
  name: "http",
  title: "HTTP and database",
  async run(log) {
    buildIfStale({ quiet: true });
    const figures: ProviderFigures[] = [];
    if (CPU_PROFILE_DIR) fs.mkdirSync(CPU_PROFILE_DIR, { recursive: true });
    if (DATABASES.includes("sqlite")) {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), "consult-bench-http-"));
      try {
        figures.push(await measureProvider("SQLite", `file:${path.join(dir, "bench.db")}`, log));
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    }
    const server = DATABASES.includes("postgres") ? await postgresServer() : null;
    let skipped: string | null = DATABASES.includes("postgres") ? null : "BENCH_HTTP_DATABASES left it out.";
    if (server) {
      const name = "consult_bench_http";
      const url = await createDatabase(server, name);
      try {
        figures.push(await measureProvider("PostgreSQL", url, log));
      } finally {
        await dropDatabase(server, name);
      }
    } else if (!skipped) {
      skipped = "no server answered at BENCH_POSTGRES_URL / TEST_POSTGRES_URL.";
    }
    return report(figures, skipped);
  },
};

if (process.argv.includes("--prepare") && import.meta.url === pathToFileURL(path.resolve(process.argv[1] ?? "")).href) {
  seedWithComments().then(
    () => process.exit(0),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}
