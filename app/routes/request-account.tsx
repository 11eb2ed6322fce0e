import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";

import { GeneralErrorBoundary } from "~/components/error-boundary";
import { Field, FormError } from "~/components/field";
import { remixI18n, requestLanguage } from "~/i18next.server";
import { ORGANIZATION_KINDS } from "~/lib/permissions";
import { stripBidiInput } from "~/lib/text/bidi";
import { createAccountRequest } from "~/models/account-request.server";
import { formFailure, readFormData, validationFailure } from "~/utils/http.server";
import { pageTitle } from "~/utils/meta";
import { consumeRateLimit, RATE_LIMITS } from "~/utils/rate-limit.server";

export const meta: MetaFunction<typeof loader> = (args) => [pageTitle(args)];

/** The public may not claim to be the secretariat. */
const REQUESTABLE_KINDS = z.enum(ORGANIZATION_KINDS).exclude(["secretariat"]);

/** The public form. Anything else posted (role, organizationId, status…) is dropped. */
const AccountRequestSchema = z.object({
  name: z.preprocess(
    stripBidiInput,
    z
      .string({ required_error: "auth.validation.nameRequired" })
      .trim()
      .min(1, "auth.validation.nameRequired")
      .max(200, "auth.validation.nameTooLong"),
  ),
  email: z
    .string({ required_error: "auth.validation.emailInvalid" })
    .trim()
    .max(254, "auth.validation.emailInvalid")
    .email("auth.validation.emailInvalid"),
  organizationName: z.preprocess(
    stripBidiInput,
    z
      .string({ required_error: "auth.validation.organizationNameRequired" })
      .trim()
      .min(1, "auth.validation.organizationNameRequired")
      .max(200, "auth.validation.nameTooLong"),
  ),
  organizationKind: z.enum(REQUESTABLE_KINDS.options, {
    errorMap: () => ({ message: "auth.validation.organizationKindRequired" }),
  }),
  message: z.string().trim().max(2000, "auth.validation.messageTooLong").default(""),
});

export async function loader({ request }: LoaderFunctionArgs) {
  const t = await remixI18n.getFixedT(request);
  return { metaTitle: t("auth.requestAccount.title") };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const parsed = AccountRequestSchema.safeParse(Object.fromEntries(await readFormData(request)));
  if (!parsed.success) return validationFailure(parsed.error);
  const { clientAddress } = context;
  const limit = await consumeRateLimit({
    key: `account-request:address:${clientAddress}`,
    ...RATE_LIMITS.accountRequestPerAddress,
  });
  if (!limit.ok) {
    const seconds = limit.retryAfterSeconds;
    return formFailure(
      429,
      { key: "auth.requestAccount.tooMany", values: { seconds } },
      {},
      {
        "Retry-After": String(seconds),
      },
    );
  }
  await createAccountRequest({ ...parsed.data, locale: await requestLanguage(request), clientAddress });
  return { sentTo: parsed.data.email };
}

export default function RequestAccountPage() {
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const { t } = useTranslation();

  if (actionData && "sentTo" in actionData) {
    return (
      <section className="page form-page" aria-labelledby="request-sent">
        <h1 id="request-sent">{t("auth.requestAccount.sentTitle")}</h1>
        <p role="status">{t("auth.requestAccount.sent", { email: actionData.sentTo })}</p>
      </section>
    );
  }
  const fieldErrors = actionData?.fieldErrors ?? {};

  return (
    <div className="page form-page">
      <h1>{t("auth.requestAccount.title")}</h1>
      <p className="lead">{t("auth.requestAccount.intro")}</p>
      <Form method="post" className="stacked-form">
        <FormError message={actionData?.formError} />
        <Field id="request-name" label={t("auth.fields.name")} errors={fieldErrors.name}>
          {(control) => <input {...control} name="name" autoComplete="name" required maxLength={200} />}
        </Field>
        <Field id="request-email" label={t("auth.fields.email")} errors={fieldErrors.email}>
          {(control) => <input {...control} name="email" type="email" autoComplete="email" required />}
        </Field>
        <Field
          id="request-organizationName"
          label={t("auth.fields.organizationName")}
          errors={fieldErrors.organizationName}
        >
          {(control) => (
            <input {...control} name="organizationName" autoComplete="organization" required maxLength={200} />
          )}
        </Field>
        <Field
          id="request-organizationKind"
          label={t("auth.fields.organizationKind")}
          errors={fieldErrors.organizationKind}
        >
          {(control) => (
            <select {...control} name="organizationKind" required defaultValue="">
              <option value="" disabled>
                —
              </option>
              {REQUESTABLE_KINDS.options.map((kind) => (
                <option key={kind} value={kind}>
                  {t(`auth.organizationKinds.${kind}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field id="request-message" label={t("auth.fields.message")} errors={fieldErrors.message}>
          {(control) => <textarea {...control} name="message" rows={4} maxLength={2000} />}
        </Field>
        <button type="submit" className="button" disabled={navigation.state === "submitting"}>
          {t("auth.requestAccount.submit")}
        </button>
      </Form>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
