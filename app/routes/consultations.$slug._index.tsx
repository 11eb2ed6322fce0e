import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";

import { GeneralErrorBoundary } from "~/components/error-boundary";
import { CommentPeriod } from "~/components/comment-period";
import { StatusBadge } from "~/components/status-badge";
import { formatDay, utcToZonedLocal, zonedLocalToUtc } from "~/lib/dates";
import { getConsultationOverview, setCommentPeriod } from "~/models/consultation.server";
import { DomainError } from "~/lib/errors";
import { getSessionUser } from "~/utils/auth.server";
import { can } from "~/lib/permissions";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.consultation.title ?? "Consultation" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, headers } = await getSessionUser(request);
  const consultation = await getConsultationOverview({ slug: params.slug ?? "" });
  if (!consultation) throw new Response("No such consultation.", { status: 404 });
  const canManage = user !== null && can(user, "update:version:any");
  return data({ consultation, canManage, now: new Date().toISOString() }, { headers });
}

const LOCAL_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/;

export async function action({ request, params, context }: ActionFunctionArgs) {
  const slug = params.slug ?? "";
  const { user, headers } = await getSessionUser(request);
  const form = await request.formData();
  const consultation = await getConsultationOverview({ slug });
  if (!consultation) throw new Response("No such consultation.", { status: 404 });
  const versionNumber = Number(form.get("version"));
  const intent = form.get("intent");
  const now = new Date();
  try {
    let opensAt: Date;
    let closesAt: Date;
    if (intent === "close") {
      const version = consultation.documents.flatMap((d) => d.versions).find((v) => v.number === versionNumber);
      opensAt =
        version?.commentsOpenAt && version.commentsOpenAt < now
          ? version.commentsOpenAt
          : new Date(now.getTime() - 1000);
      closesAt = now;
    } else {
      const opens = String(form.get("opensAt") ?? "");
      const closes = String(form.get("closesAt") ?? "");
      if (!LOCAL_DATE_TIME.test(opens) || !LOCAL_DATE_TIME.test(closes)) {
        return data({ formError: "Give both dates with a time.", version: versionNumber }, { status: 400, headers });
      }
      opensAt = zonedLocalToUtc(opens, consultation.timeZone);
      closesAt = zonedLocalToUtc(closes, consultation.timeZone);
    }
    await setCommentPeriod({
      actor: user,
      slug,
      versionNumber,
      opensAt,
      closesAt,
      clientAddress: context.clientAddress,
    });
  } catch (error) {
    if (error instanceof DomainError)
      return data({ formError: error.message, version: versionNumber }, { status: error.status, headers });
    throw error;
  }
  throw redirect(`/consultations/${slug}?updated=${versionNumber}`, { headers });
}

export default function ConsultationPage() {
  const { consultation, canManage, now } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t } = useTranslation();
  return (
    <div className="page">
      <p className="breadcrumbs">
        <Link to="/consultations">{t("nav.consultations")}</Link>
      </p>
      <h1>{consultation.title}</h1>
      <p>
        <StatusBadge status={consultation.status} />
      </p>
      {consultation.summary ? <p className="lead">{consultation.summary}</p> : null}
      <nav aria-label={t("consultation.related")}>
        <ul className="related-links">
          <li>
            <Link to={`/consultations/${consultation.slug}/contributions`}>{t("contributions.link")}</Link>
          </li>
          {canManage ? (
            <li>
              <Link to={`/consultations/${consultation.slug}/feedback`}>{t("feedback.link")}</Link>
            </li>
          ) : null}
          {canManage || consultation.dispositionsPublishedAt ? (
            <li>
              <Link to={`/consultations/${consultation.slug}/dispositions`}>{t("consultation.dispositionsLink")}</Link>
            </li>
          ) : null}
        </ul>
      </nav>
      {consultation.documents.map((document) => (
        <section key={document.slug} aria-labelledby={`doc-${document.slug}`}>
          <h2 id={`doc-${document.slug}`}>{document.title}</h2>
          <h3>{t("consultation.phases")}</h3>
          <ol className="phases">
            {document.versions.map((version) => (
              <li key={version.number} className="phase">
                <h4>
                  <Link to={`/consultations/${consultation.slug}/versions/${version.number}`}>{version.label}</Link>{" "}
                  <StatusBadge status={version.status} />
                </h4>
                <p>
                  {version.publishedAt
                    ? t("consultation.published", {
                        date: formatDay(version.publishedAt, consultation.timeZone),
                      })
                    : t("consultation.notPublished")}
                  {" · "}
                  {t("consultation.paragraphsCount", { count: version._count.paragraphs })}
                </p>
                <CommentPeriod
                  opensAt={version.commentsOpenAt}
                  closesAt={version.commentsCloseAt}
                  timeZone={consultation.timeZone}
                  now={now}
                />
                {canManage && (version.status === "open" || version.status === "closed") ? (
                  <details className="manage-period">
                    <summary>{t("manage.periodTitle")}</summary>
                    <Form method="post" className="stacked-form">
                      {result?.formError && result.version === version.number ? (
                        <p className="form-error" role="alert">
                          {result.formError}
                        </p>
                      ) : null}
                      <input type="hidden" name="version" value={version.number} />
                      <div className="field">
                        <label htmlFor={`opens-${version.number}`}>
                          {t("manage.fields.opensAt")} ({consultation.timeZone})
                        </label>
                        <input
                          id={`opens-${version.number}`}
                          name="opensAt"
                          type="datetime-local"
                          defaultValue={
                            version.commentsOpenAt ? utcToZonedLocal(version.commentsOpenAt, consultation.timeZone) : ""
                          }
                        />
                      </div>
                      <div className="field">
                        <label htmlFor={`closes-${version.number}`}>
                          {t("manage.fields.closesAt")} ({consultation.timeZone})
                        </label>
                        <input
                          id={`closes-${version.number}`}
                          name="closesAt"
                          type="datetime-local"
                          defaultValue={
                            version.commentsCloseAt
                              ? utcToZonedLocal(version.commentsCloseAt, consultation.timeZone)
                              : ""
                          }
                        />
                      </div>
                      <div className="button-row">
                        <button type="submit" name="intent" value="period">
                          {t("manage.periodSave")}
                        </button>
                        <button type="submit" name="intent" value="close" className="secondary">
                          {t("manage.closeNow")}
                        </button>
                      </div>
                    </Form>
                  </details>
                ) : null}
              </li>
            ))}
          </ol>
        </section>
      ))}
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
