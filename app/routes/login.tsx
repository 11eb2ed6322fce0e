import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";

import { GeneralErrorBoundary } from "~/components/error-boundary";
import { Field, FormError } from "~/components/field";
import { remixI18n } from "~/i18next.server";
import { safeReturnPath } from "~/lib/return-address";
import { TWO_FACTOR_LOGIN_PATH } from "~/lib/security/totp";
import { getSessionUser, signIn } from "~/utils/auth.server";
import { formFailure, readFormData, validationFailure } from "~/utils/http.server";
import { pageTitle } from "~/utils/meta";
import { hasConfirmedTotp } from "~/utils/two-factor.server";

export const meta: MetaFunction<typeof loader> = (args) => [pageTitle(args)];

/** Messages are i18n keys (app/locales/en/auth.ts → auth.validation). */
const LoginSchema = z.object({
  email: z
    .string({ required_error: "auth.validation.emailInvalid" })
    .trim()
    .max(254, "auth.validation.emailInvalid")
    .email("auth.validation.emailInvalid"),
  password: z
    .string({ required_error: "auth.validation.passwordRequired" })
    .min(1, "auth.validation.passwordRequired")
    .max(256, "auth.validation.passwordTooLong"),
  redirectTo: z.string().optional(),
});

export async function loader({ request }: LoaderFunctionArgs) {
  const redirectTo = new URL(request.url).searchParams.get("redirectTo");
  const { user, headers } = await getSessionUser(request);
  if (user) throw redirect(safeReturnPath(redirectTo), { headers });
  const t = await remixI18n.getFixedT(request);
  // Only a safe target is echoed into the form.
  return data(
    { metaTitle: t("auth.login.title"), redirectTo: redirectTo ? safeReturnPath(redirectTo, "") : "" },
    { headers },
  );
}

export async function action({ request, context }: ActionFunctionArgs) {
  const form = Object.fromEntries(await readFormData(request));
  // Echoed into the form when it is shown again (without JavaScript); the password never is.
  const typed = { email: typeof form.email === "string" ? form.email.slice(0, 254) : "" };
  const parsed = LoginSchema.safeParse(form);
  if (!parsed.success) return validationFailure(parsed.error, undefined, typed);
  const { email, password, redirectTo } = parsed.data;
  const result = await signIn({ email, password, clientAddress: context.clientAddress, request });
  if (result.ok) {
    // A confirmed second factor: the new session is not verified yet; the code is asked next.
    if (await hasConfirmedTotp(result.userId)) {
      const back = safeReturnPath(redirectTo, "");
      const next = back ? `${TWO_FACTOR_LOGIN_PATH}?redirectTo=${encodeURIComponent(back)}` : TWO_FACTOR_LOGIN_PATH;
      throw redirect(next, { headers: result.headers });
    }
    throw redirect(safeReturnPath(redirectTo), { headers: result.headers });
  }
  if (result.reason === "rate_limited") {
    const seconds = result.retryAfterSeconds;
    return formFailure(
      429,
      { key: "auth.login.tooMany", values: { seconds } },
      {},
      { "Retry-After": String(seconds) },
      typed,
    );
  }
  // One message for an unknown email and a wrong password: no account enumeration.
  return formFailure(400, { key: "auth.login.invalid" }, {}, undefined, typed);
}

export default function LoginPage() {
  const { redirectTo } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const [searchParams] = useSearchParams();
  const { t } = useTranslation();
  const fieldErrors = actionData?.fieldErrors ?? {};
  const formError = actionData?.formError;
  return (
    <div className="page form-page">
      <h1>{t("auth.login.title")}</h1>
      <p className="lead">{t("auth.login.intro")}</p>
      {searchParams.get("reset") === "done" && !formError ? (
        <p role="status" className="notice notice-success">
          {t("passwordReset.reset.done")}
        </p>
      ) : null}
      <Form method="post" className="stacked-form" aria-describedby={formError ? "login-error" : undefined}>
        <FormError id="login-error" message={formError} />
        <input type="hidden" name="redirectTo" value={redirectTo} />
        <Field id="login-email" label={t("auth.fields.email")} errors={fieldErrors.email}>
          {(control) => (
            <input
              {...control}
              name="email"
              type="email"
              autoComplete="username"
              defaultValue={actionData?.typed?.email}
              required
            />
          )}
        </Field>
        <Field id="login-password" label={t("auth.fields.password")} errors={fieldErrors.password}>
          {(control) => <input {...control} name="password" type="password" autoComplete="current-password" required />}
        </Field>
        <button type="submit" className="button" disabled={navigation.state === "submitting"}>
          {t("auth.login.submit")}
        </button>
      </Form>
      <p>
        <Link to="/forgot-password">{t("passwordReset.forgot.title")}</Link>
      </p>
      <p>
        {t("auth.login.noAccount")} <Link to="/request-account">{t("auth.login.requestAccount")}</Link>
      </p>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
