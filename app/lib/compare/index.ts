/**
 * Structure-aware comparison of two versions of a document: paragraph
 * alignment across renumbering, moves, splits and merges; word changes
 * inside aligned paragraphs; adoption of proposed text. Pure functions, no
 * database, no Remix.
 *
 * The synthetic document generators (./synthetic) are for tests and
 * benchmarks: import them from their module, never from this barrel.
 */
export {
  alignParagraphs,
  MATCH_THRESHOLD,
  MOVE_THRESHOLD,
  SANDWICH_THRESHOLD,
  SHORT_PARAGRAPH_WORDS,
  LOW_CONFIDENCE_SIMILARITY,
  type Alignment,
  type AlignmentKind,
  type AlignmentOperation,
  type AlignInput,
  type AlignOptions,
} from "./align";
export {
  diffParagraphWords,
  DEFAULT_MAX_EDIT_LENGTH,
  DEFAULT_WORK_BUDGET,
  editLengthWithin,
  type WordChange,
  type WordDiffOptions,
} from "./words";
export {
  proposedTextAdoption,
  FULL_ADOPTION,
  PARTIAL_ADOPTION,
  type Adoption,
  type AdoptionInput,
  type AdoptionLevel,
} from "./adoption";
export {
  compareVersions,
  emptyCounts,
  type ChangeCounts,
  type CompareOptions,
  type CompareParagraph,
  type Comparison,
  type ComparisonRow,
  type ParagraphRef,
  type SectionSummary,
} from "./compare";
export { paragraphsForComparison } from "./document";
export {
  findMovedSentences,
  markMovedSentences,
  MIN_MOVED_SENTENCE_WORDS,
  type MarkedChange,
  type MovedSentence,
  type MovedSentenceView,
} from "./moved-sentences";
export { planLineage, type LineagePlan, type PlannedLink } from "./lineage";
export { alignSections, linkSections, type SectionLineage, type SectionLink, type SectionLinkKind } from "./sections";
export { comparisonPayload, documentComparisonPayload, type CachedComparison } from "./payload";
export {
  describeSectionChanges,
  isRelettering,
  type SectionChange,
  type SectionChangeKind,
  type SectionName,
} from "./section-changes";
export {
  buildComparisonPage,
  comparisonPageBody,
  MAX_COMMENTS_PER_ROW,
  parseVersionRange,
  rowNumbers,
  ROWS_PER_SLICE,
  type CarriedComment,
  type CarriedCommentSource,
  type ComparisonGroup,
  type ComparisonPageBody,
  type ComparisonPageInput,
  type ComparisonRowView,
  type ComparisonSectionSummary,
  type RowParagraph,
  type SectionHeadingChange,
} from "./page";
