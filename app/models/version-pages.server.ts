/**
 * A long version read page by page (app/lib/document-pages.ts,
 * docs/decisions/0017-bounded-reader-pages.md): the reader loads the page's
 * sections and paragraphs only. The version's outline (each paragraph's
 * section, length, key and number; every section's heading) is read once per
 * process and kept, as the text never changes once imported.
 */
import { LRUCache } from "lru-cache";

import { isPaged, planPages, type DocumentPage, type OutlineParagraph } from "~/lib/document-pages";
import { prisma } from "~/utils/db.server";

export interface VersionOutline {
  sections: Array<{ id: string; number: string | null; heading: string; level: number; order: number }>;
  paragraphs: Array<OutlineParagraph & { key: string; number: string | null; order: number }>;
  paged: boolean;
  pages: DocumentPage[];
}

async function loadOutline(versionId: string): Promise<VersionOutline> {
  const sections = await prisma.section.findMany({
    where: { versionId },
    orderBy: { order: "asc" },
    select: { id: true, number: true, heading: true, level: true, order: true },
  });
  const rows = await prisma.$queryRaw<
    Array<{ sectionId: string; key: string; number: string | null; order: number | bigint; chars: number | bigint }>
  >`SELECT "sectionId", "key", "number", "order", length("text") AS "chars"
    FROM "Paragraph" WHERE "versionId" = ${versionId} ORDER BY "order"`;
  const sectionIndex = new Map(sections.map((section, index) => [section.id, index]));
  const paragraphs = rows.map((row) => ({
    section: sectionIndex.get(row.sectionId) ?? 0,
    chars: Number(row.chars),
    key: row.key,
    number: row.number,
    order: Number(row.order),
  }));
  const paged = isPaged(paragraphs);
  return { sections, paragraphs, paged, pages: paged ? planPages(sections, paragraphs) : [] };
}

const outlines = new LRUCache<string, Promise<VersionOutline>>({ max: 8 });

/** The version's outline and its pages (none when it is short enough for one page). */
export function versionOutline(versionId: string) {
  let outline = outlines.get(versionId);
  if (!outline) {
    outline = loadOutline(versionId);
    outline.catch(() => outlines.delete(versionId));
    outlines.set(versionId, outline);
  }
  return outline;
}

/** The sections and paragraphs of one page, in the shape the reader shows a whole version. */
export async function loadVersionPage(versionId: string, outline: VersionOutline, page: DocumentPage) {
  const first = outline.paragraphs[page.firstParagraph];
  const last = outline.paragraphs[page.lastParagraph];
  const [sections, paragraphs] = await Promise.all([
    prisma.section.findMany({
      where: {
        versionId,
        order: { gte: outline.sections[page.firstSection].order, lte: outline.sections[page.lastSection].order },
      },
      orderBy: { order: "asc" },
      select: { id: true, number: true, heading: true, level: true },
    }),
    first && last
      ? prisma.paragraph.findMany({
          where: { versionId, order: { gte: first.order, lte: last.order } },
          orderBy: { order: "asc" },
          select: { id: true, key: true, number: true, text: true, sectionId: true },
        })
      : Promise.resolve([]),
  ]);
  return { sections, paragraphs };
}

/** Index (document order) of the paragraph with this key, or -1. */
export function paragraphIndex(outline: VersionOutline, key: string) {
  return outline.paragraphs.findIndex((paragraph) => paragraph.key === key);
}
