import ar from "./locales/ar";
import en from "./locales/en";
import es from "./locales/es";
import fr from "./locales/fr";
import ru from "./locales/ru";
import zh from "./locales/zh";

/**
 * i18next settings and the strings of all six languages, for the server
 * and tests. The browser imports ./i18n-config and loads one language.
 */
export { defaultNS, fallbackLng, i18nConfig, supportedLngs } from "./i18n-config";

export const resources = { ar, en, es, fr, ru, zh } as const;
