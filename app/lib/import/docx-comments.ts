/**
 * The comments a reviewer left in a Word file (a delegation's annotated
 * copy of a draft): for each one, what it says, who wrote it, and what it is
 * on: the paragraph of the document it is anchored in and the phrase
 * selected, if any.
 *
 * Word keeps a comment's text in word/comments.xml (w:comment, its
 * paragraphs) and its place in word/document.xml: w:commentRangeStart and
 * w:commentRangeEnd around the selected text (which may span several runs,
 * or several paragraphs) and a w:commentReference run after it. Replies are
 * comments of their own, linked to their parent in word/commentsExtended.xml
 * (w15:commentEx paraIdParent → the parent's last paragraph's w14:paraId);
 * files without that link (Word 2010 and older write none) mark a reply by
 * giving it exactly its parent's range. {@link commentThreads} gathers each
 * thread's replies under its first comment.
 *
 * Pure: the caller hands the parts (docx-xml.ts readWordParts), their XML or the bytes;
 * nothing here knows the consultation. Placement on the platform's
 * paragraphs is docx-comment-placement.ts.
 */
import JSZip from "jszip";

import { parseXml, wordPartsOf, type WordParts } from "./docx-xml";

const W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
const W14 = "http://schemas.microsoft.com/office/word/2010/wordml";
const W15 = "http://schemas.microsoft.com/office/word/2012/wordml";

/** One Word comment and what it is anchored to in the document. */
export interface WordComment {
  /** Word's w:id, unique within the file. */
  id: string;
  author: string;
  /** As Word wrote it (ISO 8601), or null. */
  date: string | null;
  /** The comment's text, its paragraphs separated by a blank line. */
  body: string;
  /**
   * The w:id of the comment this one replies to, or null: from
   * commentsExtended.xml, or, for a comment that file does not describe, the
   * first earlier comment on exactly the same range.
   */
  parentId: string | null;
  /** Marked resolved in Word (w15:done="1"). */
  done: boolean;
  /** Text of the document paragraph the comment is on (where its range starts), or null when it has no anchor. */
  paragraphText: string | null;
  /** Position of that paragraph among the document's paragraphs (0-based), or null. */
  paragraphIndex: number | null;
  /**
   * The phrase selected inside that paragraph, or null for a comment on the
   * whole paragraph (nothing selected, the whole paragraph selected, or a
   * selection running over several paragraphs).
   */
  quote: string | null;
  /** Whether the selection ran past the end of its first paragraph. */
  spansParagraphs: boolean;
}

/** Why a file's comments could not be read at all. */
export type DocxCommentsError = "notDocx" | "corrupt";

export type DocxCommentsResult = { ok: true; comments: WordComment[] } | { ok: false; error: DocxCommentsError };

interface Mark {
  paragraph: number;
  offset: number;
}

/** Local name of an element in the WordprocessingML namespace, or null for anything else. */
function wordName(node: Node): string | null {
  if (node.nodeType !== 1) return null;
  const element = node as Element;
  return element.namespaceURI === W ? element.localName : null;
}

function attribute(element: Element, namespace: string, name: string): string | null {
  return element.getAttributeNS(namespace, name) || element.getAttribute(`w:${name}`) || null;
}

/**
 * The text of every paragraph of document.xml in document order, and where
 * each comment's range starts and ends and where its reference sits.
 * Deleted text (w:delText in tracked deletions) and field instructions are
 * not text; tabs and line breaks are spaces. A paragraph inside another
 * (a text box in a run) is a paragraph of its own.
 */
function walkDocument(document: Document) {
  const texts: string[] = [];
  const starts = new Map<string, Mark>();
  const ends = new Map<string, Mark>();
  const references = new Map<string, Mark>();
  const open: number[] = [];
  const here = (): Mark | null => {
    const paragraph = open.at(-1);
    return paragraph === undefined ? null : { paragraph, offset: texts[paragraph].length };
  };
  const append = (text: string) => {
    const paragraph = open.at(-1);
    if (paragraph !== undefined) texts[paragraph] += text;
  };
  const visit = (node: Node) => {
    const name = wordName(node);
    if (name === "p") {
      open.push(texts.length);
      texts.push("");
      for (let child = node.firstChild; child; child = child.nextSibling) visit(child);
      open.pop();
      return;
    }
    const element = node as Element;
    switch (name) {
      case "t":
        append(element.textContent ?? "");
        return;
      case "tab":
      case "br":
      case "cr":
        append(" ");
        return;
      case "noBreakHyphen":
        append("-");
        return;
      case "delText":
      case "instrText":
        return;
      case "commentRangeStart": {
        const id = attribute(element, W, "id");
        // Between paragraphs: the range starts at the beginning of the next one.
        if (id !== null) starts.set(id, here() ?? { paragraph: texts.length, offset: 0 });
        return;
      }
      case "commentRangeEnd": {
        const id = attribute(element, W, "id");
        // Between paragraphs: the range ends with the previous one.
        const last = texts.length - 1;
        if (id !== null) ends.set(id, here() ?? { paragraph: last, offset: texts[last]?.length ?? 0 });
        return;
      }
      case "commentReference": {
        const id = attribute(element, W, "id");
        const mark = here();
        if (id !== null && mark) references.set(id, mark);
        return;
      }
      default:
        for (let child = node.firstChild; child; child = child.nextSibling) visit(child);
    }
  };
  visit(document.documentElement);
  return { texts, starts, ends, references };
}

/** The text of a comment's paragraphs (w:p children), one block each. */
function commentBody(comment: Element): { body: string; lastParaId: string | null } {
  const blocks: string[] = [];
  let lastParaId: string | null = null;
  const paragraphs = comment.getElementsByTagNameNS(W, "p");
  for (let index = 0; index < paragraphs.length; index++) {
    const paragraph = paragraphs.item(index)!;
    lastParaId = paragraph.getAttributeNS(W14, "paraId") || paragraph.getAttribute("w14:paraId") || lastParaId;
    let text = "";
    const visit = (node: Node) => {
      const name = wordName(node);
      if (name === "t") text += node.textContent ?? "";
      else if (name === "tab" || name === "br" || name === "cr") text += " ";
      else if (name !== "delText" && name !== "instrText")
        for (let child = node.firstChild; child; child = child.nextSibling) visit(child);
    };
    visit(paragraph);
    blocks.push(text.replace(/\s+/g, " ").trim());
  }
  return { body: blocks.filter((block) => block !== "").join("\n\n"), lastParaId };
}

/** What commentsExtended.xml says of one comment (keyed by its last paragraph's paraId). */
interface ExtendedEntry {
  /** The parent's last paraId, or null for the first comment of a thread. */
  parentParaId: string | null;
  done: boolean;
}

/** The w15:commentEx entries of commentsExtended.xml, by the comment's last paraId. */
function extendedEntries(extended: Document | null): Map<string, ExtendedEntry> {
  const entries = new Map<string, ExtendedEntry>();
  if (!extended) return entries;
  const elements = extended.getElementsByTagNameNS(W15, "commentEx");
  for (let index = 0; index < elements.length; index++) {
    const entry = elements.item(index)!;
    const paraId = entry.getAttributeNS(W15, "paraId") || entry.getAttribute("w15:paraId");
    const parent = entry.getAttributeNS(W15, "paraIdParent") || entry.getAttribute("w15:paraIdParent");
    const done = entry.getAttributeNS(W15, "done") || entry.getAttribute("w15:done");
    if (paraId) entries.set(paraId, { parentParaId: parent || null, done: done === "1" || done === "true" });
  }
  return entries;
}

/** Collapses whitespace the way the importer does for paragraph text. */
function clean(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}

/**
 * The comments of a Word document, from its XML parts, in the order
 * comments.xml lists them. Throws when a part is not well-formed XML.
 */
export function commentsFromXml(parts: {
  documentXml: string;
  commentsXml: string | null;
  commentsExtendedXml?: string | null;
}): WordComment[] {
  if (!parts.commentsXml) return [];
  return commentsFromDocuments({
    document: parseXml(parts.documentXml),
    comments: parseXml(parts.commentsXml),
    commentsExtended: parts.commentsExtendedXml ? parseXml(parts.commentsExtendedXml) : null,
  });
}

/**
 * The comments of an opened .docx's parts (docx-xml.ts): "notDocx" without a
 * main document, "corrupt" when a part is not well-formed XML.
 */
export async function commentsOfWordParts(parts: WordParts): Promise<DocxCommentsResult> {
  try {
    if ((await parts.text("document")) === null) return { ok: false, error: "notDocx" };
    const comments = await parts.xml("comments");
    if (!comments) return { ok: true, comments: [] };
    const document = await parts.xml("document");
    if (!document) return { ok: false, error: "corrupt" };
    const commentsExtended = await parts.xml("commentsExtended");
    return { ok: true, comments: commentsFromDocuments({ document, comments, commentsExtended }) };
  } catch {
    return { ok: false, error: "corrupt" };
  }
}

function commentsFromDocuments(parts: {
  document: Document;
  comments: Document;
  commentsExtended: Document | null;
}): WordComment[] {
  const { texts, starts, ends, references } = walkDocument(parts.document);
  const commentsDocument = parts.comments;
  const extended = extendedEntries(parts.commentsExtended);

  const elements = commentsDocument.getElementsByTagNameNS(W, "comment");
  const read = Array.from({ length: elements.length }, (_, index) => {
    const element = elements.item(index)!;
    return { element, id: attribute(element, W, "id") ?? `#${index}`, ...commentBody(element) };
  });
  const idByLastParaId = new Map(
    read.flatMap((comment) => (comment.lastParaId ? [[comment.lastParaId, comment.id]] : [])),
  );

  // Without a commentsExtended entry, a comment on exactly an earlier comment's range answers it.
  const firstOnRange = new Map<string, string>();
  const rangeKey = (id: string) => {
    const start = starts.get(id);
    const end = ends.get(id);
    return start && end ? `${start.paragraph}:${start.offset}-${end.paragraph}:${end.offset}` : null;
  };

  return read.map(({ element, id, body, lastParaId }) => {
    const entry = lastParaId ? extended.get(lastParaId) : undefined;
    const range = rangeKey(id);
    let parentId: string | null = null;
    if (entry) parentId = entry.parentParaId ? (idByLastParaId.get(entry.parentParaId) ?? null) : null;
    else if (range !== null) parentId = firstOnRange.get(range) ?? null;
    if (range !== null && !firstOnRange.has(range)) firstOnRange.set(range, id);
    const start = starts.get(id);
    const end = ends.get(id);
    const anchor = start ?? references.get(id) ?? null;
    const paragraphText = anchor && anchor.paragraph < texts.length ? texts[anchor.paragraph] : null;
    const spansParagraphs = Boolean(start && end && end.paragraph > start.paragraph);
    let quote: string | null = null;
    if (start && end && paragraphText !== null && end.paragraph === start.paragraph && end.offset > start.offset) {
      const selected = clean(paragraphText.slice(start.offset, end.offset));
      // Selecting the whole paragraph is commenting on the paragraph.
      if (selected !== "" && selected !== clean(paragraphText)) quote = selected;
    }
    return {
      id,
      author: attribute(element, W, "author") ?? "",
      date: attribute(element, W, "date"),
      body,
      parentId: parentId === id ? null : parentId,
      done: entry?.done ?? false,
      paragraphText: paragraphText === null ? null : clean(paragraphText),
      paragraphIndex: paragraphText === null ? null : anchor!.paragraph,
      quote,
      spansParagraphs,
    };
  });
}

/**
 * The replies of each thread, by the w:id of the thread's first comment, in
 * the order of `comments` (a reply to a reply belongs to the same thread).
 * A comment whose parents loop back to it (a damaged file) is in no thread.
 */
export function commentThreads(comments: readonly WordComment[]): Map<string, WordComment[]> {
  const byId = new Map(comments.map((comment) => [comment.id, comment]));
  const rootOf = (comment: WordComment): string | null => {
    const seen = new Set<string>();
    let current = comment;
    while (current.parentId !== null) {
      if (seen.has(current.id)) return null;
      seen.add(current.id);
      const parent = byId.get(current.parentId);
      if (!parent) return null;
      current = parent;
    }
    return current.id;
  };
  const threads = new Map<string, WordComment[]>();
  for (const comment of comments) {
    if (comment.parentId === null) {
      if (!threads.has(comment.id)) threads.set(comment.id, []);
      continue;
    }
    const root = rootOf(comment);
    if (root === null) continue;
    const replies = threads.get(root) ?? [];
    replies.push(comment);
    threads.set(root, replies);
  }
  return threads;
}

/**
 * Reads the comments of a .docx given as bytes. The caller bounds the file
 * (size, what it inflates to) before handing it here.
 */
export async function readDocxComments(bytes: Uint8Array): Promise<DocxCommentsResult> {
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes);
  } catch {
    return { ok: false, error: "notDocx" };
  }
  return commentsOfWordParts(wordPartsOf(zip));
}
