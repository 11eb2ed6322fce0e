import en from "./locales/en";

/**
 * i18next settings shared by the server and the browser. English only for
 * now; adding a language means adding `locales/<lng>.ts` and listing it here.
 */
export const supportedLngs = ["en"] as const;
export const fallbackLng = "en";
export const defaultNS = "common";

export const resources = { en } as const;

export const i18nConfig = {
  supportedLngs: [...supportedLngs],
  fallbackLng,
  defaultNS,
  react: { useSuspense: false },
  interpolation: { escapeValue: false },
};
