import { Form, Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";

import { formatInstant } from "~/lib/dates";

/**
 * Where publication stands — the comments received, the disposition table —
 * with the button that changes it and a link to the public table.
 */
export function FeedbackPublication({
  commentsPublishedAt,
  dispositionsPublishedAt,
  dispositionsChanged = null,
  timeZone,
  returnTo,
  tableHref,
  confirmHref,
}: {
  commentsPublishedAt: string | Date | null;
  dispositionsPublishedAt: string | Date | null;
  /** Decisions made or changed since the latest publication of the table (null: never published). */
  dispositionsChanged?: number | null;
  timeZone: string;
  returnTo: string;
  tableHref: string;
  /** The confirmation page that publishes (counts first: publishing is public at once). */
  confirmHref: (what: "comments" | "dispositions") => string;
}) {
  const { t, i18n } = useTranslation();
  const rows = [
    {
      key: "comments",
      label: t("feedback.publication.comments"),
      at: commentsPublishedAt,
      publish: "publishComments",
      unpublish: "unpublishComments",
    },
    {
      key: "dispositions",
      label: t("feedback.publication.dispositions"),
      at: dispositionsPublishedAt,
      publish: "publishDispositions",
      unpublish: "unpublishDispositions",
    },
  ] as const;
  return (
    <section className="feedback-publication" aria-labelledby="publication-title">
      <h2 id="publication-title">{t("feedback.publication.title")}</h2>
      <dl>
        {rows.map((row) => (
          <div key={row.key} className="publication-row">
            <dt>{row.label}</dt>
            <dd>
              <span className={row.at ? "published" : "unpublished"}>
                {row.at
                  ? t("feedback.publication.publishedOn", { date: formatInstant(row.at, timeZone, i18n.language) })
                  : t("feedback.publication.notPublished")}
              </span>
              {row.at && row.key === "dispositions" && dispositionsChanged !== null ? (
                <span className={dispositionsChanged > 0 ? "notice-warn" : undefined}>
                  {" "}
                  {dispositionsChanged > 0
                    ? t("feedback.publication.changedSince", { count: dispositionsChanged })
                    : t("feedback.publication.upToDate")}{" "}
                  <Link to={confirmHref("dispositions")} className="button">
                    {t("feedback.publication.publishAgain")}
                  </Link>{" "}
                </span>
              ) : null}
              {row.at ? (
                <Form method="post" className="inline-form">
                  <input type="hidden" name="intent" value={`unpublish-${row.key}`} />
                  <input type="hidden" name="returnTo" value={returnTo} />
                  <button type="submit" className="secondary">
                    {t(`feedback.publication.${row.unpublish}`)}
                  </button>
                </Form>
              ) : (
                <Link to={confirmHref(row.key)} className="button">
                  {t(`feedback.publication.${row.publish}`)}
                </Link>
              )}
            </dd>
          </div>
        ))}
      </dl>
      <p>
        <Link to={tableHref}>{t("feedback.publication.viewTable")}</Link>
      </p>
    </section>
  );
}
