import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";

import { GeneralErrorBoundary } from "~/components/error-boundary";
import { Field, FormError } from "~/components/field";
import { PasswordField } from "~/components/PasswordField";
import { remixI18n } from "~/i18next.server";
import { isRoleName } from "~/lib/permissions";
import { checkPassword } from "~/lib/security/password-policy";
import { stripBidiInput } from "~/lib/text/bidi";
import { acceptInvitation, findInvitationByToken } from "~/models/invitation.server";
import { DEFAULT_REDIRECT, startUserSession } from "~/utils/auth.server";
import { formFailure, readFormData, validationFailure } from "~/utils/http.server";
import { pageTitle } from "~/utils/meta";

export const meta: MetaFunction<typeof loader> = (args) => [pageTitle(args), { name: "robots", content: "noindex" }];

/**
 * Only name and password come from the form. Email, role and organization
 * come from the invitation; extra fields (role, organizationId, email) are
 * dropped by the schema.
 */
const AcceptInvitationSchema = z.object({
  name: z.preprocess(
    stripBidiInput,
    z
      .string({ required_error: "auth.validation.nameRequired" })
      .trim()
      .min(1, "auth.validation.nameRequired")
      .max(200, "auth.validation.nameTooLong"),
  ),
  password: z
    .string({ required_error: "auth.validation.passwordTooShort" })
    .min(12, "auth.validation.passwordTooShort")
    .max(256, "auth.validation.passwordTooLong"),
});

type DeadStatus = "unknown" | "expired" | "used";
const STATUS_CODE = { unknown: 404, expired: 410, used: 410 } as const satisfies Record<DeadStatus, number>;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const [lookup, t] = await Promise.all([
    findInvitationByToken({ token: params.token ?? "" }),
    remixI18n.getFixedT(request),
  ]);
  if (lookup.status !== "valid") {
    const metaTitle = t(`auth.invitation.${lookup.status}Title`);
    return data({ metaTitle, status: lookup.status, invitation: null }, { status: STATUS_CODE[lookup.status] });
  }
  const { email, roleName, organizationName } = lookup.invitation;
  return {
    metaTitle: t("auth.invitation.title"),
    status: lookup.status,
    invitation: { email, roleName, organizationName },
  };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const parsed = AcceptInvitationSchema.safeParse(Object.fromEntries(await readFormData(request)));
  if (!parsed.success) return validationFailure(parsed.error);
  const lookup = await findInvitationByToken({ token: params.token ?? "" });
  const email = lookup.status === "valid" ? lookup.invitation.email : null;
  const policy = checkPassword(parsed.data.password, { email, name: parsed.data.name });
  if (!policy.ok) return formFailure(400, { key: "errors.checkFields" }, { password: policy.messages });
  const result = await acceptInvitation({
    token: params.token ?? "",
    name: parsed.data.name,
    password: parsed.data.password,
    clientAddress: context.clientAddress,
  });
  if (!result.ok) {
    if (result.reason === "email_taken") return formFailure(409, { key: "auth.invitation.emailTaken" });
    return formFailure(STATUS_CODE[result.reason], { key: `auth.invitation.${result.reason}` });
  }
  const headers = await startUserSession({ userId: result.userId, request });
  throw redirect(DEFAULT_REDIRECT, { headers });
}

export default function InvitationPage() {
  const loaderData = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const { t } = useTranslation();

  if (loaderData.status !== "valid") {
    const { status } = loaderData;
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
  const role = isRoleName(invitation.roleName) ? t(`auth.roles.${invitation.roleName}`) : invitation.roleName;
  const fieldErrors = actionData?.fieldErrors ?? {};
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
        <FormError message={actionData?.formError} />
        <Field id="invitation-name" label={t("auth.fields.name")} errors={fieldErrors.name}>
          {(control) => <input {...control} name="name" autoComplete="name" required maxLength={200} />}
        </Field>
        <PasswordField id="invitation-password" label={t("auth.fields.newPassword")} errors={fieldErrors.password} />
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
