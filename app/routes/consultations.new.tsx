import { data, MaxPartSizeExceededError, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useRef, useState } from "react";
import { useTranslation } from "react-i18next";

import { GeneralErrorBoundary } from "~/components/error-boundary";
import { Field, FormError } from "~/components/field";
import { TrackedChangesReviewPanel } from "~/components/tracked-changes-review";
import { DOCUMENT_ACCEPT } from "~/components/upload-version-form";
import { useHydrated } from "~/components/use-hydrated";
import { VisibilityField } from "~/components/visibility-field";
import { remixI18n } from "~/i18next.server";
import { utcToZonedLocal, zonedLocalToUtc } from "~/lib/dates";
import { MAX_IMPORT_BYTES } from "~/lib/import";
import { ImportError } from "~/lib/import/types";
import { OpenConsultationSchema } from "~/models/consultation-schema";
import { openConsultation } from "~/models/consultation.server";
import { requirePermission } from "~/utils/auth.server";
import {
  actionFailure,
  formFailure,
  readMultipartForm,
  validationFailure,
  type FormFailure,
} from "~/utils/http.server";
import { importUploadedDocument, type TrackedChangesAnswer } from "~/utils/tracked-changes-action.server";

import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  data ? [{ title: data.metaTitle }] : (matches[0]?.meta ?? []);

const TIME_ZONES = [
  "Europe/Zurich",
  "UTC",
  "America/New_York",
  "Africa/Nairobi",
  "Asia/Kolkata",
  "Asia/Tokyo",
  "Australia/Sydney",
];

const MAX_IMPORT_MEGABYTES = MAX_IMPORT_BYTES / 1024 / 1024;

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { headers } = await requirePermission(request, "create:consultation:any", { ip: context.clientAddress });
  const t = await remixI18n.getFixedT(request);
  const now = new Date();
  return data(
    {
      metaTitle: t("manage.metaTitle"),
      timeZones: TIME_ZONES,
      defaults: {
        opensAt: utcToZonedLocal(now, "Europe/Zurich"),
        closesAt: utcToZonedLocal(new Date(now.getTime() + 30 * 86_400_000), "Europe/Zurich"),
      },
      maxMegabytes: Math.floor(MAX_IMPORT_MEGABYTES),
    },
    { headers },
  );
}

/** What the action answers when it does not redirect: a refusal, or a Word file's tracked changes to review. */
type OpenConsultationResult = FormFailure | TrackedChangesAnswer;

/** The longest value any field of the form accepts (the summary's): what is typed back is cut there. */
const MAX_TYPED_LENGTH = 5_000;

/**
 * What was typed in the form's fields, sent back with every answer that is
 * not a redirect: without JavaScript the answer is a new page, whose form
 * would otherwise be empty. Only the form's own fields (not the acceptance,
 * nor the file, which no browser lets a page refill).
 */
function typedFields(form: FormData): Record<string, string> {
  const typed: Record<string, string> = {};
  for (const name of Object.keys(OpenConsultationSchema.shape)) {
    const value = form.get(name);
    if (typeof value === "string") typed[name] = value.slice(0, MAX_TYPED_LENGTH);
  }
  return typed;
}

export async function action({ request, context }: ActionFunctionArgs) {
  const { user, headers } = await requirePermission(request, "create:consultation:any", { ip: context.clientAddress });

  let form: FormData;
  try {
    // A body the parser cannot read (a `=` in a file name, a broken or foreign boundary) is thrown as a 400.
    form = await readMultipartForm(request, { maxPartSize: MAX_IMPORT_BYTES, headers });
  } catch (error) {
    if (!(error instanceof MaxPartSizeExceededError)) throw error;
    const tooLarge = { key: "manage.errors.documentTooLarge", values: { max: MAX_IMPORT_MEGABYTES } } as const;
    return formFailure(413, tooLarge, { document: [tooLarge.key] }, headers);
  }
  // "Cancel (refuse this file)" from a page without JavaScript: nothing is read, nothing is kept.
  if (form.get("intent") === "refuse") throw redirect("/consultations/new", { headers });
  const parsed = OpenConsultationSchema.safeParse(
    Object.fromEntries([...form].filter(([, value]) => typeof value === "string")),
  );
  const file = form.get("document");
  const typed = typedFields(form);
  if (!parsed.success) return validationFailure(parsed.error, headers, typed);
  if (!(file instanceof File) || file.size === 0) {
    const documentRequired = { document: ["manage.errors.documentRequired" as const] };
    return formFailure(400, { key: "errors.checkFields" }, documentRequired, headers, typed);
  }

  const input = parsed.data;
  const opensAt = zonedLocalToUtc(input.opensAt, input.timeZone);
  const closesAt = zonedLocalToUtc(input.closesAt, input.timeZone);
  try {
    // Tracked changes are shown first, as for a new version (docs/decisions/0030-word-tracked-changes.md).
    const upload = await importUploadedDocument({ form, file, headers, typed });
    if (upload.review) return upload.review;
    await openConsultation({
      actor: user,
      input: { ...input, opensAt, closesAt },
      ...upload.document,
      clientAddress: context.clientAddress,
    });
  } catch (error) {
    if (error instanceof ImportError) {
      // The form error says what is wrong with the file (it names it); the field points to it.
      return formFailure(400, error.userMessage, { document: ["manage.errors.documentRefused"] }, headers, typed);
    }
    // A slug taken, a period the wrong way round: the same answer, with what was typed.
    const failure = actionFailure(error, headers);
    return data<FormFailure>({ ...failure.data, typed }, failure.init ?? undefined);
  }
  throw redirect(`/consultations/${input.slug}`, { headers });
}

export default function OpenConsultationPage() {
  const { timeZones, defaults, maxMegabytes } = useLoaderData<typeof loader>();
  const answer = useActionData<OpenConsultationResult>() ?? null;
  const navigation = useNavigation();
  const { t } = useTranslation();
  const form = useRef<HTMLFormElement>(null);
  const [dismissed, setDismissed] = useState<OpenConsultationResult | null>(null);
  const busy = navigation.state === "submitting";
  const result = answer === dismissed ? null : answer;
  const failure = result && "formError" in result ? result : null;
  const review = result && "trackedChanges" in result ? result.trackedChanges : null;
  const fieldErrors = failure?.fieldErrors ?? {};
  // Kept after Cancel too: what was typed stays, only the file is refused.
  const typed = answer?.typed ?? {};
  // A review sent back as a new page (no JavaScript) has lost the file: say so at the file input, which is empty.
  const hydrated = useHydrated();
  const documentErrors = fieldErrors.document ?? (review && !hydrated ? ["trackedChanges.chooseFileAgain"] : undefined);

  // "Cancel (refuse this file)": the file is forgotten; what was typed in the other fields stays.
  const refuse = () => {
    setDismissed(answer);
    const file = form.current?.querySelector<HTMLInputElement>('input[name="document"]');
    if (file) {
      file.value = "";
      file.focus();
    }
  };

  return (
    <div className="page form-page">
      <h1>{t("manage.newTitle")}</h1>
      <p className="lead">{t("manage.newIntro")}</p>
      <Form ref={form} method="post" encType="multipart/form-data" className="stacked-form" aria-busy={busy}>
        <FormError message={failure?.formError} />
        <Field id="new-title" label={t("manage.fields.title")} errors={fieldErrors.title}>
          {(control) => <input {...control} name="title" type="text" required defaultValue={typed.title} />}
        </Field>
        <Field id="new-slug" label={t("manage.fields.slug")} hint={t("manage.hints.slug")} errors={fieldErrors.slug}>
          {(control) => (
            <input
              {...control}
              name="slug"
              type="text"
              required
              pattern="[a-z0-9]+(-[a-z0-9]+)*"
              defaultValue={typed.slug}
            />
          )}
        </Field>
        <Field id="new-summary" label={t("manage.fields.summary")} errors={fieldErrors.summary}>
          {(control) => <textarea {...control} name="summary" rows={3} defaultValue={typed.summary} />}
        </Field>
        <Field
          id="new-document"
          label={t("manage.fields.document")}
          hint={t("manage.hints.document", { max: maxMegabytes })}
          errors={documentErrors}
        >
          {(control) => <input {...control} name="document" type="file" required accept={DOCUMENT_ACCEPT} />}
        </Field>
        <Field id="new-label" label={t("manage.fields.label")} errors={fieldErrors.label}>
          {(control) => (
            <input {...control} name="label" type="text" required defaultValue={typed.label ?? "Draft 1"} />
          )}
        </Field>
        <Field id="new-timeZone" label={t("manage.fields.timeZone")} errors={fieldErrors.timeZone}>
          {(control) => (
            <select {...control} name="timeZone" defaultValue={typed.timeZone ?? "Europe/Zurich"}>
              {timeZones.map((zone) => (
                <option key={zone} value={zone}>
                  {zone}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field id="new-opensAt" label={t("manage.fields.opensAt")} errors={fieldErrors.opensAt}>
          {(control) => (
            <input
              {...control}
              name="opensAt"
              type="datetime-local"
              required
              defaultValue={typed.opensAt ?? defaults.opensAt}
            />
          )}
        </Field>
        <Field id="new-closesAt" label={t("manage.fields.closesAt")} errors={fieldErrors.closesAt}>
          {(control) => (
            <input
              {...control}
              name="closesAt"
              type="datetime-local"
              required
              defaultValue={typed.closesAt ?? defaults.closesAt}
            />
          )}
        </Field>
        <VisibilityField
          id="new-visibility"
          defaultValue={typed.commentsVisibility === "during" ? "during" : "after_close"}
          errors={fieldErrors.commentsVisibility}
        />
        {/* The form's first submit button, so Enter in a field posts without an acceptance (a review again). */}
        <button type="submit" disabled={busy}>
          {busy ? t("manage.importing") : t("manage.open")}
        </button>
        {review ? <TrackedChangesReviewPanel review={review} busy={busy} onCancel={refuse} /> : null}
        {busy ? (
          <p role="status" className="hint">
            {t("manage.importingHint")}
          </p>
        ) : null}
      </Form>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
