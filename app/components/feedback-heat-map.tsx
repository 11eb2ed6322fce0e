import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";

type HeatParagraph = { id: string; key: string; number: string | null; count: number; level: number };
type HeatSection = {
  section: { id: string; number: string | null; heading: string; level: number; param: string };
  count: number;
  total: number;
  paragraphs: HeatParagraph[];
};

/**
 * The document's table of contents as a heat map: each section with its
 * total, each paragraph a square shaded by its number of comments (six
 * steps, logarithmic, the count written in it). Every square is a link to
 * the paragraph's comments and summary; every section heading filters the
 * dashboard to that section. Plain HTML, so it is read as a list of links.
 */
export function FeedbackHeatMap({
  sections,
  max,
  versionLabel,
  paragraphHref,
  sectionHref,
}: {
  sections: HeatSection[];
  max: number;
  versionLabel: string;
  paragraphHref: (key: string) => string;
  sectionHref: (param: string) => string;
}) {
  const { t } = useTranslation();
  return (
    <section className="heat-map" aria-labelledby="heat-map-title">
      <h2 id="heat-map-title">{t("feedback.heatMap.title")}</h2>
      <p className="hint">{t("feedback.heatMap.hint", { label: versionLabel })}</p>
      <p className="heat-legend" aria-hidden="true">
        <span>{t("feedback.heatMap.legendNone")}</span>
        {[0, 1, 2, 3, 4, 5].map((level) => (
          <span key={level} className={`heat-swatch heat-${level}`} />
        ))}
        <span>{t("feedback.heatMap.legendMost", { count: max })}</span>
      </p>
      <ol className="heat-sections">
        {sections.map(({ section, total, paragraphs }) => {
          const label = section.number ? `${section.number} ${section.heading}` : section.heading;
          return (
            <li key={section.id} className={`heat-section heat-level-${section.level}`}>
              <p className="heat-head">
                <Link
                  to={sectionHref(section.param)}
                  aria-label={t("feedback.heatMap.filterSection", { section: label })}
                >
                  {label}
                </Link>
                <span className="heat-total">{t("feedback.heatMap.sectionTotal", { count: total })}</span>
              </p>
              {paragraphs.length > 0 ? (
                <ol className="heat-cells">
                  {paragraphs.map((paragraph) => {
                    const number = paragraph.number ?? "¶";
                    return (
                      <li key={paragraph.id}>
                        <Link
                          className={`heat-cell heat-${paragraph.level}`}
                          to={paragraphHref(paragraph.key)}
                          title={t("feedback.heatMap.paragraph", { count: paragraph.count, number })}
                        >
                          {/* The name is the visible text followed by the sentence, in every language
                              (WCAG 2.5.3: "4.5 1 (Paragraph 4.5: 1 comment)"), not a label whose word
                              order a translation may change. */}
                          <span className="heat-number">{number}</span>{" "}
                          <span className="heat-count">{paragraph.count > 0 ? paragraph.count : "\u00a0"}</span>
                          <span className="visually-hidden">
                            {` (${t("feedback.heatMap.paragraph", { count: paragraph.count, number })})`}
                          </span>
                        </Link>
                      </li>
                    );
                  })}
                </ol>
              ) : null}
            </li>
          );
        })}
      </ol>
    </section>
  );
}
