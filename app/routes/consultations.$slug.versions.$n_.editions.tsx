import { data, MaxPartSizeExceededError, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useRef, useState } from "react";
import { useTranslation } from "react-i18next";

import { EditionReportView } from "~/components/edition-report";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { Field, FormError } from "~/components/field";
import { TrackedChangesReviewPanel } from "~/components/tracked-changes-review";
import { DOCUMENT_ACCEPT } from "~/components/upload-version-form";
import { formatDay } from "~/lib/dates";
import { EDITION_LANGUAGES, isEditionLanguage, languageName, type EditionReport } from "~/lib/editions";
import type { Message } from "~/lib/errors";
import { MAX_IMPORT_BYTES } from "~/lib/import";
import { ImportError } from "~/lib/import/types";
import { deleteEdition, getVersionEditions, uploadEdition } from "~/models/edition.server";
import { requirePermission } from "~/utils/auth.server";
import { actionFailure, errorResponse, formFailure, orErrorResponse, readMultipartForm } from "~/utils/http.server";
import { importUploadedDocument, type TrackedChangesAnswer } from "~/utils/tracked-changes-action.server";

import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  data ? [{ title: `${data.version.label} · ${data.version.consultation.title}` }] : (matches[0]?.meta ?? []);

const MAX_IMPORT_MEGABYTES = MAX_IMPORT_BYTES / 1024 / 1024;

function versionNumber(param: string | undefined) {
  const number = Number(param);
  if (!Number.isInteger(number) || number < 1) throw errorResponse(404, { key: "reader.errors.noSuchVersion" });
  return number;
}

/** `/consultations/:slug/versions/:n/editions`: the secretariat's page for a version's language editions. */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const number = versionNumber(params.n);
  const { user, headers } = await requirePermission(request, "update:version:any", {
    clientAddress: context.clientAddress,
  });
  const found = await orErrorResponse(getVersionEditions({ actor: user, slug: params.slug ?? "", number }), headers);
  return data({ ...found, maxMegabytes: Math.floor(MAX_IMPORT_MEGABYTES) }, { headers });
}

type EditionActionData =
  | {
      formError: Message | null;
      fieldErrors: Record<string, ReadonlyArray<string> | undefined>;
      report?: EditionReport;
    }
  | { saved: { language: string; replaced: boolean; report: EditionReport } }
  | { deleted: string }
  | TrackedChangesAnswer;

export async function action({ request, params, context }: ActionFunctionArgs) {
  const number = versionNumber(params.n);
  const slug = params.slug ?? "";
  const { clientAddress } = context;
  // Checked before the body is read: no one else makes the server parse a 20 MB upload.
  const { user, headers } = await requirePermission(request, "update:version:any", { clientAddress });
  let form: FormData;
  try {
    form = await readMultipartForm(request, { maxPartSize: MAX_IMPORT_BYTES, headers });
  } catch (error) {
    if (!(error instanceof MaxPartSizeExceededError)) throw error;
    const tooLarge = { key: "manage.errors.documentTooLarge", values: { max: MAX_IMPORT_MEGABYTES } } as const;
    return formFailure(413, tooLarge, { document: [tooLarge.key] }, headers);
  }
  // "Cancel (refuse this file)" from a page without JavaScript: nothing is read, nothing is kept.
  // (The upload form also holds a hidden intent=upload; the button's own value comes after it.)
  if (form.getAll("intent").includes("refuse")) {
    throw redirect(`/consultations/${slug}/versions/${number}/editions`, { headers });
  }
  const language = form.get("language");
  if (!isEditionLanguage(language)) {
    return formFailure(400, { key: "errors.checkFields" }, { language: ["editions.errors.languageRequired"] }, headers);
  }
  try {
    if (form.get("intent") === "delete") {
      await deleteEdition({ actor: user, slug, number, language, clientAddress });
      return data<EditionActionData>({ deleted: language }, { headers });
    }
    const file = form.get("document");
    if (!(file instanceof File) || file.name === "") {
      return formFailure(400, { key: "errors.checkFields" }, { document: ["editions.errors.fileRequired"] }, headers);
    }
    // Tracked changes are shown first, as for a new version (docs/decisions/0030-word-tracked-changes.md).
    const upload = await importUploadedDocument({ form, file, headers });
    if (upload.review) return upload.review;
    const result = await uploadEdition({ actor: user, slug, number, language, ...upload.document, clientAddress });
    if (!result.accepted) {
      const key = result.report.problems.length > 0 ? "editions.report.refused" : "editions.report.nothingMatched";
      return data<EditionActionData>(
        { formError: { key }, fieldErrors: { document: ["editions.errors.refused"] }, report: result.report },
        { status: 422, headers },
      );
    }
    return data<EditionActionData>(
      { saved: { language, replaced: result.replaced, report: result.report } },
      { headers },
    );
  } catch (error) {
    if (error instanceof ImportError) {
      const status =
        error.key === "import.errors.tooLarge" ? 413 : error.key === "import.errors.noParagraphs" ? 422 : 400;
      return formFailure(status, error.userMessage, { document: ["manage.errors.documentRefused"] }, headers);
    }
    return actionFailure(error, headers);
  }
}

export default function VersionEditionsPage() {
  const { version, editions, total, maxMegabytes } = useLoaderData<typeof loader>();
  const answer = useActionData<EditionActionData>() ?? null;
  const [dismissed, setDismissed] = useState<EditionActionData | null>(null);
  const result = answer === dismissed ? null : answer;
  const uploadForm = useRef<HTMLFormElement>(null);
  const navigation = useNavigation();
  const { t, i18n } = useTranslation();
  const name = (code: string) => languageName(code, i18n.language);
  const base = `/consultations/${version.consultation.slug}`;
  const busy = navigation.state !== "idle" && navigation.formMethod === "POST";
  const failure = result && "formError" in result ? result : null;
  const saved = result && "saved" in result ? result.saved : null;
  const deleted = result && "deleted" in result ? result.deleted : null;
  const review = result && "trackedChanges" in result ? result.trackedChanges : null;
  // "Cancel (refuse this file)": the file is forgotten, the language chosen stays.
  const refuse = () => {
    setDismissed(answer);
    const file = uploadForm.current?.querySelector<HTMLInputElement>('input[name="document"]');
    if (file) {
      file.value = "";
      file.focus();
    }
  };
  return (
    <div className="page form-page editions-page">
      <p className="breadcrumbs">
        <Link to={base}>{version.consultation.title}</Link> ›{" "}
        <Link to={`${base}/versions/${version.number}`}>{version.label}</Link>
      </p>
      <h1>{t("editions.manage.title", { label: version.label })}</h1>
      <p className="lead">{t("editions.manage.intro")}</p>
      <p className="hint">{t("editions.manage.partialNote")}</p>
      {saved ? (
        <div className="notice notice-success" role="status">
          <p>
            {t(saved.replaced ? "editions.manage.replaced" : "editions.manage.saved", {
              language: name(saved.language),
              matched: saved.report.matched,
              total: saved.report.total,
            })}
          </p>
          <EditionReportView report={saved.report} lang={saved.language} />
        </div>
      ) : null}
      {deleted ? (
        <p className="notice notice-success" role="status">
          {t("editions.manage.deleted", { language: name(deleted) })}
        </p>
      ) : null}
      {editions.length === 0 ? (
        <p>{t("editions.manage.none")}</p>
      ) : (
        <div className="table-scroll">
          <table className="editions-table">
            <caption>{t("editions.manage.tableCaption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("editions.manage.language")}</th>
                <th scope="col">{t("editions.manage.file")}</th>
                <th scope="col">{t("editions.manage.updated")}</th>
                <th scope="col">{t("editions.manage.coverage")}</th>
                <th scope="col">{t("editions.manage.comments")}</th>
                <th scope="col">{t("editions.manage.actions")}</th>
              </tr>
            </thead>
            <tbody>
              {editions.map((edition) => (
                <tr key={edition.id}>
                  <th scope="row">{name(edition.language)}</th>
                  <td>{edition.sourceFileName}</td>
                  <td>{formatDay(edition.updatedAt, "UTC")}</td>
                  <td>{t("editions.manage.coverageValue", { matched: edition._count.paragraphs, total })}</td>
                  <td>{edition._count.comments}</td>
                  <td>
                    <Link to={`${base}/versions/${version.number}?edition=${edition.language}`}>
                      {t("editions.manage.read", { language: name(edition.language) })}
                    </Link>
                    <Form method="post" encType="multipart/form-data" className="inline-form">
                      <input type="hidden" name="intent" value="delete" />
                      <input type="hidden" name="language" value={edition.language} />
                      <button type="submit" className="button-secondary" disabled={busy}>
                        {t("editions.manage.delete", { language: name(edition.language) })}
                      </button>
                    </Form>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <h2>{t("editions.manage.uploadTitle")}</h2>
      <Form ref={uploadForm} method="post" encType="multipart/form-data" className="stacked-form" aria-busy={busy}>
        <FormError message={failure?.formError} />
        {failure?.report ? <EditionReportView report={failure.report} lang="" /> : null}
        <input type="hidden" name="intent" value="upload" />
        <Field
          id="edition-language"
          label={t("editions.manage.language")}
          hint={t("editions.manage.languageHint")}
          errors={failure?.fieldErrors.language}
        >
          {(control) => (
            <select {...control} name="language" required defaultValue="">
              <option value="" disabled>
                {t("editions.errors.languageRequired")}
              </option>
              {EDITION_LANGUAGES.map((code) => (
                <option key={code} value={code}>
                  {name(code)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field
          id="edition-document"
          label={t("editions.manage.fileLabel")}
          hint={t("editions.manage.fileHint", { max: maxMegabytes })}
          errors={failure?.fieldErrors.document}
        >
          {(control) => <input {...control} name="document" type="file" required accept={DOCUMENT_ACCEPT} />}
        </Field>
        {/* The form's first submit button, so Enter posts without an acceptance (a review again). */}
        <div className="button-row">
          <button type="submit" disabled={busy}>
            {busy ? t("editions.manage.importing") : t("editions.manage.submit")}
          </button>
        </div>
        {review ? <TrackedChangesReviewPanel review={review} busy={busy} onCancel={refuse} /> : null}
      </Form>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
