import { remixI18n } from "~/i18next.server";
import { DEFAULT_LANGUAGE, isLanguage, type Language } from "~/lib/language";
import type { Translate } from "~/lib/translate";

/** The language a person's mail is written in: the one they chose (User.locale), else English. */
export function mailLanguage(locale: string | null | undefined): Language {
  return isLanguage(locale) ? locale : DEFAULT_LANGUAGE;
}

// One fixed `t` per language, made once (making one builds an i18next instance).
const translators = new Map<Language, Promise<Translate>>();

/** The translation for a recipient's language (User.locale, else English). */
export function mailT(locale?: string | null): Promise<Translate> {
  const language = mailLanguage(locale);
  let translate = translators.get(language);
  if (!translate) {
    translate = remixI18n.getFixedT(language);
    translators.set(language, translate);
  }
  return translate;
}
