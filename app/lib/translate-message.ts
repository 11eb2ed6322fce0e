import type { Message } from "~/lib/errors";
import type { MessageKey, MessageValues, Translate } from "~/lib/translate";

/** `t` for a key known only as some MessageKey: any key, with values checked at run time by i18next. */
type TranslateAnyKey = (key: MessageKey, values?: MessageValues) => string;

/**
 * Translates a Message (a DomainError's or a form failure's key and values).
 * i18next's typed `t` wants, for a union of keys, the interpolation values of
 * every key in the union at once, which no message has; so a key chosen at run
 * time goes through a signature that takes one key and its values. The key is
 * still checked: a Message holds a MessageKey.
 */
export function translateMessage(t: Translate, message: Message): string {
  return (t as unknown as TranslateAnyKey)(message.key, message.values);
}
