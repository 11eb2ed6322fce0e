import { Form, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";

import type { Message } from "~/lib/errors";
import { MAX_RESPONSE_CHARS } from "~/lib/feedback/feedback-action-schema";
import { DISPOSITION_STATUSES } from "~/lib/feedback/iso-table";
import type { MessageKey } from "~/lib/translate";

import { Field, FormError } from "./field";
import { useHydrated } from "./use-hydrated";

/** What the action answers when a decision form is refused (app/models/feedback/form-failure.server.ts). */
export type DecisionFieldErrors = Partial<Record<string, MessageKey[] | undefined>>;
export type DecisionErrors = {
  /** The form the answer is for: a comment id, "bulk", "group-<id>"… */
  target: string;
  formError: Message | null;
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
  return (
    <div className="decision-fields">
      <Field id={`${idPrefix}-status`} label={t("feedback.decision.status")} errors={errors?.status}>
        {(control) => (
          <select {...control} name="status" form={form} defaultValue={defaults?.status ?? ""}>
            <option value="">{t("feedback.decision.choose")}</option>
            {DISPOSITION_STATUSES.map((status) => (
              <option key={status} value={status}>
                {t(`dispositions.status.${status}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field
        id={`${idPrefix}-response`}
        label={t("feedback.decision.response")}
        errors={errors?.response}
        className="field decision-response"
      >
        {(control) => (
          <textarea
            {...control}
            name="response"
            form={form}
            rows={2}
            maxLength={MAX_RESPONSE_CHARS}
            defaultValue={defaults?.response ?? ""}
          />
        )}
      </Field>
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
      <FormError message={mine?.formError} />
      <KeepScroll />
      <DecisionFields idPrefix={`decide-${target}`} defaults={defaults} errors={mine?.fieldErrors} />
      <button type="submit" disabled={busy}>
        {busy ? t("feedback.decision.saving") : submitLabel}
      </button>
    </Form>
  );
}

/**
 * Tells the action that the page runs JavaScript, so it answers without an
 * anchor and the scroll position stays where the officer works (the form
 * has preventScrollReset). Without JavaScript the answer's anchor brings
 * the page back to the form.
 */
export function KeepScroll() {
  return useHydrated() ? <input type="hidden" name="scroll" value="keep" /> : null;
}
