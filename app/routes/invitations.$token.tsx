import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";

import { GeneralErrorBoundary } from "~/components/error-boundary";
import { acceptInvitation, findInvitationByToken } from "~/models/invitation.server";
import { DEFAULT_REDIRECT, startUserSession } from "~/utils/auth.server";

export const meta: MetaFunction = () => [{ title: "Create your account" }, { name: "robots", content: "noindex" }];

/**
 * Only name and password come from the form. Email, role and organization
 * come from the invitation; extra fields (role, organizationId, email) are
 * dropped by the schema.
 */
const AcceptInvitationSchema = z.object({
  name: z
    .string({ required_error: "auth.validation.nameRequired" })
    .trim()
    .min(1, "auth.validation.nameRequired")
    .max(200, "auth.validation.nameTooLong"),
  password: z
    .string({ required_error: "auth.validation.passwordTooShort" })
    .min(12, "auth.validation.passwordTooShort")
    .max(256, "auth.validation.passwordTooLong"),
});

type DeadStatus = "unknown" | "expired" | "used";
const STATUS_CODE: Record<DeadStatus, number> = { unknown: 404, expired: 410, used: 410 };

export async function loader({ params }: LoaderFunctionArgs) {
  const lookup = await findInvitationByToken({ token: params.token ?? "" });
  if (lookup.status !== "valid") {
    return data({ status: lookup.status, invitation: null }, { status: STATUS_CODE[lookup.status] });
  }
  const { email, roleName, organizationName } = lookup.invitation;
  return { status: lookup.status, invitation: { email, roleName, organizationName } };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const parsed = AcceptInvitationSchema.safeParse(Object.fromEntries(await request.formData()));
  if (!parsed.success) {
    return data({ formError: null, fieldErrors: parsed.error.flatten().fieldErrors }, { status: 400 });
  }
  const result = await acceptInvitation({
    token: params.token ?? "",
    name: parsed.data.name,
    password: parsed.data.password,
    ip: context.clientAddress,
  });
  if (!result.ok) {
    if (result.reason === "email_taken") {
      return data({ formError: "auth.invitation.emailTaken", fieldErrors: {} }, { status: 409 });
    }
    return data(
      { formError: `auth.invitation.${result.reason}`, fieldErrors: {} },
      { status: STATUS_CODE[result.reason] },
    );
  }
  const headers = await startUserSession({ userId: result.userId, request });
  throw redirect(DEFAULT_REDIRECT, { headers });
}

export default function InvitationPage() {
  const loaderData = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const { t } = useTranslation();

  if (loaderData.status !== "valid" || !loaderData.invitation) {
    const status = loaderData.status as DeadStatus;
    return (
      <section className="page form-page" aria-labelledby="invitation-title">
        <h1 id="invitation-title">{t(`auth.invitation.${status}Title`)}</h1>
        <p>{t(`auth.invitation.${status}`)}</p>
        <p>
          <Link to="/login">{t("auth.signIn")}</Link>
        </p>
      </section>
    );
  }

  const { invitation } = loaderData;
  const role = t(`auth.roles.${invitation.roleName}`);
  const fieldErrors: Partial<Record<"name" | "password", string[]>> = actionData?.fieldErrors ?? {};
  const nameError = fieldErrors.name?.[0];
  const passwordError = fieldErrors.password?.[0];
  return (
    <div className="page form-page">
      <h1>{t("auth.invitation.title")}</h1>
      <p className="lead">
        {invitation.organizationName
          ? t("auth.invitation.introWithOrganization", { role, organization: invitation.organizationName })
          : t("auth.invitation.intro", { role })}
      </p>
      <p>{t("auth.invitation.email", { email: invitation.email })}</p>
      <Form method="post" className="stacked-form">
        {actionData?.formError ? (
          <p className="form-error" role="alert">
            {t(actionData.formError)}
          </p>
        ) : null}
        <div className="field">
          <label htmlFor="invitation-name">{t("auth.fields.name")}</label>
          <input
            id="invitation-name"
            name="name"
            autoComplete="name"
            required
            maxLength={200}
            aria-invalid={nameError ? true : undefined}
            aria-describedby={nameError ? "invitation-name-error" : undefined}
          />
          {nameError ? (
            <p id="invitation-name-error" className="field-error">
              {t(nameError)}
            </p>
          ) : null}
        </div>
        <div className="field">
          <label htmlFor="invitation-password">{t("auth.fields.newPassword")}</label>
          <input
            id="invitation-password"
            name="password"
            type="password"
            autoComplete="new-password"
            required
            minLength={12}
            maxLength={256}
            aria-invalid={passwordError ? true : undefined}
            aria-describedby={`invitation-password-hint${passwordError ? " invitation-password-error" : ""}`}
          />
          <p id="invitation-password-hint" className="field-hint">
            {t("auth.fields.newPasswordHint")}
          </p>
          {passwordError ? (
            <p id="invitation-password-error" className="field-error">
              {t(passwordError)}
            </p>
          ) : null}
        </div>
        <button type="submit" className="button" disabled={navigation.state === "submitting"}>
          {t("auth.invitation.submit")}
        </button>
      </Form>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
