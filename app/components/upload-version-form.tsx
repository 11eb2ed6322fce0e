import { useFetcher, useNavigation } from "@remix-run/react";
import { useRef, useState } from "react";
import { useTranslation } from "react-i18next";

import { Field, FormError } from "~/components/field";
import { TrackedChangesReviewPanel } from "~/components/tracked-changes-review";
import { DOCX_TYPE } from "~/lib/attachments";
import type { TrackedChangesReview } from "~/lib/import/tracked-changes-review";
import type { FormFailure } from "~/utils/http.server";

/** The file types the importer reads (app/lib/import/import-document.ts). */
export const DOCUMENT_ACCEPT = [".docx", ".md", ".txt", DOCX_TYPE, "text/markdown", "text/plain"].join(",");

/** What the upload action answers when it does not redirect: a refusal, or a Word file's tracked changes to review. */
export type UploadVersionResult = FormFailure | { trackedChanges: TrackedChangesReview };

/**
 * The secretariat's form for a new version of a consultation's document,
 * posted to /consultations/:slug/upload (multipart). While the import runs
 * the button is disabled and a progress bar and a status message say so
 * (the GCA text takes seconds to import and compare).
 *
 * It posts through a fetcher, so the page it is on stays as it is: a
 * refusal or the review of a Word file's tracked changes is shown inside the
 * form, whose file stays selected for the second post that accepts them
 * (docs/decisions/0030-word-tracked-changes.md). Without JavaScript it is a
 * plain form; the upload page then shows the answer (`result`).
 */
export function UploadVersionForm({
  slug,
  maxMegabytes,
  result: pageResult,
  defaultLabel,
}: {
  slug: string;
  maxMegabytes: number;
  result?: UploadVersionResult | null;
  defaultLabel?: string;
}) {
  const { t } = useTranslation();
  const fetcher = useFetcher<UploadVersionResult>();
  const navigation = useNavigation();
  const form = useRef<HTMLFormElement>(null);
  const [dismissed, setDismissed] = useState<UploadVersionResult | null>(null);
  const action = `/consultations/${slug}/upload`;
  const busy = fetcher.state !== "idle" || (navigation.state !== "idle" && navigation.formAction === action);
  const answer = fetcher.data ?? pageResult ?? null;
  const result = answer === dismissed ? null : answer;
  const failure = result && "formError" in result ? result : null;
  const review = result && "trackedChanges" in result ? result.trackedChanges : null;
  const fieldErrors = failure?.fieldErrors ?? {};

  // "Cancel (refuse this file)": the file is forgotten and the form is as it was before it was chosen.
  const refuse = () => {
    setDismissed(answer);
    form.current?.reset();
    form.current?.querySelector<HTMLInputElement>('input[type="file"]')?.focus();
  };

  return (
    <fetcher.Form
      ref={form}
      method="post"
      action={action}
      encType="multipart/form-data"
      className="stacked-form upload-version-form"
      aria-busy={busy}
    >
      <FormError message={failure?.formError} />
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
      {/* The form's first submit button, so Enter in a field posts without an acceptance (a review again). */}
      <div className="button-row">
        <button type="submit" disabled={busy}>
          {busy ? t("manage.upload.importing") : t("manage.upload.submit")}
        </button>
      </div>
      {review ? <TrackedChangesReviewPanel review={review} busy={busy} onCancel={refuse} /> : null}
      {busy ? (
        <div role="status" className="upload-progress">
          <progress aria-label={t("manage.upload.importing")} />
          <p className="hint">{t("manage.upload.importingHint")}</p>
        </div>
      ) : null}
    </fetcher.Form>
  );
}
