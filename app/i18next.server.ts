import { RemixI18Next } from "remix-i18next/server";

import { fallbackLng, i18nConfig, resources, supportedLngs } from "./i18n";
import { detectLanguage, type Language } from "./lib/language";
import { prisma } from "./utils/db.server";
import { readSessionId } from "./utils/session.server";

/**
 * The language the signed-in account chose (User.locale), or null. One
 * small read of the session row (the session is validated in full by
 * getSessionUser): an expired or deactivated account's choice does not count.
 */
async function accountLocale(request: Request): Promise<string | null> {
  const sessionId = readSessionId(request);
  if (!sessionId) return null;
  const row = await prisma.session.findUnique({
    where: { id: sessionId },
    select: { expiresAt: true, user: { select: { locale: true, deactivatedAt: true } } },
  });
  if (!row || row.expiresAt.getTime() <= Date.now() || row.user.deactivatedAt) return null;
  return row.user.locale;
}

// The root loader, the document render and a route's loader all ask for the
// same request's language: one lookup per Request object.
const detected = new WeakMap<Request, Promise<Language>>();

/** The request's language (app/lib/language.ts detectLanguage): account, cookie, Accept-Language, English. */
export function requestLanguage(request: Request): Promise<Language> {
  let language = detected.get(request);
  if (!language) {
    language = accountLocale(request)
      .catch(() => null)
      .then((account) =>
        detectLanguage({
          account,
          cookie: request.headers.get("Cookie"),
          acceptLanguage: request.headers.get("Accept-Language"),
        }),
      );
    detected.set(request, language);
  }
  return language;
}

/** Detects the request's locale and gives loaders a fixed `t`. */
export const remixI18n = new RemixI18Next({
  detection: {
    supportedLanguages: [...supportedLngs],
    fallbackLanguage: fallbackLng,
    order: ["custom"],
    findLocale: requestLanguage,
  },
  i18next: { ...i18nConfig, resources },
});
