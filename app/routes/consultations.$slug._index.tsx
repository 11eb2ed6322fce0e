import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";

import { CommentPeriod } from "~/components/comment-period";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { Field, FormError } from "~/components/field";
import { StatusBadge } from "~/components/status-badge";
import { UploadVersionForm } from "~/components/upload-version-form";
import { formatDay, utcToZonedLocal, zonedLocalToUtc } from "~/lib/dates";
import { MAX_IMPORT_BYTES } from "~/lib/import";
import { can } from "~/lib/permissions";
import { CommentPeriodActionSchema } from "~/models/consultation-schema";
import { closeCommentPeriodNow, getConsultationOverview, setCommentPeriod } from "~/models/consultation.server";
import { getSessionUser } from "~/utils/auth.server";
import { actionFailure, formFailure, orErrorResponse, readFormData, type FormFailure } from "~/utils/http.server";

import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  data ? [{ title: data.consultation.title }] : (matches[0]?.meta ?? []);

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, headers } = await getSessionUser(request);
  const consultation = await orErrorResponse(getConsultationOverview({ slug: params.slug ?? "" }), headers);
  const canManage = can(user, "update:version:any");
  const secretariat = {
    upload: can(user, "create:version:any"),
    edit: can(user, "update:consultation:any"),
    importComments: can(user, "consolidate:comment:any"),
  };
  const search = new URL(request.url).searchParams;
  const uploaded = Number(search.get("uploaded"));
  return data(
    {
      consultation,
      canManage,
      secretariat,
      uploaded: Number.isInteger(uploaded) && uploaded > 0 ? uploaded : null,
      edited: search.get("edited") === "1" && secretariat.edit,
      maxMegabytes: Math.floor(MAX_IMPORT_BYTES / 1024 / 1024),
      now: new Date().toISOString(),
    },
    { headers },
  );
}

/** A refused period form, told apart by version: each version of the page has its own form. */
function refusedFor(version: number | null, failure: ReturnType<typeof actionFailure>) {
  return data({ ...failure.data, version }, failure.init ?? undefined);
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const slug = params.slug ?? "";
  const { user, headers } = await getSessionUser(request);
  const form = Object.fromEntries(await readFormData(request));
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

/** The versions of all documents in order, each with the one before it (for its Compare link). */
function comparisonPairs(documents: { versions: { number: number; label: string }[] }[]) {
  const pairs = new Map<number, { from: number; to: number }>();
  for (const document of documents) {
    const numbers = document.versions.map((version) => version.number);
    numbers.forEach((number, i) => {
      if (i > 0) pairs.set(number, { from: numbers[i - 1], to: number });
      else if (numbers.length > 1) pairs.set(number, { from: number, to: numbers[1] });
    });
  }
  return pairs;
}

export default function ConsultationPage() {
  const { consultation, canManage, secretariat, uploaded, edited, maxMegabytes, now } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t, i18n } = useTranslation();
  const base = `/consultations/${consultation.slug}`;
  const pairs = comparisonPairs(consultation.documents);
  const allVersions = consultation.documents.flatMap((document) => document.versions);
  const uploadedVersion = uploaded ? allVersions.find((version) => version.number === uploaded) : undefined;
  const uploadedPair = uploadedVersion ? pairs.get(uploadedVersion.number) : undefined;
  const singleDocument = consultation.documents.length === 1;
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
      {edited ? (
        <p className="notice notice-success" role="status">
          {t("manage.edit.saved")}
        </p>
      ) : null}
      {uploadedVersion ? (
        <div id="uploaded" className="notice notice-success" role="status" tabIndex={-1}>
          <p>
            {t("manage.upload.done", {
              label: uploadedVersion.label,
              number: uploadedVersion.number,
              count: uploadedVersion._count.paragraphs,
            })}
          </p>
          <p className="button-row">
            {uploadedPair && uploadedPair.to === uploadedVersion.number ? (
              <Link className="button" to={`${base}/compare/${uploadedPair.from}...${uploadedPair.to}`}>
                {t("manage.compareVersion", uploadedPair)}
              </Link>
            ) : null}
            <Link to={`${base}/versions/${uploadedVersion.number}`}>
              {t("manage.upload.readIt", { number: uploadedVersion.number })}
            </Link>
          </p>
        </div>
      ) : null}
      <nav aria-label={t("consultation.related")}>
        <ul className="related-links">
          {allVersions.length > 1 ? (
            <li>
              <Link to={`${base}/compare`}>{t("manage.compareLink")}</Link>
            </li>
          ) : null}
          <li>
            <Link to={`${base}/contributions`}>{t("contributions.link")}</Link>
          </li>
          {canManage ? (
            <li>
              <Link to={`${base}/feedback`}>{t("feedback.link")}</Link>
            </li>
          ) : null}
          {canManage || consultation.dispositionsPublishedAt ? (
            <li>
              <Link to={`${base}/dispositions`}>{t("consultation.dispositionsLink")}</Link>
            </li>
          ) : null}
          {secretariat.importComments ? (
            <li>
              <Link to={`${base}/comments/import`}>{t("nav.importComments")}</Link>
            </li>
          ) : null}
          {secretariat.edit ? (
            <li>
              <Link to={`${base}/edit`}>{t("manage.edit.link")}</Link>
            </li>
          ) : null}
        </ul>
      </nav>
      <p className="hint">{t("manage.timesIn", { zone: consultation.timeZone })}</p>
      {secretariat.upload ? (
        <details className="manage-upload" key={uploaded ?? "upload"}>
          <summary>{t("manage.upload.title")}</summary>
          <p>{t("manage.upload.intro")}</p>
          <UploadVersionForm slug={consultation.slug} maxMegabytes={maxMegabytes} />
        </details>
      ) : null}
      {consultation.documents.map((document) => (
        <section key={document.slug} aria-labelledby={`doc-${document.slug}`}>
          {/* One document: the h1 already names it, so its section is "Versions" (no repeated title). */}
          <h2 id={`doc-${document.slug}`}>{singleDocument ? t("consultation.versions") : document.title}</h2>
          <ol className="phases">
            {document.versions.map((version) => (
              <li key={version.number} className="phase">
                <h3 className="phase-title">
                  <Link to={`${base}/versions/${version.number}`}>{version.label}</Link>{" "}
                  <StatusBadge status={version.status} />
                </h3>
                <p>
                  {version.publishedAt
                    ? t("consultation.published", {
                        date: formatDay(version.publishedAt, consultation.timeZone, i18n.language),
                      })
                    : t("consultation.notPublished")}
                  {" · "}
                  {t("consultation.paragraphsCount", { count: version._count.paragraphs })}
                  {pairs.has(version.number) ? (
                    <>
                      {" · "}
                      <Link
                        to={`${base}/compare/${pairs.get(version.number)!.from}...${pairs.get(version.number)!.to}`}
                      >
                        {t("manage.compareVersion", pairs.get(version.number))}
                      </Link>
                    </>
                  ) : null}
                  {canManage ? (
                    <>
                      {" · "}
                      <Link to={`${base}/versions/${version.number}/editions`}>{t("editions.manage.link")}</Link>
                    </>
                  ) : null}
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
