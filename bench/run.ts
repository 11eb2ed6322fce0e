/**
 * `npm run bench` — every benchmark area, each writing its own `## ` section
 * of docs/benchmarks.md. `npm run bench -- compare` runs one area.
 *
 * Adding an area: write bench/<area>.ts exporting a {@link BenchArea} (its
 * `run` returns the Markdown body of its section; models must be imported
 * inside `run`, after the throwaway database is set up) and list it in
 * AREAS below. Keep each area within about a minute.
 */
import { useThrowawayDatabase } from "./database";
import { describeRun, runLine, writeBenchmarkSection } from "./report";

export interface BenchArea {
  /** Name on the command line (`npm run bench -- <name>`). */
  name: string;
  /** Title of its `## ` section in docs/benchmarks.md (the section it owns). */
  title: string;
  /** Measures, printing progress with `log`, and returns the section's Markdown body. */
  run: (log: (message: string) => void) => Promise<string>;
}

/** Every area, loaded lazily so that none imports the database before it is set up. */
const AREAS: Array<{ name: string; load: () => Promise<BenchArea> }> = [
  { name: "compare", load: async () => (await import("./compare")).compareArea },
  { name: "http", load: async () => (await import("./http")).httpArea },
  { name: "feedback", load: async () => (await import("./feedback")).feedbackArea },
  { name: "notifications", load: async () => (await import("./notifications")).notificationsArea },
  { name: "lighthouse", load: async () => (await import("./lighthouse")).lighthouseArea },
  { name: "long", load: async () => (await import("./long")).longArea },
];

async function main() {
  const wanted = process.argv.slice(2).filter((arg) => !arg.startsWith("-"));
  const unknown = wanted.filter((name) => !AREAS.some((area) => area.name === name));
  if (unknown.length > 0) {
    console.error(
      `Unknown benchmark area(s): ${unknown.join(", ")}. Known: ${AREAS.map((area) => area.name).join(", ")}.`,
    );
    process.exit(2);
  }
  const selected = wanted.length > 0 ? AREAS.filter((area) => wanted.includes(area.name)) : AREAS;
  const command = `npm run bench${wanted.length > 0 ? ` -- ${wanted.join(" ")}` : ""}`;
  const database = useThrowawayDatabase();
  const started = performance.now();
  try {
    for (const entry of selected) {
      const area = await entry.load();
      const log = (message: string) =>
        console.log(`[${area.name} ${((performance.now() - started) / 1000).toFixed(1)}s] ${message}`);
      log("starting");
      const run = describeRun(command);
      const body = await area.run(log);
      writeBenchmarkSection({ title: area.title, body: `${runLine(run)}\n\n${body}`, run });
      log("written to docs/benchmarks.md");
      console.log(`\n## ${area.title}\n\n${body}\n`);
    }
  } finally {
    const { prisma } = await import("~/utils/db.server");
    await prisma.$disconnect();
    database.cleanup();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
