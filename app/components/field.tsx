import { useTranslation } from "react-i18next";

import type { Message } from "~/lib/errors";
import type { MessageKey } from "~/lib/translate";
import { translateMessage } from "~/lib/translate-message";

import type { ReactNode } from "react";

/** What a control inside a Field receives: spread it onto the input, select or textarea. */
export interface ControlProps {
  id: string;
  "aria-invalid": true | undefined;
  "aria-describedby": string | undefined;
}

/**
 * One form field: label, optional hint, the control, and its error, wired for
 * assistive technology (the control is `aria-invalid` and described by the
 * hint and the error, which have stable ids `<id>-hint` / `<id>-error`).
 * Errors are i18n keys (from a Zod schema or a DomainError) translated here.
 *
 * ```tsx
 * <Field id="new-title" label={t("manage.fields.title")} errors={fieldErrors.title}>
 *   {(control) => <input {...control} name="title" required />}
 * </Field>
 * ```
 *
 * With `group`, the field is a fieldset whose legend is the label (radio
 * buttons, checkboxes); the control props then go on the first input or are
 * ignored. With `ownLabel`, the control renders `label` itself (the rich-text
 * editor labels its editable area): the field adds the hint and the error.
 */
export function Field({
  id,
  label,
  hint,
  errors,
  group = false,
  ownLabel = false,
  className = "field",
  children,
}: {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  /** i18n keys (Zod messages) or messages with values (a DomainError's); the first is shown. */
  errors?: ReadonlyArray<Message | string>;
  group?: boolean;
  ownLabel?: boolean;
  className?: string;
  children: (control: ControlProps) => ReactNode;
}) {
  const { t } = useTranslation();
  const error = errors?.[0];
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const control: ControlProps = {
    id,
    "aria-invalid": error ? true : undefined,
    "aria-describedby": [hintId, errorId].filter(Boolean).join(" ") || undefined,
  };
  const body = (
    <>
      {hint ? (
        <p id={hintId} className="hint">
          {hint}
        </p>
      ) : null}
      {children(control)}
      {error ? (
        <p id={errorId} className="field-error">
          {typeof error === "string" ? t(error as MessageKey) : translateMessage(t, error)}
        </p>
      ) : null}
    </>
  );
  if (group) {
    return (
      <fieldset className={className} aria-describedby={control["aria-describedby"]}>
        <legend>{label}</legend>
        {body}
      </fieldset>
    );
  }
  return (
    <div className={className}>
      {ownLabel ? null : <label htmlFor={id}>{label}</label>}
      {body}
    </div>
  );
}

/** A form's own error (from an action's `formError`), announced when it appears. */
export function FormError({ message, id }: { message: Message | null | undefined; id?: string }) {
  const { t } = useTranslation();
  if (!message) return null;
  return (
    <p id={id} className="form-error" role="alert">
      {translateMessage(t, message)}
    </p>
  );
}
