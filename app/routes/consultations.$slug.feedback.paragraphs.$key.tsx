import { data, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";

import { GeneralErrorBoundary } from "~/components/error-boundary";
import { FeedbackComment } from "~/components/feedback-comment";
import { remixI18n } from "~/i18next.server";
import {
  FeedbackActionSchema,
  feedbackActionValues,
  feedbackFormTarget,
  parseFeedbackNotice,
} from "~/lib/feedback/feedback-action-schema";
import { summarizeParagraphFeedback } from "~/lib/feedback/summary";
import { applyFeedbackAction } from "~/models/disposition.server";
import { feedbackActionFailure, feedbackValidationFailure } from "~/models/feedback/form-failure.server";
import { getParagraphFeedback } from "~/models/feedback.server";
import { requirePermission } from "~/utils/auth.server";
import { orErrorResponse, readFormData } from "~/utils/http.server";
import { pageTitle } from "~/utils/meta";

import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";

export const meta: MetaFunction<typeof loader> = (args) => [pageTitle(args)];

function versionParam(url: URL) {
  const value = Number(url.searchParams.get("v"));
  return Number.isInteger(value) && value >= 1 ? value : undefined;
}

function facetParam(url: URL) {
  const value = Number(url.searchParams.get("facet"));
  return url.searchParams.has("facet") && Number.isInteger(value) && value >= 0 && value < 100 ? value : null;
}

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { user, headers } = await requirePermission(request, "consolidate:comment:any", { ip: context.clientAddress });
  const url = new URL(request.url);
  const feedback = await orErrorResponse(
    getParagraphFeedback({
      actor: user,
      slug: params.slug ?? "",
      versionNumber: versionParam(url),
      paragraphKey: params.key ?? "",
      ip: context.clientAddress,
    }),
    headers,
  );
  const [t, locale] = await Promise.all([remixI18n.getFixedT(request), remixI18n.getLocale(request)]);
  const { summaryInput, ...rest } = feedback;
  const summary = summarizeParagraphFeedback(summaryInput, t, { locale });
  const facet = facetParam(url);
  const only = facet !== null && summary[facet] ? new Set(summary[facet].commentIds) : null;
  const number = feedback.paragraph.number ?? feedback.paragraph.key;
  return data(
    {
      ...rest,
      summary: summary.map(({ intent, text, commentIds }) => ({ intent, text, count: commentIds.length })),
      facet: only ? facet : null,
      comments: only ? feedback.comments.filter((comment) => only.has(comment.id)) : feedback.comments,
      metaTitle: t("feedback.paragraph.metaTitle", { number }),
    },
    { headers },
  );
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { user, headers } = await requirePermission(request, "consolidate:comment:any", { ip: context.clientAddress });
  const slug = params.slug ?? "";
  const url = new URL(request.url);
  const form = await readFormData(request);
  const target = feedbackFormTarget(form);
  const parsed = FeedbackActionSchema.safeParse(feedbackActionValues(form));
  if (!parsed.success) return feedbackValidationFailure(parsed.error, target, headers);
  try {
    const result = await applyFeedbackAction({ actor: user, slug, action: parsed.data, ip: context.clientAddress });
    const search = new URLSearchParams();
    const version = versionParam(url);
    const facet = facetParam(url);
    if (version) search.set("v", String(version));
    if (facet !== null) search.set("facet", String(facet));
    search.set("notice", result.notice);
    search.set("count", String(result.count));
    const paragraph = encodeURIComponent(params.key ?? "");
    return redirect(`/consultations/${slug}/feedback/paragraphs/${paragraph}?${search}`, { headers });
  } catch (error) {
    return feedbackActionFailure(error, target, headers);
  }
}

export default function ParagraphFeedback() {
  const { consultation, version, paragraph, total, comments, summary, facet } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>() ?? null;
  const [searchParams] = useSearchParams();
  const { t } = useTranslation();
  const dashboard = `/consultations/${consultation.slug}/feedback?v=${version.number}`;
  const here =
    `/consultations/${consultation.slug}/feedback/paragraphs/` +
    `${encodeURIComponent(paragraph.key)}?v=${version.number}`;
  const number = paragraph.number ?? paragraph.key;
  const section = paragraph.section.number
    ? `${paragraph.section.number} ${paragraph.section.heading}`
    : paragraph.section.heading;
  const notice = parseFeedbackNotice(searchParams.get("notice"));
  return (
    <div className="page feedback-page">
      <p className="breadcrumbs">
        <Link to="/consultations">{t("nav.consultations")}</Link> ›{" "}
        <Link to={`/consultations/${consultation.slug}`}>{consultation.title}</Link> ›{" "}
        <Link to={dashboard}>{t("feedback.title")}</Link>
      </p>
      <h1>{t("feedback.paragraph.title", { number })}</h1>
      <p className="lead">
        {version.label} · {t("feedback.paragraph.inSection", { section })} ·{" "}
        <Link to={`/consultations/${consultation.slug}/versions/${version.number}#p-${paragraph.key}`}>
          {t("feedback.paragraph.read")}
        </Link>
      </p>
      {notice ? (
        <p className="notice" role="status">
          {t(`feedback.notice.${notice}`, { count: Number(searchParams.get("count") ?? 0) })}
        </p>
      ) : null}
      <blockquote className="paragraph-quote" dir="auto">
        {paragraph.text}
      </blockquote>

      <section aria-labelledby="summary-title">
        <h2 id="summary-title">{t("feedback.paragraph.summary")}</h2>
        {summary.length === 0 ? (
          <p>{t("feedback.paragraph.noComments")}</p>
        ) : (
          <>
            <p className="hint">{t("feedback.paragraph.summaryHint")}</p>
            <ul className="summary-sentences">
              {summary.map((sentence, index) => (
                <li key={index}>
                  <Link to={`${here}&facet=${index}#comments`} aria-current={facet === index ? "true" : undefined}>
                    {sentence.text}
                  </Link>
                </li>
              ))}
            </ul>
          </>
        )}
      </section>

      <section aria-labelledby="comments-title" id="comments">
        <h2 id="comments-title">{t("feedback.paragraph.comments", { count: total })}</h2>
        {facet !== null ? (
          <p>
            {t("feedback.paragraph.facet", { count: comments.length })}{" "}
            <Link to={`${here}#comments`}>{t("feedback.paragraph.showAll")}</Link>
          </p>
        ) : null}
        {total > comments.length && facet === null ? (
          <p className="hint">{t("feedback.paragraph.truncated", { shown: comments.length, total })}</p>
        ) : null}
        <ol className="feedback-comments">
          {comments.map((comment) => (
            <li key={comment.id}>
              <FeedbackComment
                comment={comment}
                timeZone={consultation.timeZone}
                returnTo=""
                errors={actionData}
                paragraphHref={() => here}
              />
            </li>
          ))}
        </ol>
      </section>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
