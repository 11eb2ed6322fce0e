import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";

import { GeneralErrorBoundary } from "~/components/error-boundary";
import { Field, FormError } from "~/components/field";
import { PasswordField } from "~/components/PasswordField";
import { remixI18n } from "~/i18next.server";
import { PASSWORD_MAX_LENGTH } from "~/lib/security/password-policy";
import { changePassword } from "~/models/account.server";
import { requireUser } from "~/utils/auth.server";
import { formFailure, readFormData } from "~/utils/http.server";
import { pageTitle } from "~/utils/meta";

export const meta: MetaFunction<typeof loader> = (args) => [pageTitle(args)];

export async function loader({ request }: LoaderFunctionArgs) {
  const { headers } = await requireUser(request);
  const t = await remixI18n.getFixedT(request);
  return data({ metaTitle: t("account.password.title") }, { headers });
}

const text = (value: FormDataEntryValue | null) => (typeof value === "string" ? value : "");

export async function action({ request, context }: ActionFunctionArgs) {
  const { user, session, headers } = await requireUser(request);
  const form = await readFormData(request);
  const current = text(form.get("current")).slice(0, PASSWORD_MAX_LENGTH + 1);
  const next = text(form.get("password")).slice(0, PASSWORD_MAX_LENGTH + 1);
  const result = await changePassword({
    userId: user.id,
    currentSessionId: session.id,
    current,
    next,
    clientAddress: context.clientAddress,
  });
  if (!result.ok) {
    const fieldErrors = result.field === "current" ? { current: result.messages } : { password: result.messages };
    return formFailure(400, { key: "errors.checkFields" }, fieldErrors, headers);
  }
  return data({ changed: true as const }, { headers });
}

export default function ChangePasswordPage() {
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const { t } = useTranslation();
  const failure = actionData && "formError" in actionData ? actionData : null;
  const fieldErrors = failure?.fieldErrors ?? {};
  return (
    <div className="page form-page">
      <h1>{t("account.password.title")}</h1>
      <p className="lead">{t("account.password.intro")}</p>
      {actionData && "changed" in actionData ? (
        <p role="status" className="notice">
          {t("account.password.changed")} <Link to="/account">{t("account.title")}</Link>
        </p>
      ) : null}
      <Form method="post" className="stacked-form">
        <FormError message={failure?.formError} />
        <Field id="current-password" label={t("account.password.current")} errors={fieldErrors.current}>
          {(control) => <input {...control} name="current" type="password" autoComplete="current-password" required />}
        </Field>
        <PasswordField id="new-password" label={t("account.password.new")} errors={fieldErrors.password} />
        <button type="submit" className="button" disabled={navigation.state === "submitting"}>
          {t("account.password.submit")}
        </button>
      </Form>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
