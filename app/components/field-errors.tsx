import type { ReactNode } from "react";

/**
 * What a form needs to show its field errors accessibly: each error in a
 * paragraph with a stable id (`<prefix>-<field>-error`), the control marked
 * `aria-invalid` and described by its hints and its error.
 * `show` turns an error into text (the forms whose errors are i18n keys
 * pass `t`).
 */
export function fieldErrorHelpers<F extends string>(
  idPrefix: string,
  fieldErrors: Partial<Record<F, string[] | undefined>>,
  show: (message: string) => ReactNode = (message) => message,
) {
  const errorFor = (field: F) => fieldErrors[field]?.[0];
  const errorId = (field: F) => `${idPrefix}-${field}-error`;
  return {
    errorFor,
    invalid: (field: F) => (errorFor(field) ? true : undefined),
    describedBy: (field: F, ...hintIds: Array<string | undefined>) =>
      [...hintIds, errorFor(field) ? errorId(field) : undefined].filter(Boolean).join(" ") || undefined,
    fieldError: (field: F) => {
      const message = errorFor(field);
      return message ? (
        <p id={errorId(field)} className="field-error">
          {show(message)}
        </p>
      ) : null;
    },
  };
}
