import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import QRCode from "qrcode";
import { useTranslation } from "react-i18next";

import { GeneralErrorBoundary } from "~/components/error-boundary";
import { Field, FormError } from "~/components/field";
import { remixI18n } from "~/i18next.server";
import { isTwoFactorRequired } from "~/lib/security/totp";
import { requireUser } from "~/utils/auth.server";
import { formFailure, readFormData } from "~/utils/http.server";
import { pageTitle } from "~/utils/meta";
import { consumeRateLimit, RATE_LIMITS, refundRateLimit } from "~/utils/rate-limit.server";
import {
  confirmEnrolment,
  countUnusedRecoveryCodes,
  disableTotp,
  hasConfirmedTotp,
  pendingEnrolment,
  regenerateRecoveryCodes,
} from "~/utils/two-factor.server";

export const meta: MetaFunction<typeof loader> = (args) => [pageTitle(args)];

export async function loader({ request }: LoaderFunctionArgs) {
  const { user, headers } = await requireUser(request);
  const t = await remixI18n.getFixedT(request);
  const required = isTwoFactorRequired(user.role);
  const enrolled = await hasConfirmedTotp(user.id);
  const pending = enrolled ? null : await pendingEnrolment({ userId: user.id, email: user.email });
  return data(
    {
      metaTitle: t("auth.twoFactor.title"),
      required,
      enrolled,
      recoveryLeft: enrolled ? await countUnusedRecoveryCodes(user.id) : 0,
      secret: pending?.secret ?? null,
      qr: pending ? await QRCode.toDataURL(pending.uri, { margin: 1, width: 240 }) : null,
    },
    { headers },
  );
}

export async function action({ request }: ActionFunctionArgs) {
  const { user, session, headers } = await requireUser(request);
  const form = await readFormData(request);
  const intent = form.get("intent");
  const typed = form.get("code");
  const code = (typeof typed === "string" ? typed : "").slice(0, 64);
  if (intent === "regenerate") {
    if (!(await hasConfirmedTotp(user.id))) return formFailure(400, { key: "auth.twoFactor.invalid" }, {}, headers);
    const recoveryCodes = await regenerateRecoveryCodes({ userId: user.id });
    return data({ recoveryCodes, done: null as "auth.twoFactor.otherSessionsEnded" | null }, { headers });
  }
  if (intent === "disable" && isTwoFactorRequired(user.role)) {
    return formFailure(409, { key: "auth.twoFactor.disableRefused" }, {}, headers);
  }
  const key = `two-factor:user:${user.id}`;
  const limit = await consumeRateLimit({ key, ...RATE_LIMITS.twoFactorPerUser });
  if (!limit.ok) {
    const seconds = limit.retryAfterSeconds;
    return formFailure(429, { key: "auth.twoFactor.tooMany", values: { seconds } }, {}, headers);
  }
  if (intent === "confirm") {
    const recoveryCodes = await confirmEnrolment({ userId: user.id, code, sessionId: session.id });
    if (!recoveryCodes) return formFailure(400, { key: "auth.twoFactor.invalid" }, {}, headers);
    await refundRateLimit({ key });
    return data({ recoveryCodes, done: "auth.twoFactor.otherSessionsEnded" as const }, { headers });
  }
  if (intent === "disable") {
    if (!(await disableTotp({ userId: user.id, code }))) {
      return formFailure(400, { key: "auth.twoFactor.invalid" }, {}, headers);
    }
    await refundRateLimit({ key });
    return data({ recoveryCodes: null, done: "auth.twoFactor.disabled" as const }, { headers });
  }
  return formFailure(400, { key: "auth.twoFactor.invalid" }, {}, headers);
}

export default function TwoFactorAccountPage() {
  const { required, enrolled, recoveryLeft, secret, qr } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  const recoveryCodes = actionData && "recoveryCodes" in actionData ? actionData.recoveryCodes : null;
  const formError = actionData && "formError" in actionData ? actionData.formError : undefined;
  return (
    <div className="page form-page">
      <h1>{t("auth.twoFactor.title")}</h1>
      {required && !enrolled ? <p className="lead">{t("auth.twoFactor.required")}</p> : null}
      <FormError id="two-factor-error" message={formError} />
      {recoveryCodes ? (
        <section aria-labelledby="recovery-title">
          <h2 id="recovery-title">{t("auth.twoFactor.recoveryTitle")}</h2>
          <p>{t("auth.twoFactor.recoveryIntro")}</p>
          <ul data-testid="recovery-codes">
            {recoveryCodes.map((c) => (
              <li key={c}>
                <code>{c}</code>
              </li>
            ))}
          </ul>
          <Link className="button" to="/consultations">
            {t("auth.twoFactor.continue")}
          </Link>
        </section>
      ) : null}
      {enrolled ? (
        <>
          <p>{t("auth.twoFactor.enabled")}</p>
          <p>{t("auth.twoFactor.recoveryLeft", { count: recoveryLeft })}</p>
          <Form method="post">
            <button type="submit" name="intent" value="regenerate" className="button">
              {t("auth.twoFactor.regenerate")}
            </button>
          </Form>
          {required ? null : (
            <Form method="post" className="stacked-form">
              <Field id="disable-code" label={t("auth.twoFactor.disableCode")}>
                {(control) => <input {...control} name="code" autoComplete="one-time-code" required />}
              </Field>
              <button type="submit" name="intent" value="disable" className="button">
                {t("auth.twoFactor.disable")}
              </button>
            </Form>
          )}
        </>
      ) : secret && qr ? (
        <section>
          <p>{t("auth.twoFactor.enrolIntro")}</p>
          <img src={qr} alt={t("auth.twoFactor.qrAlt")} width={240} height={240} />
          <p>
            {t("auth.twoFactor.secret")}: <code data-testid="totp-secret">{secret}</code>
          </p>
          <Form method="post" className="stacked-form">
            <Field id="confirm-code" label={t("auth.twoFactor.code")}>
              {(control) => <input {...control} name="code" autoComplete="one-time-code" required />}
            </Field>
            <button type="submit" name="intent" value="confirm" className="button">
              {t("auth.twoFactor.confirm")}
            </button>
          </Form>
        </section>
      ) : null}
      {actionData && "done" in actionData && actionData.done ? <p role="status">{t(actionData.done)}</p> : null}
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
