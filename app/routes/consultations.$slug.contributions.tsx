import crypto from "node:crypto";

import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
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
import { MAX_ATTACHMENT_BYTES } from "~/lib/attachments";
import { getConsultationOverview } from "~/models/consultation.server";
import { ContributionSchema, createContribution, listContributions } from "~/models/contribution.server";
import { DomainError } from "~/lib/errors";
import { requireUser } from "~/utils/auth.server";
import { can } from "~/lib/permissions";

export const meta: MetaFunction = () => [{ title: "General contributions" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, headers } = await requireUser(request);
  const slug = params.slug ?? "";
  const consultation = await getConsultationOverview({ slug });
  if (!consultation) throw new Response("No such consultation.", { status: 404 });
  const contributions = await listContributions({ actor: user, slug });
  return data(
    {
      consultation: { slug: consultation.slug, title: consultation.title },
      canContribute: user.organization !== null && can(user, "create:contribution:organization"),
      seesAll: can(user, "read:comment:any"),
      contributions,
      idempotencyKey: crypto.randomUUID(),
      maxMegabytes: MAX_ATTACHMENT_BYTES / 1024 / 1024,
      saved: new URL(request.url).searchParams.has("saved"),
    },
    { headers },
  );
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { user, headers } = await requireUser(request);
  const slug = params.slug ?? "";
  const fail = (status: number, formError: string, fieldErrors: Record<string, string[] | undefined> = {}) =>
    data({ formError, fieldErrors }, { status, headers });
  let form: FormData;
  try {
    // One byte over the limit is enough to know it is too large.
    form = await unstable_parseMultipartFormData(
      request,
      unstable_createMemoryUploadHandler({ maxPartSize: MAX_ATTACHMENT_BYTES + 1 }),
    );
  } catch (error) {
    if (error instanceof MaxPartSizeExceededError)
      return fail(413, `The attachment is larger than ${MAX_ATTACHMENT_BYTES / 1024 / 1024} MB.`);
    throw error;
  }
  const parsed = ContributionSchema.safeParse(Object.fromEntries([...form].filter(([, v]) => typeof v === "string")));
  if (!parsed.success) return fail(400, "Check the highlighted fields.", parsed.error.flatten().fieldErrors);
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
    if (error instanceof DomainError) return fail(error.status, error.message);
    throw error;
  }
  throw redirect(`/consultations/${slug}/contributions?saved=1`, { headers });
}

export default function ContributionsPage() {
  const { consultation, canContribute, seesAll, contributions, idempotencyKey, maxMegabytes, saved } =
    useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const navigation = useNavigation();
  const { t } = useTranslation();
  const error = (name: string) => result?.fieldErrors?.[name]?.[0];
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
          {result?.formError ? (
            <p className="form-error" role="alert">
              {result.formError}
            </p>
          ) : null}
          <input type="hidden" name="idempotencyKey" value={idempotencyKey} />
          <div className="field">
            <label htmlFor="contribution-title">{t("contributions.fields.title")}</label>
            <input
              id="contribution-title"
              name="title"
              type="text"
              required
              aria-invalid={error("title") ? true : undefined}
              aria-describedby={error("title") ? "contribution-title-error" : undefined}
            />
            {error("title") ? (
              <p id="contribution-title-error" className="field-error">
                {error("title")}
              </p>
            ) : null}
          </div>
          <div className="field">
            <label htmlFor="contribution-body">{t("contributions.fields.body")}</label>
            <textarea
              id="contribution-body"
              name="bodyText"
              rows={8}
              required
              aria-invalid={error("bodyText") ? true : undefined}
              aria-describedby={error("bodyText") ? "contribution-body-error" : undefined}
            />
            {error("bodyText") ? (
              <p id="contribution-body-error" className="field-error">
                {error("bodyText")}
              </p>
            ) : null}
          </div>
          <div className="field">
            <label htmlFor="contribution-attachment">{t("contributions.fields.attachment")}</label>
            <p id="contribution-attachment-hint" className="hint">
              {t("contributions.attachmentHint", { max: maxMegabytes })}
            </p>
            <input
              id="contribution-attachment"
              name="attachment"
              type="file"
              accept=".pdf,.docx,application/pdf,application/vnd.openxmlformats-officedocument.wordprocessingml.document"
              aria-describedby="contribution-attachment-hint"
            />
          </div>
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
                  <bdi>{contribution.organization?.name ?? ""}</bdi> · <bdi>{contribution.author?.name ?? ""}</bdi> ·{" "}
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
