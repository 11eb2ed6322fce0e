/**
 * Test helpers: the real GCA consultation documents (tests/fixtures/corpus)
 * and small accessors over a parsed document.
 */
import { readFileSync } from "node:fs";

import type { ImportedDocument, ImportedParagraph } from "../types";

/** The five corpus files. */
export type CorpusFile =
  | "gca-guidelines-draft-2020-C20-65.txt"
  | "gca-guidelines-final-2022.txt"
  | "secretariat-report-gca-utilization-2020.txt"
  | "member-state-contribution-gca-guidelines.txt"
  | "hleg-2008-proposals-with-member-comments.txt";

const CORPUS_DIR = new URL("../../../../tests/fixtures/corpus/", import.meta.url);

/** Reads a corpus file as text. */
export function readCorpus(name: CorpusFile): string {
  return readFileSync(new URL(name, CORPUS_DIR), "utf8");
}

/** Reads a corpus file as bytes, as an upload would deliver it. */
export function readCorpusBytes(name: CorpusFile): Uint8Array {
  return new Uint8Array(readFileSync(new URL(name, CORPUS_DIR)));
}

/** Every paragraph of the document in order. */
export function allParagraphs(document: ImportedDocument): ImportedParagraph[] {
  return document.sections.flatMap((section) => section.paragraphs);
}

/** The paragraph printed with `number`; fails the test when it is missing. */
export function paragraphNumbered(document: ImportedDocument, number: string): ImportedParagraph {
  const found = allParagraphs(document).filter((paragraph) => paragraph.number === number);
  if (found.length !== 1) throw new Error(`expected one paragraph numbered "${number}", found ${found.length}`);
  return found[0];
}

/** Display numbers of all numbered paragraphs, in order. */
export function numbersOf(document: ImportedDocument): string[] {
  return allParagraphs(document).flatMap((paragraph) => (paragraph.number === null ? [] : [paragraph.number]));
}

/** "1.1" … "1.n" */
export function sequence(prefix: string, from: number, to: number): string[] {
  return Array.from({ length: to - from + 1 }, (_, i) => `${prefix}${from + i}`);
}

/** "2.9 a." … "2.9 h." */
export function lettered(parent: string, last: string, style = "."): string[] {
  const count = last.charCodeAt(0) - 96;
  return Array.from({ length: count }, (_, i) => `${parent} ${String.fromCharCode(97 + i)}${style}`);
}

/** The paragraph with `key`; fails the test when it is missing. */
export function paragraphKeyed(document: ImportedDocument, key: string): ImportedParagraph {
  const found = allParagraphs(document).find((paragraph) => paragraph.key === key);
  if (!found) throw new Error(`no paragraph with key "${key}"`);
  return found;
}
