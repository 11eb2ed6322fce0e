import type { MessageKey } from "~/lib/translate";

/**
 * A Zod check's message as an i18n key, checked at compile time:
 * `z.string().min(1, keyed("comments.errors.bodyRequired"))`. <Field>
 * translates it where the form shows it.
 */
export function keyed(key: MessageKey): { message: MessageKey } {
  return { message: key };
}
