/**
 * Paging of a long version by section (docs/decisions/0017-bounded-reader-pages.md).
 *
 * A version longer than {@link PAGED_ABOVE} is read page by page, so one
 * anonymous request costs a bounded rendering whatever the document's
 * length. Top-level sections (with their sub-sections) are grouped into
 * pages under {@link PAGE_BUDGET}; a single section above the budget is split
 * at paragraph boundaries. A shorter version is one page, exactly as before.
 * Pure: the reader's loader plans, the component shows the plan.
 */

/** A version is paged when it has more paragraphs or more characters of text than this. */
export const PAGED_ABOVE = { paragraphs: 1_000, chars: 400_000 } as const;

/** What one page holds at most (a page holds at least one paragraph). */
export const PAGE_BUDGET = { paragraphs: 400, chars: 200_000 } as const;

export interface OutlineSection {
  id: string;
  level: number;
  heading: string;
  number: string | null;
}

export interface OutlineParagraph {
  /** Index of its section in the sections list. */
  section: number;
  chars: number;
}

export interface DocumentPage {
  /** 1-based. */
  number: number;
  /** Paragraph indexes (in document order), inclusive. */
  firstParagraph: number;
  lastParagraph: number;
  /** Section indexes shown on the page, inclusive. */
  firstSection: number;
  lastSection: number;
  /** The page's first section heading, and whether the page continues it from the page before. */
  heading: string;
  sectionNumber: string | null;
  continued: boolean;
}

export interface Budget {
  paragraphs: number;
  chars: number;
}

/** Whether a version of this size is read page by page. */
export function isPaged(paragraphs: readonly OutlineParagraph[], above: Budget = PAGED_ABOVE) {
  if (paragraphs.length > above.paragraphs) return true;
  let chars = 0;
  for (const paragraph of paragraphs) chars += paragraph.chars;
  return chars > above.chars;
}

/**
 * The pages of a version: sections in document order, paragraphs in document
 * order (each naming its section by index; sections' paragraphs contiguous).
 */
export function planPages(
  sections: readonly OutlineSection[],
  paragraphs: readonly OutlineParagraph[],
  budget: Budget = PAGE_BUDGET,
): DocumentPage[] {
  // Blocks: a top-level section and the sub-sections after it.
  const blocks: Array<{ firstSection: number; lastSection: number }> = [];
  sections.forEach((section, index) => {
    const last = blocks.at(-1);
    if (last && section.level > 1) last.lastSection = index;
    else blocks.push({ firstSection: index, lastSection: index });
  });
  const firstParagraphOf = new Map<number, number>();
  paragraphs.forEach((paragraph, index) => {
    if (!firstParagraphOf.has(paragraph.section)) firstParagraphOf.set(paragraph.section, index);
  });

  type Draft = Omit<DocumentPage, "number" | "heading" | "sectionNumber" | "continued"> & {
    count: number;
    chars: number;
    continued: boolean;
  };
  const drafts: Draft[] = [];
  let cursor = 0;
  for (const block of blocks) {
    const start = cursor;
    while (cursor < paragraphs.length && paragraphs[cursor].section <= block.lastSection) cursor++;
    let chars = 0;
    for (let i = start; i < cursor; i++) chars += paragraphs[i].chars;
    const count = cursor - start;
    const current = drafts.at(-1);
    if (current && current.count + count <= budget.paragraphs && current.chars + chars <= budget.chars) {
      current.lastSection = block.lastSection;
      current.lastParagraph = cursor - 1;
      current.count += count;
      current.chars += chars;
      continue;
    }
    if (count <= budget.paragraphs && chars <= budget.chars) {
      drafts.push({
        firstSection: block.firstSection,
        lastSection: block.lastSection,
        firstParagraph: start,
        lastParagraph: cursor - 1,
        count,
        chars,
        continued: false,
      });
      continue;
    }
    // One section above the budget: split at paragraph boundaries.
    let piece: Draft | null = null;
    for (let i = start; i < cursor; i++) {
      const size = paragraphs[i].chars;
      if (piece && (piece.count + 1 > budget.paragraphs || piece.chars + size > budget.chars)) {
        // Empty sub-sections between two pieces stay with the earlier one.
        piece.lastSection = Math.max(piece.lastSection, paragraphs[i].section - 1);
        piece = null;
      }
      if (!piece) {
        const section = i === start ? block.firstSection : paragraphs[i].section;
        piece = {
          firstSection: section,
          lastSection: section,
          firstParagraph: i,
          lastParagraph: i,
          count: 0,
          chars: 0,
          continued: i !== start && firstParagraphOf.get(paragraphs[i].section) !== i,
        };
        drafts.push(piece);
      }
      piece.lastSection = paragraphs[i].section;
      piece.lastParagraph = i;
      piece.count++;
      piece.chars += size;
    }
    // Empty sub-sections at the block's end go with its last piece.
    if (piece) piece.lastSection = block.lastSection;
  }
  if (drafts.length === 0) {
    drafts.push({
      firstSection: 0,
      lastSection: sections.length - 1,
      firstParagraph: 0,
      lastParagraph: paragraphs.length - 1,
      count: 0,
      chars: 0,
      continued: false,
    });
  }
  return drafts.map((draft, index) => ({
    number: index + 1,
    firstParagraph: draft.firstParagraph,
    lastParagraph: draft.lastParagraph,
    firstSection: draft.firstSection,
    lastSection: draft.lastSection,
    heading: sections[draft.firstSection]?.heading ?? "",
    sectionNumber: sections[draft.firstSection]?.number ?? null,
    continued: draft.continued,
  }));
}

/** The page holding the paragraph at `index` (document order), or the first page. */
export function pageOfParagraph(pages: readonly DocumentPage[], index: number): DocumentPage {
  return pages.find((page) => index >= page.firstParagraph && index <= page.lastParagraph) ?? pages[0];
}

/** `?page=N` as a page number within 1..count, or null when absent or not a number. */
export function parsePageNumber(value: string | null, count: number): number | null {
  if (value === null || !/^\d{1,6}$/.test(value)) return null;
  const number = Number(value);
  return number >= 1 && number <= count ? number : null;
}
