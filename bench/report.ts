/**
 * docs/benchmarks.md: one `## ` section per area, each rewritten only by
 * its own benchmark, under a header that names the latest run.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

export const BENCHMARKS_FILE = path.resolve("docs/benchmarks.md");

/** The machine and run a set of figures comes from. */
export function describeRun(command: string, date = new Date()) {
  const cpus = os.cpus();
  const model = cpus[0]?.model.trim() ?? "unknown CPU";
  const memory = `${Math.round(os.totalmem() / 1024 ** 3)} GiB RAM`;
  return {
    machine: `${cpus.length} × ${model}, ${memory}, ${os.platform()} ${os.release()} (${os.arch()})`,
    node: `Node.js ${process.version}`,
    date: date.toISOString().slice(0, 16).replace("T", " ") + " UTC",
    command,
  };
}

export type RunDescription = ReturnType<typeof describeRun>;

/** One row of a Markdown table: `| a | b | c |`. */
export function tableRow(cells: readonly (string | number)[]) {
  return `| ${cells.join(" | ")} |`;
}

/** One line naming machine, Node, date and command, for the top of a section. */
export function runLine(run: RunDescription) {
  return `Measured ${run.date} on ${run.machine}, ${run.node}, with \`${run.command}\`.`;
}

function header(run: RunDescription) {
  return [
    "# Benchmarks",
    "",
    "`npm run bench` runs every area below; `npm run bench -- <area>` runs one (see bench/run.ts).",
    "Each area rewrites only its own `## ` section; the others keep the figures of their own last run,",
    "each with the machine it ran on. Timings on shared machines vary by ±30%: compare ratios, not milliseconds.",
    "",
    `Latest run: ${run.date} · ${run.machine} · ${run.node} · \`${run.command}\``,
    "",
  ].join("\n");
}

/**
 * Replaces the `## <title>` section of docs/benchmarks.md with `body` (or
 * appends it), keeps every other section as it is, and refreshes the header.
 */
export function writeBenchmarkSection({
  title,
  body,
  run,
  file = BENCHMARKS_FILE,
}: {
  title: string;
  body: string;
  run: RunDescription;
  file?: string;
}) {
  const existing = fs.existsSync(file) ? fs.readFileSync(file, "utf8") : "";
  const sections: Array<{ title: string; text: string }> = [];
  let current: { title: string; lines: string[] } | null = null;
  for (const line of existing.split("\n")) {
    const heading = /^## (.+?)\s*$/.exec(line);
    if (heading) {
      if (current) sections.push({ title: current.title, text: current.lines.join("\n").trimEnd() });
      current = { title: heading[1], lines: [line] };
    } else if (current) {
      current.lines.push(line);
    }
  }
  if (current) sections.push({ title: current.title, text: current.lines.join("\n").trimEnd() });

  const text = `## ${title}\n\n${body.trim()}`;
  const index = sections.findIndex((section) => section.title === title);
  if (index >= 0) sections[index] = { title, text };
  else sections.push({ title, text });
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, `${header(run)}\n${sections.map((section) => section.text).join("\n\n")}\n`);
}
