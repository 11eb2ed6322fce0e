import {
  data,
  type ActionFunctionArgs,
  type HeadersFunction,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";

import { GeneralErrorBoundary } from "~/components/error-boundary";
import { remixI18n } from "~/i18next.server";
import { DIGEST_SCOPE, LIST_UNSUBSCRIBE_POST, type UnsubscribeScope } from "~/lib/mail/unsubscribe";
import { findUnsubscribeLink, unsubscribeWithToken } from "~/models/notification-preference.server";
import { readFormData } from "~/utils/http.server";
import { pageTitle } from "~/utils/meta";

/**
 * One-click unsubscribe (RFC 8058), without signing in: the signed token in
 * the path is the authorization (app/lib/mail/unsubscribe.ts), and nothing
 * here reads a session. GET only shows what the link would stop and a button,
 * because mail scanners and link previews fetch links in messages; POST (the
 * button, or the mail client's one-click `List-Unsubscribe=One-Click`, which
 * server/index.ts lets through its Origin check for this path) unsubscribes.
 * A forged or truncated token answers 404 and changes nothing.
 */
export const meta: MetaFunction<typeof loader> = (args) => [pageTitle(args), { name: "robots", content: "noindex" }];

/** Never kept by a cache: the page is one person's, and its address is their token. */
const NO_STORE = { "Cache-Control": "private, no-store" };

export const headers: HeadersFunction = ({ loaderHeaders, actionHeaders }) => {
  const merged = new Headers(NO_STORE);
  for (const source of [loaderHeaders, actionHeaders]) {
    const value = source.get("Cache-Control");
    if (value) merged.set("Cache-Control", value);
  }
  return merged;
};

export async function loader({ request, params }: LoaderFunctionArgs) {
  const [link, t] = await Promise.all([
    findUnsubscribeLink({ token: params.token ?? "" }),
    remixI18n.getFixedT(request),
  ]);
  if (!link) {
    return data(
      { metaTitle: t("preferences.unsubscribe.invalidTitle"), link: null },
      { status: 404, headers: NO_STORE },
    );
  }
  return data(
    { metaTitle: t("preferences.unsubscribe.title"), link: { scope: link.scope, active: link.kinds.length > 0 } },
    { headers: NO_STORE },
  );
}

export async function action({ request, params }: ActionFunctionArgs) {
  // The body is `List-Unsubscribe=One-Click` from a mail client and from the page's button; only its form is read.
  await readFormData(request, NO_STORE);
  const link = await unsubscribeWithToken({ token: params.token ?? "" });
  if (!link) return data({ unsubscribed: null }, { status: 404, headers: NO_STORE });
  return data({ unsubscribed: link.scope }, { headers: NO_STORE });
}

function useScopeLabel() {
  const { t } = useTranslation();
  return (scope: UnsubscribeScope) =>
    scope === DIGEST_SCOPE ? t("preferences.unsubscribe.digestScope") : t(`preferences.kinds.${scope}.label`);
}

export default function UnsubscribePage() {
  const { link } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const { t } = useTranslation();
  const scopeLabel = useScopeLabel();
  const settings = (
    <p>
      <Link to="/account/notifications">{t("preferences.unsubscribe.settings")}</Link>
    </p>
  );
  if (!link) {
    return (
      <div className="page form-page">
        <h1>{t("preferences.unsubscribe.invalidTitle")}</h1>
        <p role="alert">{t("preferences.unsubscribe.invalid")}</p>
        {settings}
      </div>
    );
  }
  const scope = scopeLabel(link.scope);
  if (actionData?.unsubscribed) {
    return (
      <div className="page form-page">
        <h1>{t("preferences.unsubscribe.title")}</h1>
        <p role="status" className="notice">
          {t("preferences.unsubscribe.done", { scope })}
        </p>
        {settings}
      </div>
    );
  }
  return (
    <div className="page form-page">
      <h1>{t("preferences.unsubscribe.title")}</h1>
      {link.active ? (
        <>
          <p className="lead">{t("preferences.unsubscribe.question", { scope })}</p>
          <p>{t("preferences.unsubscribe.explanation")}</p>
          <Form method="post">
            <input type="hidden" name="List-Unsubscribe" value={LIST_UNSUBSCRIBE_POST.split("=")[1]} />
            <button type="submit" className="button" disabled={navigation.state === "submitting"}>
              {t("preferences.unsubscribe.submit")}
            </button>
          </Form>
        </>
      ) : (
        <p role="status">{t("preferences.unsubscribe.alreadyOff", { scope })}</p>
      )}
      {settings}
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
