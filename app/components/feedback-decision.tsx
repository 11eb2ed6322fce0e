import { Form, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";

import { DISPOSITION_STATUSES } from "~/lib/feedback/iso-table";

/** What the action answers when a decision form is refused. */
export type DecisionFieldErrors = Partial<Record<"status" | "response" | "commentIds", string[]>>;
export type DecisionErrors = {
  target: string;
  formError: string | null;
  fieldErrors: DecisionFieldErrors;
} | null;

/** Status and response fields, labelled, with their errors. */
export function DecisionFields({
  idPrefix,
  defaults,
  errors,
  form,
}: {
  idPrefix: string;
  defaults?: { status: string; response: string } | null;
  errors?: DecisionFieldErrors;
  /** Id of a form elsewhere on the page the fields belong to. */
  form?: string;
}) {
  const { t } = useTranslation();
  const statusError = errors?.status?.[0];
  const responseError = errors?.response?.[0];
  return (
    <div className="decision-fields">
      <div className="field">
        <label htmlFor={`${idPrefix}-status`}>{t("feedback.decision.status")}</label>
        <select
          id={`${idPrefix}-status`}
          name="status"
          form={form}
          defaultValue={defaults?.status ?? ""}
          aria-invalid={statusError ? true : undefined}
          aria-describedby={statusError ? `${idPrefix}-status-error` : undefined}
        >
          <option value="">{t("feedback.decision.choose")}</option>
          {DISPOSITION_STATUSES.map((status) => (
            <option key={status} value={status}>
              {t(`dispositions.status.${status}`)}
            </option>
          ))}
        </select>
        {statusError ? (
          <p id={`${idPrefix}-status-error`} className="field-error">
            {t(statusError)}
          </p>
        ) : null}
      </div>
      <div className="field decision-response">
        <label htmlFor={`${idPrefix}-response`}>{t("feedback.decision.response")}</label>
        <textarea
          id={`${idPrefix}-response`}
          name="response"
          form={form}
          rows={2}
          maxLength={10_000}
          defaultValue={defaults?.response ?? ""}
          aria-invalid={responseError ? true : undefined}
          aria-describedby={responseError ? `${idPrefix}-response-error` : undefined}
        />
        {responseError ? (
          <p id={`${idPrefix}-response-error`} className="field-error">
            {t(responseError)}
          </p>
        ) : null}
      </div>
    </div>
  );
}

/**
 * A decision on one comment or one near-duplicate group: a small POST form
 * that comes back to the same filtered page.
 */
export function DecisionForm({
  intent,
  target,
  hidden,
  returnTo,
  defaults,
  errors,
  submitLabel,
  className,
}: {
  intent: "dispose" | "dispose-group";
  /** Names this form in the action's answer (a comment or group id). */
  target: string;
  hidden: Record<string, string>;
  returnTo: string;
  defaults?: { status: string; response: string } | null;
  errors: DecisionErrors;
  submitLabel: string;
  className?: string;
}) {
  const { t } = useTranslation();
  const navigation = useNavigation();
  const busy = navigation.state === "submitting" && navigation.formData?.get("target") === target;
  const mine = errors && errors.target === target ? errors : null;
  return (
    <Form method="post" className={`decision-form ${className ?? ""}`} preventScrollReset>
      <input type="hidden" name="intent" value={intent} />
      <input type="hidden" name="target" value={target} />
      <input type="hidden" name="returnTo" value={returnTo} />
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {mine?.formError ? (
        <p className="form-error" role="alert">
          {t(mine.formError)}
        </p>
      ) : null}
      <DecisionFields idPrefix={`decide-${target}`} defaults={defaults} errors={mine?.fieldErrors} />
      <button type="submit" disabled={busy}>
        {busy ? t("feedback.decision.saving") : submitLabel}
      </button>
    </Form>
  );
}
