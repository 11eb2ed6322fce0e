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

import i18next from "i18next";

import { importDocument } from "~/lib/import";
import { ImportError } from "~/lib/import/types";
import en from "~/locales/en";
import { createVersionFromImport } from "~/models/version.server";
import { prisma } from "~/utils/db.server";

const STATUSES = ["draft", "open", "closed", "final"] as const;

// Import refusals carry an i18n key: the command line says them in English.
const english = i18next.createInstance();
await english.init({ lng: "en", resources: { en }, defaultNS: "common", interpolation: { escapeValue: false } });
const translate = english.t as unknown as (key: string, values: object) => string;

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
    throw new Error(
      'Usage: npm run import -- --consultation <slug> --label "…" [--document <slug>] ' +
        "[--status draft|open|closed|final] <file>",
    );
  }
  const status = values.status as (typeof STATUSES)[number];
  if (!STATUSES.includes(status)) throw new Error(`--status must be one of ${STATUSES.join(", ")}`);
  if (!fs.existsSync(file)) throw new Error(`No such file: ${file}`);

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
    const reason = error instanceof ImportError ? translate(error.key, error.values) : undefined;
    console.error(`Import failed: ${reason ?? (error instanceof Error ? error.message : String(error))}`);
    process.exitCode = 1;
  })
  .finally(() => prisma.$disconnect());
