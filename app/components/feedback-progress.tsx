import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";

import { DISPOSITION_STATUSES } from "~/lib/feedback/iso-table";

/**
 * "312 of 540 comments dispositioned" as a real <progress> with its label,
 * and links to the comments not decided yet and to each decision.
 */
export function FeedbackProgress({
  decided,
  total,
  filtered,
  statusHref,
}: {
  decided: number;
  total: number;
  /** The counts are those of the filtered view, not the whole version. */
  filtered: boolean;
  statusHref: (status: string) => string;
}) {
  const { t, i18n } = useTranslation();
  const number = new Intl.NumberFormat(i18n.language);
  return (
    <section className="feedback-progress" aria-labelledby="progress-title">
      <h2 id="progress-title">{t("feedback.progress.title")}</h2>
      {total === 0 ? (
        <p>{t("feedback.progress.none")}</p>
      ) : (
        <>
          <label htmlFor="disposition-progress">
            {t(filtered ? "feedback.progress.labelFiltered" : "feedback.progress.label", {
              decided: number.format(decided),
              total: number.format(total),
            })}
          </label>
          <progress id="disposition-progress" max={total} value={decided}>
            {Math.round((decided / total) * 100)} %
          </progress>
          <ul className="status-counts">
            {(["undecided", ...DISPOSITION_STATUSES] as const).map((status) => (
              <li key={status}>
                <Link to={statusHref(status)}>
                  {status === "undecided" ? t("feedback.filters.undecided") : t(`dispositions.status.${status}`)}
                </Link>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
