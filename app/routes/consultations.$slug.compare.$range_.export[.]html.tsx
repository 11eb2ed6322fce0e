import { createInstance } from "i18next";
import { renderToStaticMarkup } from "react-dom/server";
import { I18nextProvider, initReactI18next } from "react-i18next";

import {
  ComparisonDocument,
  ComparisonLegend,
  ComparisonSummary,
  SectionChangeLegend,
} from "~/components/comparison-document";
import { i18nConfig, resources } from "~/i18n";
import { remixI18n } from "~/i18next.server";
import { parseVersionRange } from "~/lib/compare";
import { REDLINE_STYLES } from "~/lib/compare/redline-styles";
import { cachedComparisonExport, comparisonExportKey } from "~/models/comparison-exports.server";
import { comparisonPairIds, getComparison, type ComparisonPage } from "~/models/comparison.server";
import { getSessionUser } from "~/utils/auth.server";
import { errorResponse } from "~/utils/http.server";
import { allowPublicPageCache } from "~/utils/page-cache.server";

import type { LoaderFunctionArgs } from "@remix-run/node";

/**
 * The redline as one HTML page (links absolute), to read, print or send.
 * Opened as a page by default: the site's Content-Security-Policy allows no
 * inline styles, so the page links /redline.css. With `?download=1` it is a
 * self-contained file (styles inline), since a file opened from disk has no
 * site to link to.
 */

export async function loader({ request, params }: LoaderFunctionArgs) {
  const range = parseVersionRange(params.range);
  if (!range) throw errorResponse(404, { key: "compare.errors.notFound" });
  const auth = await getSessionUser(request);
  const slug = params.slug ?? "";
  const pair = await comparisonPairIds({ slug, ...range });
  if (!pair) throw errorResponse(404, { key: "compare.errors.notFound" }, auth.headers);

  const url = new URL(request.url);
  const download = url.searchParams.get("download") === "1";
  const lng = await remixI18n.getLocale(request);
  // Built once per pair, language, form and origin (its links are absolute), then kept.
  const form = `html${download ? "-download" : ""} ${url.origin}`;
  const html = await cachedComparisonExport(comparisonExportKey(pair, form, lng), async () => {
    const page = await getComparison({ slug, ...range, actor: auth.user, withComments: false });
    if (!page) throw errorResponse(404, { key: "compare.errors.notFound" }, auth.headers);
    return Buffer.from(await renderRedline({ page, url, download, lng }), "utf8");
  });
  const headers = new Headers(auth.headers);
  headers.set("Content-Type", "text/html; charset=utf-8");
  const filename = `${slug}-compare-${range.from}-${range.to}.html`;
  headers.set("Content-Disposition", `${download ? "attachment" : "inline"}; filename="${filename}"`);
  headers.set("Cache-Control", "private, max-age=0, must-revalidate");
  // Without comments it does not depend on who asked: anonymous requests share one rendering
  // (app/lib/page-cache.ts; concurrent misses wait for a single render).
  allowPublicPageCache(headers, auth.user);
  return new Response(new Uint8Array(html.buffer as ArrayBuffer, html.byteOffset, html.byteLength), { headers });
}

/** The whole redline as an HTML document. */
async function renderRedline({
  page,
  url,
  download,
  lng,
}: {
  page: ComparisonPage;
  url: URL;
  download: boolean;
  lng: string;
}) {
  const i18n = createInstance();
  await i18n.use(initReactI18next).init({ ...i18nConfig, resources, lng });
  const t = i18n.t;
  const comparePath = `/consultations/${page.consultation.slug}/compare/${page.from.number}...${page.to.number}`;
  const pageUrl = `${url.origin}${comparePath}`;
  const body = renderToStaticMarkup(
    <I18nextProvider i18n={i18n}>
      <main>
        <p>{page.consultation.title}</p>
        <h1>{t("compare.heading", { from: page.from.label, to: page.to.label })}</h1>
        <p>{page.documentTitle}</p>
        <p className="printed-from">{t("compare.printed", { url: pageUrl })}</p>
        <ComparisonLegend />
        <SectionChangeLegend />
        <ComparisonSummary sections={page.sections} totals={page.totals} from={page.from.label} to={page.to.label} />
        <ComparisonDocument
          groups={page.groups}
          layout="inline"
          fold={false}
          emptyMessage={t("compare.noChanges")}
          context={{
            slug: page.consultation.slug,
            from: { number: page.from.number, label: page.from.label },
            to: { number: page.to.number, label: page.to.label },
            linkBase: url.origin,
          }}
        />
      </main>
    </I18nextProvider>,
  );
  const title = t("compare.pageTitle", {
    from: page.from.label,
    to: page.to.label,
    consultation: page.consultation.title,
  });
  const styles = download ? `<style>${REDLINE_STYLES}</style>` : STYLESHEET;
  return `<!DOCTYPE html>
<html lang="${lng}" dir="${i18n.dir(lng)}"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>${styles}</head><body>${body}</body></html>`;
}

const STYLESHEET = `<link rel="stylesheet" href="/redline.css">`;

function escapeHtml(text: string) {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}
