/**
 * Word's automatic numbering, as Word shows it. Word does not store list and
 * heading numbers in the text: a paragraph says which list it is in (numPr:
 * numId and ilvl, directly or through its paragraph style and the styles it
 * is based on), numbering.xml says how each level of that list counts
 * (start, numFmt, lvlText "%1.%2", lvlRestart, overrides per num), and the
 * number is the result of counting every numbered paragraph in document
 * order. This module does that counting from the XML parts; docx.ts lines
 * the result up with mammoth's paragraphs.
 *
 * Pure: strings in, numbers out. Anything unexpected degrades to "no number"
 * for the paragraph; malformed XML throws, and the caller falls back to
 * mammoth's lists.
 */
import {
  attribute,
  bodyParagraphs,
  child,
  children,
  integer,
  isW,
  onOff,
  parseXml,
  valueOf,
  wordPartsOf,
  type WordParts,
} from "./docx-xml";

import type JSZip from "jszip";

/** The number Word shows before one paragraph. */
export interface DocxParagraphNumber {
  /**
   * The number as the paragraph is read: "1.", "1.1", "(a)", "Article 3";
   * for an item (see `item`) the labels of the item levels above it come
   * first ("a. i." for "i." under "a."). Null when the paragraph shows no
   * number (a bullet, an empty level text).
   */
  label: string | null;
  /**
   * The number belongs under the numbered paragraph (or heading) before it,
   * as a lettered item does ("a." under "2.9" reads "2.9 a."): lowerLetter
   * and lowerRoman levels, "(1)", and any level whose text shows only its
   * own counter below a level that was used.
   */
  item: boolean;
  /** A list item without a number (numFmt bullet or none, a level text without "%n"). */
  bullet: boolean;
  /** Exactly what Word prints for this paragraph ("1.1", "a."), without composition. */
  shown: string | null;
}

/** One paragraph of the document body, in the order mammoth reads them. */
export interface DocxNumberedParagraph {
  /** Its text (changes accepted), for lining it up with mammoth's paragraph. */
  text: string;
  number: DocxParagraphNumber | null;
}

/** The XML parts the numbering depends on. */
export interface DocxNumberingParts {
  document: string;
  numbering?: string | null;
  styles?: string | null;
}

interface LevelDefinition {
  start: number;
  numFmt: string;
  lvlText: string;
  /** Levels (0-based ilvl) below this value restart this one; null: the default (any shallower level). */
  restartBelow: number | null;
  isLgl: boolean;
  pStyle: string | null;
}

interface AbstractNum {
  levels: Map<number, LevelDefinition>;
  numStyleLink: string | null;
}

interface NumDefinition {
  abstractNumId: string;
  startOverrides: Map<number, number>;
  levelOverrides: Map<number, Partial<LevelDefinition>>;
}

interface ParagraphStyle {
  basedOn: string | null;
  numId: string | null;
  ilvl: number | null;
}

interface Definitions {
  abstractNums: Map<string, AbstractNum>;
  nums: Map<string, NumDefinition>;
  paragraphStyles: Map<string, ParagraphStyle>;
  /** Numbering styles (w:type="numbering"): style id → numId. */
  numberingStyles: Map<string, string>;
}

// ---------------------------------------------------------------------------
// Definitions: numbering.xml and styles.xml

function readLevel(element: Element): Partial<LevelDefinition> {
  const level: Partial<LevelDefinition> = {};
  const start = integer(valueOf(element, "start"));
  if (start !== null) level.start = start;
  const numFmt = valueOf(element, "numFmt");
  if (numFmt !== null) level.numFmt = numFmt;
  const lvlText = valueOf(element, "lvlText");
  if (lvlText !== null) level.lvlText = lvlText;
  const restart = child(element, "lvlRestart");
  if (restart) {
    const value = integer(attribute(restart, "val"));
    if (value !== null) level.restartBelow = value;
  }
  if (child(element, "isLgl")) level.isLgl = onOff(child(element, "isLgl"));
  const pStyle = valueOf(element, "pStyle");
  if (pStyle !== null) level.pStyle = pStyle;
  return level;
}

function completeLevel(level: Partial<LevelDefinition>, base?: LevelDefinition): LevelDefinition {
  return {
    start: level.start ?? base?.start ?? 1,
    numFmt: level.numFmt ?? base?.numFmt ?? "decimal",
    lvlText: level.lvlText ?? base?.lvlText ?? "",
    restartBelow: level.restartBelow ?? base?.restartBelow ?? null,
    isLgl: level.isLgl ?? base?.isLgl ?? false,
    pStyle: level.pStyle ?? base?.pStyle ?? null,
  };
}

function readDefinitions(numbering: Document | null, styles: Document | null): Definitions {
  const definitions: Definitions = {
    abstractNums: new Map(),
    nums: new Map(),
    paragraphStyles: new Map(),
    numberingStyles: new Map(),
  };
  if (numbering) {
    const root = numbering.documentElement;
    for (const element of children(root)) {
      if (isW(element, "abstractNum")) {
        const id = attribute(element, "abstractNumId");
        if (id === null) continue;
        const levels = new Map<number, LevelDefinition>();
        for (const lvl of children(element)) {
          if (!isW(lvl, "lvl")) continue;
          const ilvl = integer(attribute(lvl, "ilvl")) ?? 0;
          if (ilvl < 0 || ilvl > 8 || levels.has(ilvl)) continue;
          levels.set(ilvl, completeLevel(readLevel(lvl)));
        }
        const numStyleLink = valueOf(element, "numStyleLink");
        definitions.abstractNums.set(id, { levels, numStyleLink });
      } else if (isW(element, "num")) {
        const numId = attribute(element, "numId");
        const abstractNumId = valueOf(element, "abstractNumId");
        if (numId === null || abstractNumId === null) continue;
        const startOverrides = new Map<number, number>();
        const levelOverrides = new Map<number, Partial<LevelDefinition>>();
        for (const override of children(element)) {
          if (!isW(override, "lvlOverride")) continue;
          const ilvl = integer(attribute(override, "ilvl"));
          if (ilvl === null || ilvl < 0 || ilvl > 8) continue;
          const start = integer(valueOf(override, "startOverride"));
          if (start !== null) startOverrides.set(ilvl, start);
          const lvl = child(override, "lvl");
          if (lvl) levelOverrides.set(ilvl, readLevel(lvl));
        }
        definitions.nums.set(numId, { abstractNumId, startOverrides, levelOverrides });
      }
    }
  }
  if (styles) {
    const root = styles.documentElement;
    for (const style of children(root)) {
      if (!isW(style, "style")) continue;
      const id = attribute(style, "styleId");
      if (id === null) continue;
      const numPr = child(child(style, "pPr"), "numPr");
      const numId = valueOf(numPr, "numId");
      const type = attribute(style, "type");
      if (type === "numbering") {
        if (numId !== null) definitions.numberingStyles.set(id, numId);
      } else if (type === "paragraph" || type === null) {
        definitions.paragraphStyles.set(id, {
          basedOn: valueOf(style, "basedOn"),
          numId,
          ilvl: integer(valueOf(numPr, "ilvl")),
        });
      }
    }
  }
  return definitions;
}

// ---------------------------------------------------------------------------
// Number formats

const ROMAN: [number, string][] = [
  [1000, "m"],
  [900, "cm"],
  [500, "d"],
  [400, "cd"],
  [100, "c"],
  [90, "xc"],
  [50, "l"],
  [40, "xl"],
  [10, "x"],
  [9, "ix"],
  [5, "v"],
  [4, "iv"],
  [1, "i"],
];

function roman(value: number): string {
  if (value <= 0 || value >= 4000) return String(value);
  let rest = value;
  let result = "";
  for (const [amount, digits] of ROMAN) {
    while (rest >= amount) {
      result += digits;
      rest -= amount;
    }
  }
  return result;
}

/** Word's letters: a … z, then aa … zz, aaa … (the letter repeated, not "ab"). */
function letters(value: number): string {
  // Word stops at 780 ("zzz…" 30 times); a larger start value must not build a huge string.
  if (value <= 0 || value > 780) return String(value);
  const letter = String.fromCharCode(97 + ((value - 1) % 26));
  return letter.repeat(Math.floor((value - 1) / 26) + 1);
}

function ordinalSuffix(value: number): string {
  const lastTwo = value % 100;
  if (lastTwo >= 11 && lastTwo <= 13) return "th";
  return ["th", "st", "nd", "rd"][value % 10] ?? "th";
}

/** A counter in a Word number format; formats this module does not know are written as decimals. */
export function formatNumber(value: number, numFmt: string): string {
  switch (numFmt) {
    case "lowerLetter":
      return letters(value);
    case "upperLetter":
      return letters(value).toUpperCase();
    case "lowerRoman":
      return roman(value);
    case "upperRoman":
      return roman(value).toUpperCase();
    case "decimalZero":
      return value >= 0 && value < 10 ? `0${value}` : String(value);
    case "ordinal":
      return `${value}${ordinalSuffix(value)}`;
    case "decimalEnclosedParen":
      return `(${value})`;
    case "decimalEnclosedFullstop":
      return `${value}.`;
    case "none":
      return "";
    default:
      return String(value);
  }
}

// ---------------------------------------------------------------------------
// Counting

interface ListState {
  /** The counter of each level, null when the level has not been used since it last restarted. */
  counters: (number | null)[];
  /** What the last paragraph at each level was read as (for composing items). */
  last: ({ label: string; item: boolean } | null)[];
  /** Start values a num's startOverride set, applied at the level's next use. */
  pendingStarts: Map<number, number>;
}

/** Level texts that only show a counter: "%1.", "(%2)", "%3)" — not "Article %1" or "%1.%2". */
const COUNTER_ONLY = /^\(?%[1-9][.)]?$/;

class NumberingCounter {
  private readonly lists = new Map<string, ListState>();
  private readonly seenNums = new Set<string>();

  constructor(private readonly definitions: Definitions) {}

  /** The abstract list a num counts in, following numStyleLink through numbering styles. */
  private resolve(numId: string): { abstractNumId: string; abstract: AbstractNum } | null {
    let current: string | undefined = numId;
    const seen = new Set<string>();
    while (current !== undefined && !seen.has(current)) {
      seen.add(current);
      const num = this.definitions.nums.get(current);
      if (!num) return null;
      const abstract = this.definitions.abstractNums.get(num.abstractNumId);
      if (!abstract) return null;
      if (abstract.numStyleLink === null || abstract.levels.size > 0) {
        return { abstractNumId: num.abstractNumId, abstract };
      }
      current = this.definitions.numberingStyles.get(abstract.numStyleLink);
    }
    return null;
  }

  private level(num: NumDefinition, abstract: AbstractNum, ilvl: number): LevelDefinition | null {
    const base = abstract.levels.get(ilvl);
    const override = num.levelOverrides.get(ilvl);
    if (override) return completeLevel(override, base);
    return base ?? null;
  }

  /** The level a style-numbered paragraph takes when its style gives no ilvl: the level linked to the style. */
  levelForStyle(numId: string, styleId: string | null): number {
    if (styleId === null) return 0;
    const resolved = this.resolve(numId);
    if (!resolved) return 0;
    for (const [ilvl, level] of resolved.abstract.levels) {
      if (level.pStyle === styleId) return ilvl;
    }
    return 0;
  }

  /** Counts one numbered paragraph and returns the number Word shows for it. */
  next(numId: string, ilvl: number): DocxParagraphNumber | null {
    const num = this.definitions.nums.get(numId);
    const resolved = this.resolve(numId);
    if (!num || !resolved) return null;
    const definition = this.level(num, resolved.abstract, ilvl);
    if (!definition) return null;

    let state = this.lists.get(resolved.abstractNumId);
    if (!state) {
      state = {
        counters: Array.from({ length: 9 }, () => null),
        last: Array.from({ length: 9 }, () => null),
        pendingStarts: new Map(),
      };
      this.lists.set(resolved.abstractNumId, state);
    }
    if (!this.seenNums.has(numId)) {
      // A new num with startOverride starts its levels again (a restarted list).
      this.seenNums.add(numId);
      for (const [level, start] of num.startOverrides) state.pendingStarts.set(level, start);
      for (const [level, override] of num.levelOverrides) {
        if (override.start !== undefined && !num.startOverrides.has(level))
          state.pendingStarts.set(level, override.start);
      }
    }

    const pending = state.pendingStarts.get(ilvl);
    if (pending !== undefined) {
      state.pendingStarts.delete(ilvl);
      state.counters[ilvl] = pending;
    } else {
      const counter = state.counters[ilvl];
      state.counters[ilvl] = counter === null ? definition.start : counter + 1;
    }
    // Deeper levels restart (unless their lvlRestart says otherwise).
    for (let deeper = ilvl + 1; deeper < 9; deeper++) {
      const deeperDefinition = this.level(num, resolved.abstract, deeper);
      const restartBelow = deeperDefinition?.restartBelow ?? deeper;
      if (ilvl < restartBelow) {
        state.counters[deeper] = null;
        state.last[deeper] = null;
      }
    }

    if (definition.numFmt === "bullet" || !/%[1-9]/.test(definition.lvlText)) {
      state.last[ilvl] = null;
      return { label: null, item: false, bullet: true, shown: null };
    }

    let referencesAncestor = false;
    const shown = definition.lvlText
      .replace(/%([1-9])/g, (_, digit: string) => {
        const level = Number(digit) - 1;
        if (level < ilvl) referencesAncestor = true;
        const levelDefinition = level === ilvl ? definition : this.level(num, resolved.abstract, level);
        const value = state.counters[level] ?? levelDefinition?.start ?? 1;
        const format = definition.isLgl || !levelDefinition ? "decimal" : levelDefinition.numFmt;
        return formatNumber(value, format);
      })
      .replace(/\s+/g, " ")
      .trim();
    if (shown === "" || !/[\p{L}\p{N}]/u.test(shown)) {
      state.last[ilvl] = null;
      return { label: null, item: false, bullet: true, shown: null };
    }

    let label = shown;
    let item: boolean;
    let parent: { label: string; item: boolean } | null = null;
    for (let level = ilvl - 1; level >= 0 && parent === null; level--) parent = state.last[level];
    if (referencesAncestor || !COUNTER_ONLY.test(definition.lvlText.trim())) {
      // "1.1", "Article 3": a number in its own right.
      item = false;
    } else if (parent !== null) {
      item = true;
      if (parent.item) label = `${parent.label} ${shown}`;
    } else {
      item =
        definition.numFmt === "lowerLetter" ||
        definition.numFmt === "lowerRoman" ||
        /^\(%[1-9]\)$/.test(definition.lvlText.trim());
    }
    state.last[ilvl] = { label, item };
    return { label, item, bullet: false, shown };
  }
}

// ---------------------------------------------------------------------------
// The document body

interface ParagraphNumbering {
  numId: string | null;
  ilvl: number | null;
  styleId: string | null;
}

function paragraphNumbering(pPr: Element | null, definitions: Definitions): ParagraphNumbering {
  const styleId = valueOf(pPr, "pStyle");
  const numPr = child(pPr, "numPr");
  let numId = valueOf(numPr, "numId");
  let ilvl = integer(valueOf(numPr, "ilvl"));
  // Through the paragraph style and the styles it is based on.
  let style = styleId;
  const seen = new Set<string>();
  while ((numId === null || ilvl === null) && style !== null && !seen.has(style)) {
    seen.add(style);
    const definition = definitions.paragraphStyles.get(style);
    if (!definition) break;
    if (numId === null && definition.numId !== null) {
      numId = definition.numId;
      if (ilvl === null) ilvl = definition.ilvl;
    } else if (numId !== null && ilvl === null && definition.ilvl !== null && definition.numId === null) {
      ilvl = definition.ilvl;
    }
    style = definition.basedOn;
  }
  return { numId, ilvl, styleId };
}

/**
 * Every body paragraph with the number Word shows for it (null for an
 * unnumbered paragraph), or [] when the document defines no list at all.
 * Throws on malformed XML.
 */
export function numberDocxParagraphs(parts: DocxNumberingParts): DocxNumberedParagraph[] {
  const definitions = readDefinitions(
    parts.numbering ? parseXml(parts.numbering) : null,
    parts.styles ? parseXml(parts.styles) : null,
  );
  // No list defined, nothing to count: the body (the slow part to parse) is not read.
  if (definitions.nums.size === 0) return [];
  return countParagraphs(parseXml(parts.document), definitions);
}

/** Every body paragraph of `document` with its number under `definitions`. */
function countParagraphs(document: Document, definitions: Definitions): DocxNumberedParagraph[] {
  const root = document.documentElement;
  const body = children(root).find((el) => isW(el, "body"));
  if (!body) throw new Error("Malformed Word XML: no w:body");
  const counter = new NumberingCounter(definitions);
  const result: DocxNumberedParagraph[] = [];
  bodyParagraphs(body, (pPr, text) => {
    const { numId, ilvl, styleId } = paragraphNumbering(pPr, definitions);
    // numId 0 (or none) means "no numbering", even over a numbered style.
    const number =
      numId === null || numId === "0"
        ? null
        : counter.next(numId, Math.min(8, Math.max(0, ilvl ?? counter.levelForStyle(numId, styleId))));
    result.push({ text, number });
  });
  return result;
}

/**
 * The numbering of an opened .docx's parts (docx-xml.ts): the main document,
 * numbering and styles parts, found through the package relationships as
 * mammoth finds them. The body is parsed only when a list is defined.
 * Throws (rejects) on malformed XML and when there is no main document.
 */
export async function numberWordParts(parts: WordParts): Promise<DocxNumberedParagraph[]> {
  if ((await parts.text("document")) === null) throw new Error("No main document part");
  const definitions = readDefinitions(await parts.xml("numbering"), await parts.xml("styles"));
  if (definitions.nums.size === 0) return [];
  const document = await parts.xml("document");
  if (!document) throw new Error("Malformed Word XML: empty main document part");
  return countParagraphs(document, definitions);
}

/** {@link numberWordParts} for a .docx already opened with jszip. */
export function readDocxNumbering(zip: JSZip): Promise<DocxNumberedParagraph[]> {
  return numberWordParts(wordPartsOf(zip));
}
