import { data, redirect } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";

import { ComparisonDocument, ComparisonLegend, ComparisonSummary } from "~/components/comparison-document";
import { ComparisonNavigator } from "~/components/comparison-navigator";
import type { ComparisonContext, RowData } from "~/components/comparison-row";
import { DocumentPages } from "~/components/document-pages";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { ParagraphJump } from "~/components/paragraph-jump";
import { remixI18n } from "~/i18next.server";
import { parseVersionRange } from "~/lib/compare";
import { parsePageNumber } from "~/lib/document-pages";
import { findParagraph, type ParagraphTarget } from "~/lib/paragraph-number";
import { getComparison } from "~/models/comparison.server";
import { getSessionUser } from "~/utils/auth.server";
import { errorResponse } from "~/utils/http.server";
import { allowPublicPageCache, publicPageCacheHeaders } from "~/utils/page-cache.server";

import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  data ? [{ title: data.metaTitle }] : (matches[0]?.meta ?? []);

// Anonymous visitors may be served a rendering up to a few seconds old (app/lib/page-cache.ts).
export const headers = publicPageCacheHeaders;

/**
 * "Go to paragraph" on a comparison: every row under its paragraphs' numbers
 * in the newer version first, then in the older one (a deleted paragraph has
 * only its old number).
 */
function jumpTargets(groups: ReadonlyArray<{ rows: ReadonlyArray<RowData> }>): ParagraphTarget[] {
  const rows = groups.flatMap((group) => group.rows);
  const under = (side: "new" | "old") =>
    rows.flatMap((row) => row[side].flatMap((p) => (p.number ? [{ number: p.number, id: row.anchor }] : [])));
  return [...under("new"), ...under("old")];
}

/** Rows per page of a long comparison, whole sections together unless one alone is larger. */
const ROWS_PER_PAGE = 400;

/** Pages of groups (sections) under {@link ROWS_PER_PAGE} rows; a larger group is a page of its own. */
function planRowPages(groups: ReadonlyArray<{ rows: readonly unknown[] }>) {
  const pages: Array<{ firstGroup: number; lastGroup: number; rows: number }> = [];
  groups.forEach((group, index) => {
    const last = pages.at(-1);
    if (last && last.rows + group.rows.length <= ROWS_PER_PAGE) {
      last.lastGroup = index;
      last.rows += group.rows.length;
    } else pages.push({ firstGroup: index, lastGroup: index, rows: group.rows.length });
  });
  return pages.length > 0 ? pages : [{ firstGroup: 0, lastGroup: -1, rows: 0 }];
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const range = parseVersionRange(params.range);
  if (!range) throw errorResponse(404, { key: "compare.errors.notFound" });
  const auth = await getSessionUser(request);
  const page = await getComparison({ slug: params.slug ?? "", ...range, actor: auth.user });
  if (!page) throw errorResponse(404, { key: "compare.errors.notFound" }, auth.headers);
  const t = await remixI18n.getFixedT(request);
  const metaTitle = t("compare.pageTitle", {
    from: page.from.label,
    to: page.to.label,
    consultation: page.consultation.title,
  });

  const url = new URL(request.url);
  // Without JavaScript the field sends ?goto=2.9e: to the row's anchor, the view kept.
  const goto = url.searchParams.get("goto");
  const targets = jumpTargets(page.groups);
  const jumpTarget = goto === null ? null : findParagraph(goto.slice(0, 100), targets);
  if (jumpTarget) {
    url.searchParams.delete("goto");
    const listed =
      url.searchParams.get("only") === "changes"
        ? page.groups.map((group) => ({ ...group, rows: group.rows.filter((row) => row.isChange) }))
        : page.groups;
    const nonEmpty = listed.filter((group) => group.rows.length > 0 || url.searchParams.get("only") !== "changes");
    const pages = planRowPages(nonEmpty);
    const index = nonEmpty.findIndex((group) => group.rows.some((row) => row.anchor === jumpTarget.id));
    if (pages.length > 1 && index >= 0) {
      url.searchParams.set("page", String(pages.findIndex((p) => p.lastGroup >= index) + 1));
    }
    throw redirect(`${url.pathname}${url.search}#${jumpTarget.id}`, { headers: auth.headers });
  }
  const layout = url.searchParams.get("view") === "side" ? ("side" as const) : ("inline" as const);
  const changesOnly = url.searchParams.get("only") === "changes";
  const shown = changesOnly
    ? page.groups
        .map((group) => ({ ...group, rows: group.rows.filter((row) => row.isChange) }))
        .filter((group) => group.rows.length > 0)
    : page.groups;
  // A long comparison is shown page by page (sections of rows under a budget, app/lib/document-pages.ts).
  const pages = planRowPages(shown);
  const current = pages.length > 1 ? (parsePageNumber(url.searchParams.get("page"), pages.length) ?? 1) : 1;
  const slice = pages[current - 1];
  const groups = pages.length > 1 ? shown.slice(slice.firstGroup, slice.lastGroup + 1) : shown;
  const paging =
    pages.length > 1
      ? {
          current,
          count: pages.length,
          pages: pages.map((p, index) => ({
            number: index + 1,
            heading: shown[p.firstGroup].heading ?? "",
            sectionNumber: shown[p.firstGroup].number ?? null,
            continued: false,
          })),
        }
      : null;
  return data(
    {
      ...page,
      groups,
      paging,
      layout,
      changesOnly,
      metaTitle,
      targets: paging ? jumpTargets(groups) : targets,
      jump: goto === null ? null : { typed: goto.slice(0, 100), notFound: true },
    },
    { headers: allowPublicPageCache(auth.headers, auth.user) },
  );
}

export default function CompareVersions() {
  const page = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const { consultation, from, to, layout, changesOnly } = page;
  const base = `/consultations/${consultation.slug}/compare/${from.number}...${to.number}`;
  const href = (options: { layout?: "inline" | "side"; changesOnly?: boolean }) => {
    const params = new URLSearchParams();
    if ((options.layout ?? layout) === "side") params.set("view", "side");
    if (options.changesOnly ?? changesOnly) params.set("only", "changes");
    const query = params.toString();
    return query ? `${base}?${query}` : base;
  };
  const pageHref = (n: number) => {
    const query = href({}).split("?")[1];
    return `${base}?${query ? `${query}&` : ""}page=${n}`;
  };
  const context: ComparisonContext = {
    slug: consultation.slug,
    from: { number: from.number, label: from.label },
    to: { number: to.number, label: to.label },
    linkBase: "",
  };
  // Renumbering alone leaves the text as it was.
  const identical = Object.entries(page.totals).every(
    ([bucket, count]) => bucket === "unchanged" || bucket === "renumbered" || count === 0,
  );

  return (
    <div className="comparison">
      <div className="comparison-head">
        <p className="breadcrumbs">
          <Link to="/consultations">{t("nav.consultations")}</Link> ›{" "}
          <Link to={`/consultations/${consultation.slug}`}>{consultation.title}</Link>
        </p>
        <h1>{t("compare.heading", { from: from.label, to: to.label })}</h1>
        <p className="comparison-document-title">{page.documentTitle}</p>

        <div className="comparison-controls">
          <Form method="get" action={`/consultations/${consultation.slug}/compare`} className="version-picker">
            <fieldset>
              <legend>{t("compare.picker.legend")}</legend>
              <VersionSelect
                name="from"
                label={t("compare.picker.from")}
                versions={consultation.versions}
                selected={from.number}
              />
              <VersionSelect
                name="to"
                label={t("compare.picker.to")}
                versions={consultation.versions}
                selected={to.number}
              />
              {layout === "side" ? <input type="hidden" name="view" value="side" /> : null}
              {changesOnly ? <input type="hidden" name="only" value="changes" /> : null}
              <button type="submit">{t("compare.picker.submit")}</button>
            </fieldset>
          </Form>

          <nav aria-label={t("compare.options")} className="comparison-options">
            <div className="option-group">
              <span id="layout-label">{t("compare.layout")}</span>
              <ul aria-labelledby="layout-label">
                <li>
                  <Link
                    to={href({ layout: "inline" })}
                    aria-current={layout === "inline" ? "true" : undefined}
                    preventScrollReset
                  >
                    {t("compare.inline")}
                  </Link>
                </li>
                <li>
                  <Link
                    to={href({ layout: "side" })}
                    aria-current={layout === "side" ? "true" : undefined}
                    preventScrollReset
                  >
                    {t("compare.side")}
                  </Link>
                </li>
              </ul>
            </div>
            <div className="option-group">
              <span id="show-label">{t("compare.show")}</span>
              <ul aria-labelledby="show-label">
                <li>
                  <Link
                    to={href({ changesOnly: false })}
                    aria-current={!changesOnly ? "true" : undefined}
                    preventScrollReset
                  >
                    {t("compare.all")}
                  </Link>
                </li>
                <li>
                  <Link
                    to={href({ changesOnly: true })}
                    aria-current={changesOnly ? "true" : undefined}
                    preventScrollReset
                  >
                    {t("compare.changesOnly")}
                  </Link>
                </li>
              </ul>
            </div>
            <div className="option-group">
              <span id="downloads-label">{t("compare.downloads")}</span>
              <ul aria-labelledby="downloads-label">
                <li>
                  <a href={`${base}/export.docx`}>{t("compare.downloadDocx")}</a>
                </li>
                <li>
                  <a href={`${base}/export.html`}>{t("compare.openRedline")}</a>
                </li>
                <li>
                  <a href={`${base}/export.html?download=1`} download>
                    {t("compare.downloadHtml")}
                  </a>
                </li>
              </ul>
            </div>
          </nav>
        </div>
        <ComparisonLegend />
      </div>

      <section className="comparison-summary-section" aria-labelledby="comparison-summary-title">
        <h2 id="comparison-summary-title">{t("compare.summaryTitle")}</h2>
        {identical ? <p>{t("compare.noChanges")}</p> : null}
        <ComparisonSummary
          sections={page.sections}
          totals={page.totals}
          from={from.label}
          to={to.label}
          linked={new Set(page.groups.map((group) => group.id))}
        />
      </section>

      <ParagraphJump
        targets={page.targets}
        typed={page.jump?.typed}
        notFound={page.jump?.notFound}
        askServer={page.paging !== null}
      />
      {page.paging ? <DocumentPages paging={page.paging} href={pageHref} /> : null}
      <ComparisonNavigator />
      {page.groups.some((group) => group.rows.some((row) => row.comments.some((comment) => comment.adoption))) ? (
        <p className="comparison-adoption-note">{t("compare.adoptionNote", { version: to.label })}</p>
      ) : null}
      <ComparisonDocument
        groups={page.groups}
        context={context}
        layout={layout}
        emptyMessage={changesOnly ? t("compare.noChangesInView") : t("compare.noChanges")}
      />
      {page.paging ? <DocumentPages paging={page.paging} href={pageHref} position="bottom" /> : null}
    </div>
  );
}

function VersionSelect({
  name,
  label,
  versions,
  selected,
}: {
  name: string;
  label: string;
  versions: ReadonlyArray<{ number: number; label: string }>;
  selected: number;
}) {
  return (
    <label>
      {label}
      <select name={name} defaultValue={selected}>
        {versions.map((version) => (
          <option key={version.number} value={version.number}>
            {version.label}
          </option>
        ))}
      </select>
    </label>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
