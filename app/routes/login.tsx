import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";

import { GeneralErrorBoundary } from "~/components/error-boundary";
import { getSessionUser, safeRedirectPath, signIn } from "~/utils/auth.server";

export const meta: MetaFunction = () => [{ title: "Sign in" }];

/** Messages are i18n keys (app/locales/en.ts → auth.validation). */
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
  if (user) throw redirect(safeRedirectPath(redirectTo), { headers });
  // Only a safe target is echoed into the form.
  return data({ redirectTo: redirectTo ? safeRedirectPath(redirectTo, "") : "" }, { headers });
}

export async function action({ request, context }: ActionFunctionArgs) {
  const form = Object.fromEntries(await request.formData());
  const typedEmail = typeof form.email === "string" ? form.email.slice(0, 254) : "";
  const parsed = LoginSchema.safeParse(form);
  if (!parsed.success) {
    return data(
      { formError: null, retryAfterSeconds: 0, email: typedEmail, fieldErrors: parsed.error.flatten().fieldErrors },
      { status: 400 },
    );
  }
  const { email, password, redirectTo } = parsed.data;
  const result = await signIn({ email, password, clientAddress: context.clientAddress, request });
  if (result.ok) throw redirect(safeRedirectPath(redirectTo), { headers: result.headers });
  if (result.reason === "rate_limited") {
    return data(
      {
        formError: "auth.login.tooMany",
        retryAfterSeconds: result.retryAfterSeconds,
        email: typedEmail,
        fieldErrors: {},
      },
      { status: 429, headers: { "Retry-After": String(result.retryAfterSeconds) } },
    );
  }
  // One message for an unknown email and a wrong password: no account enumeration.
  return data(
    { formError: "auth.login.invalid", retryAfterSeconds: 0, email: typedEmail, fieldErrors: {} },
    { status: 400 },
  );
}

export default function LoginPage() {
  const { redirectTo } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const { t } = useTranslation();
  const fieldErrors: Partial<Record<"email" | "password", string[]>> = actionData?.fieldErrors ?? {};
  const emailError = fieldErrors.email?.[0];
  const passwordError = fieldErrors.password?.[0];
  const formError = actionData?.formError;
  return (
    <div className="page form-page">
      <h1>{t("auth.login.title")}</h1>
      <p className="lead">{t("auth.login.intro")}</p>
      <Form method="post" className="stacked-form" aria-describedby={formError ? "login-error" : undefined}>
        {formError ? (
          <p id="login-error" className="form-error" role="alert">
            {t(formError, { seconds: actionData?.retryAfterSeconds })}
          </p>
        ) : null}
        <input type="hidden" name="redirectTo" value={redirectTo} />
        <div className="field">
          <label htmlFor="login-email">{t("auth.fields.email")}</label>
          <input
            id="login-email"
            name="email"
            type="email"
            autoComplete="username"
            defaultValue={actionData?.email}
            required
            aria-invalid={emailError ? true : undefined}
            aria-describedby={emailError ? "login-email-error" : undefined}
          />
          {emailError ? (
            <p id="login-email-error" className="field-error">
              {t(emailError)}
            </p>
          ) : null}
        </div>
        <div className="field">
          <label htmlFor="login-password">{t("auth.fields.password")}</label>
          <input
            id="login-password"
            name="password"
            type="password"
            autoComplete="current-password"
            required
            aria-invalid={passwordError ? true : undefined}
            aria-describedby={passwordError ? "login-password-error" : undefined}
          />
          {passwordError ? (
            <p id="login-password-error" className="field-error">
              {t(passwordError)}
            </p>
          ) : null}
        </div>
        <button type="submit" className="button" disabled={navigation.state === "submitting"}>
          {t("auth.login.submit")}
        </button>
      </Form>
      <p>
        {t("auth.login.noAccount")} <Link to="/request-account">{t("auth.login.requestAccount")}</Link>
      </p>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
