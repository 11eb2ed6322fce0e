/**
 * Runs the production build as a separate process, the way it is deployed,
 * and talks to it over loopback HTTP: the system tests and the HTTP
 * benchmarks (bench/http.ts) share this.
 */
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const ROOT = fileURLToPath(new URL("../..", import.meta.url));
export const DEMO_PASSWORD = process.env.DEMO_PASSWORD ?? "consult-demo-2026";
export const READER_PATH = "/consultations/gca-guidelines/versions/1";

/** A free TCP port on loopback (the kernel picks it; we release it at once). */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** Every server still running; killed when this process exits, whatever happened. */
const running = new Set<ChildProcess>();
process.once("exit", () => {
  for (const child of running) child.kill("SIGKILL");
});

export interface RunningServer {
  url: string;
  port: number;
  child: ChildProcess;
  /** Everything the process printed (JSON log lines), for failure messages. */
  output: string[];
  /** Milliseconds from spawn to the first successful answer on `readyPath`. */
  startupMs: number;
  /** The pids of the processes this one started (its workers with WEB_CONCURRENCY > 1). */
  workerPids(): number[];
  /** Peak resident set size so far (VmHWM), in MiB, workers included; null once the process is gone. */
  peakRssMiB(): number | null;
  /** CPU time (user + system) the process has used so far, in ms; null once it is gone. */
  cpuTimeMs(): number | null;
  /** SIGTERM and wait for the exit. */
  stop(): Promise<void>;
  /** SIGKILL (no shutdown code runs) and wait for the exit. */
  kill(): Promise<void>;
  exited: Promise<number | null>;
}

export async function waitFor(
  check: () => boolean | Promise<boolean>,
  {
    timeoutMs = 30_000,
    intervalMs = 100,
    what = "condition",
  }: { timeoutMs?: number; intervalMs?: number; what?: string | (() => string) } = {},
) {
  const deadline = Date.now() + timeoutMs;
  // A check that throws or rejects counts as "not yet", whether it is synchronous or not.
  const passes = async () => {
    try {
      return await check();
    } catch {
      return false;
    }
  };
  for (;;) {
    if (await passes()) return;
    if (Date.now() > deadline) {
      throw new Error(`Timed out after ${timeoutMs} ms waiting for ${typeof what === "function" ? what() : what}`);
    }
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}

/** The live child processes of `pid` (Linux: /proc/<pid>/task/<pid>/children). */
export function childPids(pid: number | undefined): number[] {
  if (!pid) return [];
  try {
    return fs.readFileSync(`/proc/${pid}/task/${pid}/children`, "utf8").trim().split(/\s+/).filter(Boolean).map(Number);
  } catch {
    return [];
  }
}

/**
 * Spawns `node build/server.js` on a loopback port with the given database
 * and waits until `readyPath` answers 200. Migrations and the seed are the
 * caller's business (SEED=false: the server never seeds by itself).
 */
export async function startServer({
  databaseUrl,
  port,
  env = {},
  readyPath = "/healthz",
  timeoutMs = 30_000,
  nodeArgs = [],
}: {
  databaseUrl: string;
  port?: number;
  env?: Record<string, string>;
  /** Options for node itself, before the script (e.g. `--cpu-prof`); node:cluster passes them on to the workers. */
  nodeArgs?: string[];
  readyPath?: string;
  timeoutMs?: number;
}): Promise<RunningServer> {
  const listenPort = port ?? (await freePort());
  const started = performance.now();
  const child = spawn(process.execPath, [...nodeArgs, path.join(ROOT, "build/server.js")], {
    cwd: ROOT,
    env: {
      ...process.env,
      NODE_ENV: "production",
      HOST: "127.0.0.1",
      PORT: String(listenPort),
      DATABASE_URL: databaseUrl,
      SEED: "false",
      LOG_LEVEL: "warn",
      // The load tests and benchmarks write from one account far faster than a person (the limit has its own test).
      COMMENT_WRITES_PER_MINUTE: "1000000",
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const output: string[] = [];
  const keep = (chunk: Buffer) => {
    output.push(chunk.toString());
    if (process.env.SYSTEM_TEST_SERVER_LOGS) process.stderr.write(chunk);
    if (output.length > 2000) output.splice(0, output.length - 2000);
  };
  child.stdout.on("data", keep);
  child.stderr.on("data", keep);
  running.add(child);
  const exited = new Promise<number | null>((resolve) =>
    child.once("exit", (code) => {
      running.delete(child);
      resolve(code);
    }),
  );
  const url = `http://127.0.0.1:${listenPort}`;
  let gone = false;
  void exited.then(() => (gone = true));
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const status = await fetch(url + readyPath).then(
      (response) => response.status,
      () => 0,
    );
    if (status === 200) break;
    if (gone || Date.now() > deadline) {
      child.kill("SIGKILL");
      const reason = gone
        ? "The server exited during start-up"
        : `Timed out after ${timeoutMs} ms waiting for ${url}${readyPath}`;
      throw new Error(`${reason}\n--- server output ---\n${output.join("")}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  const startupMs = performance.now() - started;
  const waitExit = async (signal: NodeJS.Signals) => {
    if (gone) return;
    child.kill(signal);
    await exited;
  };
  return {
    url,
    port: listenPort,
    child,
    output,
    startupMs,
    exited,
    workerPids: () => childPids(child.pid),
    peakRssMiB() {
      // The process and its workers (WEB_CONCURRENCY > 1): the sum of each one's peak.
      const peaks = [child.pid, ...childPids(child.pid)].map((pid) => {
        try {
          return Number(/VmHWM:\s+(\d+)/.exec(fs.readFileSync(`/proc/${pid}/status`, "utf8"))?.[1]);
        } catch {
          return NaN;
        }
      });
      if (!Number.isFinite(peaks[0])) return null;
      return peaks.filter(Number.isFinite).reduce((sum, kb) => sum + kb, 0) / 1024;
    },
    cpuTimeMs() {
      // User + system time of the process and of its live workers: fields 14
      // and 15 of /proc/<pid>/stat, in clock ticks (100 per second on Linux).
      const times = [child.pid, ...childPids(child.pid)].map((pid) => {
        try {
          const fields = fs.readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1].split(" ");
          return (Number(fields[11]) + Number(fields[12])) * 10;
        } catch {
          return NaN;
        }
      });
      if (!Number.isFinite(times[0])) return null;
      return times.filter(Number.isFinite).reduce((sum, ms) => sum + ms, 0);
    },
    stop: () => waitExit("SIGTERM"),
    kill: () => waitExit("SIGKILL"),
  };
}

export interface RunningWorker {
  child: ChildProcess;
  pid: number;
  output: string[];
  exited: Promise<number | null>;
  /** SIGKILL (no shutdown code runs) and wait for the exit. */
  kill(): Promise<void>;
  /** SIGTERM (finishes its pass) and wait for the exit. */
  stop(): Promise<void>;
}

/**
 * Spawns the delivery worker the way `npm run worker` runs it (server/worker.ts)
 * as one process: `node --import tsx`, so that a SIGKILL hits the worker
 * itself and not a tsx supervisor that would leave it running.
 */
export function startWorker({ databaseUrl, env = {} }: { databaseUrl: string; env?: Record<string, string> }) {
  const child = spawn(process.execPath, ["--import", "tsx", path.join(ROOT, "server/worker.ts")], {
    cwd: ROOT,
    env: { ...process.env, NODE_ENV: "production", DATABASE_URL: databaseUrl, LOG_LEVEL: "warn", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const output: string[] = [];
  const keep = (chunk: Buffer) => {
    output.push(chunk.toString());
    if (process.env.SYSTEM_TEST_SERVER_LOGS) process.stderr.write(chunk);
    if (output.length > 2000) output.splice(0, output.length - 2000);
  };
  child.stdout.on("data", keep);
  child.stderr.on("data", keep);
  running.add(child);
  let gone = false;
  const exited = new Promise<number | null>((resolve) =>
    child.once("exit", (code) => {
      gone = true;
      running.delete(child);
      resolve(code);
    }),
  );
  const signal = async (name: NodeJS.Signals) => {
    if (!gone) child.kill(name);
    await exited;
  };
  return {
    child,
    pid: child.pid!,
    output,
    exited,
    kill: () => signal("SIGKILL"),
    stop: () => signal("SIGTERM"),
  } satisfies RunningWorker;
}

/**
 * Signs in through POST /login as a browser would (same-origin Origin
 * header) and returns the `consult_session=…` cookie pair.
 */
export async function signIn(baseUrl: string, email: string, password = DEMO_PASSWORD) {
  const response = await postForm(baseUrl, "/login", { email, password });
  const cookie = /consult_session=[^;]+/.exec(response.headers.get("set-cookie") ?? "")?.[0];
  if (response.status !== 302 || !cookie) throw new Error(`sign-in as ${email} failed: ${response.status}`);
  return cookie;
}

export async function postForm(baseUrl: string, pathname: string, fields: Record<string, string>, cookie?: string) {
  return fetch(baseUrl + pathname, {
    method: "POST",
    redirect: "manual",
    headers: {
      Origin: baseUrl,
      "Content-Type": "application/x-www-form-urlencoded",
      ...(cookie ? { Cookie: cookie } : {}),
    },
    body: new URLSearchParams(fields).toString(),
  });
}

/** The reader's comment form, as the focal point submits it (intent=create, submit=on). */
export function commentForm({ paragraphKey, idempotencyKey }: { paragraphKey: string; idempotencyKey: string }) {
  return {
    intent: "create",
    paragraphKey,
    type: "technical",
    bodyText: `Load-test comment ${idempotencyKey}: please mention regional organizations.`,
    idempotencyKey,
    submit: "on",
  };
}

/**
 * The app acknowledges a stored comment by redirecting back to the paragraph
 * with `saved=1` (a 302 from Remix's `redirect`; a 303 would mean the same).
 */
export function isAcknowledged(response: Response) {
  return (
    (response.status === 302 || response.status === 303) && (response.headers.get("location") ?? "").includes("saved=1")
  );
}

/**
 * Sustained comment submission from `concurrency` clients until stop(). Each
 * comment carries a fresh idempotency key. A key is "acknowledged" when the
 * app answered with its success redirect; "unknown" while the last attempt
 * failed in a way that leaves the outcome open (connection refused or reset,
 * 5xx): such a comment may or may not be stored, and the client resends it.
 */
export class CommentLoad {
  readonly acknowledged = new Set<string>();
  readonly unknown = new Set<string>();
  /** Refused with a 4xx: definitely not stored (validation, rate limit, permissions). */
  readonly rejected = new Set<string>();
  readonly attempted = new Set<string>();
  readonly statuses = new Map<string, number>();
  private running = true;
  private counter = 0;
  private workers: Promise<void>[] = [];

  constructor(
    private readonly options: {
      baseUrl: () => string;
      cookie: string;
      paragraphKeys: string[];
      concurrency: number;
      keyPrefix: string;
      readerPath?: string;
    },
  ) {}

  start() {
    this.workers = Array.from({ length: this.options.concurrency }, () => this.work());
    return this;
  }

  private count(what: string) {
    this.statuses.set(what, (this.statuses.get(what) ?? 0) + 1);
  }

  async submit(idempotencyKey: string) {
    const { paragraphKeys, cookie, readerPath = READER_PATH } = this.options;
    const paragraphKey = paragraphKeys[Number(idempotencyKey.split("-").pop()) % paragraphKeys.length];
    this.attempted.add(idempotencyKey);
    try {
      const response = await postForm(
        this.options.baseUrl(),
        readerPath,
        commentForm({ paragraphKey, idempotencyKey }),
        cookie,
      );
      await response.arrayBuffer();
      this.count(String(response.status));
      if (isAcknowledged(response)) {
        this.acknowledged.add(idempotencyKey);
        this.unknown.delete(idempotencyKey);
        return true;
      }
      if (response.status >= 400 && response.status < 500) {
        this.rejected.add(idempotencyKey);
        this.unknown.delete(idempotencyKey);
      } else {
        this.unknown.add(idempotencyKey);
      }
    } catch (error) {
      this.count(`error:${(error as { cause?: { code?: string } }).cause?.code ?? "fetch"}`);
      this.unknown.add(idempotencyKey);
    }
    return false;
  }

  private nextKey() {
    // Zero-padded: the app wants keys of 8 to 64 characters.
    return `${this.options.keyPrefix}-${String(++this.counter).padStart(6, "0")}`;
  }

  /**
   * One client: like the browser (which keeps the typed comment), it resends
   * the same comment with the same key until the app acknowledges or refuses
   * it, then writes the next one.
   */
  private async work() {
    let key = this.nextKey();
    while (this.running) {
      if ((await this.submit(key)) || this.rejected.has(key)) key = this.nextKey();
      else await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  /** What happened so far, for a failure message: "(12 acknowledged; statuses {...})". */
  report() {
    return `(${this.acknowledged.size} acknowledged; statuses ${JSON.stringify(Object.fromEntries(this.statuses))})`;
  }

  async stop() {
    this.running = false;
    await Promise.all(this.workers);
  }

  /** A client retrying every request whose outcome it never learned; returns how many got through. */
  async retryUnknown() {
    let ok = 0;
    for (const key of [...this.unknown]) if (await this.submit(key)) ok++;
    return ok;
  }
}
