/**
 * The interface languages and how a request's language is chosen
 * (docs/i18n.md, docs/decisions/0025-language-detection-and-cache.md):
 * the signed-in account's choice (User.locale), else the `lng` cookie the
 * language switch sets, else the browser's Accept-Language, else English.
 * No language in the path: a shared address shows each reader their own.
 * Pure (no request, no database): unit-tested in language.test.ts.
 */
import { safeReturnPath } from "./return-address";

/** The six official languages of the United Nations, in the order of their codes. */
export const LANGUAGES = ["ar", "en", "es", "fr", "ru", "zh"] as const;
export type Language = (typeof LANGUAGES)[number];

export const DEFAULT_LANGUAGE: Language = "en";

/** Each language named in itself, as the language switch shows it (never translated). */
export const LANGUAGE_NAMES: Record<Language, string> = {
  ar: "العربية",
  en: "English",
  es: "Español",
  fr: "Français",
  ru: "Русский",
  zh: "中文",
};

/** The cookie the language switch sets (also read by the page cache's key). */
export const LANGUAGE_COOKIE = "lng";

/** One year: a language choice is not a session. */
export const LANGUAGE_COOKIE_MAX_AGE = 365 * 24 * 60 * 60;

export function isLanguage(value: unknown): value is Language {
  return typeof value === "string" && (LANGUAGES as readonly string[]).includes(value);
}

/** The supported language a tag such as "fr-CA", "zh-Hans-CN" or "AR" stands for, or null. */
export function languageOfTag(tag: string | null | undefined): Language | null {
  if (!tag) return null;
  const primary = tag.trim().toLowerCase().split(/[-_]/)[0];
  return isLanguage(primary) ? primary : null;
}

/** The `lng` cookie's language, or null when absent or not one of ours. */
export function languageFromCookie(cookieHeader: string | null | undefined): Language | null {
  if (!cookieHeader) return null;
  for (const part of cookieHeader.split(";")) {
    const eq = part.indexOf("=");
    if (eq < 0 || part.slice(0, eq).trim() !== LANGUAGE_COOKIE) continue;
    const value = part.slice(eq + 1).trim();
    if (isLanguage(value)) return value;
  }
  return null;
}

/**
 * The reader's most preferred supported language in an Accept-Language
 * header (RFC 9110 §12.5.4: q-values, ties in the order given; `q=0` means
 * "not this one"), or null when it names none of ours. A header longer than
 * a browser would send is read only as far as its first 64 entries.
 */
export function languageFromAcceptLanguage(header: string | null | undefined): Language | null {
  if (!header) return null;
  let best: { language: Language; q: number; index: number } | null = null;
  header
    .split(",")
    .slice(0, 64)
    .forEach((entry, index) => {
      const [tag, ...params] = entry.split(";");
      const language = languageOfTag(tag);
      if (!language) return;
      const qParam = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
      const q = qParam ? Number(qParam.slice(2)) : 1;
      if (!Number.isFinite(q) || q <= 0 || q > 1) return;
      if (!best || q > best.q) best = { language, q, index };
    });
  return (best as { language: Language } | null)?.language ?? null;
}

export interface LanguageSources {
  /** User.locale of the signed-in account (null when signed out or never chosen). */
  account?: string | null;
  /** The request's Cookie header. */
  cookie?: string | null;
  /** The request's Accept-Language header. */
  acceptLanguage?: string | null;
}

/** The request's language: account, else cookie, else Accept-Language, else English. */
export function detectLanguage({ account, cookie, acceptLanguage }: LanguageSources): Language {
  if (isLanguage(account)) return account;
  return languageFromCookie(cookie) ?? languageFromAcceptLanguage(acceptLanguage) ?? DEFAULT_LANGUAGE;
}

/** The Set-Cookie value remembering `language` on this browser for a year. */
export function serializeLanguageCookie(language: Language, { secure }: { secure: boolean }): string {
  const attributes = [`${LANGUAGE_COOKIE}=${language}`, "Path=/", `Max-Age=${LANGUAGE_COOKIE_MAX_AGE}`, "SameSite=Lax"];
  attributes.push("HttpOnly");
  if (secure) attributes.push("Secure");
  return attributes.join("; ");
}

/** The text direction of a language's script. */
export function languageDirection(language: string): "rtl" | "ltr" {
  return language === "ar" ? "rtl" : "ltr";
}

const REFUSED = "\u0000refused";
const LOGIN_PATH = /^\/login(?=[?#]|$)/;

/**
 * Where the language switch sends the reader back to: the same path, query
 * and paragraph anchor when `to` is a path of this site (app/lib/return-address.ts
 * safeReturnPath, which also refuses "//evil", "/\\evil", "/.//evil" ...); the
 * site's front page when none was given; null (refused) for anything else.
 * Unlike after signing in, the sign-in page itself is a fine place to return to.
 */
export function languageReturnPath(to: unknown): string | null {
  if (to === null || to === undefined || to === "") return "/";
  if (typeof to !== "string") return null;
  const probe = to.replace(LOGIN_PATH, "/login-page");
  const checked = safeReturnPath(probe, REFUSED);
  if (checked === REFUSED) return null;
  return probe === to ? checked : checked.replace(/^\/login-page/, "/login");
}
