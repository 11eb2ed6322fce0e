/**
 * Email delivery (issue #13): 10,000 reminders queued by the real reminder
 * path (`runReminderTick`: one reminder to each of 10,000 delegates of 500
 * organizations that have not commented) and delivered by the real worker
 * loop (`startMailWorker`, pooled SMTP) to an SMTP server in this process,
 * which counts distinct Message-IDs. Each database runs in a child process
 * (`--leg`, the models bind to DATABASE_URL on first import) that queues,
 * then delivers while sampling its RSS every 250 ms; CPU per message is that
 * process's user + system time over the delivery. Target ≥ 200 messages/s,
 * RSS flat. `npm run bench -- notifications`; BENCH_NOTIFICATIONS changes
 * the count; PostgreSQL at BENCH_POSTGRES_URL / TEST_POSTGRES_URL.
 */
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";

import { SMTPServer } from "smtp-server";

import { createDatabase, dropDatabase, migrateDatabase, withAdminClient } from "../scripts/lib/databases.mjs";
import { tableRow } from "./report";

import type { BenchArea } from "./run";
import type { AddressInfo } from "node:net";

const COUNT = Number(process.env.BENCH_NOTIFICATIONS ?? 10_000);
const ORGANIZATIONS = 500;
const TARGET_PER_SECOND = 200;

/** What one leg reports (the last line of its stdout, as JSON). */
interface LegFigures {
  queued: number;
  queueMs: number;
  sent: number;
  deliveryMs: number;
  cpuMs: number;
  rssMiB: number[];
  peakRssMiB: number;
}

/** The leg: runs in a child process with DATABASE_URL and SMTP_URL set. */
async function leg(): Promise<LegFigures> {
  const { seed, GCA_SLUG } = await import("../prisma/seed");
  const { prisma } = await import("~/utils/db.server");
  const { reminderSchedule } = await import("~/lib/mail/reminder-schedule");
  const { runReminderTick } = await import("~/models/reminder.server");
  const { startMailWorker } = await import("~/utils/mail-worker.server");
  const { smtpTransport } = await import("~/utils/mailer.server");
  await seed({ quiet: true });

  // 10,000 delegates of organizations that have not commented: each gets the "not commented yet" reminder.
  const delegate = await prisma.role.findUniqueOrThrow({ where: { name: "delegate" }, select: { id: true } });
  await prisma.organization.createMany({
    data: Array.from({ length: ORGANIZATIONS }, (_, k) => ({
      name: `Bench delegation ${k + 1}`,
      kind: "member_state",
    })),
  });
  const organizations = await prisma.organization.findMany({
    where: { name: { startsWith: "Bench delegation " } },
    select: { id: true },
  });
  for (let start = 0; start < COUNT; start += 1_000) {
    await prisma.user.createMany({
      data: Array.from({ length: Math.min(1_000, COUNT - start) }, (_, k) => ({
        email: `bench-delegate-${start + k}@bench.test`,
        name: `Bench Delegate ${start + k}`,
        roleId: delegate.id,
        organizationId: organizations[(start + k) % organizations.length].id,
      })),
    });
  }
  // The GCA draft's period: open for a month, closing in a day; the tick comes just after the 1-day reminder is due.
  const version = await prisma.version.findFirstOrThrow({
    where: { consultation: { slug: GCA_SLUG } },
    orderBy: { number: "desc" },
    select: { id: true, consultation: { select: { timeZone: true } } },
  });
  const opensAt = new Date(Date.now() - 30 * 86_400_000);
  const closesAt = new Date(Date.now() + 86_400_000);
  await prisma.version.updateMany({ where: { id: { not: version.id } }, data: { status: "closed" } });
  await prisma.version.update({
    where: { id: version.id },
    data: { status: "open", commentsOpenAt: opensAt, commentsCloseAt: closesAt },
  });
  await prisma.consultation.updateMany({ data: { reminderDays: "7,1" } });
  const due = reminderSchedule({ opensAt, closesAt, timeZone: version.consultation.timeZone, days: [7, 1] }).at(-1)!;
  const queueStarted = performance.now();
  const tick = await runReminderTick({ now: new Date(due.dueAt.getTime() + 1_000) });
  const queueMs = performance.now() - queueStarted;
  const queued = await prisma.outboxMessage.count({ where: { status: "pending" } });
  if (tick.queued < COUNT) throw new Error(`only ${tick.queued} reminders queued`);

  const rssMiB: number[] = [];
  const sample = setInterval(() => rssMiB.push(process.memoryUsage().rss / 1024 ** 2), 250);
  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  const worker = startMailWorker({ transport: smtpTransport(process.env.SMTP_URL!), intervalMs: 100 });
  for (;;) {
    const waiting = await prisma.outboxMessage.count({ where: { status: { in: ["pending", "sending"] } } });
    if (waiting === 0) break;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  const deliveryMs = performance.now() - started;
  const cpu = process.cpuUsage(cpuBefore);
  clearInterval(sample);
  await worker.stop();
  const sent = await prisma.outboxMessage.count({ where: { status: "sent" } });
  await prisma.$disconnect();
  const peak = /VmHWM:\s+(\d+)/.exec(fs.readFileSync("/proc/self/status", "utf8"))?.[1];
  return {
    queued,
    queueMs,
    sent,
    deliveryMs,
    cpuMs: (cpu.user + cpu.system) / 1000,
    rssMiB,
    peakRssMiB: peak ? Number(peak) / 1024 : Math.max(...rssMiB),
  };
}

/** Runs one leg against `databaseUrl`, delivering to `smtpUrl`. */
function runLeg(databaseUrl: string, smtpUrl: string): Promise<LegFigures> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", "bench/notifications.ts", "--leg"], {
      env: { ...process.env, DATABASE_URL: databaseUrl, SMTP_URL: smtpUrl, LOG_LEVEL: "warn" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let out = "";
    let err = "";
    child.stdout.on("data", (chunk: Buffer) => (out += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (err += chunk.toString()));
    child.once("exit", (code) => {
      const last = out.trim().split("\n").at(-1) ?? "";
      if (code === 0 && last.startsWith("{")) resolve(JSON.parse(last) as LegFigures);
      else reject(new Error(`notifications leg failed (${code}):\n${out}\n${err}`));
    });
  });
}

/** An SMTP server counting what it receives by Message-ID. */
async function startSink() {
  const arrivals = new Map<string, number>();
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onData(stream, _session, callback) {
      let head = "";
      stream.on("data", (chunk: Buffer) => {
        if (head.length < 8_192) head += chunk.toString("utf8");
      });
      stream.on("end", () => {
        const id = /^Message-ID:\s*(<[^>]+>)/im.exec(head)?.[1];
        if (id) arrivals.set(id, (arrivals.get(id) ?? 0) + 1);
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `smtp://127.0.0.1:${(server.server.address() as AddressInfo).port}`,
    arrivals,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
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

interface Row extends LegFigures {
  database: string;
  received: number;
  distinct: number;
}

/** RSS over the delivery, a few points: start, quarters, end. */
function rssCurve(samples: number[]) {
  if (samples.length === 0) return "–";
  const points = [0, 0.25, 0.5, 0.75, 1].map(
    (at) => samples[Math.min(samples.length - 1, Math.round(at * (samples.length - 1)))],
  );
  return points.map((value) => Math.round(value)).join(" → ");
}

function report(rows: Row[], skipped: string | null) {
  const lines = [
    [
      `${COUNT.toLocaleString("en")} reminders queued by \`runReminderTick\` (250 participants a transaction,`,
      `one reminder per delegate of ${ORGANIZATIONS} organizations without comments)`,
      "and delivered by the worker loop (`startMailWorker`,",
      "batches of 50, 5 pooled SMTP connections) to an SMTP server in the parent process on loopback,",
      "which counts distinct Message-IDs. Queueing and delivery run in one child process per database;",
      "CPU is that process's user + system time over the delivery; RSS sampled every 250 ms in MiB.",
    ].join(" "),
    "",
    "| database | queued | queue time | delivered (distinct / received) | delivery time | messages/s | " +
      "CPU / message | peak RSS | RSS over the delivery | target |",
    "|---|---:|---:|---:|---:|---:|---:|---:|---|---|",
  ];
  for (const row of rows) {
    const perSecond = row.sent / (row.deliveryMs / 1000);
    const ok = perSecond >= TARGET_PER_SECOND && row.distinct === row.queued && row.received === row.distinct;
    lines.push(
      tableRow([
        row.database,
        row.queued.toLocaleString("en"),
        `${(row.queueMs / 1000).toFixed(1)} s`,
        `${row.distinct.toLocaleString("en")} / ${row.received.toLocaleString("en")}`,
        `${(row.deliveryMs / 1000).toFixed(1)} s`,
        Math.round(perSecond).toLocaleString("en"),
        `${(row.cpuMs / row.sent).toFixed(2)} ms`,
        `${Math.round(row.peakRssMiB)} MiB`,
        rssCurve(row.rssMiB),
        `${ok ? "✅" : "❌"} ≥ ${TARGET_PER_SECOND}/s, each once`,
      ]),
    );
  }
  if (rows.length === 2) {
    const [a, b] = rows.map((row) => row.sent / (row.deliveryMs / 1000));
    lines.push("", `PostgreSQL / SQLite throughput in this run: ${(b / a).toFixed(2)}×.`);
  }
  if (skipped) lines.push("", `PostgreSQL skipped: ${skipped}`);
  return lines.join("\n");
}

export const notificationsArea: BenchArea = {
  name: "notifications",
  title: "Email delivery",
  async run(log) {
    const sink = await startSink();
    const rows: Row[] = [];
    const measure = async (database: string, url: string) => {
      sink.arrivals.clear();
      log(`${database}: queueing and delivering ${COUNT} reminders`);
      const figures = await runLeg(url, sink.url);
      const received = [...sink.arrivals.values()].reduce((sum, n) => sum + n, 0);
      rows.push({ database, ...figures, received, distinct: sink.arrivals.size });
      log(`${database}: ${figures.sent} sent in ${Math.round(figures.deliveryMs)} ms`);
    };
    try {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), "consult-bench-mail-"));
      try {
        const url = `file:${path.join(dir, "bench.db")}`;
        migrateDatabase(url);
        await measure("SQLite", url);
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
      const server = await postgresServer();
      let skipped: string | null = null;
      if (server) {
        const name = "consult_bench_notifications";
        await dropDatabase(server, name);
        const url = await createDatabase(server, name);
        try {
          migrateDatabase(url);
          await measure("PostgreSQL", url);
        } finally {
          await dropDatabase(server, name);
        }
      } else {
        skipped = "no server answered at BENCH_POSTGRES_URL / TEST_POSTGRES_URL.";
      }
      return report(rows, skipped);
    } finally {
      await sink.close();
    }
  },
};

if (process.argv.includes("--leg") && import.meta.url === pathToFileURL(path.resolve(process.argv[1] ?? "")).href) {
  leg().then(
    (figures) => {
      console.log(JSON.stringify(figures));
      process.exit(0);
    },
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}
