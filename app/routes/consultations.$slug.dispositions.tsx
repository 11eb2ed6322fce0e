import { data } from "@remix-run/node";
import { Link, useLoaderData, useParams, type ErrorResponse } from "@remix-run/react";
import { useTranslation } from "react-i18next";

import { errorMessage, GeneralErrorBoundary } from "~/components/error-boundary";
import { remixI18n } from "~/i18next.server";
import { formatInstant } from "~/lib/dates";
import { isCommentType, isDispositionStatus, ISO_COLUMNS, sectionLabel, TYPE_CODES } from "~/lib/feedback/iso-table";
import { translateMessage } from "~/lib/translate-message";
import { getDispositionTable } from "~/models/disposition.server";
import { getSessionUser } from "~/utils/auth.server";
import { orErrorResponse } from "~/utils/http.server";
import { pageTitle } from "~/utils/meta";
import { allowPublicPageCache, publicPageCacheHeaders } from "~/utils/page-cache.server";

import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";

export const meta: MetaFunction<typeof loader> = (args) => [pageTitle(args)];

function positiveInteger(value: string | null) {
  const number = Number(value);
  return value !== null && Number.isInteger(number) && number >= 1 && number <= 100_000 ? number : undefined;
}

// Anonymous visitors may be served a rendering up to a few seconds old (app/lib/page-cache.ts).
export const headers = publicPageCacheHeaders;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, headers } = await getSessionUser(request);
  const url = new URL(request.url);
  // Before publication the table does not exist for the public: a 404 that says why (dispositions.notPublished).
  const table = await orErrorResponse(
    getDispositionTable({
      actor: user,
      slug: params.slug ?? "",
      versionNumber: positiveInteger(url.searchParams.get("v")),
      page: positiveInteger(url.searchParams.get("page")) ?? 1,
    }),
    headers,
  );
  const t = await remixI18n.getFixedT(request);
  return data(
    { ...table, metaTitle: t("dispositions.metaTitle", { title: table.consultation.title }) },
    { headers: allowPublicPageCache(headers, user) },
  );
}

export default function DispositionTable() {
  const { access, consultation, version, groups, total, page, pageSize, publishedAt } = useLoaderData<typeof loader>();
  const { t, i18n } = useTranslation();
  const base = `/consultations/${consultation.slug}/dispositions`;
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const downloads = `?v=${version.number}`;
  const columns = ISO_COLUMNS.map((column, index) => `(${index + 1}) ${t(`feedback.columns.${column}`)}`);
  // Below the breakpoint each row is a card, each cell labelled with its column (app.css).
  const [organization, paragraph, section, figure, type, comment, proposed, observations] = columns;
  return (
    <div className="page dispositions-page">
      <p className="breadcrumbs">
        <Link to="/consultations">{t("nav.consultations")}</Link> ›{" "}
        <Link to={`/consultations/${consultation.slug}`}>{consultation.title}</Link>
      </p>
      <h1>{t("dispositions.pageTitle", { title: consultation.title })}</h1>
      <p className="lead">{t("dispositions.intro", { label: version.label })}</p>
      {publishedAt ? (
        <p>
          {t("dispositions.publishedOn", {
            date: formatInstant(publishedAt, consultation.timeZone, i18n.language),
          })}
        </p>
      ) : (
        <p className="notice-warn">{t("dispositions.preview")}</p>
      )}
      {access === "secretariat" ? (
        <p>
          <Link to={`/consultations/${consultation.slug}/feedback?v=${version.number}`}>{t("feedback.link")}</Link>
        </p>
      ) : null}
      <nav aria-labelledby="downloads-title">
        <h2 id="downloads-title" className="visually-hidden">
          {t("dispositions.downloads")}
        </h2>
        <ul className="download-links">
          {(["csv", "xlsx", "docx"] as const).map((format) => (
            <li key={format}>
              <a href={`/consultations/${consultation.slug}/comments.${format}${downloads}`} download>
                {t("feedback.exports.download", { format: t(`feedback.exports.${format}`) })}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <p>{t("dispositions.count", { count: total })}</p>
      {total === 0 ? <p>{t("dispositions.empty")}</p> : null}
      {groups.map((group, index) => {
        const label = group.section ? sectionLabel(group.section) : null;
        const path = group.section?.parent ? `${sectionLabel(group.section.parent)} › ${label}` : label;
        const captionId = `table-${index}`;
        return (
          <div
            key={group.section?.id ?? `none-${index}`}
            className="table-scroll"
            role="region"
            aria-labelledby={captionId}
            tabIndex={0}
          >
            <table className="disposition-table">
              <caption id={captionId}>
                {path ? t("dispositions.caption", { section: path }) : t("dispositions.captionNoSection")}
              </caption>
              <colgroup>
                {ISO_COLUMNS.map((column) => (
                  <col key={column} className={`col-${column}`} />
                ))}
              </colgroup>
              <thead>
                <tr>
                  {columns.map((column) => (
                    <th key={column} scope="col">
                      {column}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {group.rows.map((row) => (
                  <tr key={row.id} id={`c-${row.id}`}>
                    <th scope="row" className="cell-text" data-label={organization}>
                      {row.organization}
                    </th>
                    <td data-label={paragraph}>{row.paragraphNumber ?? ""}</td>
                    <td data-label={section}>{label ?? ""}</td>
                    <td className="cell-text" data-label={figure}>
                      {row.quote ? `“${row.quote}”` : ""}
                    </td>
                    <td className="type-code" data-label={type}>
                      {isCommentType(row.type) ? (
                        <abbr title={t(`comments.types.${row.type}`)}>{TYPE_CODES[row.type]}</abbr>
                      ) : (
                        row.type
                      )}
                    </td>
                    <td className="cell-text" data-label={comment}>
                      {row.comment}
                    </td>
                    <td className="cell-text" data-label={proposed}>
                      {row.proposedText ?? ""}
                    </td>
                    <td className="cell-text cell-observations" data-label={observations}>
                      {row.disposition ? (
                        <>
                          <strong className={`disposition-status status-${row.disposition.status}`}>
                            {isDispositionStatus(row.disposition.status)
                              ? t(`dispositions.status.${row.disposition.status}`)
                              : row.disposition.status}
                          </strong>
                          {row.disposition.response ? `. ${row.disposition.response}` : ""}
                        </>
                      ) : (
                        ""
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        );
      })}
      {pages > 1 ? (
        <nav aria-label={t("feedback.list.pagination")} className="pagination">
          {page > 1 ? (
            <Link to={`${base}?v=${version.number}&page=${page - 1}`}>{t("feedback.list.previous")}</Link>
          ) : (
            <span />
          )}
          <span>{t("feedback.list.page", { page, pages })}</span>
          {page < pages ? (
            <Link to={`${base}?v=${version.number}&page=${page + 1}`}>{t("feedback.list.next")}</Link>
          ) : (
            <span />
          )}
        </nav>
      ) : null}
    </div>
  );
}

/** Not published yet: say so, and where to go, rather than a bare "Not found" (still a 404: no table exists yet). */
export function ErrorBoundary() {
  return <GeneralErrorBoundary statusHandlers={{ 404: (error) => <NotPublished error={error} /> }} />;
}

function NotPublished({ error }: { error: ErrorResponse }) {
  const { t } = useTranslation();
  const { slug } = useParams();
  const message = errorMessage(error);
  if (message?.key !== "dispositions.notPublished") {
    return (
      <>
        <h1>{t("errors.notFoundTitle")}</h1>
        <p>{message ? translateMessage(t, message) : t("errors.notFound")}</p>
        <p>
          <Link to="/consultations">{t("errors.backHome")}</Link>
        </p>
      </>
    );
  }
  const title = typeof message.values?.title === "string" ? message.values.title : null;
  return (
    <div className="not-published" aria-labelledby="error-title">
      <h1 id="error-title">{t("dispositions.notPublishedPage.title")}</h1>
      <p className="lead">{t("dispositions.notPublishedPage.what")}</p>
      <p>{t("dispositions.notPublishedPage.when")}</p>
      <p>
        <Link to={`/consultations/${slug ?? ""}`}>
          {title ? t("dispositions.notPublishedPage.back", { title }) : t("dispositions.notPublishedPage.backPlain")}
        </Link>
      </p>
    </div>
  );
}
