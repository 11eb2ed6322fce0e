import { data, MaxPartSizeExceededError } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";

import { GeneralErrorBoundary } from "~/components/error-boundary";
import { Field, FormError } from "~/components/field";
import { remixI18n } from "~/i18next.server";
import type { MessageKey } from "~/lib/translate";
import {
  authorizeWordImport,
  importWordComments,
  WORD_IMPORT_LIMITS,
  type WordImportProblem,
  type WordImportResult,
} from "~/models/word-comment-import.server";
import { requireUser } from "~/utils/auth.server";
import { actionFailure, formFailure, orErrorResponse, rateLimitFailure, readMultipartForm } from "~/utils/http.server";
import { consumeCommentWrite } from "~/utils/rate-limit.server";

import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  data ? [{ title: data.metaTitle }] : (matches[0]?.meta ?? []);

/** The accepted files, for the file picker (the model checks the content). */
const DOCX_TYPES = [".docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"].join(",");

/** The file limit shown and enforced, in MB (the model's; read on the server only). */
const megabytes = () => WORD_IMPORT_LIMITS.maxBytes / (1024 * 1024);

const REASONS = {
  reply: "workspace.wordImport.reasons.reply",
  emptyBody: "workspace.wordImport.reasons.emptyBody",
  noAnchor: "workspace.wordImport.reasons.noAnchor",
  paragraphNotFound: "workspace.wordImport.reasons.paragraphNotFound",
  ambiguous: "workspace.wordImport.reasons.ambiguous",
  quoteNotFound: "workspace.wordImport.reasons.quoteNotFound",
  bodyInvalid: "workspace.wordImport.reasons.bodyInvalid",
} as const satisfies Record<WordImportProblem, MessageKey>;

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { user, headers } = await requireUser(request);
  const page = await orErrorResponse(
    authorizeWordImport({ actor: user, slug: params.slug ?? "", ip: context.clientAddress }),
    headers,
  );
  const t = await remixI18n.getFixedT(request);
  return data(
    {
      metaTitle: t("workspace.wordImport.metaTitle", { title: page.consultation.title }),
      consultation: page.consultation,
      organization: page.organization.name,
      version: { number: page.version.number, label: page.version.label },
      limits: { megabytes: megabytes(), maxComments: WORD_IMPORT_LIMITS.maxComments },
    },
    { headers },
  );
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { user, headers } = await requireUser(request);
  const slug = params.slug ?? "";
  const ip = context.clientAddress;
  try {
    // Who may import, and whether the period is open, before the upload is read.
    await authorizeWordImport({ actor: user, slug, ip });
    // One upload is one comment write, however many comments it holds.
    const limit = await consumeCommentWrite(user.id);
    if (!limit.ok) return rateLimitFailure("errors.tooManyWrites", limit.retryAfterSeconds, headers);
    let form: FormData;
    try {
      form = await readMultipartForm(request, { maxPartSize: WORD_IMPORT_LIMITS.maxBytes + 1, headers });
    } catch (error) {
      if (error instanceof MaxPartSizeExceededError) {
        return formFailure(
          413,
          { key: "workspace.wordImport.errors.tooLarge", values: { megabytes: megabytes() } },
          {},
          headers,
        );
      }
      throw error;
    }
    const file = form.get("file");
    if (!(file instanceof File) || file.size === 0) {
      return formFailure(400, { key: "workspace.wordImport.errors.missing" }, {}, headers);
    }
    const result = await importWordComments({
      actor: user,
      slug,
      bytes: new Uint8Array(await file.arrayBuffer()),
      fileName: file.name,
      ip,
      uiLanguage: await remixI18n.getLocale(request),
    });
    return data({ result }, { headers });
  } catch (error) {
    return actionFailure(error, headers);
  }
}

export default function ImportWordComments() {
  const { consultation, organization, version, limits } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const navigation = useNavigation();
  const { t } = useTranslation();
  const busy = navigation.state === "submitting";
  const base = `/consultations/${consultation.slug}`;
  const result = answer && "result" in answer ? answer.result : null;
  return (
    <div className="page form-page import-page">
      <p className="breadcrumbs">
        <Link to={base}>{consultation.title}</Link> ›{" "}
        <Link to={`${base}/delegation`}>{t("workspace.title", { organization })}</Link>
      </p>
      <h1>{t("workspace.wordImport.title")}</h1>
      <p className="lead">{t("workspace.wordImport.intro", { organization })}</p>
      <p>{t("workspace.wordImport.rule")}</p>
      <p>{t("workspace.wordImport.target", { label: version.label })}</p>
      {result ? <ImportReport result={result} base={base} /> : null}
      <FormError message={answer && "formError" in answer ? answer.formError : null} />
      <Form method="post" encType="multipart/form-data" className="stacked-form">
        <Field
          id="word-import-file"
          label={t("workspace.wordImport.file")}
          hint={t("workspace.wordImport.fileHint", { megabytes: limits.megabytes, max: limits.maxComments })}
        >
          {(control) => <input {...control} name="file" type="file" required accept={DOCX_TYPES} />}
        </Field>
        <button type="submit" className="button" disabled={busy}>
          {busy ? t("workspace.wordImport.submitting") : t("workspace.wordImport.submit")}
        </button>
      </Form>
      <p>
        <Link to={`${base}/delegation`}>{t("receipt.back")}</Link>
      </p>
    </div>
  );
}

function ImportReport({ result, base }: { result: WordImportResult; base: string }) {
  const { t } = useTranslation();
  const reader = (key: string) => `${base}/versions/${result.versionNumber}?p=${key}#p-${key}`;
  return (
    <>
      <p className="notice" role="status">
        {t("workspace.wordImport.imported", { count: result.imported.length })}
      </p>
      {result.imported.length > 0 ? (
        <section aria-labelledby="word-imported-title">
          <h2 id="word-imported-title">{t("workspace.wordImport.importedTitle")}</h2>
          <ul className="word-import-list">
            {result.imported.map((draft) => {
              const number = draft.paragraphNumber ?? draft.paragraphKey;
              return (
                <li key={draft.id}>
                  <Link to={reader(draft.paragraphKey)}>{t("workspace.paragraph", { number })}</Link>
                  {" · "}
                  {draft.quote
                    ? t("workspace.wordImport.onPhrase", { quote: draft.quote })
                    : t("workspace.wordImport.onParagraph")}
                  <br />
                  <span dir="auto">{draft.excerpt}</span>
                </li>
              );
            })}
          </ul>
        </section>
      ) : null}
      {result.unplaced.length > 0 ? (
        <section className="rejected" aria-labelledby="word-unplaced-title">
          <h2 id="word-unplaced-title">{t("workspace.wordImport.unplacedTitle", { count: result.unplaced.length })}</h2>
          <p>{t("workspace.wordImport.unplacedHint")}</p>
          <ul className="word-import-list">
            {result.unplaced.map((item) => (
              <li key={item.wordId}>
                <span dir="auto">{t("workspace.wordImport.comment", { text: item.excerpt })}</span>
                <br />
                <span dir="auto">
                  {t("workspace.wordImport.inCopy", { text: item.anchor ?? t("workspace.wordImport.noText") })}
                </span>
                <br />
                <strong>{t("workspace.wordImport.reason", { reason: t(REASONS[item.reason]) })}</strong>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
