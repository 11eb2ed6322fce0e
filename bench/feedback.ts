/**
 * Benchmarks of the feedback consolidation (issue #5), on 100,000 synthetic
 * comments on the 2020 draft in the benchmark's throwaway SQLite database
 * (bench/database.ts):
 *
 * (a) the dashboard loader's data function (`getFeedbackDashboard`),
 *     unfiltered, with combined filters, with a text search and on one
 *     near-duplicate group: median server time over several runs. Target
 *     < 300 ms. Measured with the migrated schema, then again without the
 *     two indexes ordered by organization and by day (dropped here, then
 *     rebuilt) to show what they buy; and the text search's counts alone,
 *     from one reading of the rows (what the dashboard does) and from the
 *     four index queries (what it does without a search);
 * (b) near-duplicate grouping (`regroupDuplicates`: read the texts, MinHash
 *     + LSH, write the groups), first and second run, and the algorithm
 *     alone. Target < 10 s;
 * (c) the CSV and XLSX exports streamed to a counting sink, with the
 *     process's RSS sampled every 10 ms: before, peak, after. Target
 *     < 10 s, RSS flat.
 *
 * The synthetic comments: a few hundred organizations of every kind, a
 * Zipf-like skew over paragraphs, a mix of types, proposed changes,
 * dispositions, drafts and withdrawals that the dashboard must leave out,
 * and campaigns of near-identical letters for the grouping. `npm run bench --
 * feedback`; BENCH_FEEDBACK_COMMENTS changes the count.
 */
import os from "node:os";
import v8 from "node:v8";
import vm from "node:vm";

import type { Prisma as PrismaNamespace } from "~/generated/prisma/client";
import { createRandom } from "~/lib/compare/synthetic";
import type { prisma as databaseClient } from "~/utils/db.server";

import { mb, ms, summarize, time } from "./measure";
import { tableRow } from "./report";

import type { BenchArea } from "./run";

// Loaded inside `run`, after bench/run.ts has pointed DATABASE_URL at the throwaway database (the type-only
// imports above load nothing).
let prisma: typeof databaseClient;
let Prisma: typeof PrismaNamespace;

const SUBJECTS = [
  "ITU",
  "Member States",
  "the secretariat",
  "regional organizations",
  "national CIRTs",
  "the private sector",
  "academia",
  "civil society",
  "law enforcement agencies",
  "standards bodies",
  "developing countries",
  "the guidelines",
];
const VERBS = [
  "should clarify",
  "should strengthen",
  "must not duplicate",
  "could coordinate",
  "should reference",
  "needs to address",
  "should promote",
  "must respect",
  "could support",
  "should avoid",
  "should define",
  "could expand",
];
const OBJECTS = [
  "the role of capacity building",
  "cross-border cooperation on cybercrime",
  "the protection of critical infrastructure",
  "data protection and privacy",
  "the Budapest Convention",
  "incident response coordination",
  "technical standards for IoT",
  "the mandate of ITU under WSIS Action Line C5",
  "multi-stakeholder partnerships",
  "child online protection",
  "the Global Cybersecurity Index",
  "confidence-building measures",
  "supply-chain security",
  "gender balance in the workforce",
];
const TAILS = [
  "in line with existing commitments.",
  "without creating new obligations.",
  "as a matter of priority.",
  "taking national circumstances into account.",
  "with measurable indicators.",
  "in cooperation with relevant partners.",
  "and this should be stated explicitly.",
  "to avoid overlap with other UN processes.",
];

/** Campaign letters: many organizations send these with small edits. */
const CAMPAIGNS = [
  "We urge the secretariat to delete this paragraph because it extends the mandate of ITU beyond what Member " +
    "States agreed in the Plenipotentiary Conference and it duplicates work under way in other forums.",
  "Our organization strongly supports the inclusion of human rights safeguards in every guideline and asks " +
    "that the text explicitly references the protection of privacy and freedom of expression online.",
  "The paragraph should recognize the essential role of the technical community and of open standards, and " +
    "it should commit ITU to consult all stakeholders before any new work item is launched.",
  "Please replace the reference to national legislation with a reference to internationally agreed norms so " +
    "that the guidelines remain consistent with the UN framework of responsible state behaviour.",
  "We request that capacity-building programmes give priority to least developed countries and small island " +
    "developing states and that their funding is described in a transparent manner.",
];

function sentence(next: () => number) {
  const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)];
  const subject = pick(SUBJECTS);
  return `${subject.charAt(0).toUpperCase()}${subject.slice(1)} ${pick(VERBS)} ${pick(OBJECTS)} ${pick(TAILS)}`;
}

/** A campaign letter with up to two words replaced, as organizations edit them. */
function campaignText(next: () => number) {
  const words = CAMPAIGNS[Math.floor(next() * CAMPAIGNS.length)].split(" ");
  const edits = Math.floor(next() * 3);
  for (let k = 0; k < edits; k++)
    words[Math.floor(next() * words.length)] = ["also", "kindly", "further", "clearly"][Math.floor(next() * 4)];
  return words.join(" ");
}

function escapeHtml(text: string) {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/** Rows per INSERT statement: 1,000 × 16 columns stays under SQLite's 32,766 parameters. */
const INSERT_ROWS = 1_000;

function chunks<T>(list: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let start = 0; start < list.length; start += size) out.push(list.slice(start, start + size));
  return out;
}

/**
 * One multi-row INSERT (standard SQL, parameterized). Prisma's createMany
 * goes through the query compiler row by row and is about six times slower
 * here; the benchmark measures the app, not the data loading.
 */
function insertRows(table: "Comment" | "Disposition", rows: Array<Record<string, unknown>>) {
  const columns = Object.keys(rows[0]);
  const values = rows.map((row) => Prisma.sql`(${Prisma.join(columns.map((column) => row[column] ?? null))})`);
  const into = Prisma.raw(`"${table}"`);
  const columnList = Prisma.raw(columns.map((column) => `"${column}"`).join(", "));
  return prisma.$executeRaw`INSERT INTO ${into} (${columnList}) VALUES ${Prisma.join(values)}`;
}

/**
 * Stores `count` comments on version 1 of the seeded GCA consultation.
 * Bodies are one-paragraph documents written directly in the stored shape
 * (the renderer's output for plain text), which keeps generation fast.
 */
export async function generateFeedback({ count, seed = 2020 }: { count: number; seed?: number }) {
  ({ prisma } = await import("~/utils/db.server"));
  ({ Prisma } = await import("~/generated/prisma/client"));
  const { seed: seedDemo, GCA_SLUG } = await import("../prisma/seed");
  await seedDemo({ quiet: true });
  const next = createRandom(seed);

  const version = await prisma.version.findFirstOrThrow({
    where: { number: 1, consultation: { slug: GCA_SLUG } },
    select: {
      id: true,
      consultationId: true,
      commentsOpenAt: true,
      paragraphs: { select: { id: true }, orderBy: { order: "asc" } },
    },
  });
  const secretariat = await prisma.user.findUniqueOrThrow({
    where: { email: "secretariat@demo.test" },
    select: { id: true },
  });

  const kinds: Array<[string, number]> = [
    ["member_state", 190],
    ["sector_member", 60],
    ["academia", 30],
    ["civil_society", 40],
    ["international_organization", 20],
  ];
  const organizations: Array<{ name: string; kind: string }> = [];
  for (const [kind, n] of kinds) for (let k = 1; k <= n; k++) organizations.push({ name: `Bench ${kind} ${k}`, kind });
  await prisma.organization.createMany({ data: organizations });
  const organizationIds = (
    await prisma.organization.findMany({ where: { name: { startsWith: "Bench " } }, select: { id: true } })
  ).map((row) => row.id);

  // Zipf-like: paragraph k draws comments in proportion to 1 / (k + 1) in a shuffled order.
  const paragraphs = version.paragraphs.map((p) => p.id).sort(() => next() - 0.5);
  const weights = paragraphs.map((_, k) => 1 / (k + 1));
  const totalWeight = weights.reduce((a, b) => a + b, 0);
  const cumulative: number[] = [];
  weights.reduce((sum, weight, k) => (cumulative[k] = sum + weight / totalWeight), 0);
  const pickParagraph = () => {
    const r = next();
    let low = 0;
    let high = cumulative.length - 1;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (cumulative[mid] < r) low = mid + 1;
      else high = mid;
    }
    return paragraphs[low];
  };

  const start = new Date("2026-01-05T08:00:00Z").getTime();
  const spanMs = 60 * 24 * 60 * 60 * 1000;
  const BATCH = 5_000;
  let created = 0;
  const dispositionStatuses = ["accepted", "accepted_in_part", "not_accepted", "noted"];
  while (created < count) {
    const size = Math.min(BATCH, count - created);
    const rows = [];
    const dispositions: Array<{ id: string; status: string }> = [];
    for (let k = 0; k < size; k++) {
      const index = created + k;
      const id = `bench${String(index).padStart(8, "0")}`;
      const r = next();
      const text =
        r < 0.08
          ? campaignText(next)
          : Array.from({ length: 1 + Math.floor(next() * 3) }, () => sentence(next)).join(" ");
      const typeRoll = next();
      const type = typeRoll < 0.45 ? "general" : typeRoll < 0.8 ? "technical" : "editorial";
      const statusRoll = next();
      const status = statusRoll < 0.03 ? "draft" : statusRoll < 0.05 ? "withdrawn" : "submitted";
      // Earlier days get more comments than the last ones, like a real deadline rush in reverse.
      const submittedAt = new Date(start + Math.floor(next() ** 1.5 * spanMs));
      const body = JSON.stringify({ type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text }] }] });
      rows.push({
        id,
        consultationId: version.consultationId,
        versionId: version.id,
        paragraphId: pickParagraph(),
        organizationId: organizationIds[Math.floor(next() * organizationIds.length)],
        type,
        status,
        body,
        bodyHtml: `<p>${escapeHtml(text)}</p>`,
        bodyText: text,
        proposedText: next() < 0.25 ? sentence(next) : null,
        origin: "platform",
        submittedAt: status === "draft" ? null : submittedAt,
        createdAt: submittedAt,
        updatedAt: submittedAt,
      });
      if (status === "submitted" && next() < 0.3) {
        dispositions.push({ id, status: dispositionStatuses[Math.floor(next() * dispositionStatuses.length)] });
      }
    }
    await prisma.$transaction([
      ...chunks(rows, INSERT_ROWS).map((chunk) => insertRows("Comment", chunk)),
      ...chunks(
        dispositions.map((d) => ({
          id: `disp-${d.id}`,
          commentId: d.id,
          status: d.status,
          response: "Noted by the secretariat.",
          decidedById: secretariat.id,
          decidedAt: new Date(start + spanMs),
          updatedAt: new Date(start + spanMs),
        })),
        INSERT_ROWS,
      ).map((chunk) => insertRows("Disposition", chunk)),
    ]);
    created += size;
  }
  return { versionId: version.id, consultationId: version.consultationId, slug: GCA_SLUG };
}

const TARGETS = { dashboardMs: 300, groupingMs: 10_000, exportMs: 10_000 };
const check = (ok: boolean) => (ok ? "✓" : "✗");

/**
 * The two dashboard indexes that hold no duplicateGroupId (see
 * prisma/schema.prisma): dropped and rebuilt by the benchmark to show what
 * their order buys. Their names are Prisma's defaults.
 */
const ORDERED_INDEXES = [
  ["versionId", "status", "organizationId", "origin", "type", "dispositionStatus", "paragraphId", "submittedAt"],
  ["versionId", "status", "submittedAt", "paragraphId", "type", "organizationId", "origin", "dispositionStatus"],
].map((columns) => ({ columns, name: `Comment_${columns.join("_")}_idx` }));

/** A full garbage collection, so that RSS and heap figures before and after mean something. */
function collectGarbage() {
  v8.setFlagsFromString("--expose-gc");
  (vm.runInNewContext("gc") as () => void)();
}

/**
 * Wall time and CPU time (user + system) of the process, median of `runs`.
 * On a shared machine the CPU time is the steadier figure: better-sqlite3
 * runs the queries on this thread, so wall ≈ CPU on an idle machine.
 */
async function wallAndCpu(work: () => Promise<unknown>, runs = 7) {
  await work();
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let k = 0; k < runs; k++) {
    const startCpu = process.cpuUsage();
    const start = performance.now();
    await work();
    wall.push(performance.now() - start);
    const used = process.cpuUsage(startCpu);
    cpu.push((used.user + used.system) / 1000);
  }
  return { wall: summarize(wall), cpu: summarize(cpu) };
}

/** Reads a web stream to the end, counting bytes, while sampling RSS and heap every 10 ms. */
async function drainWithRss(stream: ReadableStream<Uint8Array>) {
  collectGarbage();
  const before = process.memoryUsage().rss;
  const heapBefore = process.memoryUsage().heapUsed;
  let peak = before;
  let heapPeak = heapBefore;
  const sample = () => {
    const usage = process.memoryUsage();
    peak = Math.max(peak, usage.rss);
    heapPeak = Math.max(heapPeak, usage.heapUsed);
  };
  const sampler = setInterval(sample, 10);
  const started = performance.now();
  let bytes = 0;
  const reader = stream.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      bytes += value.byteLength;
      sample();
    }
  } finally {
    clearInterval(sampler);
  }
  const elapsed = performance.now() - started;
  collectGarbage();
  const after = process.memoryUsage().rss;
  return { elapsed, bytes, before, peak, after, heapBefore, heapPeak };
}

async function run(log: (message: string) => void): Promise<string> {
  const count = Number(process.env.BENCH_FEEDBACK_COMMENTS ?? 100_000);
  const { getFeedbackDashboard, regroupDuplicates, loadFeedbackScope, feedbackWhere, countFeedback } =
    await import("~/models/feedback.server");
  const { exportRowBatches, csvExportStream, xlsxExportStream } = await import("~/models/comment-export.server");
  const { groupNearDuplicates } = await import("~/lib/feedback");
  const { sessionUserSelect, toSessionUser } = await import("~/utils/session-user.server");

  log(`generating ${count.toLocaleString("en")} comments`);
  let started = performance.now();
  const { versionId, slug } = await generateFeedback({ count });
  const generationMs = performance.now() - started;
  const submitted = await prisma.comment.count({ where: { versionId, status: "submitted" } });
  const actor = toSessionUser(
    await prisma.user.findUniqueOrThrow({ where: { email: "secretariat@demo.test" }, select: sessionUserSelect }),
  );
  log(`generated in ${ms(generationMs)}: ${submitted.toLocaleString("en")} submitted`);

  // (b) Grouping first: the dashboard then finds every comment grouped.
  log("grouping near-duplicates");
  const first = await regroupDuplicates({ actor, slug });
  const second = await regroupDuplicates({ actor, slug });
  const texts = await prisma.comment.findMany({
    where: { versionId, status: "submitted" },
    orderBy: [{ submittedAt: "asc" }, { id: "asc" }],
    select: { id: true, bodyText: true, proposedText: true, paragraphId: true },
  });
  const items = texts.map((c) => ({
    id: c.id,
    text: c.proposedText ? `${c.bodyText}\n${c.proposedText}` : c.bodyText,
    scope: c.paragraphId,
  }));
  let grouping = groupNearDuplicates(items);
  const algorithm = await time(
    () => {
      grouping = groupNearDuplicates(items);
    },
    { runs: 3, warmup: 0 },
  );

  // (a) Dashboard.
  const scope = await loadFeedbackScope({ slug, versionNumber: 1 });
  const section2 = scope.sections.find((section) => section.number === "2")!;
  const [largestGroup] = await prisma.comment.groupBy({
    by: ["duplicateGroupId"],
    where: { versionId, status: "submitted", duplicateGroupId: { not: null } },
    _count: { _all: true },
    orderBy: [{ _count: { duplicateGroupId: "desc" } }, { duplicateGroupId: "asc" }],
    take: 1,
  });
  const cases = [
    { name: "no filter", filters: { v: 1 } },
    {
      name: "section 2 + member states + technical + undecided",
      filters: {
        v: 1,
        section: section2.param,
        kind: "member_state" as const,
        type: "technical" as const,
        status: "undecided" as const,
      },
    },
    { name: "text search “budapest”", filters: { v: 1, q: "budapest" } },
    { name: "the largest near-duplicate group", filters: { v: 1, group: largestGroup.duplicateGroupId! } },
  ];
  const dashboard = async () => {
    const rows: Array<{ name: string; comments: number; timing: Awaited<ReturnType<typeof wallAndCpu>> }> = [];
    for (const entry of cases) {
      let comments = 0;
      const timing = await wallAndCpu(async () => {
        const result = await getFeedbackDashboard({ actor, slug, filters: entry.filters, autoRegroup: false });
        comments = result.totals.comments;
      });
      rows.push({ name: entry.name, comments, timing });
    }
    return rows;
  };
  const load = () => os.loadavg()[0].toFixed(1);
  const loadAtStart = load();
  log("dashboard, migrated schema");
  const migrated = await dashboard();

  log("text search: its counts from one reading of the rows, and from the indexes");
  const search = cases[2].filters;
  const countsOneScan = await wallAndCpu(() => countFeedback(scope, search, { oneScan: true }));
  const countsFromIndexes = await wallAndCpu(() => countFeedback(scope, search, { oneScan: false }));

  log("dashboard, without the indexes ordered by organization and by day");
  for (const index of ORDERED_INDEXES) await prisma.$executeRawUnsafe(`DROP INDEX "${index.name}"`);
  const withoutOrdered = await dashboard();
  started = performance.now();
  for (const index of ORDERED_INDEXES) {
    await prisma.$executeRawUnsafe(
      `CREATE INDEX "${index.name}" ON "Comment" (${index.columns.map((c) => `"${c}"`).join(", ")})`,
    );
  }
  const rebuildMs = performance.now() - started;
  const loadAtEnd = load();

  // (c) Exports.
  log("exports: CSV and XLSX, streamed");
  const labels = {
    columns: ["(1)", "(2)", "(3)", "(4)", "(5)", "(6)", "(7)", "(8)"],
    internalColumns: ["id", "group", "submitted", "decided by", "decided at"],
    status: (status: string) => status,
    title: "Comments",
    noSection: "No section",
  };
  const { where } = feedbackWhere(scope, { v: 1 });
  const csv = await drainWithRss(csvExportStream(exportRowBatches({ scope, where }), "secretariat", labels));
  const xlsx = await drainWithRss(
    xlsxExportStream(exportRowBatches({ scope, where }), "secretariat", labels, { rows: submitted }),
  );

  const withTarget = (value: number, target: number) => `${ms(value)} ${check(value < target)}`;
  const table = (rows: Awaited<ReturnType<typeof dashboard>>) =>
    rows.map((row) =>
      tableRow([
        row.name,
        row.comments.toLocaleString("en"),
        withTarget(row.timing.wall.median, TARGETS.dashboardMs),
        withTarget(row.timing.cpu.median, TARGETS.dashboardMs),
        ms(row.timing.wall.min),
        ms(row.timing.wall.max),
        row.timing.wall.runs,
      ]),
    );
  const exportRow = (name: string, result: Awaited<ReturnType<typeof drainWithRss>>) =>
    tableRow([
      name,
      withTarget(result.elapsed, TARGETS.exportMs),
      mb(result.bytes),
      mb(result.before),
      `${mb(result.peak)} (+${mb(result.peak - result.before)})`,
      mb(result.after),
      `+${mb(result.heapPeak - result.heapBefore)}`,
    ]);
  const organizations = await prisma.organization.count();
  const { stats } = grouping;
  const allPairs = (stats.hashed * (stats.hashed - 1)) / 2;

  return [
    [
      `${count.toLocaleString("en")} synthetic comments on the 2020 draft (155 paragraphs, Zipf-like skew),`,
      `of which ${submitted.toLocaleString("en")} submitted (the rest drafts and withdrawals),`,
      "~30% with a disposition, ~8% campaign letters;",
      `${organizations.toLocaleString("en")} organizations.`,
      `Loaded with multi-row INSERTs in ${ms(generationMs)}.`,
    ].join(" "),
    "",
    "### (a) Dashboard data (`getFeedbackDashboard`), median of 7",
    "",
    [
      "Every count, the heat map, the per-day series, the progress, the 10 largest groups",
      "and the first page of 25 comments.",
      "Wall time and the process's CPU time (better-sqlite3 runs the queries on this thread,",
      "so on an idle machine they coincide; this run shared 2 CPUs with other work:",
      `load average ${loadAtStart} at the start of (a), ${loadAtEnd} at its end).`,
    ].join(" "),
    "",
    "Migrated schema:",
    "",
    "| filters | comments in view | wall (median) | CPU (median) | wall min | wall max | runs |",
    "|---|---:|---:|---:|---:|---:|---:|",
    ...table(migrated),
    "",
    "How: a comment's decision is read from `Comment.dispositionStatus`, a copy of its disposition's status " +
      "that database triggers on Disposition keep (insert, update, delete), so the decided count and the " +
      "status filters need no join to Disposition (which cost one index probe per comment in view: " +
      submitted.toLocaleString("en") +
      " unfiltered). Every dashboard query leads with `versionId = ? AND status = 'submitted'`, and three " +
      "covering indexes on Comment begin with those two columns and hold every filtered column, so each " +
      "aggregate is a scan of one index alone, in the order of its GROUP BY: by paragraph " +
      "`@@index([versionId, status, paragraphId, type, organizationId, origin, dispositionStatus, " +
      "submittedAt, duplicateGroupId, id])` (which also serves the group candidates, hence " +
      "`duplicateGroupId` and `id`), by organization/origin/type `@@index([versionId, status, " +
      "organizationId, origin, type, dispositionStatus, paragraphId, submittedAt])`, by day " +
      "`@@index([versionId, status, submittedAt, …])` (the day is an expression, so SQLite still sorts, but " +
      "rows already in time order). Only the first holds `duplicateGroupId`, which regrouping rewrites on " +
      "every comment (each index holding it slows (b) by one more index entry rewritten per comment); a " +
      "group's comments, its size and its decided count come from `@@index([consultationId, " +
      "duplicateGroupId, status, dispositionStatus])`.",
    "",
    [
      "Without the two indexes ordered by organization and by day",
      `(dropped for this table, then rebuilt in ${ms(rebuildMs)}), SQLite groups those two aggregates with a sort.`,
      "They pay on the unfiltered view, where the sort is of every comment;",
      "on a narrow filtered view SQLite, which has no statistics on these tables, still prefers the ordered index",
      "where the paragraph index would seek fewer entries, and may be slower with them than without:",
    ].join(" "),
    "",
    "| filters | comments in view | wall (median) | CPU (median) | wall min | wall max | runs |",
    "|---|---:|---:|---:|---:|---:|---:|",
    ...table(withoutOrdered),
    "",
    [
      "A text search (LIKE '%…%', ILIKE on PostgreSQL) must read every row's text, which no index holds.",
      "Its counts therefore come from one statement that reads the consultation's rows once",
      "(a MATERIALIZED common table expression, read on SQLite through the (consultationId, status) index,",
      "whose entries are in table order) and groups them four ways:",
      `${ms(countsOneScan.wall.median)} wall, ${ms(countsOneScan.cpu.median)} CPU`,
      `(median of ${countsOneScan.wall.runs}) for “budapest”, against`,
      `${ms(countsFromIndexes.wall.median)} wall, ${ms(countsFromIndexes.cpu.median)} CPU`,
      "for the same counts from the four index queries that serve the other views,",
      "each of which looks up every row's text in the table again, in index order.",
      "The search itself is still a scan of the texts: no full-text index (FTS5, tsvector) is used.",
      "A near-duplicate group's view is counted the same way, its rows read once through the group index.",
    ].join(" "),
    "",
    "### (b) Near-duplicate grouping",
    "",
    "| step | time |",
    "|---|---:|",
    tableRow([
      "`regroupDuplicates`, first run " +
        `(read ${submitted.toLocaleString("en")} texts, group, write ${first.written.toLocaleString("en")} rows)`,
      withTarget(first.ms, TARGETS.groupingMs),
    ]),
    tableRow([
      `\`regroupDuplicates\`, again (nothing changed, ${second.written} rows written)`,
      withTarget(second.ms, TARGETS.groupingMs),
    ]),
    tableRow([`\`groupNearDuplicates\` alone (median of ${algorithm.runs})`, ms(algorithm.median)]),
    "",
    [
      `${stats.groups.toLocaleString("en")} groups holding ${stats.groupedItems.toLocaleString("en")} comments;`,
      `${stats.exactCopies.toLocaleString("en")} exact copies merged by hash,`,
      `${stats.hashed.toLocaleString("en")} distinct texts MinHashed (80 values, 20 bands × 4 rows),`,
      `${stats.verifications.toLocaleString("en")} Jaccard verifications,`,
      `${stats.merges.toLocaleString("en")} merges —`,
      `against ${allPairs.toLocaleString("en")} pairs for an all-pairs comparison.`,
    ].join(" "),
    "",
    "### (c) Streamed exports (secretariat columns, all comments of version 1)",
    "",
    "| export | time | size | RSS before | RSS peak | RSS after (after GC) | JS heap peak |",
    "|---|---:|---:|---:|---:|---:|---:|",
    exportRow("CSV", csv),
    exportRow("XLSX (ExcelJS WorkbookWriter, plain cells above 20,000 rows)", xlsx),
    "",
    "Rows are read 1,000 at a time by paragraph (indexed `paragraphId IN (…)`), written to the stream and " +
      "dropped, so the peak stays near the size of a batch plus the zip buffers, whatever the number of " +
      "comments. The DOCX export is built in memory by the docx library and refused above 5,000 rows " +
      "(`DOCX_MAX_ROWS`); it is not measured here.",
  ].join("\n");
}

export const feedbackArea: BenchArea = { name: "feedback", title: "Feedback", run };
