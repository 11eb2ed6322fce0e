import { data, redirect } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";

import {
  ComparisonDocument,
  ComparisonLegend,
  ComparisonSummary,
  SectionChangeLegend,
} from "~/components/comparison-document";
import { ComparisonNavigator } from "~/components/comparison-navigator";
import type { ComparisonContext, RowData } from "~/components/comparison-row";
import { DocumentPages } from "~/components/document-pages";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { ParagraphJump } from "~/components/paragraph-jump";
import { remixI18n } from "~/i18next.server";
import { parseVersionRange } from "~/lib/compare";
import { isEditionLanguage, languageName, ORIGINAL_LANGUAGE } from "~/lib/editions";
import type { ParagraphTarget } from "~/lib/paragraph-number";
import { getComparisonPage } from "~/models/comparison.server";
import { getSessionUser } from "~/utils/auth.server";
import { errorResponse } from "~/utils/http.server";
import { allowPublicPageCache, publicPageCacheHeaders } from "~/utils/page-cache.server";

import type { HeadersFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => {
  if (!data) return matches[0]?.meta ?? [];
  // While the comparison is being computed, the page asks again by itself.
  return data.preparing
    ? [{ title: data.metaTitle }, { httpEquiv: "refresh", content: String(PREPARING_REFRESH_SECONDS) }]
    : [{ title: data.metaTitle }];
};

/** How soon a "being prepared" page asks again. */
const PREPARING_REFRESH_SECONDS = 3;

// Anonymous visitors may be served a rendering up to a few seconds old (app/lib/page-cache.ts);
// a "being prepared" answer is never kept.
export const headers: HeadersFunction = (args) => {
  const headers = new Headers(publicPageCacheHeaders(args));
  const retryAfter = args.loaderHeaders.get("Retry-After");
  if (retryAfter) {
    headers.set("Retry-After", retryAfter);
    headers.set("Cache-Control", "no-store");
  }
  return headers;
};

/**
 * "Go to paragraph" on this page: every row under its paragraphs' numbers
 * in the newer version first, then in the older one (a deleted paragraph has
 * only its old number). Other pages are asked of the server (`?goto=`).
 */
function jumpTargets(groups: ReadonlyArray<{ rows: ReadonlyArray<RowData> }>): ParagraphTarget[] {
  const rows = groups.flatMap((group) => group.rows);
  const under = (side: "new" | "old") =>
    rows.flatMap((row) => row[side].flatMap((p) => (p.number ? [{ number: p.number, id: row.anchor }] : [])));
  return [...under("new"), ...under("old")];
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const range = parseVersionRange(params.range);
  if (!range) throw errorResponse(404, { key: "compare.errors.notFound" });
  const auth = await getSessionUser(request);
  const url = new URL(request.url);
  const changesOnly = url.searchParams.get("only") === "changes";
  // Without JavaScript the field sends ?goto=2.9e: to the row's page and anchor, the view kept.
  const goto = url.searchParams.get("goto");
  // Within one language: the reader's (or ?edition=), its editions compared when both versions have one.
  const requested = url.searchParams.get("edition");
  const wanted = requested ?? (await remixI18n.getLocale(request));
  const editionParam = isEditionLanguage(requested) || requested === ORIGINAL_LANGUAGE ? requested : null;
  const page = await getComparisonPage({
    language: isEditionLanguage(wanted) ? wanted : null,
    slug: params.slug ?? "",
    ...range,
    actor: auth.user,
    changesOnly,
    page: url.searchParams.get("page"),
    goto,
  });
  if (!page) throw errorResponse(404, { key: "compare.errors.notFound" }, auth.headers);
  if (page.status === "jump") {
    url.searchParams.delete("goto");
    if (page.page !== null) url.searchParams.set("page", String(page.page));
    throw redirect(`${url.pathname}${url.search}#${page.anchor}`, { headers: auth.headers });
  }
  const t = await remixI18n.getFixedT(request);
  const metaTitle = t("compare.pageTitle", {
    from: page.from.label,
    to: page.to.label,
    consultation: page.consultation.title,
  });
  const layout = url.searchParams.get("view") === "side" ? ("side" as const) : ("inline" as const);
  if (page.status === "preparing") {
    const headers = new Headers(auth.headers);
    headers.set("Retry-After", String(PREPARING_REFRESH_SECONDS));
    const { consultation, from, to, documentTitle } = page;
    return data(
      { preparing: true as const, consultation, from, to, documentTitle, metaTitle, layout, changesOnly },
      { status: 503, headers },
    );
  }
  return data(
    {
      ...page,
      preparing: false as const,
      editionParam,
      layout,
      changesOnly,
      metaTitle,
      targets: jumpTargets(page.groups),
      jump: goto === null ? null : { typed: goto.slice(0, 100), notFound: true },
    },
    { headers: allowPublicPageCache(auth.headers, auth.user) },
  );
}

export default function CompareVersions() {
  const page = useLoaderData<typeof loader>();
  const { t, i18n } = useTranslation();
  const { consultation, from, to, layout, changesOnly } = page;
  const base = `/consultations/${consultation.slug}/compare/${from.number}...${to.number}`;
  const href = (options: { layout?: "inline" | "side"; changesOnly?: boolean }) => {
    const params = new URLSearchParams();
    if ((options.layout ?? layout) === "side") params.set("view", "side");
    if (options.changesOnly ?? changesOnly) params.set("only", "changes");
    if (page.preparing === false && page.editionParam) params.set("edition", page.editionParam);
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
    paging: page.preparing === false && page.paging ? { current: page.paging.current, href: pageHref } : undefined,
  };
  return (
    <div className="comparison">
      <div className="comparison-head">
        <p className="breadcrumbs">
          <Link to="/consultations">{t("nav.consultations")}</Link> ›{" "}
          <Link to={`/consultations/${consultation.slug}`}>{consultation.title}</Link>
        </p>
        <h1>{t("compare.heading", { from: from.label, to: to.label })}</h1>
        <p className="comparison-document-title">{page.documentTitle}</p>
        {!page.preparing && page.edition ? (
          <p className="notice edition-notice">
            {t(
              page.edition.compared === "edition"
                ? "editions.reader.compareInEdition"
                : "editions.reader.compareOriginals",
              {
                language: languageName(page.edition.language, i18n.language),
              },
            )}
          </p>
        ) : null}

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
              {!page.preparing && page.editionParam ? (
                <input type="hidden" name="edition" value={page.editionParam} />
              ) : null}
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
        <SectionChangeLegend />
      </div>

      {page.preparing ? (
        <section className="comparison-preparing" aria-live="polite">
          <h2>{t("compare.preparing.title")}</h2>
          <p>{t("compare.preparing.body", { seconds: PREPARING_REFRESH_SECONDS })}</p>
          <p>
            <Link to={href({})}>{t("compare.preparing.again")}</Link>
          </p>
        </section>
      ) : (
        <ComparisonBody page={page} context={context} pageHref={pageHref} />
      )}
    </div>
  );
}

type ReadyPage = Extract<ReturnType<typeof useLoaderData<typeof loader>>, { preparing: false }>;

/** The counts, the page's rows and the ways around the comparison, once it is computed. */
function ComparisonBody({
  page,
  context,
  pageHref,
}: {
  page: ReadyPage;
  context: ComparisonContext;
  pageHref: (n: number) => string;
}) {
  const { t } = useTranslation();
  const { from, to, layout, changesOnly } = page;
  // Renumbering alone leaves the text as it was.
  const identical = Object.entries(page.totals).every(
    ([bucket, count]) => bucket === "unchanged" || bucket === "renumbered" || count === 0,
  );
  // At the page's first or last change, the navigator goes on to the page of the change before or after.
  const adjacent = page.paging?.adjacent;
  const beyond = (link: { page: number; anchor: string } | null | undefined) =>
    link ? `${pageHref(link.page)}#${link.anchor}` : null;
  return (
    <>
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
      <ComparisonNavigator previous={beyond(adjacent?.previous)} next={beyond(adjacent?.next)} />
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
    </>
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
