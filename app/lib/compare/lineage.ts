/**
 * Lineage of paragraphs between consecutive versions of a document: which
 * key each paragraph of a new version gets and which links to the previous
 * version's paragraphs record the pairing. Pure; app/models/lineage.server.ts
 * loads the predecessor and writes what this decides.
 */
import { alignParagraphs, type AlignInput, type AlignmentKind } from "./align";

/** One link to write: indices into the previous and the new version's paragraph lists. */
export interface PlannedLink {
  from: number;
  to: number;
  /** unchanged | modified | split | merged */
  kind: Exclude<AlignmentKind, "inserted" | "deleted">;
  moved: boolean;
  renumbered: boolean;
  similarity: number;
}

/** What {@link planLineage} decided for a new version. */
export interface LineagePlan {
  /** The final key of each new paragraph, in order; unique. */
  keys: string[];
  links: PlannedLink[];
}

/**
 * Decides the keys of a new version's paragraphs and the links to the
 * previous version's. Pure: the alignment is the only input that matters.
 *
 * - A paragraph paired one-to-one keeps its predecessor's key.
 * - A split gives the first piece the old key; the other pieces are new.
 * - A merge keeps the key of its first source.
 * - Every other paragraph keeps the key the importer gave it, unless that
 *   key is reserved by lineage — the key of any old paragraph that lives on,
 *   including the second source of a merge, so that an old anchor never
 *   lands on unrelated text — in which case it gets `-v<version>` (and
 *   `-2`, `-3`… should even that be taken).
 *
 * @example
 * planLineage({
 *   previous: [{ key: "2-9-a", number: "2.9 a.", text }],
 *   next: [{ key: "2-a", number: "2. a.", text }],
 *   versionNumber: 2,
 * });
 * // → { keys: ["2-9-a"], links: [{ from: 0, to: 0, kind: "unchanged", renumbered: true, … }] }
 */
export function planLineage({
  previous,
  next,
  versionNumber,
}: {
  previous: readonly AlignInput[];
  next: readonly AlignInput[];
  versionNumber: number;
}): LineagePlan {
  const keys: Array<string | null> = next.map(() => null);
  const links: PlannedLink[] = [];
  const reserved = new Set<string>();
  if (previous.length > 0 && next.length > 0) {
    for (const operation of alignParagraphs(previous, next).operations) {
      if (operation.kind === "inserted" || operation.kind === "deleted") continue;
      for (const from of operation.a) reserved.add(previous[from].key);
      keys[operation.b[0]] = previous[operation.a[0]].key;
      for (const from of operation.a) {
        for (const to of operation.b) {
          links.push({
            from,
            to,
            kind: operation.kind,
            moved: operation.moved,
            renumbered: operation.renumbered,
            similarity: operation.similarity,
          });
        }
      }
    }
  }
  const taken = new Set(reserved);
  const final = keys.map((inherited, index) => {
    if (inherited !== null) return inherited;
    const own = next[index].key;
    if (!taken.has(own)) {
      taken.add(own);
      return own;
    }
    const base = `${own}-v${versionNumber}`;
    let key = base;
    for (let n = 2; taken.has(key); n++) key = `${base}-${n}`;
    taken.add(key);
    return key;
  });
  return { keys: final, links };
}
