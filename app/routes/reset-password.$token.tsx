import {
  data,
  redirect,
  type ActionFunctionArgs,
  type HeadersFunction,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";

import { GeneralErrorBoundary } from "~/components/error-boundary";
import { FormError } from "~/components/field";
import { PasswordField } from "~/components/PasswordField";
import { remixI18n } from "~/i18next.server";
import { PASSWORD_MAX_LENGTH } from "~/lib/security/password-policy";
import { findResetToken, resetPassword, type ResetLinkStatus } from "~/models/password-reset.server";
import { formFailure, readFormData, validationFailure } from "~/utils/http.server";
import { pageTitle } from "~/utils/meta";
import { hasConfirmedTotp } from "~/utils/two-factor.server";

export const meta: MetaFunction<typeof loader> = (args) => [pageTitle(args), { name: "robots", content: "noindex" }];

/** The link is a secret: no copy of this page is kept anywhere (its Referrer-Policy is the site's: same-origin). */
export const headers: HeadersFunction = () => ({ "Cache-Control": "no-store" });

const NO_STORE = { "Cache-Control": "no-store" };
const STATUS_CODE = { unknown: 404, expired: 410, used: 410 } as const satisfies Record<ResetLinkStatus, number>;

const ResetSchema = z.object({
  password: z
    .string({ required_error: "auth.validation.passwordTooShort" })
    .min(1, "auth.validation.passwordTooShort")
    .max(PASSWORD_MAX_LENGTH, "auth.validation.passwordTooLong"),
});

export async function loader({ request, params }: LoaderFunctionArgs) {
  const [lookup, t] = await Promise.all([findResetToken({ token: params.token ?? "" }), remixI18n.getFixedT(request)]);
  if (lookup.status !== "valid") {
    const metaTitle = t(`passwordReset.reset.${lookup.status}Title`);
    return data(
      { metaTitle, status: lookup.status, email: null, twoFactor: false },
      { status: STATUS_CODE[lookup.status], headers: NO_STORE },
    );
  }
  const twoFactor = await hasConfirmedTotp(lookup.user.id);
  return data(
    { metaTitle: t("passwordReset.reset.title"), status: "valid" as const, email: lookup.user.email, twoFactor },
    { headers: NO_STORE },
  );
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const parsed = ResetSchema.safeParse(Object.fromEntries(await readFormData(request)));
  if (!parsed.success) return validationFailure(parsed.error, NO_STORE);
  const result = await resetPassword({
    token: params.token ?? "",
    password: parsed.data.password,
    clientAddress: context.clientAddress,
  });
  if (result.ok) throw redirect("/login?reset=done");
  if (result.reason === "weak") {
    return formFailure(400, { key: "errors.checkFields" }, { password: result.messages }, NO_STORE);
  }
  return formFailure(STATUS_CODE[result.reason], { key: `passwordReset.reset.${result.reason}` }, {}, NO_STORE);
}

export default function ResetPasswordPage() {
  const loaderData = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const { t } = useTranslation();

  if (loaderData.status !== "valid") {
    const { status } = loaderData;
    return (
      <section className="page form-page" aria-labelledby="reset-title">
        <h1 id="reset-title">{t(`passwordReset.reset.${status}Title`)}</h1>
        <p>{t(`passwordReset.reset.${status}`)}</p>
        <p>
          <Link to="/forgot-password">{t("passwordReset.reset.askAgain")}</Link>
        </p>
      </section>
    );
  }

  return (
    <div className="page form-page">
      <h1>{t("passwordReset.reset.title")}</h1>
      <p className="lead">{t("passwordReset.reset.intro", { email: loaderData.email })}</p>
      {loaderData.twoFactor ? <p>{t("passwordReset.reset.twoFactorKept")}</p> : null}
      <Form method="post" className="stacked-form">
        <FormError message={actionData?.formError} />
        {/* For password managers: the account whose password this is. */}
        <input type="hidden" name="username" autoComplete="username" value={loaderData.email} />
        <PasswordField
          id="reset-password"
          label={t("passwordReset.reset.password")}
          errors={actionData?.fieldErrors.password}
        />
        <button type="submit" className="button" disabled={navigation.state === "submitting"}>
          {t("passwordReset.reset.submit")}
        </button>
      </Form>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
