import { Fragment, useEffect } from "react";
import { useTranslation } from "react-i18next";

import {
  ComparisonRow,
  type ComparisonContext,
  type ComparisonLayout,
  type RowData,
} from "~/components/comparison-row";
import type { ChangeCounts, SectionChangeKind, SectionHeadingChange, WordChange } from "~/lib/compare";

export type GroupData = {
  id: string;
  number: string | null;
  heading: string | null;
  /** 1 (an `h2`) or 2 (an `h3`, a section inside another); 1 when absent. */
  level?: 1 | 2;
  formerHeading: string | null;
  /** How the heading changed, from the section lineage; null for a comparison made without it. */
  change?: SectionHeadingChange | null;
  /** A later run of rows of a section already headed above. */
  continued?: boolean;
  rows: RowData[];
};

export type SectionSummaryData = {
  groupId: string;
  number: string | null;
  heading: string | null;
  counts: ChangeCounts;
};

/** The count columns of the summary table, in reading order. */
const COLUMNS = [
  "modified",
  "possiblyRelated",
  "added",
  "deleted",
  "moved",
  "split",
  "merged",
  "unchanged",
  "renumbered",
] as const;

/** What the colours mean, in words (the colours are not the only cue: underline and strikethrough are). */
export function ComparisonLegend() {
  const { t } = useTranslation();
  return (
    <div className="comparison-legend" role="group" aria-label={t("compare.legend")}>
      <span className="comparison-legend-title" aria-hidden="true">
        {t("compare.legend")}:
      </span>{" "}
      <ins>
        <span className="visually-hidden">{t("compare.inserted")} </span>
        {t("compare.legendInserted")}
      </ins>{" "}
      <del>
        <span className="visually-hidden">{t("compare.deleted")} </span>
        {t("compare.legendDeleted")}
      </del>
    </div>
  );
}

/** The words of each heading change, in the badges, the legend and the DOCX export. */
export const SECTION_CHANGE_KEYS = {
  added: "compare.sectionChange.added",
  deleted: "compare.sectionChange.deleted",
  renumbered: "compare.sectionChange.renumbered",
  relettered: "compare.sectionChange.relettered",
  renamed: "compare.sectionChange.renamed",
  moved: "compare.sectionChange.moved",
} as const satisfies Record<SectionChangeKind, string>;

const SECTION_LEGEND = ["renumbered", "relettered", "renamed", "moved", "added", "deleted"] as const;

/** What the heading badges mean (the heading rows say each section's change in words). */
export function SectionChangeLegend() {
  const { t } = useTranslation();
  return (
    <div className="section-legend" role="group" aria-label={t("compare.sectionChange.legend")}>
      <span className="comparison-legend-title" aria-hidden="true">
        {t("compare.sectionChange.legend")}:
      </span>{" "}
      <ul>
        {SECTION_LEGEND.map((kind) => (
          <li key={kind}>
            <span className={`badge badge-change badge-section-${kind}`}>{t(SECTION_CHANGE_KEYS[kind])}</span>{" "}
            {t(`compare.sectionChange.explain.${kind}`)}
          </li>
        ))}
      </ul>
    </div>
  );
}

/** Word changes inline (a heading is one line), `<ins>`/`<del>` announced to screen readers. */
function InlineChanges({ changes }: { changes: readonly WordChange[] }) {
  const { t } = useTranslation();
  return (
    <>
      {changes.map((change, position) =>
        change.type === "equal" ? (
          <Fragment key={position}>{change.text}</Fragment>
        ) : change.type === "insert" ? (
          <ins key={position}>
            <span className="visually-hidden">{t("compare.inserted")} </span>
            {change.text}
          </ins>
        ) : (
          <del key={position}>
            <span className="visually-hidden">{t("compare.deleted")} </span>
            {change.text}
          </del>
        ),
      )}
    </>
  );
}

/** Under a section heading: what became of it (unchanged, renumbered 3.2 → 4.2, renamed word by word, moved …). */
function SectionChangeLine({ group }: { group: GroupData }) {
  const { t } = useTranslation();
  const change = group.change;
  if (!change) {
    return group.formerHeading ? (
      <p className="former-heading">{t("compare.formerHeading", { heading: group.formerHeading })}</p>
    ) : null;
  }
  if (change.kinds.length === 0) {
    return <p className="section-change section-change-none">{t("compare.sectionChange.unchanged")}</p>;
  }
  return (
    <p className="section-change">
      {change.kinds.map((kind, position) => (
        <span key={kind} className="section-change-part">
          {position > 0 ? " " : null}
          <span className={`badge badge-change badge-section-${kind}`}>{t(SECTION_CHANGE_KEYS[kind])}</span>{" "}
          {kind === "renumbered" || kind === "relettered" ? (
            <span className="section-change-detail">
              {change.oldNumber ?? t("compare.none")} → {group.number ?? t("compare.none")}
            </span>
          ) : kind === "renamed" && change.headingChanges ? (
            <span className="section-change-detail">
              <InlineChanges changes={change.headingChanges} />
            </span>
          ) : kind === "moved" ? (
            <span className="section-change-detail">
              {change.movedFrom
                ? t("compare.sectionChange.movedFrom", { section: change.movedFrom })
                : t("compare.sectionChange.movedFromStart")}
            </span>
          ) : null}
        </span>
      ))}
    </p>
  );
}

/** Per-section counts as a table, each section linking to its changes. */
export function ComparisonSummary({
  sections,
  totals,
  from,
  to,
  linked,
}: {
  sections: SectionSummaryData[];
  totals: ChangeCounts;
  from: string;
  to: string;
  /** Ids of the section headings on the page (a filtered view may leave some out). */
  linked?: ReadonlySet<string>;
}) {
  const { t } = useTranslation();
  return (
    <div className="table-scroll" role="region" aria-labelledby="comparison-summary-caption" tabIndex={0}>
      <table className="comparison-summary">
        <caption id="comparison-summary-caption">{t("compare.summaryCaption", { from, to })}</caption>
        <thead>
          <tr>
            <th scope="col">{t("compare.section")}</th>
            {COLUMNS.map((column) => (
              <th key={column} scope="col">
                {t(`compare.counts.${column}`)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {sections.map((section) => (
            <tr key={section.groupId}>
              <th scope="row">
                {!linked || linked.has(section.groupId) ? (
                  <a href={`#${section.groupId}`}>{sectionTitle(section, t("compare.untitledSection"))}</a>
                ) : (
                  sectionTitle(section, t("compare.untitledSection"))
                )}
              </th>
              {COLUMNS.map((column) => (
                <td key={column} className={section.counts[column] === 0 ? "zero" : undefined}>
                  {section.counts[column]}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">{t("compare.allSections")}</th>
            {COLUMNS.map((column) => (
              <td key={column}>{totals[column]}</td>
            ))}
          </tr>
        </tfoot>
      </table>
    </div>
  );
}

function sectionTitle(section: { number: string | null; heading: string | null }, fallback: string) {
  return [section.number, section.heading].filter(Boolean).join(" ") || fallback;
}

/**
 * Opens the `<details>` that a `#c-…` fragment points into, on load and on
 * every hash change, so a link to a change's comments shows them. Without
 * JavaScript the link still scrolls to their (closed) summary.
 */
function useOpenDetailsOnHash() {
  useEffect(() => {
    const open = () => {
      const id = decodeURIComponent(window.location.hash.slice(1));
      if (!id) return;
      const target = document.getElementById(id);
      if (!target) return;
      // A folded deleted paragraph opens too, and the comments folded inside it.
      const fold = target.querySelector<HTMLDetailsElement>(":scope > details.change-fold");
      const opened: HTMLDetailsElement[] = fold ? [fold] : [];
      for (
        let details = target.closest("details");
        details;
        details = details.parentElement?.closest("details") ?? null
      ) {
        opened.push(details);
      }
      if (opened.length === 0) return;
      for (const details of opened) details.open = true;
      target.scrollIntoView({ block: "start" });
    };
    open();
    window.addEventListener("hashchange", open);
    return () => window.removeEventListener("hashchange", open);
  }, []);
}

/** The rows of a comparison under their section headings. */
export function ComparisonDocument({
  groups,
  context,
  layout,
  emptyMessage,
  fold = true,
}: {
  groups: GroupData[];
  context: ComparisonContext;
  layout: ComparisonLayout;
  emptyMessage: string;
  /** Fold deleted paragraphs to one line (the page); the printable redline shows them whole. */
  fold?: boolean;
}) {
  const { t } = useTranslation();
  useOpenDetailsOnHash();
  return (
    <div className={`redline redline-${layout}`}>
      {groups.length === 0 ? <p className="comparison-empty">{emptyMessage}</p> : null}
      {groups.map((group) => {
        const Heading = group.level === 2 ? "h3" : "h2";
        // A section whose rows come back later in the page (its deleted rows stand where they stood in the
        // old version) is one landmark: the continuation is a plain block under its "(continued)" heading.
        const Wrapper = group.continued ? "div" : "section";
        return (
          <Wrapper
            key={group.id}
            aria-labelledby={group.continued ? undefined : group.id}
            className={`redline-section redline-level-${group.level ?? 1}`}
          >
            <Heading id={group.id} tabIndex={-1}>
              {group.number ? (
                <>
                  <span className="section-number">{group.number}</span>{" "}
                </>
              ) : null}
              {group.continued
                ? t("documentPages.continued", { heading: group.heading ?? t("compare.untitledSection") })
                : (group.heading ?? t("compare.untitledSection"))}
            </Heading>
            <SectionChangeLine group={group} />
            {group.rows.length > 0 ? (
              <ol className="change-list">
                {group.rows.map((row) => (
                  <ComparisonRow key={row.anchor} row={row} context={context} layout={layout} fold={fold} />
                ))}
              </ol>
            ) : null}
          </Wrapper>
        );
      })}
    </div>
  );
}
