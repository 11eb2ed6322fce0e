/**
 * The locale check (docs/i18n.md): every locale has exactly English's keys,
 * plural keys in that language's CLDR categories, the same interpolation
 * variables; and no key is left that the code no longer uses.
 */
import fs from "node:fs";
import path from "node:path";

import { describe, expect, it } from "vitest";

import { resources } from "~/i18n";
import { LANGUAGES } from "~/lib/language";

type Strings = Map<string, string>;

function flatten(tree: Record<string, unknown>, prefix = "", out: Strings = new Map()): Strings {
  for (const [key, value] of Object.entries(tree)) {
    if (typeof value === "string") out.set(prefix + key, value);
    else flatten(value as Record<string, unknown>, `${prefix}${key}.`, out);
  }
  return out;
}

const PLURAL = /_(zero|one|two|few|many|other)$/;
const baseKey = (key: string) => key.replace(PLURAL, "");
/** {{name}} and {{count, number}} alike; $t(other.key) nestings too. */
const variables = (text: string) =>
  [...text.matchAll(/\{\{\s*([\w.]+)[^}]*\}\}|\$t\(([\w.]+)/g)].map((m) => m[1] ?? `$t:${m[2]}`).sort();

const english = flatten(resources.en.common);

/** The keys a language must have: English's, with each plural in the language's own categories. */
function expectedKeys(lng: string): Map<string, string> {
  const categories = new Intl.PluralRules(lng).resolvedOptions().pluralCategories;
  const expected = new Map<string, string>();
  for (const [key, text] of english) {
    if (!PLURAL.test(key)) {
      expected.set(key, text);
      continue;
    }
    const base = baseKey(key);
    // i18next's `_zero` (exactly 0) is not a CLDR category: kept wherever English has it.
    const forms = english.has(`${base}_zero`) ? new Set([...categories, "zero"]) : new Set(categories);
    for (const form of forms) {
      expected.set(`${base}_${form}`, english.get(`${base}_${form}`) ?? english.get(`${base}_other`) ?? text);
    }
  }
  return expected;
}

describe.each(LANGUAGES)("the %s strings", (lng) => {
  const strings = flatten(resources[lng].common);
  const expected = expectedKeys(lng);

  it("have every key of English, in this language's plural forms, and no other", () => {
    const missing = [...expected.keys()].filter((key) => !strings.has(key));
    const extra = [...strings.keys()].filter((key) => !expected.has(key));
    expect({ missing, extra }).toEqual({ missing: [], extra: [] });
  });

  it("interpolate the same variables as English", () => {
    const differ: string[] = [];
    for (const [key, englishText] of expected) {
      const text = strings.get(key);
      if (text === undefined) continue;
      // A plural form may spell its number out ("تعليق واحد", "один"): {{count}} is optional there.
      const drop = (names: string[]) => (PLURAL.test(key) ? names.filter((name) => name !== "count") : names);
      const want = drop(variables(englishText)).join(",");
      const got = drop(variables(text)).join(",");
      if (want !== got) differ.push(`${key}: en {${want}} ${lng} {${got}}`);
    }
    expect(differ).toEqual([]);
  });

  it("are never empty", () => {
    expect([...strings].filter(([, text]) => text.trim() === "").map(([key]) => key)).toEqual([]);
  });
});

/**
 * Keys the code builds at run time (t(`status.${x}`)): every key under one of
 * these prefixes counts as used. Each prefix must still be built somewhere in
 * app/ (checked below), so the list cannot outlive the code.
 */
const DYNAMIC_PREFIXES = [
  "auth.invitation.",
  "auth.organizationKinds.",
  "auth.roles.",
  "comments.events.",
  "comments.status.",
  "comments.types.",
  "compare.adoption.",
  "compare.counts.",
  "compare.sectionChange.explain.",
  "dispositions.status.",
  "feedback.columns.",
  "feedback.confirmPublish.",
  "feedback.exports.",
  "feedback.filters.",
  "feedback.import.fileErrors.",
  "feedback.import.reasons.",
  "feedback.kinds.",
  "feedback.notice.",
  "feedback.publication.",
  "feedback.summary.",
  "mail.status.",
  "manage.visibility.",
  "passwordReset.reset.",
  "preferences.kinds.",
  "preferences.modes.",
  "status.",
];

function sourceFiles(dir: string, out: string[] = []): string[] {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (full !== path.join("app", "locales") && entry.name !== "generated") sourceFiles(full, out);
    } else if (/\.(ts|tsx)$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name)) out.push(full);
  }
  return out;
}

describe("the keys in use", () => {
  const source = sourceFiles("app")
    .map((file) => fs.readFileSync(file, "utf8"))
    .join("\n");
  // Every quoted string of the code (t("a.b"), i18nKey="a.b", a key in a table of keys ...).
  const literals = new Set([...source.matchAll(/(["'`])((?:[\w-]+\.)*[\w-]+)\1/g)].map((m) => m[2]));

  it("are every key of the locales: none is left that the code no longer uses", () => {
    const unused = [...new Set([...english.keys()].map(baseKey))].filter(
      (key) => !literals.has(key) && !DYNAMIC_PREFIXES.some((prefix) => key.startsWith(prefix)),
    );
    expect(unused).toEqual([]);
  });

  it("dynamic prefixes are still built by the code", () => {
    const stale = DYNAMIC_PREFIXES.filter((prefix) => !source.includes(`\`${prefix}\${`));
    expect(stale).toEqual([]);
  });
});
