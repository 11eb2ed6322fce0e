import { useTranslation } from "react-i18next";

import type { EditionProblem, EditionReport } from "~/lib/editions";
import type { Translate } from "~/lib/translate";

function problemText(t: Translate, problem: EditionProblem) {
  switch (problem.kind) {
    case "extra":
      return problem.number === null
        ? t("editions.report.extraUnnumbered", { position: problem.position })
        : t("editions.report.extra", { position: problem.position, number: problem.number });
    case "outOfOrder":
      return t("editions.report.outOfOrder", { position: problem.position, number: problem.number });
    case "numberMismatch":
      return t("editions.report.numberMismatch", {
        position: problem.position,
        expected: problem.expected ?? t("reader.unnumbered"),
      });
  }
}

/**
 * What the matching of an uploaded edition found: the file's paragraphs that
 * match nothing (why it was refused) and the original's paragraphs left
 * without a translation (a partial edition shows the original there).
 */
export function EditionReportView({ report, lang }: { report: EditionReport; lang: string }) {
  const { t } = useTranslation();
  return (
    <div className="edition-report">
      {report.problems.length > 0 ? (
        <section aria-labelledby="edition-problems">
          <h3 id="edition-problems">{t("editions.report.problemsTitle")}</h3>
          <ul>
            {report.problems.map((problem) => (
              <li key={`${problem.kind}-${problem.position}`}>
                {problemText(t, problem)}{" "}
                <span className="hint">
                  {t("editions.report.excerpt")} <q lang={lang}>{problem.excerpt}</q>
                </span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {report.missing.length > 0 ? (
        <details>
          <summary>
            {t("editions.report.missingTitle")} ({report.missing.length})
          </summary>
          <ul className="edition-missing">
            {report.missing.map((missing) => (
              <li key={missing.position}>
                {missing.number ?? t("editions.report.unnumbered", { position: missing.position })}
              </li>
            ))}
          </ul>
        </details>
      ) : null}
    </div>
  );
}
