import { data, MaxPartSizeExceededError, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";

import { GeneralErrorBoundary } from "~/components/error-boundary";
import { Field, FormError } from "~/components/field";
import { remixI18n } from "~/i18next.server";
import { formatCount } from "~/lib/dates";
import type { Message } from "~/lib/errors";
import { translateMessage } from "~/lib/translate-message";
import {
  authorizeImporter,
  importCommentTemplate,
  loadImportPage,
  type ImportResult,
} from "~/models/comment-import.server";
import { MAX_IMPORT_BYTES as MAX_TEMPLATE_BYTES } from "~/models/feedback/template-file.server";
import { requireUser } from "~/utils/auth.server";
import { actionFailure, orErrorResponse, readMultipartForm } from "~/utils/http.server";
import { pageTitle } from "~/utils/meta";

import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";

export const meta: MetaFunction<typeof loader> = (args) => [pageTitle(args)];

/** The import form; the file itself is checked by the model. */
const ImportFormSchema = z.object({
  version: z.coerce.number().int().min(1).max(10_000),
  organizationId: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,64}$/)
    .optional()
    .catch(undefined),
});

/** The accepted files, for the file picker (the model checks the content). */
const TEMPLATE_TYPES = [
  ".xlsx",
  ".docx",
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
].join(",");

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { user, headers } = await requireUser(request);
  const page = await orErrorResponse(
    loadImportPage({ actor: user, slug: params.slug ?? "", ip: context.clientAddress }),
    headers,
  );
  const t = await remixI18n.getFixedT(request);
  const url = new URL(request.url);
  const importedFor = url.searchParams.get("org");
  const imported = Number(url.searchParams.get("imported"));
  return data(
    {
      ...page,
      ownOrganization: user.organization?.name ?? null,
      done:
        Number.isInteger(imported) && imported > 0
          ? {
              count: imported,
              organization:
                page.organizations.find((organization) => organization.id === importedFor)?.name ??
                user.organization?.name ??
                "",
            }
          : null,
      metaTitle: t("feedback.import.metaTitle", { title: page.consultation.title }),
    },
    { headers },
  );
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { user, headers } = await requireUser(request);
  // Who may import at all is checked before the upload is read.
  await orErrorResponse(authorizeImporter({ actor: user, ip: context.clientAddress }), headers);
  const slug = params.slug ?? "";
  // Bounded and parsed as multipart; a body the parser cannot read is a 400, not a 500.
  let form: FormData;
  try {
    form = await readMultipartForm(request, { maxPartSize: MAX_TEMPLATE_BYTES + 1, headers });
  } catch (error) {
    if (error instanceof MaxPartSizeExceededError) {
      return data<ImportResult>({ ok: false, fileError: "tooLarge" }, { status: 413, headers });
    }
    throw error;
  }
  const parsed = ImportFormSchema.safeParse({
    version: form.get("version"),
    organizationId: form.get("organizationId") || undefined,
  });
  const file = form.get("file");
  if (!parsed.success || !(file instanceof File) || file.size === 0) {
    return data<ImportResult>({ ok: false, fileError: "missing" }, { status: 400, headers });
  }
  try {
    const result = await importCommentTemplate({
      actor: user,
      slug,
      versionNumber: parsed.data.version,
      organizationId: parsed.data.organizationId,
      bytes: new Uint8Array(await file.arrayBuffer()),
      fileName: file.name,
      ip: context.clientAddress,
    });
    if (!result.ok) return data<ImportResult>(result, { status: 422, headers });
    const search = new URLSearchParams({ imported: String(result.imported) });
    if (parsed.data.organizationId) search.set("org", parsed.data.organizationId);
    return redirect(`/consultations/${slug}/comments/import?${search}`, { headers });
  } catch (error) {
    return actionFailure(error, headers);
  }
}

export default function ImportTemplate() {
  const { consultation, versions, defaultVersion, role, ownOrganization, organizations, maxRows, done } =
    useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const navigation = useNavigation();
  const [searchParams] = useSearchParams();
  const { t, i18n } = useTranslation();
  const busy = navigation.state === "submitting";
  return (
    <div className="page form-page import-page">
      <p className="breadcrumbs">
        <Link to="/consultations">{t("nav.consultations")}</Link> ›{" "}
        <Link to={`/consultations/${consultation.slug}`}>{consultation.title}</Link>
        {role === "secretariat" ? (
          <>
            {" "}
            › <Link to={`/consultations/${consultation.slug}/feedback`}>{t("feedback.title")}</Link>
          </>
        ) : null}
      </p>
      <h1>{t("feedback.import.title")}</h1>
      <p className="lead">{t("feedback.import.intro")}</p>
      <p>
        <a href={`/consultations/${consultation.slug}/comments/template.xlsx?v=${defaultVersion}`} download>
          {t("feedback.import.download")}
        </a>
      </p>
      {done && !result && searchParams.has("imported") ? (
        <p className="notice" role="status">
          {t("feedback.import.imported", { count: done.count, organization: done.organization })}
        </p>
      ) : null}
      <FormError message={formMessage(result)} />
      {result && "rowErrors" in result ? (
        <section className="rejected" aria-labelledby="rejected-title" role="alert">
          <h2 id="rejected-title">{t("feedback.import.rejectedTitle", { count: result.rowErrors.length })}</h2>
          <p>{t("feedback.import.rejectedHint", { valid: result.validRows })}</p>
          <table>
            <thead>
              <tr>
                <th scope="col">{t("feedback.import.row")}</th>
                <th scope="col">{t("feedback.import.reason")}</th>
              </tr>
            </thead>
            <tbody>
              {result.rowErrors.map((error) => (
                <tr key={`${error.rowNumber}-${error.code}`}>
                  <th scope="row">{error.rowNumber}</th>
                  <td>
                    {t(`feedback.import.reasons.${error.code}`, {
                      ...error.values,
                      reason: error.reason ? translateMessage(t, error.reason) : undefined,
                      defaultValue: error.code,
                    })}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ) : null}
      <Form method="post" encType="multipart/form-data" className="stacked-form">
        <Field
          id="import-file"
          label={t("feedback.import.file")}
          hint={t("feedback.import.fileHint", { rows: formatCount(maxRows, i18n.language) })}
        >
          {(control) => <input {...control} name="file" type="file" required accept={TEMPLATE_TYPES} />}
        </Field>
        <Field id="import-version" label={t("feedback.import.version")}>
          {(control) => (
            <select {...control} name="version" defaultValue={defaultVersion}>
              {versions.map((version) => (
                <option key={version.number} value={version.number}>
                  {version.label}
                </option>
              ))}
            </select>
          )}
        </Field>
        {role === "secretariat" ? (
          <Field id="import-organization" label={t("feedback.import.organization")}>
            {(control) => (
              <select {...control} name="organizationId" required defaultValue="">
                <option value="" disabled>
                  {t("feedback.import.chooseOrganization")}
                </option>
                {organizations.map((organization) => (
                  <option key={organization.id} value={organization.id}>
                    {organization.name}
                  </option>
                ))}
              </select>
            )}
          </Field>
        ) : (
          <p>{t("feedback.import.ownOrganization", { organization: ownOrganization })}</p>
        )}
        <button type="submit" className="button" disabled={busy}>
          {busy ? t("feedback.import.submitting") : t("feedback.import.submit")}
        </button>
      </Form>
    </div>
  );
}

/** The form's message: a file that could not be imported, or a refusal (403, 404, 409) from the model. */
function formMessage(result: ImportResult | { formError: Message } | undefined): Message | null {
  if (!result || !("ok" in result)) return result?.formError ?? null;
  if (result.ok || !("fileError" in result)) return null;
  return { key: `feedback.import.fileErrors.${result.fileError}`, values: result.values };
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
