import { createInstance } from "i18next";
import { renderToStaticMarkup } from "react-dom/server";
import { I18nextProvider, initReactI18next } from "react-i18next";

import { ComparisonDocument, ComparisonLegend, ComparisonSummary } from "~/components/comparison-document";
import { i18nConfig, resources } from "~/i18n";
import { remixI18n } from "~/i18next.server";
import { parseVersionRange } from "~/lib/compare";
import { getComparison } from "~/models/comparison.server";
import { getSessionUser } from "~/utils/auth.server";
import { errorResponse } from "~/utils/http.server";

import type { LoaderFunctionArgs } from "@remix-run/node";

/**
 * The redline as one self-contained HTML file (styles inline, links
 * absolute), to print or to send. Downloaded rather than shown: the site's
 * Content-Security-Policy allows no inline styles, and a file opened from
 * disk is where inline styles are needed.
 */
const STYLES = `
body { font: 11pt/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1b1f24; }
body { max-width: 48rem; margin: 2rem auto; padding: 0 1rem; }
h1 { font-size: 1.5rem; margin: 0 0 .25rem; }
h2 { font-size: 1.2rem; margin: 1.75rem 0 .5rem; break-after: avoid; }
a { color: #1d4f91; } .section-number { margin-right: .5rem; color: #57606a; }
ins { text-decoration: underline; text-decoration-thickness: 2px; color: #116329; background: #dafbe1; }
del { text-decoration: line-through; text-decoration-thickness: 2px; color: #a40e26; background: #ffebe9; }
ins, del { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); }
.visually-hidden { white-space: nowrap; }
.change-list { list-style: none; padding: 0; margin: 0; }
.change { padding: .35rem 0; border-top: 1px solid #d0d7de; break-inside: avoid; }
.change-head { display: flex; flex-wrap: wrap; gap: .25rem .5rem; align-items: baseline; font-size: .9rem; }
.change-numbers { margin: 0; font-weight: 600; } .change-text p { margin: .25rem 0; }
.change-unchanged .change-text { color: #57606a; }
.badge { font-size: .75rem; font-weight: 600; padding: 0 .4rem; border-radius: 999px; border: 1px solid currentColor; }
.former-heading { color: #57606a; font-style: italic; margin: 0; }
.table-scroll { overflow-x: auto; } table { border-collapse: collapse; width: 100%; font-size: .9rem; margin: 1rem 0; }
caption { text-align: start; font-weight: 600; margin-bottom: .25rem; }
th, td { border-bottom: 1px solid #d0d7de; padding: .2rem .4rem; text-align: end; }
th[scope="row"], thead th:first-child { text-align: start; } .zero { color: #8c959f; }
.comparison-legend { margin: .5rem 0; } .comparison-legend ins, .comparison-legend del { padding: 0 .25rem; }
.printed-from { color: #57606a; font-size: .85rem; }
`;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const range = parseVersionRange(params.range);
  if (!range) throw errorResponse(404, { key: "compare.errors.notFound" });
  const auth = await getSessionUser(request);
  const page = await getComparison({ slug: params.slug ?? "", ...range, actor: auth.user, withComments: false });
  if (!page) throw errorResponse(404, { key: "compare.errors.notFound" }, auth.headers);

  const url = new URL(request.url);
  const lng = await remixI18n.getLocale(request);
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
        <ComparisonSummary sections={page.sections} totals={page.totals} from={page.from.label} to={page.to.label} />
        <ComparisonDocument
          groups={page.groups}
          layout="inline"
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
  const html = `<!DOCTYPE html>
<html lang="${lng}" dir="${i18n.dir(lng)}"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title><style>${STYLES}</style></head><body>${body}</body></html>`;

  const headers = new Headers(auth.headers);
  headers.set("Content-Type", "text/html; charset=utf-8");
  headers.set(
    "Content-Disposition",
    `attachment; filename="${page.consultation.slug}-compare-${range.from}-${range.to}.html"`,
  );
  headers.set("Cache-Control", "private, max-age=0, must-revalidate");
  return new Response(html, { headers });
}

function escapeHtml(text: string) {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}
