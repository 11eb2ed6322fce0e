import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";

import { GeneralErrorBoundary } from "~/components/error-boundary";
import { Field, FormError } from "~/components/field";
import { VisibilityField } from "~/components/visibility-field";
import { remixI18n } from "~/i18next.server";
import { EditConsultationSchema } from "~/models/consultation-schema";
import { getConsultationForEdit, updateConsultation } from "~/models/consultation.server";
import { requireUser } from "~/utils/auth.server";
import { actionFailure, orErrorResponse, readFormData, validationFailure } from "~/utils/http.server";

import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  data ? [{ title: data.metaTitle }] : (matches[0]?.meta ?? []);

/**
 * `/consultations/:slug/edit`: the secretariat edits title, summary, comment
 * visibility and reminder days (403 for others).
 */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { user, headers } = await requireUser(request);
  const consultation = await orErrorResponse(
    getConsultationForEdit({ actor: user, slug: params.slug ?? "", clientAddress: context.clientAddress }),
    headers,
  );
  const t = await remixI18n.getFixedT(request);
  return data({ metaTitle: `${t("manage.edit.title")} · ${consultation.title}`, consultation }, { headers });
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const slug = params.slug ?? "";
  const { user, headers } = await requireUser(request);
  const parsed = EditConsultationSchema.safeParse(Object.fromEntries(await readFormData(request)));
  try {
    // Authorized before the form is judged: someone else gets 403 whatever they sent.
    await getConsultationForEdit({ actor: user, slug, clientAddress: context.clientAddress });
    if (!parsed.success) return validationFailure(parsed.error, headers);
    await updateConsultation({ actor: user, slug, input: parsed.data, clientAddress: context.clientAddress });
  } catch (error) {
    return actionFailure(error, headers);
  }
  throw redirect(`/consultations/${slug}?edited=1`, { headers });
}

export default function EditConsultationPage() {
  const { consultation } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const navigation = useNavigation();
  const { t } = useTranslation();
  const fieldErrors = result?.fieldErrors ?? {};
  const busy = navigation.state === "submitting";
  return (
    <div className="page form-page">
      <p className="breadcrumbs">
        <Link to={`/consultations/${consultation.slug}`}>{consultation.title}</Link>
      </p>
      <h1>{t("manage.edit.title")}</h1>
      <p className="lead">{t("manage.edit.intro", { title: consultation.title })}</p>
      <Form method="post" className="stacked-form" aria-busy={busy}>
        <FormError message={result?.formError} />
        <Field id="edit-title" label={t("manage.fields.title")} errors={fieldErrors.title}>
          {(control) => (
            <input {...control} name="title" type="text" required maxLength={300} defaultValue={consultation.title} />
          )}
        </Field>
        <Field id="edit-summary" label={t("manage.fields.summary")} errors={fieldErrors.summary}>
          {(control) => <textarea {...control} name="summary" rows={4} defaultValue={consultation.summary} />}
        </Field>
        <VisibilityField
          id="edit-visibility"
          defaultValue={consultation.commentsVisibility === "during" ? "during" : "after_close"}
          errors={fieldErrors.commentsVisibility}
        />
        <Field
          id="edit-reminder-days"
          label={t("notices.edit.reminderDays")}
          hint={t("notices.edit.reminderDaysHint")}
          errors={fieldErrors.reminderDays}
        >
          {(control) => (
            <input
              {...control}
              name="reminderDays"
              type="text"
              inputMode="numeric"
              maxLength={100}
              defaultValue={consultation.reminderDays}
            />
          )}
        </Field>
        <div className="button-row">
          <button type="submit" disabled={busy}>
            {t("manage.edit.save")}
          </button>
          <Link to={`/consultations/${consultation.slug}`}>{t("manage.edit.cancel")}</Link>
        </div>
      </Form>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
