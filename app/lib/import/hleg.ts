/**
 * Proposals followed by the members' comments on them: the shape of the HLEG
 * 2008 report excerpt. Each work area has a "Proposals:" line, numbered
 * proposals ("1.1.", "1.9.a", "5.3.1"), their sub-items ("(1) …", "a) …",
 * "• …") and, after a proposal, paragraphs recording what members said
 * ("One member wished to delete this proposal.", "General consensus was
 * achieved.", "There was no consensus on proposals 2.10 & 2.11 …").
 *
 * The comment paragraphs are feedback, not text of the document, so they are
 * attached to the proposal above them as `memberComments`.
 */
import { UNTITLED, type ParseOptions } from "./blocks";
import { withParagraphKeys, type UnkeyedParagraph, type UnkeyedSection } from "./keys";
import { collapseWhitespace, isSeparatorLine, normalizeLineEndings, removeInvisibleCharacters } from "./normalize";
import { itemNumber, parseLeadingMarker } from "./numbering";

import type { ImportedDocument } from "./types";

/** "2) Technical and Procedural Measures", "Work Area 3: Organizational Structures". */
const WORK_AREA_HEADING = /^(?:work\s+area\s+)?(\d{1,2})\s*[):.]\s*(.+)$/i;
const PROPOSALS_LABEL = /^proposals\s*:?$/i;
const BULLET = /^[•·▪◦\-–*]\s*(?=\S)/;
/**
 * A paragraph that reports the members' view. Every comment paragraph in the
 * HLEG report names the members ("One member…", "A few members…", "The same
 * member…", "With regard to …, some members suggested…") or the consensus
 * ("General consensus was achieved.", "There was no consensus on…").
 */
const MEMBER_COMMENT = /\b(?:members?|consensus)\b/i;

/** Heuristic used by `detectTextShape`: how many lines read like member comments. */
export function countMemberCommentLines(text: string): number {
  return normalizeLineEndings(text)
    .split("\n")
    .filter((line) =>
      /^(?:one|two|three|a few|some|several|many|another|other|the same) members?\b|^general consensus\b|^there was no consensus\b/i.test(
        line.trim(),
      ),
    ).length;
}

interface PendingHeading {
  number: string;
  heading: string;
}

interface Pending {
  heading: PendingHeading | null;
  paragraphs: UnkeyedParagraph[];
}

/**
 * Parses proposals with member comments.
 *
 * Sections follow the work area of the proposals (the major number of
 * "2.1"): a "2) Title" line names the section when its number matches the
 * proposals that follow; otherwise the section is called "Work Area N". The
 * excerpt starts mid-document with a stray "2) Technical and Procedural
 * Measures" line above Work Area 1's proposals; that heading contradicts the
 * numbers under it and is dropped. Paragraphs before the first proposal of an
 * area (the excerpt's introduction) go into that area's section. "Proposals:"
 * lines are labels and are dropped.
 *
 * Comment rule: after a proposal (or its sub-proposals "5.3.1", "5.3.2",
 * whose comments go to the head proposal "5.3"), an unnumbered paragraph that mentions
 * members or consensus starts a comment; once comments have started, every
 * following unnumbered line up to the next proposal or heading belongs to the
 * comments (it continues a quoted alternative text, like the "(1) … (4)" list
 * after "One member proposed alternative text of: …" under 4.2) and is
 * appended to the comment before it.
 */
export function parseProposalsWithComments(text: string, options: ParseOptions = {}): ImportedDocument {
  const lines = normalizeLineEndings(removeInvisibleCharacters(text))
    .split("\n")
    .map((line) => collapseWhitespace(line))
    .filter((line) => line !== "" && !isSeparatorLine(line));

  const sections: UnkeyedSection[] = [];
  // Paragraphs read after a heading line and before the first proposal that
  // decides which work area (section) they belong to.
  let pending: Pending | null = {
    heading: null,
    paragraphs: [],
  };
  let proposal: UnkeyedParagraph | null = null;
  let parent: string | null = null;
  let inComments = false;

  const currentSection = (): UnkeyedSection | null => sections[sections.length - 1] ?? null;

  const openSection = (major: string) => {
    // The report's own name for an untitled section: document content, stored as its heading, not UI text.
    // eslint-disable-next-line consultation/no-literal-ui-text
    const heading = pending?.heading?.number === major ? pending.heading.heading : `Work Area ${major}`;
    sections.push({ number: major, heading, level: 1, paragraphs: pending?.paragraphs ?? [] });
    pending = null;
  };

  const addParagraph = (paragraph: UnkeyedParagraph) => {
    const section = currentSection();
    if (pending || !section) (pending ??= { heading: null, paragraphs: [] }).paragraphs.push(paragraph);
    else section.paragraphs.push(paragraph);
  };

  for (const line of lines) {
    if (PROPOSALS_LABEL.test(line)) {
      proposal = null;
      inComments = false;
      continue;
    }
    const marker = parseLeadingMarker(line);
    const heading = WORK_AREA_HEADING.exec(line);
    if (heading && (!marker || marker.kind === "whole") && !/[.;:,]$/.test(line) && heading[2].length <= 90) {
      pending = { heading: { number: heading[1], heading: heading[2] }, paragraphs: pending?.paragraphs ?? [] };
      proposal = null;
      inComments = false;
      continue;
    }

    if (marker?.kind === "dotted") {
      const major = marker.label.split(".")[0];
      if (pending !== null || currentSection()?.number !== major) openSection(major);
      const paragraph: UnkeyedParagraph = { number: marker.label, text: marker.rest };
      currentSection()?.paragraphs.push(paragraph);
      // Sub-proposals ("1.9.a", "5.3.1", "5.3.2") are points of their head
      // proposal; the comments after them discuss the whole group ("…the
      // specific references to VoIP" is about 1.9, the "alternative text of:
      // the ITU Secretary-General should initiate…" after 5.3.2 rewrites
      // 5.3), so they are attached to the head, as for 5.2's "a)"–"d)".
      const isSubProposal = proposal?.number != null && marker.label.startsWith(`${proposal.number}.`);
      if (!isSubProposal) proposal = paragraph;
      parent = marker.label;
      inComments = false;
      continue;
    }

    const isItem = marker !== null && (marker.kind === "letter" || marker.kind === "enumerated");
    const isBullet = !marker && BULLET.test(line);
    if (proposal !== null && (inComments || (!isItem && !isBullet && MEMBER_COMMENT.test(line)))) {
      const comments = (proposal.memberComments ??= []);
      if (inComments && !MEMBER_COMMENT.test(line) && comments.length > 0) {
        comments[comments.length - 1] += ` ${line}`;
      } else {
        comments.push(line);
      }
      inComments = true;
      continue;
    }

    if (isItem && marker) {
      addParagraph({ number: itemNumber(parent, marker.label), text: marker.rest });
    } else if (isBullet) {
      addParagraph({ number: null, text: line.replace(BULLET, "") });
    } else {
      addParagraph({ number: null, text: line });
    }
  }

  // Text after a heading that no proposal followed still belongs to the document.
  const leftover: Pending | null = pending;
  if (leftover && leftover.paragraphs.length > 0) {
    sections.push({
      number: leftover.heading?.number ?? null,
      heading: leftover.heading?.heading ?? options.title ?? options.defaultTitle ?? UNTITLED,
      level: 1,
      paragraphs: leftover.paragraphs,
    });
  }

  const title = options.title ?? options.defaultTitle ?? UNTITLED;
  return { title, sections: withParagraphKeys(sections) };
}
