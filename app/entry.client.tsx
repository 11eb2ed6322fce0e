import { RemixBrowser } from "@remix-run/react";
import i18next from "i18next";
import { startTransition, StrictMode } from "react";
import { hydrateRoot } from "react-dom/client";
import { I18nextProvider, initReactI18next } from "react-i18next";
import { getInitialNamespaces } from "remix-i18next/client";

import { i18nConfig } from "./i18n-config";
import { isLanguage, type Language } from "./lib/language";

/**
 * Only the page's own language is downloaded (with English, the fallback of
 * a string missing in it, as on the server): the server rendered it (from
 * `<html lang>`), and changing language reloads the page (the /language form).
 */
const LOADERS: Record<Language, () => Promise<{ default: { common: object } }>> = {
  ar: () => import("./locales/ar"),
  en: () => import("./locales/en"),
  es: () => import("./locales/es"),
  fr: () => import("./locales/fr"),
  ru: () => import("./locales/ru"),
  zh: () => import("./locales/zh"),
};

async function hydrate() {
  const lang = document.documentElement.lang;
  const lng: Language = isLanguage(lang) ? lang : i18nConfig.fallbackLng;
  const fallback = i18nConfig.fallbackLng;
  const [strings, english] = await Promise.all([LOADERS[lng](), lng === fallback ? null : LOADERS[fallback]()]);
  await i18next.use(initReactI18next).init({
    ...i18nConfig,
    resources: { [lng]: strings.default, ...(english ? { [fallback]: english.default } : {}) },
    lng,
    ns: getInitialNamespaces(),
  });
  startTransition(() => {
    hydrateRoot(
      document,
      <I18nextProvider i18n={i18next}>
        <StrictMode>
          <RemixBrowser />
        </StrictMode>
      </I18nextProvider>,
    );
  });
}

void hydrate();
