import { DEFAULT_LANGUAGE, LANGUAGES } from "./lib/language";

/**
 * i18next settings shared by the server and the browser, without the
 * strings: the browser loads only its page's language (app/entry.client.tsx),
 * the server all six (app/i18n.ts). Adding a language: docs/i18n.md.
 */
export const supportedLngs = LANGUAGES;
export const fallbackLng = DEFAULT_LANGUAGE;
export const defaultNS = "common";

export const i18nConfig = {
  supportedLngs: [...supportedLngs],
  fallbackLng,
  defaultNS,
  react: { useSuspense: false },
  interpolation: { escapeValue: false },
};
