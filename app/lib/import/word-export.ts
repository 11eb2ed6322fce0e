/**
 * Text saved from Word (the 2020 secretariat report): one paragraph per line,
 * a tab after paragraph numbers ("1.1\tThe ITU…"), bookmarks written out as
 * "[bookmark: _Toc…]", and footnotes inlined as "[footnoteRef:2]" at the call
 * site plus "[2:  footnote text]" somewhere after it, possibly over several
 * lines.
 */
import { documentFromBlocks, type ParseOptions } from "./blocks";
import { normalizeLineEndings } from "./normalize";
import { plainTextToBlocks } from "./plain-text";

import type { ImportedDocument } from "./types";

/**
 * Removes Word's written-out field codes: bookmarks, footnote references and
 * the footnote texts they point to. Only "[n: …]" groups whose number was
 * referenced are removed, so a bracketed "[2: see below]" that is real text
 * survives when no "[footnoteRef:2]" exists.
 */
export function stripWordFieldCodes(text: string): string {
  let out = normalizeLineEndings(text).replace(/\[bookmark:[^\]]*\]/g, "");
  const referenced = new Set<string>();
  out = out.replace(/\[footnoteRef:(\d+)\]/g, (_match, n: string) => {
    referenced.add(n);
    return "";
  });
  out = out.replace(/\[(\d+):[ \t]+[^\]]*\]/g, (match, n: string) => (referenced.has(n) ? "" : match));
  return out;
}

/** Parses a Word text export into sections and paragraphs. */
export function parseWordExport(text: string, options: ParseOptions = {}): ImportedDocument {
  return documentFromBlocks(plainTextToBlocks(stripWordFieldCodes(text)), options);
}
