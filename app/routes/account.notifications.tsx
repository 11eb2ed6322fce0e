import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";

import { GeneralErrorBoundary } from "~/components/error-boundary";
import { Field, FormError } from "~/components/field";
import { remixI18n } from "~/i18next.server";
import { NOTIFICATION_KINDS, NOTIFICATION_MODES, parseNotificationModes } from "~/lib/mail/notification-kinds";
import { configuredDigestHour } from "~/models/digest.server";
import { notificationModes, saveNotificationModes } from "~/models/notification-preference.server";
import { requireUser } from "~/utils/auth.server";
import { formFailure, readFormData } from "~/utils/http.server";
import { pageTitle } from "~/utils/meta";

export const meta: MetaFunction<typeof loader> = (args) => [pageTitle(args)];

export async function loader({ request }: LoaderFunctionArgs) {
  const { user, headers } = await requireUser(request);
  const t = await remixI18n.getFixedT(request);
  const modes = await notificationModes({ userId: user.id });
  const digestTime = `${String(configuredDigestHour()).padStart(2, "0")}:00`;
  return data({ metaTitle: t("preferences.title"), modes, digestTime }, { headers });
}

export async function action({ request }: ActionFunctionArgs) {
  const { user, headers } = await requireUser(request);
  const form = await readFormData(request, headers);
  const parsed = parseNotificationModes((name) => form.get(name));
  if (!parsed.ok) return formFailure(400, { key: parsed.formError }, parsed.fieldErrors, headers);
  await saveNotificationModes({ userId: user.id, modes: parsed.modes });
  return data({ saved: true as const }, { headers });
}

export default function NotificationPreferencesPage() {
  const { modes, digestTime } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const { t } = useTranslation();
  const failure = actionData && "formError" in actionData ? actionData : null;
  const fieldErrors = failure?.fieldErrors ?? {};
  return (
    <div className="page form-page">
      <h1>{t("preferences.title")}</h1>
      <p className="lead">{t("preferences.intro")}</p>
      <p>{t("preferences.alwaysSent")}</p>
      {actionData && "saved" in actionData ? (
        <p role="status" className="notice">
          {t("preferences.saved")} <Link to="/account">{t("account.title")}</Link>
        </p>
      ) : null}
      <Form method="post" className="stacked-form">
        <FormError message={failure?.formError} />
        {NOTIFICATION_KINDS.map((kind) => (
          <Field
            // Saved values show as saved after the page revalidates, also with JavaScript.
            key={`${kind}-${modes[kind]}`}
            id={`notification-${kind}`}
            label={t(`preferences.kinds.${kind}.label`)}
            hint={t(`preferences.kinds.${kind}.hint`)}
            errors={fieldErrors[kind]}
            group
            className="field-group"
          >
            {() => (
              <>
                {NOTIFICATION_MODES.map((mode) => (
                  <label key={mode} className="radio">
                    <input type="radio" name={kind} value={mode} defaultChecked={modes[kind] === mode} />
                    <span>{t(`preferences.modes.${mode}`, { hour: digestTime })}</span>
                  </label>
                ))}
              </>
            )}
          </Field>
        ))}
        <button type="submit" className="button" disabled={navigation.state === "submitting"}>
          {t("preferences.submit")}
        </button>
      </Form>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
