import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";

import { GeneralErrorBoundary } from "~/components/error-boundary";
import { Field, FormError } from "~/components/field";
import { remixI18n } from "~/i18next.server";
import { requestSelfService } from "~/models/password-reset.server";
import { rateLimitFailure, readFormData, validationFailure } from "~/utils/http.server";
import { pageTitle } from "~/utils/meta";

export const meta: MetaFunction<typeof loader> = (args) => [pageTitle(args), { name: "robots", content: "noindex" }];

const ForgotSchema = z.object({
  email: z
    .string({ required_error: "auth.validation.emailInvalid" })
    .trim()
    .max(254, "auth.validation.emailInvalid")
    .email("auth.validation.emailInvalid"),
});

export async function loader({ request }: LoaderFunctionArgs) {
  const t = await remixI18n.getFixedT(request);
  return { metaTitle: t("passwordReset.forgot.title") };
}

/** One answer for every well-formed address (app/models/password-reset.server.ts requestSelfService). */
export async function action({ request, context }: ActionFunctionArgs) {
  const form = Object.fromEntries(await readFormData(request));
  const typed = { email: typeof form.email === "string" ? form.email.slice(0, 254) : "" };
  const parsed = ForgotSchema.safeParse(form);
  if (!parsed.success) return validationFailure(parsed.error, undefined, typed);
  const answer = await requestSelfService({ email: parsed.data.email, clientAddress: context.clientAddress });
  if (!answer.ok) return rateLimitFailure("passwordReset.forgot.tooMany", answer.retryAfterSeconds);
  // The link is stored and queued after the answer (its failures are logged there): the answer never waits for it.
  void answer.settled;
  return data({ sent: true as const, email: parsed.data.email });
}

export default function ForgotPasswordPage() {
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const { t } = useTranslation();
  const failure = actionData && "formError" in actionData ? actionData : null;
  const sent = actionData && "sent" in actionData ? actionData : null;
  return (
    <div className="page form-page">
      <h1>{t("passwordReset.forgot.title")}</h1>
      <p className="lead">{t("passwordReset.forgot.intro")}</p>
      {sent ? (
        <p role="status" className="notice notice-success">
          {t("passwordReset.forgot.sent", { email: sent.email })}
        </p>
      ) : null}
      <Form method="post" className="stacked-form">
        <FormError message={failure?.formError} />
        <Field id="forgot-email" label={t("passwordReset.forgot.email")} errors={failure?.fieldErrors.email}>
          {(control) => (
            <input
              {...control}
              name="email"
              type="email"
              autoComplete="username"
              defaultValue={failure?.typed?.email}
              required
              maxLength={254}
            />
          )}
        </Field>
        <button type="submit" className="button" disabled={navigation.state === "submitting"}>
          {t("passwordReset.forgot.submit")}
        </button>
      </Form>
      <p>
        <Link to="/login">{t("passwordReset.forgot.back")}</Link>
      </p>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
