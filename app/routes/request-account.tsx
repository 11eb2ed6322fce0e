import { data, type ActionFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";

import { GeneralErrorBoundary } from "~/components/error-boundary";
import { fieldErrorHelpers } from "~/components/field-errors";
import { createAccountRequest } from "~/models/account-request.server";
import { ORGANIZATION_KINDS } from "~/lib/permissions";
import { consumeRateLimit, RATE_LIMITS } from "~/utils/rate-limit.server";

export const meta: MetaFunction = () => [{ title: "Request an account" }];

/** The public may not claim to be the secretariat. */
const REQUESTABLE_KINDS = z.enum(ORGANIZATION_KINDS).exclude(["secretariat"]);

/** The public form. Anything else posted (role, organizationId, status…) is dropped. */
const AccountRequestSchema = z.object({
  name: z
    .string({ required_error: "auth.validation.nameRequired" })
    .trim()
    .min(1, "auth.validation.nameRequired")
    .max(200, "auth.validation.nameTooLong"),
  email: z
    .string({ required_error: "auth.validation.emailInvalid" })
    .trim()
    .max(254, "auth.validation.emailInvalid")
    .email("auth.validation.emailInvalid"),
  organizationName: z
    .string({ required_error: "auth.validation.organizationNameRequired" })
    .trim()
    .min(1, "auth.validation.organizationNameRequired")
    .max(200, "auth.validation.nameTooLong"),
  organizationKind: z.enum(REQUESTABLE_KINDS.options, {
    errorMap: () => ({ message: "auth.validation.organizationKindRequired" }),
  }),
  message: z.string().trim().max(2000, "auth.validation.messageTooLong").default(""),
});

type Field = keyof z.infer<typeof AccountRequestSchema>;

export async function action({ request, context }: ActionFunctionArgs) {
  const parsed = AccountRequestSchema.safeParse(Object.fromEntries(await request.formData()));
  if (!parsed.success) {
    return data(
      { sentTo: null, formError: null, retryAfterSeconds: 0, fieldErrors: parsed.error.flatten().fieldErrors },
      { status: 400 },
    );
  }
  const limit = await consumeRateLimit({
    key: `account-request:address:${context.clientAddress}`,
    ...RATE_LIMITS.accountRequestPerAddress,
  });
  if (!limit.ok) {
    return data(
      {
        sentTo: null,
        formError: "auth.requestAccount.tooMany",
        retryAfterSeconds: limit.retryAfterSeconds,
        fieldErrors: {},
      },
      { status: 429, headers: { "Retry-After": String(limit.retryAfterSeconds) } },
    );
  }
  await createAccountRequest({ ...parsed.data, ip: context.clientAddress });
  return { sentTo: parsed.data.email, formError: null, retryAfterSeconds: 0, fieldErrors: {} };
}

export default function RequestAccountPage() {
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const { t } = useTranslation();

  if (actionData?.sentTo) {
    return (
      <section className="page form-page" aria-labelledby="request-sent">
        <h1 id="request-sent">{t("auth.requestAccount.sentTitle")}</h1>
        <p role="status">{t("auth.requestAccount.sent", { email: actionData.sentTo })}</p>
      </section>
    );
  }

  const fieldErrors: Partial<Record<Field, string[]>> = actionData?.fieldErrors ?? {};
  const { invalid, describedBy, fieldError } = fieldErrorHelpers("request", fieldErrors, (key) => t(key));

  return (
    <div className="page form-page">
      <h1>{t("auth.requestAccount.title")}</h1>
      <p className="lead">{t("auth.requestAccount.intro")}</p>
      <Form method="post" className="stacked-form">
        {actionData?.formError ? (
          <p className="form-error" role="alert">
            {t(actionData.formError, { seconds: actionData.retryAfterSeconds })}
          </p>
        ) : null}
        <div className="field">
          <label htmlFor="request-name">{t("auth.fields.name")}</label>
          <input
            id="request-name"
            name="name"
            autoComplete="name"
            required
            maxLength={200}
            aria-invalid={invalid("name")}
            aria-describedby={describedBy("name")}
          />
          {fieldError("name")}
        </div>
        <div className="field">
          <label htmlFor="request-email">{t("auth.fields.email")}</label>
          <input
            id="request-email"
            name="email"
            type="email"
            autoComplete="email"
            required
            aria-invalid={invalid("email")}
            aria-describedby={describedBy("email")}
          />
          {fieldError("email")}
        </div>
        <div className="field">
          <label htmlFor="request-organizationName">{t("auth.fields.organizationName")}</label>
          <input
            id="request-organizationName"
            name="organizationName"
            autoComplete="organization"
            required
            maxLength={200}
            aria-invalid={invalid("organizationName")}
            aria-describedby={describedBy("organizationName")}
          />
          {fieldError("organizationName")}
        </div>
        <div className="field">
          <label htmlFor="request-organizationKind">{t("auth.fields.organizationKind")}</label>
          <select
            id="request-organizationKind"
            name="organizationKind"
            required
            defaultValue=""
            aria-invalid={invalid("organizationKind")}
            aria-describedby={describedBy("organizationKind")}
          >
            <option value="" disabled>
              —
            </option>
            {REQUESTABLE_KINDS.options.map((kind) => (
              <option key={kind} value={kind}>
                {t(`auth.organizationKinds.${kind}`)}
              </option>
            ))}
          </select>
          {fieldError("organizationKind")}
        </div>
        <div className="field">
          <label htmlFor="request-message">{t("auth.fields.message")}</label>
          <textarea
            id="request-message"
            name="message"
            rows={4}
            maxLength={2000}
            aria-invalid={invalid("message")}
            aria-describedby={describedBy("message")}
          />
          {fieldError("message")}
        </div>
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
