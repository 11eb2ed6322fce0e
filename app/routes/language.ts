import { redirect, type ActionFunctionArgs } from "@remix-run/node";

import { remixI18n } from "~/i18next.server";
import { isLanguage, languageReturnPath, serializeLanguageCookie } from "~/lib/language";
import { setUserLocale } from "~/models/user-locale.server";
import { getSessionUser } from "~/utils/auth.server";
import { shouldUseSecureCookies } from "~/utils/session.server";

/**
 * The language switch of every page (app/root.tsx) posts here: `lng` and
 * `returnTo` (the page, its query and, with JavaScript, its #paragraph). Sets
 * the `lng` cookie and, for a signed-in person, User.locale; then goes back.
 * An unknown language or a return address off this site is a 400 that
 * changes nothing. Works without JavaScript (a plain form POST).
 */
export async function action({ request }: ActionFunctionArgs) {
  const form = await request.formData();
  const lng = form.get("lng");
  const returnTo = languageReturnPath(form.get("returnTo"));
  if (!isLanguage(lng) || returnTo === null) {
    const t = await remixI18n.getFixedT(request);
    const message = isLanguage(lng) ? t("language.errors.returnAddress") : t("language.errors.unknown");
    return new Response(message, { status: 400, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  }
  const headers = new Headers();
  const user = await signedInUser(request, headers);
  if (user) await setUserLocale({ userId: user.id, locale: lng });
  headers.append("Set-Cookie", serializeLanguageCookie(lng, { secure: shouldUseSecureCookies() }));
  return redirect(returnTo, { status: 303, headers });
}

/** The signed-in person, if any; someone sent to two-factor enrolment still gets the cookie. */
async function signedInUser(request: Request, headers: Headers) {
  try {
    const auth = await getSessionUser(request);
    auth.headers.forEach((value, name) => headers.append(name, value));
    return auth.user;
  } catch (thrown) {
    if (thrown instanceof Response) return null;
    throw thrown;
  }
}

/** Changing language changes state, so only POST does it; a GET goes home. */
export function loader() {
  return redirect("/");
}
