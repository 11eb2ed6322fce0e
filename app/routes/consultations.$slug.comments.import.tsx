import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";

import { GeneralErrorBoundary } from "~/components/error-boundary";
import { remixI18n } from "~/i18next.server";
import { TEMPLATE_LIMITS } from "~/lib/feedback/template";
import {
  importCommentTemplate,
  listImportOrganizations,
  type ImportResult,
  type TemplateFileError,
} from "~/models/comment-import.server";
import { DomainError } from "~/lib/errors";
import { loadFeedbackScope } from "~/models/feedback.server";
import { requireUser } from "~/utils/auth.server";
import { can } from "~/lib/permissions";
import { authorize } from "~/utils/authorize.server";
import { orErrorResponse } from "~/utils/http.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.metaTitle ?? "Import comments" }];

/** The import form; the file itself is checked by the model. */
const ImportFormSchema = z.object({
  version: z.coerce.number().int().min(1).max(10_000),
  organizationId: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,64}$/)
    .optional()
    .catch(undefined),
});

type Role = "secretariat" | "focal_point";

async function requireImporter(request: Request, ip: string) {
  const auth = await requireUser(request);
  const role: Role | null = can(auth.user, "consolidate:comment:any")
    ? "secretariat"
    : auth.user.organization && can(auth.user, "submit:comment:organization")
      ? "focal_point"
      : null;
  if (!role) {
    await orErrorResponse(
      authorize({
        actor: auth.user,
        permission: "submit:comment:organization",
        audit: { ip, details: { path: new URL(request.url).pathname } },
      }),
      auth.headers,
    );
  }
  return { ...auth, role: role! };
}

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { user, headers, role } = await requireImporter(request, context.clientAddress);
  const t = await remixI18n.getFixedT(request);
  const url = new URL(request.url);
  try {
    const scope = await loadFeedbackScope({ slug: params.slug ?? "" });
    const versions = scope.consultation.versions.filter((version) => version.status !== "draft");
    const open = versions.find((version) => version.status === "open");
    const organizations = role === "secretariat" ? await listImportOrganizations() : [];
    const importedFor = url.searchParams.get("org");
    const imported = Number(url.searchParams.get("imported"));
    return data(
      {
        consultation: { slug: scope.consultation.slug, title: scope.consultation.title },
        versions: versions.map(({ number, label, status }) => ({ number, label, status })),
        defaultVersion: open?.number ?? versions[versions.length - 1]?.number ?? 1,
        role,
        ownOrganization: user.organization?.name ?? null,
        organizations,
        maxRows: TEMPLATE_LIMITS.maxRows,
        done:
          Number.isInteger(imported) && imported > 0
            ? {
                count: imported,
                organization:
                  organizations.find((organization) => organization.id === importedFor)?.name ??
                  user.organization?.name ??
                  "",
              }
            : null,
        metaTitle: t("feedback.import.metaTitle", { title: scope.consultation.title }),
      },
      { headers },
    );
  } catch (error) {
    if (error instanceof DomainError) throw new Response(error.message, { status: error.status, headers });
    throw error;
  }
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { user, headers } = await requireImporter(request, context.clientAddress);
  const slug = params.slug ?? "";
  const form = await request.formData();
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
    if (error instanceof DomainError) {
      if (error.status === 403) throw new Response(null, { status: 403 });
      const fileError = (error.details.fileError as TemplateFileError | undefined) ?? "version";
      return data<ImportResult>({ ok: false, fileError }, { status: error.status, headers });
    }
    throw error;
  }
}

export default function ImportTemplate() {
  const { consultation, versions, defaultVersion, role, ownOrganization, organizations, maxRows, done } =
    useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const navigation = useNavigation();
  const [searchParams] = useSearchParams();
  const { t } = useTranslation();
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
      {result && !result.ok && "fileError" in result ? (
        <p className="form-error" role="alert">
          {t(`feedback.import.fileErrors.${result.fileError}`, result.values ?? {})}
        </p>
      ) : null}
      {result && !result.ok && "rowErrors" in result ? (
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
                  <td>{t(`feedback.import.reasons.${error.code}`, error.values)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ) : null}
      <Form method="post" encType="multipart/form-data" className="stacked-form">
        <div className="field">
          <label htmlFor="import-file">{t("feedback.import.file")}</label>
          <input
            id="import-file"
            name="file"
            type="file"
            required
            accept=".xlsx,.docx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,application/vnd.openxmlformats-officedocument.wordprocessingml.document"
            aria-describedby="import-file-hint"
          />
          <p id="import-file-hint" className="field-hint">
            {t("feedback.import.fileHint", { rows: maxRows.toLocaleString("en") })}
          </p>
        </div>
        <div className="field">
          <label htmlFor="import-version">{t("feedback.import.version")}</label>
          <select id="import-version" name="version" defaultValue={defaultVersion}>
            {versions.map((version) => (
              <option key={version.number} value={version.number}>
                {version.label}
              </option>
            ))}
          </select>
        </div>
        {role === "secretariat" ? (
          <div className="field">
            <label htmlFor="import-organization">{t("feedback.import.organization")}</label>
            <select id="import-organization" name="organizationId" required defaultValue="">
              <option value="" disabled>
                {t("feedback.import.chooseOrganization")}
              </option>
              {organizations.map((organization) => (
                <option key={organization.id} value={organization.id}>
                  {organization.name}
                </option>
              ))}
            </select>
          </div>
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

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
