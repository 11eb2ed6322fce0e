/**
 * Lighthouse in the browser (issue #17): the npm `lighthouse` package driving
 * the system Chromium (headless) against the production build on loopback,
 * performance category only, with Lighthouse's defaults: mobile emulation
 * (a mid-range phone's screen) and simulated throttling (the page is loaded
 * at full speed and Lantern computes the metrics for a slow 4G network and a
 * CPU 4× slower than the host's).
 *
 * Three pages, each run 3 times, every figure the median of the three:
 * - the anonymous reader of the 2020 draft (what a visitor downloads; its
 *   JavaScript bytes are the "under 100 KB gzipped" figure),
 * - the comparison 1...2, anonymous,
 * - the secretariat's feedback dashboard, signed in (the session cookie is
 *   sent with every request through Lighthouse's `extraHeaders`).
 * Targets: performance ≥ 95, LCP ≤ 2.5 s, TBT ≤ 200 ms, CLS ≤ 0.1.
 *
 * Database: a fresh SQLite file seeded as bench/http.ts seeds its own (the
 * demo consultation plus 10,000 submitted comments on Draft 1, and a known
 * second factor for the demo secretariat), so that what other areas wrote
 * to the shared throwaway database does not change these pages.
 *
 * `npm run bench -- lighthouse`. CHROME_PATH overrides /usr/bin/chromium;
 * BENCH_LIGHTHOUSE_REPORTS=<folder> keeps every run's full report (JSON) there.
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

import * as chromeLauncher from "chrome-launcher";
import lighthouse, { type Flags, type Result } from "lighthouse";

import { totpCode } from "~/lib/security/totp";

import { buildIfStale } from "../scripts/lib/build.mjs";
import { migrateDatabase } from "../scripts/lib/databases.mjs";
import { DEMO_PASSWORD, postForm, READER_PATH, signIn, startServer } from "../tests/system/harness";
import { tableRow } from "./report";

import type { BenchArea } from "./run";

const RUNS = 3;
const TARGETS = { score: 95, lcpMs: 2_500, tbtMs: 200, cls: 0.1, anonymousReaderJsBytes: 100_000 };
const CHROME_PATH = process.env.CHROME_PATH ?? "/usr/bin/chromium";
const CHROME_FLAGS = ["--headless=new", "--no-sandbox", "--disable-gpu"];
/**
 * The demo secretariat's TOTP secret that `bench/http.ts --prepare` stores
 * (its BENCH_TOTP_SECRET): the dashboard needs a fully signed-in session.
 */
const BENCH_TOTP_SECRET = new Uint8Array(20).fill(0x42);
/** As deployed on a machine like this one (docs/deployment.md), as in bench/http.ts. */
const WORKERS = 2;
const REPORTS_DIR = process.env.BENCH_LIGHTHOUSE_REPORTS;

interface Page {
  name: string;
  path: string;
  signedIn: boolean;
}

const PAGES: Page[] = [
  { name: "reader, 2020 draft, anonymous", path: READER_PATH, signedIn: false },
  { name: "comparison 1...2, anonymous", path: "/consultations/gca-guidelines/compare/1...2", signedIn: false },
  { name: "feedback dashboard, secretariat", path: "/consultations/gca-guidelines/feedback", signedIn: true },
];

/** What one Lighthouse run measured. */
interface RunFigures {
  score: number;
  fcpMs: number;
  lcpMs: number;
  tbtMs: number;
  cls: number;
  speedIndexMs: number;
  /** JavaScript as transferred (compressed), from the resource summary. */
  jsTransferBytes: number;
  /** JavaScript decoded, from the network records. */
  jsResourceBytes: number;
  /** The largest scripts by bytes transferred. */
  largestScripts: Array<{ url: string; transferBytes: number }>;
  /** Lighthouse's failing audits that name savings, worst first. */
  opportunities: Array<{ title: string; displayValue: string }>;
  /** Lighthouse's measure of the host CPU at the time (higher is faster; a busy machine scores lower). */
  benchmarkIndex: number;
  loadAverage: number;
}

interface PageFigures {
  page: Page;
  runs: RunFigures[];
}

/** Password, then the current TOTP code: the cookie of a fully signed-in session (as in bench/http.ts). */
async function signInWithCode(baseUrl: string, email: string, secret: Uint8Array) {
  const cookie = await signIn(baseUrl, email, DEMO_PASSWORD);
  const response = await postForm(baseUrl, "/login/two-factor", { code: totpCode(secret) }, cookie);
  const verified = /consult_session=[^;]+/.exec(response.headers.get("set-cookie") ?? "")?.[0];
  if (response.status !== 302 || !verified) throw new Error(`second factor for ${email} refused: ${response.status}`);
  return verified;
}

/** Migrates and seeds `databaseUrl` with bench/http.ts's data, in a child process (models bind on first import). */
function prepareDatabase(databaseUrl: string) {
  migrateDatabase(databaseUrl);
  const result = spawnSync(process.execPath, ["--import", "tsx", "bench/http.ts", "--prepare"], {
    env: { ...process.env, DATABASE_URL: databaseUrl, LOG_LEVEL: "warn" },
    encoding: "utf8",
  });
  if (result.status !== 0) throw new Error(`preparing the database failed:\n${result.stdout}\n${result.stderr}`);
}

type AuditDetails = { items?: Array<Record<string, unknown>> };
const itemsOf = (lhr: Result, id: string) => (lhr.audits[id]?.details as AuditDetails | undefined)?.items ?? [];

function numeric(lhr: Result, id: string) {
  const value = lhr.audits[id]?.numericValue;
  if (typeof value !== "number") throw new Error(`Lighthouse gave no value for ${id}`);
  return value;
}

/** The figures of one run, read from its report; throws when Lighthouse did not measure the page asked for. */
function figuresOf(lhr: Result, url: string): RunFigures {
  if (lhr.runtimeError) throw new Error(`Lighthouse failed on ${url}: ${lhr.runtimeError.message}`);
  // A session that did not hold would measure the sign-in page instead.
  if (new URL(lhr.finalDisplayedUrl).pathname !== new URL(url).pathname) {
    throw new Error(`Lighthouse measured ${lhr.finalDisplayedUrl}, not ${url}`);
  }
  const score = lhr.categories.performance?.score;
  if (typeof score !== "number") throw new Error(`no performance score for ${url}`);
  const scriptSummary = itemsOf(lhr, "resource-summary").find((item) => item.resourceType === "script");
  const scripts = itemsOf(lhr, "network-requests").filter((item) => item.resourceType === "Script");
  const opportunities = Object.values(lhr.audits)
    .filter((audit) => typeof audit.score === "number" && audit.score < 0.9 && audit.metricSavings)
    .map((audit) => ({
      audit,
      savings: Object.values(audit.metricSavings ?? {}).reduce<number>((sum, value) => sum + (value ?? 0), 0),
    }))
    .filter(({ savings }) => savings > 0)
    .sort((a, b) => b.savings - a.savings)
    .map(({ audit }) => ({ title: audit.title, displayValue: audit.displayValue ?? "" }));
  return {
    score: Math.round(score * 100),
    fcpMs: numeric(lhr, "first-contentful-paint"),
    lcpMs: numeric(lhr, "largest-contentful-paint"),
    tbtMs: numeric(lhr, "total-blocking-time"),
    cls: numeric(lhr, "cumulative-layout-shift"),
    speedIndexMs: numeric(lhr, "speed-index"),
    jsTransferBytes: Number(scriptSummary?.transferSize ?? 0),
    jsResourceBytes: scripts.reduce((sum, item) => sum + Number(item.resourceSize ?? 0), 0),
    largestScripts: scripts
      .map((item) => ({ url: String(item.url), transferBytes: Number(item.transferSize ?? 0) }))
      .sort((a, b) => b.transferBytes - a.transferBytes)
      .slice(0, 3),
    opportunities,
    benchmarkIndex: lhr.environment.benchmarkIndex,
    loadAverage: Math.round(os.loadavg()[0] * 10) / 10,
  };
}

async function measure(baseUrl: string, cookie: string, log: (message: string) => void): Promise<PageFigures[]> {
  const chrome = await chromeLauncher.launch({ chromePath: CHROME_PATH, chromeFlags: CHROME_FLAGS });
  try {
    const figures: PageFigures[] = [];
    for (const page of PAGES) {
      const url = baseUrl + page.path;
      const headers: Record<string, string> = page.signedIn ? { Cookie: cookie } : {};
      // Warm the server (a deployed one has rendered these pages before) and check the page answers as expected.
      for (let k = 0; k < 3; k++) {
        const response = await fetch(url, { headers, redirect: "manual" });
        await response.arrayBuffer();
        if (response.status !== 200) throw new Error(`${url} answered ${response.status}`);
      }
      const flags: Flags = {
        port: chrome.port,
        logLevel: "error",
        onlyCategories: ["performance"],
        disableFullPageScreenshot: true,
        ...(page.signedIn ? { extraHeaders: headers } : {}),
      };
      const runs: RunFigures[] = [];
      for (let k = 0; k < RUNS; k++) {
        const result = await lighthouse(url, flags);
        if (!result) throw new Error(`Lighthouse returned nothing for ${url}`);
        if (REPORTS_DIR) {
          fs.mkdirSync(REPORTS_DIR, { recursive: true });
          const file = `${page.path.replace(/\W+/g, "-").replace(/^-/, "")}-${k + 1}.json`;
          fs.writeFileSync(path.join(REPORTS_DIR, file), JSON.stringify(result.lhr));
        }
        const run = figuresOf(result.lhr, url);
        runs.push(run);
        log(
          `${page.name}: run ${k + 1}, score ${run.score}, LCP ${Math.round(run.lcpMs)} ms, ` +
            `TBT ${Math.round(run.tbtMs)} ms, CLS ${run.cls.toFixed(3)}, load avg ${run.loadAverage}`,
        );
      }
      figures.push({ page, runs });
    }
    return figures;
  } finally {
    chrome.kill();
  }
}

const median = (values: number[]) => {
  const sorted = [...values].sort((x, y) => x - y);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};
const check = (ok: boolean) => (ok ? "✓" : "✗");
const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const kb = (bytes: number) => `${(bytes / 1000).toFixed(1)} KB`;

function report(figures: PageFigures[]) {
  const lines = [
    [
      `Lighthouse ${lighthouseVersion()} (performance category) driving headless Chromium (\`${CHROME_PATH}\`),`,
      "with its defaults: mobile emulation and simulated throttling (slow 4G, CPU 4× slower than the host).",
      `Production build (\`node build/server.js\`, \`WEB_CONCURRENCY=${WORKERS}\`) on loopback, the demo seed`,
      "plus 10,000 submitted comments on Draft 1. Each page warmed with 3 requests, then",
      `${RUNS} Lighthouse runs; every figure is the median of the ${RUNS} (the scores of each run in brackets).`,
    ].join(" "),
    "",
    `Targets: performance ≥ ${TARGETS.score}, LCP ≤ ${seconds(TARGETS.lcpMs)}, TBT ≤ ${TARGETS.tbtMs} ms, ` +
      `CLS ≤ ${TARGETS.cls}.`,
    "",
    "| page | performance (3 runs) | FCP | LCP | TBT | CLS | Speed Index | JS transferred (decoded) | " +
      "benchmark index | load avg |",
    "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
  ];
  for (const { page, runs } of figures) {
    const m = (key: keyof RunFigures) => median(runs.map((run) => run[key] as number));
    lines.push(
      tableRow([
        page.name,
        `${m("score")} ${check(m("score") >= TARGETS.score)} (${runs.map((run) => run.score).join(", ")})`,
        seconds(m("fcpMs")),
        `${seconds(m("lcpMs"))} ${check(m("lcpMs") <= TARGETS.lcpMs)}`,
        `${Math.round(m("tbtMs"))} ms ${check(m("tbtMs") <= TARGETS.tbtMs)}`,
        `${m("cls").toFixed(3)} ${check(m("cls") <= TARGETS.cls)}`,
        seconds(m("speedIndexMs")),
        `${kb(m("jsTransferBytes"))} (${kb(m("jsResourceBytes"))})`,
        Math.round(m("benchmarkIndex")),
        m("loadAverage"),
      ]),
    );
  }
  const reader = figures.find((entry) => !entry.page.signedIn && entry.page.path === READER_PATH);
  if (reader) {
    const bytes = median(reader.runs.map((run) => run.jsTransferBytes));
    const largest = reader.runs[0].largestScripts
      .map((script) => `\`${new URL(script.url).pathname}\` ${kb(script.transferBytes)}`)
      .join(", ");
    lines.push(
      "",
      `Anonymous reader's JavaScript: ${bytes.toLocaleString("en")} bytes transferred (gzip, as sent) — ` +
        `${check(bytes < TARGETS.anonymousReaderJsBytes)} < ${kb(TARGETS.anonymousReaderJsBytes)} ` +
        `(issue 17, "light pages"). Largest: ${largest}.`,
    );
  }
  lines.push(
    "",
    "Lighthouse's failing audits with estimated savings, worst first (the median-scored run of each page):",
  );
  for (const { page, runs } of figures) {
    const run = [...runs].sort((a, b) => a.score - b.score)[Math.floor(runs.length / 2)];
    const named = run.opportunities
      .slice(0, 5)
      .map((item) => (item.displayValue ? `${item.title} (${item.displayValue})` : item.title));
    lines.push(`- ${page.name}: ${named.length > 0 ? named.join("; ") : "none"}.`);
  }
  lines.push(
    "",
    "FCP, LCP, TBT and Speed Index are Lantern's simulation from the trace of an unthrottled load, so they " +
      "depend little on the network but do follow the host CPU: TBT is the observed main-thread work scaled " +
      "by 4. Benchmark index: Lighthouse's measure of the host CPU during the run (higher is faster; Lighthouse " +
      "warns below 1,000); load avg: the machine's 1-minute load average after the run (2 cores). " +
      "JS transferred: the bytes of every script response as sent (compressed); decoded: as parsed. " +
      "KB = 1,000 bytes.",
  );
  return lines.join("\n");
}

function lighthouseVersion() {
  const manifest = path.resolve("node_modules/lighthouse/package.json");
  return (JSON.parse(fs.readFileSync(manifest, "utf8")) as { version: string }).version;
}

export const lighthouseArea: BenchArea = {
  name: "lighthouse",
  title: "Lighthouse (browser)",
  async run(log) {
    buildIfStale({ quiet: true });
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "consult-bench-lighthouse-"));
    try {
      const databaseUrl = `file:${path.join(dir, "bench.db")}`;
      log("migrating and seeding 10,000 comments");
      prepareDatabase(databaseUrl);
      const server = await startServer({
        databaseUrl,
        readyPath: READER_PATH,
        env: { WEB_CONCURRENCY: String(WORKERS) },
      });
      try {
        const cookie = await signInWithCode(server.url, "secretariat@demo.test", BENCH_TOTP_SECRET);
        return report(await measure(server.url, cookie, log));
      } finally {
        await server.stop();
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  },
};
