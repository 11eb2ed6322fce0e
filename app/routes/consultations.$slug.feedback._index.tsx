import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";

import { BarChart } from "~/components/charts/bar-chart";
import { ColumnChart } from "~/components/charts/column-chart";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { FeedbackComment } from "~/components/feedback-comment";
import { DecisionFields, KeepScroll } from "~/components/feedback-decision";
import { FeedbackFilters } from "~/components/feedback-filters";
import { FeedbackGroups } from "~/components/feedback-groups";
import { FeedbackHeatMap } from "~/components/feedback-heat-map";
import { FeedbackProgress } from "~/components/feedback-progress";
import { FeedbackPublication } from "~/components/feedback-publication";
import { FormError } from "~/components/field";
import { remixI18n } from "~/i18next.server";
import { formatCount } from "~/lib/dates";
import {
  FeedbackActionSchema,
  feedbackActionValues,
  feedbackFormTarget,
  parseFeedbackNotice,
} from "~/lib/feedback/feedback-action-schema";
import {
  feedbackSearch,
  parseFeedbackFilters,
  returnSearch,
  type FeedbackFilters as Filters,
} from "~/lib/feedback/filters";
import { applyFeedbackAction, dispositionChangesSincePublication } from "~/models/disposition.server";
import { feedbackActionFailure, feedbackValidationFailure } from "~/models/feedback/form-failure.server";
import { getFeedbackDashboard } from "~/models/feedback.server";
import { requirePermission } from "~/utils/auth.server";
import { orErrorResponse, readFormData } from "~/utils/http.server";
import { pageTitle } from "~/utils/meta";

import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";

export const meta: MetaFunction<typeof loader> = (args) => [pageTitle(args)];

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { user, headers } = await requirePermission(request, "consolidate:comment:any", { ip: context.clientAddress });
  const filters = parseFeedbackFilters(new URL(request.url).searchParams);
  const dashboard = await orErrorResponse(
    getFeedbackDashboard({ actor: user, slug: params.slug ?? "", filters, ip: context.clientAddress }),
    headers,
  );
  const t = await remixI18n.getFixedT(request);
  const sincePublication = await dispositionChangesSincePublication(dashboard.consultation.id);
  return data(
    {
      ...dashboard,
      filters,
      sincePublication,
      metaTitle: t("feedback.metaTitle", { title: dashboard.consultation.title }),
    },
    { headers },
  );
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { user, headers } = await requirePermission(request, "consolidate:comment:any", { ip: context.clientAddress });
  const slug = params.slug ?? "";
  const form = await readFormData(request);
  const target = feedbackFormTarget(form);
  const parsed = FeedbackActionSchema.safeParse(feedbackActionValues(form));
  if (!parsed.success) return feedbackValidationFailure(parsed.error, target, headers);
  try {
    const result = await applyFeedbackAction({ actor: user, slug, action: parsed.data, ip: context.clientAddress });
    // The confirmation shows beside the form that decided (`at`); without JavaScript the page
    // comes back at that form (the anchor), with it the scroll position stays (scroll=keep).
    const decision = parsed.data.intent.startsWith("dispose");
    const at = decision ? target : "";
    const anchor = at && form.get("scroll") !== "keep" ? `#${decisionAnchor(at)}` : "";
    const extra = { notice: result.notice, count: result.count, ...(at ? { at } : {}) };
    const search = returnSearch(form.get("returnTo"), extra);
    return redirect(`/consultations/${slug}/feedback${search}${anchor}`, { headers });
  } catch (error) {
    return feedbackActionFailure(error, target, headers);
  }
}

const BULK_FORM_ID = "bulk-decision";

/** Where the page comes back to after a decision: the comment, the group or the bulk form. */
function decisionAnchor(target: string) {
  if (target === "bulk") return BULK_FORM_ID;
  return target.startsWith("group-") ? target : `c-${target}`;
}

export default function FeedbackDashboard() {
  const dashboard = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>() ?? null;
  const [searchParams] = useSearchParams();
  const navigation = useNavigation();
  const { t, i18n } = useTranslation();
  const { consultation, version, filters, totals, list } = dashboard;
  const base = `/consultations/${consultation.slug}/feedback`;
  const returnTo = feedbackSearch(filters);
  const withFilters = (overrides: Partial<Record<keyof Filters, string | number | undefined>>) =>
    `${base}${feedbackSearch(filters, { page: undefined, ...overrides })}`;
  const paragraphHref = (key: string) => `${base}/paragraphs/${encodeURIComponent(key)}?v=${version.number}`;
  const exportQuery = feedbackSearch({ ...filters, v: version.number }, { page: undefined });
  const notice = parseFeedbackNotice(searchParams.get("notice"));
  const noticeCount = Number(searchParams.get("count") ?? 0);
  // A decision's confirmation is shown beside the form that made it, not at the top of the page.
  const at = notice === "decided" || notice === "unchanged" ? (searchParams.get("at") ?? "") : "";
  const decidedNotice = !at
    ? ""
    : notice === "unchanged"
      ? t("feedback.notice.unchanged")
      : t("feedback.notice.decided", { count: noticeCount });
  const pages = Math.max(1, Math.ceil(totals.comments / list.pageSize));
  const bulkBusy = navigation.state === "submitting" && navigation.formData?.get("target") === "bulk";
  const bulkErrors = actionData?.target === "bulk" ? actionData : null;

  return (
    <div className="page feedback-page">
      <p className="breadcrumbs">
        <Link to="/consultations">{t("nav.consultations")}</Link> ›{" "}
        <Link to={`/consultations/${consultation.slug}`}>{consultation.title}</Link>
      </p>
      <h1>{t("feedback.pageTitle", { title: consultation.title })}</h1>
      <p className="lead">{t("feedback.intro", { label: version.label })}</p>
      {consultation.versions.length > 1 ? (
        <nav aria-label={t("feedback.versions")} className="version-switch">
          <ul>
            {consultation.versions.map((other) => (
              <li key={other.number}>
                {other.number === version.number ? (
                  <span aria-current="page">{other.label}</span>
                ) : (
                  <Link to={`${base}?v=${other.number}`}>{other.label}</Link>
                )}
              </li>
            ))}
          </ul>
        </nav>
      ) : null}
      {notice && !at ? (
        <p className="notice" role="status">
          {t(`feedback.notice.${notice}`, { count: noticeCount })}
        </p>
      ) : null}

      <div className="feedback-top">
        <FeedbackProgress
          decided={dashboard.progress.decided}
          total={dashboard.progress.total}
          filtered={dashboard.progress.filtered}
          statusHref={(status) => withFilters({ status })}
        />
        <FeedbackPublication
          commentsPublishedAt={consultation.commentsPublishedAt}
          dispositionsPublishedAt={consultation.dispositionsPublishedAt}
          dispositionsChanged={dashboard.sincePublication?.changed ?? null}
          timeZone={consultation.timeZone}
          returnTo={returnTo}
          tableHref={`/consultations/${consultation.slug}/dispositions?v=${version.number}`}
          confirmHref={(what) =>
            `${base}/publish?${new URLSearchParams({ what, returnTo: returnTo || "?" }).toString()}`
          }
        />
        <section className="feedback-exports" aria-labelledby="exports-title">
          <h2 id="exports-title">{t("feedback.exports.title")}</h2>
          <p className="hint">{t("feedback.exports.hint")}</p>
          <ul className="export-links">
            {(["csv", "xlsx", "docx"] as const).map((format) => (
              <li key={format}>
                <a href={`/consultations/${consultation.slug}/comments.${format}${exportQuery}`} download>
                  {t("feedback.exports.download", { format: t(`feedback.exports.${format}`) })}
                </a>
              </li>
            ))}
          </ul>
          <p>
            <Link to={`/consultations/${consultation.slug}/comments/import`}>{t("feedback.exports.import")}</Link>
          </p>
        </section>
      </div>

      <FeedbackFilters
        filters={filters}
        versionNumber={version.number}
        sections={dashboard.sections}
        clearHref={`${base}?v=${version.number}`}
      />

      <section className="feedback-totals" aria-labelledby="totals-title">
        <h2 id="totals-title" className="visually-hidden">
          {t("feedback.totals.title")}
        </h2>
        <ul>
          <li>
            <strong>{formatCount(totals.comments, i18n.language)}</strong>{" "}
            {t("feedback.totals.comments", { count: totals.comments })}
          </li>
          <li>
            <strong>{formatCount(totals.organizations, i18n.language)}</strong>{" "}
            {t("feedback.totals.organizations", { count: totals.organizations })}
          </li>
          <li>
            <strong>{formatCount(totals.paragraphs, i18n.language)}</strong>{" "}
            {t("feedback.totals.paragraphs", { count: totals.paragraphs })}
          </li>
        </ul>
        {totals.withoutParagraph > 0 ? (
          <p className="hint">{t("feedback.totals.withoutParagraph", { count: totals.withoutParagraph })}</p>
        ) : null}
      </section>

      <div className="feedback-charts">
        <FeedbackHeatMap
          sections={dashboard.heatMap.sections}
          max={dashboard.heatMap.max}
          versionLabel={version.label}
          paragraphHref={paragraphHref}
          sectionHref={(param) => withFilters({ section: param })}
        />
        <div className="chart-column">
          <BarChart
            id="chart-kinds"
            title={t("feedback.charts.byKind")}
            descriptionKey="feedback.charts.byKindDescription"
            data={dashboard.kinds.map((row) => ({
              key: row.kind,
              label: t(`feedback.kinds.${row.kind}`),
              value: row.count,
              href: withFilters({ kind: row.kind }),
            }))}
          />
          <BarChart
            id="chart-types"
            title={t("feedback.charts.byType")}
            descriptionKey="feedback.charts.byTypeDescription"
            data={dashboard.types.map((row) => ({
              key: row.type,
              label: t(`comments.types.${row.type}`),
              value: row.count,
              href: withFilters({ type: row.type }),
            }))}
          />
          <ColumnChart
            id="chart-time"
            title={
              dashboard.series.unit === "week" ? t("feedback.charts.overTimeWeek") : t("feedback.charts.overTimeDay")
            }
            points={dashboard.series.points}
          />
        </div>
      </div>

      <FeedbackGroups
        groups={dashboard.groups}
        ungrouped={dashboard.duplicates.ungrouped}
        autoLimit={dashboard.duplicates.autoLimit}
        regroupedCount={dashboard.duplicates.regrouped ? dashboard.duplicates.regrouped.items : null}
        returnTo={returnTo}
        errors={actionData}
        groupHref={(id) => withFilters({ group: id })}
        justDecided={at.startsWith("group-") ? { id: at.slice("group-".length), message: decidedNotice } : null}
      />

      <section className="feedback-list" aria-labelledby="list-title">
        <h2 id="list-title">{t("feedback.list.title")}</h2>
        <p role="status">{t("feedback.list.count", { count: totals.comments })}</p>
        {list.comments.length > 0 ? (
          <Form method="post" id={BULK_FORM_ID} className="bulk-form" aria-labelledby="bulk-title" preventScrollReset>
            <h3 id="bulk-title">{t("feedback.list.bulkTitle")}</h3>
            <p className="hint">{t("feedback.list.bulkHint")}</p>
            <input type="hidden" name="intent" value="dispose-selected" />
            <input type="hidden" name="target" value="bulk" />
            <input type="hidden" name="returnTo" value={returnTo} />
            <FormError message={bulkErrors?.formError} />
            {at === "bulk" ? (
              <p className="notice decided-notice" role="status">
                {decidedNotice}
              </p>
            ) : null}
            <KeepScroll />
            <DecisionFields idPrefix="bulk" errors={bulkErrors?.fieldErrors} />
            <button type="submit" disabled={bulkBusy}>
              {bulkBusy ? t("feedback.decision.saving") : t("feedback.list.bulkApply")}
            </button>
          </Form>
        ) : null}
        <ol className="feedback-comments">
          {list.comments.map((comment) => (
            <li key={comment.id}>
              <FeedbackComment
                comment={comment}
                timeZone={consultation.timeZone}
                returnTo={returnTo}
                errors={actionData}
                paragraphHref={paragraphHref}
                bulkFormId={BULK_FORM_ID}
                groupSize={comment.duplicateGroupId ? list.groupSizes[comment.duplicateGroupId] : undefined}
                justDecided={at === comment.id ? decidedNotice : undefined}
              />
            </li>
          ))}
        </ol>
        {pages > 1 ? (
          <nav aria-label={t("feedback.list.pagination")} className="pagination">
            {list.page > 1 ? (
              <Link to={withFilters({ page: list.page - 1 })}>{t("feedback.list.previous")}</Link>
            ) : (
              <span />
            )}
            <span>{t("feedback.list.page", { page: list.page, pages })}</span>
            {list.page < pages ? (
              <Link to={withFilters({ page: list.page + 1 })}>{t("feedback.list.next")}</Link>
            ) : (
              <span />
            )}
          </nav>
        ) : null}
      </section>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
