import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";

import { CommentPeriod } from "~/components/comment-period";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { Field, FormError } from "~/components/field";
import { StatusBadge } from "~/components/status-badge";
import { formatDay, utcToZonedLocal, zonedLocalToUtc } from "~/lib/dates";
import { can } from "~/lib/permissions";
import { CommentPeriodActionSchema } from "~/models/consultation-schema";
import { closeCommentPeriodNow, getConsultationOverview, setCommentPeriod } from "~/models/consultation.server";
import { getSessionUser } from "~/utils/auth.server";
import { actionFailure, formFailure, orErrorResponse, type FormFailure } from "~/utils/http.server";

import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  data ? [{ title: data.consultation.title }] : (matches[0]?.meta ?? []);

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, headers } = await getSessionUser(request);
  const consultation = await orErrorResponse(getConsultationOverview({ slug: params.slug ?? "" }), headers);
  const canManage = can(user, "update:version:any");
  return data({ consultation, canManage, now: new Date().toISOString() }, { headers });
}

/** A refused period form, told apart by version: each version of the page has its own form. */
function refusedFor(version: number | null, failure: ReturnType<typeof actionFailure>) {
  return data({ ...failure.data, version }, failure.init ?? undefined);
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const slug = params.slug ?? "";
  const { user, headers } = await getSessionUser(request);
  const form = Object.fromEntries(await request.formData());
  const clientAddress = context.clientAddress;
  const consultation = await orErrorResponse(getConsultationOverview({ slug }), headers);
  const parsed = CommentPeriodActionSchema.safeParse(form);
  if (!parsed.success) {
    const version = Number(form.version);
    // The schema's messages are i18n keys (keyed()).
    const fieldErrors = parsed.error.flatten().fieldErrors as FormFailure["fieldErrors"];
    const failure = formFailure(400, { key: "manage.errors.bothDates" }, fieldErrors, headers);
    return refusedFor(Number.isInteger(version) ? version : null, failure);
  }
  const input = parsed.data;
  try {
    switch (input.intent) {
      case "close":
        await closeCommentPeriodNow({ actor: user, slug, versionNumber: input.version, clientAddress });
        break;
      case "period":
        await setCommentPeriod({
          actor: user,
          slug,
          versionNumber: input.version,
          opensAt: zonedLocalToUtc(input.opensAt, consultation.timeZone),
          closesAt: zonedLocalToUtc(input.closesAt, consultation.timeZone),
          clientAddress,
        });
        break;
    }
  } catch (error) {
    return refusedFor(input.version, actionFailure(error, headers));
  }
  throw redirect(`/consultations/${slug}?updated=${input.version}`, { headers });
}

export default function ConsultationPage() {
  const { consultation, canManage, now } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t } = useTranslation();
  const base = `/consultations/${consultation.slug}`;
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
                  <Link to={`${base}/versions/${version.number}`}>{version.label}</Link>{" "}
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
                      <FormError message={result?.version === version.number ? result.formError : null} />
                      <input type="hidden" name="version" value={version.number} />
                      <Field
                        id={`opens-${version.number}`}
                        label={`${t("manage.fields.opensAt")} (${consultation.timeZone})`}
                        errors={result?.version === version.number ? result.fieldErrors.opensAt : undefined}
                      >
                        {(control) => (
                          <input
                            {...control}
                            name="opensAt"
                            type="datetime-local"
                            defaultValue={
                              version.commentsOpenAt
                                ? utcToZonedLocal(version.commentsOpenAt, consultation.timeZone)
                                : ""
                            }
                          />
                        )}
                      </Field>
                      <Field
                        id={`closes-${version.number}`}
                        label={`${t("manage.fields.closesAt")} (${consultation.timeZone})`}
                        errors={result?.version === version.number ? result.fieldErrors.closesAt : undefined}
                      >
                        {(control) => (
                          <input
                            {...control}
                            name="closesAt"
                            type="datetime-local"
                            defaultValue={
                              version.commentsCloseAt
                                ? utcToZonedLocal(version.commentsCloseAt, consultation.timeZone)
                                : ""
                            }
                          />
                        )}
                      </Field>
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
