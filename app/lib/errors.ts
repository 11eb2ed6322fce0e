import type { MessageKey, MessageValues } from "~/lib/translate";

export type DomainErrorStatus = 400 | 403 | 404 | 409 | 413 | 422 | 429 | 503;

/** A message for a person: an i18n key and its values, translated where it is shown. */
export interface Message {
  key: MessageKey;
  values?: MessageValues;
}

/**
 * A refusal the user should read. It carries an i18n key (never English), the
 * values the message interpolates, and details for code (never shown). One
 * helper (app/utils/http.server.ts) turns it into a response; the form or the
 * error boundary translates the key in the reader's language.
 */
export class DomainError extends Error {
  override name = "DomainError";
  readonly values: MessageValues;
  readonly details: Record<string, unknown>;
  /** Field-level errors (field name → i18n keys) for a form to show beside its controls. */
  readonly fieldErrors: Record<string, MessageKey[]>;
  constructor(
    readonly status: DomainErrorStatus,
    readonly key: MessageKey,
    {
      values = {},
      details = {},
      fieldErrors = {},
    }: { values?: MessageValues; details?: Record<string, unknown>; fieldErrors?: Record<string, MessageKey[]> } = {},
  ) {
    super(key);
    this.values = values;
    this.details = details;
    this.fieldErrors = fieldErrors;
  }

  get userMessage(): Message {
    return { key: this.key, values: this.values };
  }
}
