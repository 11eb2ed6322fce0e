import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";

import { GeneralErrorBoundary } from "~/components/error-boundary";
import { Field, FormError } from "~/components/field";
import { remixI18n } from "~/i18next.server";
import { safeReturnPath } from "~/lib/return-address";
import { formFailure, readFormData } from "~/utils/http.server";
import { pageTitle } from "~/utils/meta";
import { consumeRateLimit, RATE_LIMITS, refundRateLimit } from "~/utils/rate-limit.server";
import { readSessionId, serializeSessionCookie, validateSessionId } from "~/utils/session.server";
import { verifySecondFactor } from "~/utils/two-factor.server";

export const meta: MetaFunction<typeof loader> = (args) => [pageTitle(args)];

/** The session that entered its password but no code yet; else back to the sign-in page. */
async function pendingSession(request: Request) {
  const sessionId = readSessionId(request);
  const valid = sessionId ? await validateSessionId(sessionId) : null;
  if (!valid) throw redirect("/login");
  return valid;
}

export async function loader({ request }: LoaderFunctionArgs) {
  await pendingSession(request);
  const t = await remixI18n.getFixedT(request);
  const redirectTo = safeReturnPath(new URL(request.url).searchParams.get("redirectTo"), "");
  return data({ metaTitle: t("auth.twoFactor.loginTitle"), redirectTo });
}

export async function action({ request }: ActionFunctionArgs) {
  const { session, user } = await pendingSession(request);
  const form = await readFormData(request);
  const typed = form.get("code");
  const code = (typeof typed === "string" ? typed : "").slice(0, 64);
  const key = `two-factor:user:${user.id}`;
  const limit = await consumeRateLimit({ key, ...RATE_LIMITS.twoFactorPerUser });
  if (!limit.ok) {
    const seconds = limit.retryAfterSeconds;
    return formFailure(
      429,
      { key: "auth.twoFactor.tooMany", values: { seconds } },
      {},
      { "Retry-After": String(seconds) },
    );
  }
  const verified = await verifySecondFactor({ userId: user.id, code, sessionId: session.id });
  if (!verified) return formFailure(400, { key: "auth.twoFactor.invalid" });
  await refundRateLimit({ key });
  throw redirect(safeReturnPath(form.get("redirectTo")), {
    headers: { "Set-Cookie": serializeSessionCookie(verified) },
  });
}

export default function TwoFactorLoginPage() {
  const { redirectTo } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  return (
    <div className="page form-page">
      <h1>{t("auth.twoFactor.loginTitle")}</h1>
      <p className="lead">{t("auth.twoFactor.loginIntro")}</p>
      <Form method="post" className="stacked-form">
        <FormError id="two-factor-error" message={actionData?.formError} />
        <input type="hidden" name="redirectTo" value={redirectTo} />
        <Field id="two-factor-code" label={t("auth.twoFactor.code")}>
          {(control) => (
            <input {...control} name="code" autoComplete="one-time-code" inputMode="text" required autoFocus />
          )}
        </Field>
        <button type="submit" className="button">
          {t("auth.twoFactor.verify")}
        </button>
      </Form>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
