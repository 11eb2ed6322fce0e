import crypto from "node:crypto";

import {
  data,
  MaxPartSizeExceededError,
  redirect,
  unstable_createMemoryUploadHandler,
  unstable_parseMultipartFormData,
} from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";

import { GeneralErrorBoundary } from "~/components/error-boundary";
import { Field, FormError } from "~/components/field";
import { remixI18n } from "~/i18next.server";
import { DOCX_TYPE, MAX_ATTACHMENT_BYTES, MAX_ATTACHMENT_MEGABYTES } from "~/lib/attachments";
import { can } from "~/lib/permissions";
import { getConsultationOverview } from "~/models/consultation.server";
import {
  authorizeContributor,
  ContributionSchema,
  createContribution,
  listContributions,
} from "~/models/contribution.server";
import { requireUser } from "~/utils/auth.server";
import { actionFailure, formFailure, isEmptyForm, orErrorResponse, validationFailure } from "~/utils/http.server";

import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";

const ATTACHMENT_ACCEPT = [".pdf", ".docx", "application/pdf", DOCX_TYPE].join(",");

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  data ? [{ title: data.metaTitle }] : (matches[0]?.meta ?? []);

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, headers } = await requireUser(request);
  const slug = params.slug ?? "";
  const consultation = await orErrorResponse(getConsultationOverview({ slug }), headers);
  const contributions = await listContributions({ actor: user, slug });
  const t = await remixI18n.getFixedT(request);
  return data(
    {
      metaTitle: t("contributions.metaTitle", { title: consultation.title }),
      consultation: { slug: consultation.slug, title: consultation.title },
      canContribute: user.organization !== null && can(user, "create:contribution:organization"),
      seesAll: can(user, "read:comment:any"),
      contributions,
      idempotencyKey: crypto.randomUUID(),
      maxMegabytes: MAX_ATTACHMENT_MEGABYTES,
      saved: new URL(request.url).searchParams.has("saved"),
    },
    { headers },
  );
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { user, headers } = await requireUser(request);
  const slug = params.slug ?? "";
  // Who may contribute is checked before the body is read: no one else makes the server hold a 10 MB upload.
  await orErrorResponse(authorizeContributor({ actor: user, clientAddress: context.clientAddress }), headers);
  let form: FormData;
  try {
    // One byte over the limit is enough to know it is too large.
    form = await unstable_parseMultipartFormData(
      request,
      unstable_createMemoryUploadHandler({ maxPartSize: MAX_ATTACHMENT_BYTES + 1 }),
    );
  } catch (error) {
    if (error instanceof MaxPartSizeExceededError) {
      const tooLarge = {
        key: "contributions.errors.attachmentTooLarge",
        values: { max: MAX_ATTACHMENT_MEGABYTES },
      } as const;
      return formFailure(413, tooLarge, {}, headers);
    }
    // A body the parser cannot read (a `=` in a file name, a broken boundary): 400, not 500.
    return formFailure(400, { key: "errors.malformedBody" }, {}, headers);
  }
  // Not one part: the body does not use the boundary it declares.
  if (isEmptyForm(form)) return formFailure(400, { key: "errors.malformedBody" }, {}, headers);
  const parsed = ContributionSchema.safeParse(Object.fromEntries([...form].filter(([, v]) => typeof v === "string")));
  if (!parsed.success) return validationFailure(parsed.error, headers);
  const file = form.get("attachment");
  const attachment =
    file instanceof File && file.size > 0 ? { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) } : null;
  try {
    await createContribution({
      actor: user,
      slug,
      input: parsed.data,
      attachment,
      clientAddress: context.clientAddress,
    });
  } catch (error) {
    return actionFailure(error, headers);
  }
  throw redirect(`/consultations/${slug}/contributions?saved=1`, { headers });
}

export default function ContributionsPage() {
  const { consultation, canContribute, seesAll, contributions, idempotencyKey, maxMegabytes, saved } =
    useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const navigation = useNavigation();
  const { t } = useTranslation();
  const fieldErrors = result?.fieldErrors ?? {};
  return (
    <div className="page form-page">
      <p className="breadcrumbs">
        <Link to={`/consultations/${consultation.slug}`}>{consultation.title}</Link>
      </p>
      <h1>{t("contributions.title")}</h1>
      <p className="lead">{t("contributions.intro")}</p>
      {saved ? (
        <p role="status" className="notice">
          {t("contributions.saved")}
        </p>
      ) : null}
      {canContribute ? (
        <Form
          method="post"
          encType="multipart/form-data"
          className="stacked-form"
          aria-busy={navigation.state === "submitting"}
        >
          <FormError message={result?.formError} />
          <input type="hidden" name="idempotencyKey" value={idempotencyKey} />
          <Field id="contribution-title" label={t("contributions.fields.title")} errors={fieldErrors.title}>
            {(control) => <input {...control} name="title" type="text" required />}
          </Field>
          <Field id="contribution-body" label={t("contributions.fields.body")} errors={fieldErrors.bodyText}>
            {(control) => <textarea {...control} name="bodyText" rows={8} required />}
          </Field>
          <Field
            id="contribution-attachment"
            label={t("contributions.fields.attachment")}
            hint={t("contributions.attachmentHint", { max: maxMegabytes })}
            errors={fieldErrors.attachment}
          >
            {(control) => <input {...control} name="attachment" type="file" accept={ATTACHMENT_ACCEPT} />}
          </Field>
          <button type="submit" disabled={navigation.state === "submitting"}>
            {navigation.state === "submitting" ? t("contributions.sending") : t("contributions.send")}
          </button>
        </Form>
      ) : (
        <p>{t("contributions.cannotContribute")}</p>
      )}
      <section aria-labelledby="contributions-list">
        <h2 id="contributions-list">{seesAll ? t("contributions.received") : t("contributions.yours")}</h2>
        {contributions.length === 0 ? (
          <p>{t("contributions.none")}</p>
        ) : (
          <ul className="card-list">
            {contributions.map((contribution) => (
              <li key={contribution.id} className="card">
                <h3>
                  <bdi>{contribution.title}</bdi>
                </h3>
                <p className="hint">
                  <bdi>{contribution.organization?.name ?? ""}</bdi>
                  {" · "}
                  <bdi>{contribution.author?.name ?? ""}</bdi>
                  {" · "}
                  {new Date(contribution.createdAt).toISOString().slice(0, 10)}
                </p>
                <p className="preserve-lines" dir="auto">
                  {contribution.bodyText}
                </p>
                {contribution.attachmentName ? (
                  <p>
                    <a
                      href={`/consultations/${consultation.slug}/contributions/${contribution.id}/attachment`}
                      download
                    >
                      {t("contributions.download", {
                        name: contribution.attachmentName,
                        size: Math.ceil((contribution.attachmentSize ?? 0) / 1024),
                      })}
                    </a>
                  </p>
                ) : null}
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
