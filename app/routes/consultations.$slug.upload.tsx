import { data, MaxPartSizeExceededError, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";

import { GeneralErrorBoundary } from "~/components/error-boundary";
import { UploadVersionForm } from "~/components/upload-version-form";
import { remixI18n } from "~/i18next.server";
import { MAX_IMPORT_BYTES } from "~/lib/import";
import { ImportError } from "~/lib/import/types";
import { UploadVersionSchema } from "~/models/consultation-schema";
import { getConsultationOverview } from "~/models/consultation.server";
import { uploadVersion } from "~/models/version.server";
import { requirePermission } from "~/utils/auth.server";
import { actionFailure, formFailure, orErrorResponse, readMultipartForm, validationFailure } from "~/utils/http.server";
import { importUploadedDocument } from "~/utils/tracked-changes-action.server";

import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  data ? [{ title: data.metaTitle }] : (matches[0]?.meta ?? []);

const MAX_IMPORT_MEGABYTES = MAX_IMPORT_BYTES / 1024 / 1024;

/**
 * `/consultations/:slug/upload`: the upload form on its own page (where a
 * refused upload, or a Word file's tracked changes to review, is shown when
 * the form was posted without JavaScript).
 */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { headers } = await requirePermission(request, "create:version:any", { clientAddress: context.clientAddress });
  const consultation = await orErrorResponse(getConsultationOverview({ slug: params.slug ?? "" }), headers);
  const t = await remixI18n.getFixedT(request);
  return data(
    {
      metaTitle: `${t("manage.upload.pageTitle")} · ${consultation.title}`,
      consultation: { slug: consultation.slug, title: consultation.title },
      maxMegabytes: Math.floor(MAX_IMPORT_MEGABYTES),
    },
    { headers },
  );
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const slug = params.slug ?? "";
  const { clientAddress } = context;
  // Checked before the body is read: no one else makes the server parse a 20 MB upload.
  const { user, headers } = await requirePermission(request, "create:version:any", { clientAddress });

  let form: FormData;
  try {
    // A body the parser cannot read (a `=` in a file name, a broken or foreign boundary) is thrown as a 400.
    form = await readMultipartForm(request, { maxPartSize: MAX_IMPORT_BYTES, headers });
  } catch (error) {
    if (!(error instanceof MaxPartSizeExceededError)) throw error;
    const tooLarge = { key: "manage.errors.documentTooLarge", values: { max: MAX_IMPORT_MEGABYTES } } as const;
    return formFailure(413, tooLarge, { document: [tooLarge.key] }, headers);
  }
  // "Cancel (refuse this file)" from a page without JavaScript: nothing is read, nothing is kept.
  if (form.get("intent") === "refuse") throw redirect(`/consultations/${slug}`, { headers });
  const parsed = UploadVersionSchema.safeParse(
    Object.fromEntries([...form].filter(([, value]) => typeof value === "string")),
  );
  if (!parsed.success) return validationFailure(parsed.error, headers);
  const file = form.get("document");
  if (!(file instanceof File) || file.name === "") {
    return formFailure(400, { key: "errors.checkFields" }, { document: ["manage.errors.fileRequired"] }, headers);
  }

  let uploaded: Awaited<ReturnType<typeof uploadVersion>>;
  try {
    // Tracked changes are shown first; the upload is made when this very file comes back with their acceptance.
    const upload = await importUploadedDocument({ form, file, headers });
    if (upload.review) return upload.review;
    uploaded = await uploadVersion({
      actor: user,
      slug,
      label: parsed.data.label,
      status: parsed.data.status,
      ...upload.document,
      clientAddress,
    });
  } catch (error) {
    if (error instanceof ImportError) {
      // The form error says what is wrong with the file (it names it); the field points to it.
      const status =
        error.key === "import.errors.tooLarge" ? 413 : error.key === "import.errors.noParagraphs" ? 422 : 400;
      return formFailure(status, error.userMessage, { document: ["manage.errors.documentRefused"] }, headers);
    }
    return actionFailure(error, headers);
  }
  throw redirect(`/consultations/${slug}?uploaded=${uploaded.number}#uploaded`, { headers });
}

export default function UploadVersionPage() {
  const { consultation, maxMegabytes } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t } = useTranslation();
  return (
    <div className="page form-page">
      <p className="breadcrumbs">
        <Link to={`/consultations/${consultation.slug}`}>{consultation.title}</Link>
      </p>
      <h1>{t("manage.upload.title")}</h1>
      <p className="lead">{t("manage.upload.intro")}</p>
      <UploadVersionForm slug={consultation.slug} maxMegabytes={maxMegabytes} result={result} />
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
