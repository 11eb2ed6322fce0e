/**
 * Imports a document file as a new version of a consultation:
 *
 *   npm run import -- --consultation <slug> --label "Draft 2" [--document <slug>]
 *                     [--status draft|open|closed|final] <file>
 *
 * Accepts .txt, .md and .docx. All or nothing: a file that cannot be parsed
 * imports nothing and exits with a clear message.
 */
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";

import { importDocument } from "~/lib/import";
import { ImportError } from "~/lib/import/types";
import { createVersionFromImport } from "~/models/version.server";
import { prisma } from "~/utils/db.server";

const STATUSES = ["draft", "open", "closed", "final"] as const;

async function main() {
  const { values, positionals } = parseArgs({
    options: {
      consultation: { type: "string" },
      label: { type: "string" },
      document: { type: "string", default: "guidelines" },
      status: { type: "string", default: "draft" },
    },
    allowPositionals: true,
  });
  const file = positionals[0];
  if (!values.consultation || !values.label || !file) {
    throw new ImportError(
      'Usage: npm run import -- --consultation <slug> --label "…" [--document <slug>] ' +
        "[--status draft|open|closed|final] <file>",
    );
  }
  const status = values.status as (typeof STATUSES)[number];
  if (!STATUSES.includes(status)) throw new ImportError(`--status must be one of ${STATUSES.join(", ")}`);
  if (!fs.existsSync(file)) throw new ImportError(`No such file: ${file}`);

  const imported = await importDocument({ fileName: path.basename(file), bytes: fs.readFileSync(file) });
  const version = await createVersionFromImport({
    consultationSlug: values.consultation,
    documentSlug: values.document ?? "guidelines",
    label: values.label,
    status,
    publishedAt: status === "draft" ? null : new Date(),
    sourceFileName: path.basename(file),
    imported,
  });
  const paragraphs = imported.sections.reduce((sum, section) => sum + section.paragraphs.length, 0);
  console.log(
    `Imported "${imported.title}" as version ${version.number} of ${values.consultation}: ` +
      `${imported.sections.length} sections, ${paragraphs} paragraphs.`,
  );
}

main()
  .catch((error: unknown) => {
    console.error(`Import failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  })
  .finally(() => prisma.$disconnect());
