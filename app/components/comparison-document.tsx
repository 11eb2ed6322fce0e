import { useEffect } from "react";
import { useTranslation } from "react-i18next";

import {
  ComparisonRow,
  type ComparisonContext,
  type ComparisonLayout,
  type RowData,
} from "~/components/comparison-row";
import type { ChangeCounts } from "~/lib/compare";

export type GroupData = {
  id: string;
  number: string | null;
  heading: string | null;
  formerHeading: string | null;
  rows: RowData[];
};

export type SectionSummaryData = {
  groupId: string;
  number: string | null;
  heading: string | null;
  counts: ChangeCounts;
};

/** The count columns of the summary table, in reading order. */
const COLUMNS = ["modified", "added", "deleted", "moved", "split", "merged", "unchanged", "renumbered"] as const;

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
      {groups.map((group) => (
        <section key={group.id} aria-labelledby={group.id} className="redline-section">
          <h2 id={group.id} tabIndex={-1}>
            {group.number ? <span className="section-number">{group.number}</span> : null}
            {group.heading ?? t("compare.untitledSection")}
          </h2>
          {group.formerHeading ? (
            <p className="former-heading">{t("compare.formerHeading", { heading: group.formerHeading })}</p>
          ) : null}
          <ol className="change-list">
            {group.rows.map((row) => (
              <ComparisonRow key={row.anchor} row={row} context={context} layout={layout} fold={fold} />
            ))}
          </ol>
        </section>
      ))}
    </div>
  );
}
