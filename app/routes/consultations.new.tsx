import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import {
  data,
  MaxPartSizeExceededError,
  redirect,
  unstable_createMemoryUploadHandler,
  unstable_parseMultipartFormData,
} from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";

import { GeneralErrorBoundary } from "~/components/error-boundary";
import { fieldErrorHelpers } from "~/components/field-errors";
import { isValidTimeZone, utcToZonedLocal, zonedLocalToUtc } from "~/lib/dates";
import { importDocument, MAX_IMPORT_BYTES } from "~/lib/import";
import { ImportError } from "~/lib/import/types";
import { openConsultation } from "~/models/consultation.server";
import { DomainError } from "~/lib/errors";
import { requirePermission } from "~/utils/auth.server";

export const meta: MetaFunction = () => [{ title: "Open a consultation" }];

const TIME_ZONES = [
  "Europe/Zurich",
  "UTC",
  "America/New_York",
  "Africa/Nairobi",
  "Asia/Kolkata",
  "Asia/Tokyo",
  "Australia/Sydney",
];

const OpenConsultationSchema = z
  .object({
    title: z.string().trim().min(3, "Give the consultation a title.").max(300),
    slug: z
      .string()
      .trim()
      .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "Use lowercase letters, digits and hyphens, e.g. gca-guidelines-2026.")
      .max(80),
    summary: z.string().trim().max(5_000).default(""),
    timeZone: z.string().refine(isValidTimeZone, "Choose a known time zone."),
    commentsVisibility: z.enum(["during", "after_close"]),
    label: z.string().trim().min(1, "Name this version, e.g. Draft 1.").max(200),
    opensAt: z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, "Give a date and time."),
    closesAt: z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, "Give a date and time."),
  })
  .strip();

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { headers } = await requirePermission(request, "create:consultation:any", { ip: context.clientAddress });
  const now = new Date();
  return data(
    {
      timeZones: TIME_ZONES,
      defaults: {
        opensAt: utcToZonedLocal(now, "Europe/Zurich"),
        closesAt: utcToZonedLocal(new Date(now.getTime() + 30 * 86_400_000), "Europe/Zurich"),
      },
      maxMegabytes: Math.floor(MAX_IMPORT_BYTES / 1024 / 1024),
    },
    { headers },
  );
}

type ActionResult = { formError: string | null; fieldErrors: Record<string, string[] | undefined> };

export async function action({ request, context }: ActionFunctionArgs) {
  const { user, headers } = await requirePermission(request, "create:consultation:any", { ip: context.clientAddress });
  const fail = (status: number, result: Partial<ActionResult>) =>
    data<ActionResult>({ formError: null, fieldErrors: {}, ...result }, { status, headers });

  let form: FormData;
  try {
    form = await unstable_parseMultipartFormData(
      request,
      unstable_createMemoryUploadHandler({ maxPartSize: MAX_IMPORT_BYTES }),
    );
  } catch (error) {
    if (error instanceof MaxPartSizeExceededError) {
      return fail(413, {
        fieldErrors: { document: [`The file is larger than ${MAX_IMPORT_BYTES / 1024 / 1024} MB.`] },
      });
    }
    throw error;
  }
  const parsed = OpenConsultationSchema.safeParse(
    Object.fromEntries([...form].filter(([, value]) => typeof value === "string")),
  );
  const file = form.get("document");
  if (!parsed.success)
    return fail(400, { formError: "Check the highlighted fields.", fieldErrors: parsed.error.flatten().fieldErrors });
  if (!(file instanceof File) || file.size === 0)
    return fail(400, { fieldErrors: { document: ["Choose the draft document (.docx, .md or .txt)."] } });

  const input = parsed.data;
  const opensAt = zonedLocalToUtc(input.opensAt, input.timeZone);
  const closesAt = zonedLocalToUtc(input.closesAt, input.timeZone);
  try {
    const imported = await importDocument({ fileName: file.name, bytes: new Uint8Array(await file.arrayBuffer()) });
    await openConsultation({
      actor: user,
      input: { ...input, opensAt, closesAt },
      imported,
      sourceFileName: file.name,
      clientAddress: context.clientAddress,
    });
  } catch (error) {
    if (error instanceof ImportError) return fail(400, { fieldErrors: { document: [error.message] } });
    if (error instanceof DomainError) return fail(error.status, { formError: error.message });
    throw error;
  }
  throw redirect(`/consultations/${input.slug}`, { headers });
}

export default function OpenConsultationPage() {
  const { timeZones, defaults, maxMegabytes } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const navigation = useNavigation();
  const { t } = useTranslation();
  const busy = navigation.state === "submitting";
  const errors = fieldErrorHelpers<string>("new", result?.fieldErrors ?? {});
  const { invalid, fieldError } = errors;
  const field = (name: string, label: string, control: React.ReactNode, hint?: string) => (
    <div className="field">
      <label htmlFor={`new-${name}`}>{label}</label>
      {hint ? (
        <p id={`new-${name}-hint`} className="hint">
          {hint}
        </p>
      ) : null}
      {control}
      {fieldError(name)}
    </div>
  );
  const describedBy = (name: string, hint = false) => errors.describedBy(name, hint ? `new-${name}-hint` : undefined);

  return (
    <div className="page form-page">
      <h1>{t("manage.newTitle")}</h1>
      <p className="lead">{t("manage.newIntro")}</p>
      <Form method="post" encType="multipart/form-data" className="stacked-form" aria-busy={busy}>
        {result?.formError ? (
          <p className="form-error" role="alert">
            {result.formError}
          </p>
        ) : null}
        {field(
          "title",
          t("manage.fields.title"),
          <input
            id="new-title"
            name="title"
            type="text"
            required
            aria-invalid={invalid("title")}
            aria-describedby={describedBy("title")}
          />,
        )}
        {field(
          "slug",
          t("manage.fields.slug"),
          <input
            id="new-slug"
            name="slug"
            type="text"
            required
            pattern="[a-z0-9]+(-[a-z0-9]+)*"
            aria-invalid={invalid("slug")}
            aria-describedby={describedBy("slug", true)}
          />,
          t("manage.hints.slug"),
        )}
        {field(
          "summary",
          t("manage.fields.summary"),
          <textarea id="new-summary" name="summary" rows={3} aria-describedby={describedBy("summary")} />,
        )}
        {field(
          "document",
          t("manage.fields.document"),
          <input
            id="new-document"
            name="document"
            type="file"
            required
            accept=".docx,.md,.txt,application/vnd.openxmlformats-officedocument.wordprocessingml.document,text/markdown,text/plain"
            aria-invalid={invalid("document")}
            aria-describedby={describedBy("document", true)}
          />,
          t("manage.hints.document", { max: maxMegabytes }),
        )}
        {field(
          "label",
          t("manage.fields.label"),
          <input
            id="new-label"
            name="label"
            type="text"
            required
            defaultValue="Draft 1"
            aria-invalid={invalid("label")}
            aria-describedby={describedBy("label")}
          />,
        )}
        {field(
          "timeZone",
          t("manage.fields.timeZone"),
          <select
            id="new-timeZone"
            name="timeZone"
            defaultValue="Europe/Zurich"
            aria-describedby={describedBy("timeZone")}
          >
            {timeZones.map((zone) => (
              <option key={zone} value={zone}>
                {zone}
              </option>
            ))}
          </select>,
        )}
        {field(
          "opensAt",
          t("manage.fields.opensAt"),
          <input
            id="new-opensAt"
            name="opensAt"
            type="datetime-local"
            required
            defaultValue={defaults.opensAt}
            aria-invalid={invalid("opensAt")}
            aria-describedby={describedBy("opensAt")}
          />,
        )}
        {field(
          "closesAt",
          t("manage.fields.closesAt"),
          <input
            id="new-closesAt"
            name="closesAt"
            type="datetime-local"
            required
            defaultValue={defaults.closesAt}
            aria-invalid={invalid("closesAt")}
            aria-describedby={describedBy("closesAt")}
          />,
        )}
        <fieldset>
          <legend>{t("manage.fields.visibility")}</legend>
          <label className="radio">
            <input type="radio" name="commentsVisibility" value="after_close" defaultChecked />
            {t("manage.visibility.after_close")}
          </label>
          <label className="radio">
            <input type="radio" name="commentsVisibility" value="during" />
            {t("manage.visibility.during")}
          </label>
        </fieldset>
        <button type="submit" disabled={busy}>
          {busy ? t("manage.importing") : t("manage.open")}
        </button>
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
