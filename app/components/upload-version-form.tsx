import { Form, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";

import { Field, FormError } from "~/components/field";
import { DOCX_TYPE } from "~/lib/attachments";
import type { FormFailure } from "~/utils/http.server";

/** The file types the importer reads (app/lib/import/import-document.ts). */
export const DOCUMENT_ACCEPT = [".docx", ".md", ".txt", DOCX_TYPE, "text/markdown", "text/plain"].join(",");

/**
 * The secretariat's form for a new version of a consultation's document,
 * posted to /consultations/:slug/upload (multipart). While the import runs
 * the button is disabled and a progress bar and a status message say so
 * (the GCA text takes seconds to import and compare).
 */
export function UploadVersionForm({
  slug,
  maxMegabytes,
  result,
  defaultLabel,
}: {
  slug: string;
  maxMegabytes: number;
  result?: FormFailure | null;
  defaultLabel?: string;
}) {
  const { t } = useTranslation();
  const navigation = useNavigation();
  const action = `/consultations/${slug}/upload`;
  const busy = navigation.state !== "idle" && navigation.formAction === action;
  const fieldErrors = result?.fieldErrors ?? {};
  return (
    <Form
      method="post"
      action={action}
      encType="multipart/form-data"
      className="stacked-form upload-version-form"
      aria-busy={busy}
    >
      <FormError message={result?.formError} />
      <Field
        id="upload-document"
        label={t("manage.upload.file")}
        hint={t("manage.upload.hint", { max: maxMegabytes })}
        errors={fieldErrors.document}
      >
        {(control) => <input {...control} name="document" type="file" required accept={DOCUMENT_ACCEPT} />}
      </Field>
      <Field
        id="upload-label"
        label={t("manage.upload.label")}
        hint={t("manage.upload.labelHint")}
        errors={fieldErrors.label}
      >
        {(control) => (
          <input {...control} name="label" type="text" required maxLength={200} defaultValue={defaultLabel} />
        )}
      </Field>
      <Field id="upload-status" label={t("manage.upload.status")} errors={fieldErrors.status} group>
        {() => (
          <>
            <label className="radio">
              <input type="radio" name="status" value="closed" defaultChecked />
              <span>{t("manage.upload.statusClosed")}</span>
            </label>
            <label className="radio">
              <input type="radio" name="status" value="final" />
              <span>{t("manage.upload.statusFinal")}</span>
            </label>
          </>
        )}
      </Field>
      <div className="button-row">
        <button type="submit" disabled={busy}>
          {busy ? t("manage.upload.importing") : t("manage.upload.submit")}
        </button>
      </div>
      {busy ? (
        <div role="status" className="upload-progress">
          <progress aria-label={t("manage.upload.importing")} />
          <p className="hint">{t("manage.upload.importingHint")}</p>
        </div>
      ) : null}
    </Form>
  );
}
