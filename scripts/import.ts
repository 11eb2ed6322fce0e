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

import { createInstance } from "i18next";

import { i18nConfig, resources } from "~/i18n";
import { importDocument } from "~/lib/import";
import { ImportError } from "~/lib/import/types";
import type { MessageKey, MessageValues } from "~/lib/translate";
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

/** Why the import failed, in English: an ImportError carries an i18n key and its values. */
async function reason(error: unknown) {
  if (!(error instanceof ImportError)) return error instanceof Error ? error.message : String(error);
  const i18n = createInstance();
  await i18n.init({ ...i18nConfig, resources, lng: "en" });
  // i18next types `t` per key; this key is known only at run time and brings its own values.
  const english = i18n.getFixedT("en", "common") as unknown as (key: MessageKey, values: MessageValues) => string;
  return english(error.key, error.values);
}

main()
  .catch(async (error: unknown) => {
    console.error(`Import failed: ${await reason(error)}`);
    process.exitCode = 1;
  })
  .finally(() => prisma.$disconnect());
