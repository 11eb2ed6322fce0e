/**
 * Structure-aware comparison of two versions of a document: paragraph
 * alignment across renumbering, moves, splits and merges; word changes
 * inside aligned paragraphs; adoption of proposed text. Pure functions, no
 * database, no Remix.
 */
export {
  alignParagraphs,
  MATCH_THRESHOLD,
  MOVE_THRESHOLD,
  SANDWICH_THRESHOLD,
  type Alignment,
  type AlignmentKind,
  type AlignmentOperation,
  type AlignInput,
  type AlignOptions,
} from "./align";
export {
  diffParagraphWords,
  DEFAULT_MAX_EDIT_LENGTH,
  DEFAULT_TIMEOUT_MS,
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
  generateDocumentPair,
  scoreAgainstTruth,
  type SyntheticOptions,
  type SyntheticPair,
  type SyntheticTruth,
  type TruthScore,
} from "./synthetic";
export {
  benchCompare,
  syntheticBenchCase,
  type BenchCase,
  type BenchOptions,
  type BenchResult,
  type Timing,
} from "./bench";
