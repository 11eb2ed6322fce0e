import { RemixI18Next } from "remix-i18next/server";

import { fallbackLng, i18nConfig, resources, supportedLngs } from "./i18n";

/** Detects the request's locale and gives loaders a fixed `t`. */
export const remixI18n = new RemixI18Next({
  detection: { supportedLanguages: [...supportedLngs], fallbackLanguage: fallbackLng },
  i18next: { ...i18nConfig, resources },
});
