import crypto from "node:crypto";

import { data, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";

import { CarriedComments, CompareWithPrevious } from "~/components/carried-comments";
import { CommentPanel } from "~/components/comment-panel";
import { CommentPeriod } from "~/components/comment-period";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { StatusBadge } from "~/components/status-badge";
import { TableOfContents } from "~/components/table-of-contents";
import { commentingState } from "~/models/comment-period";
import { commentCountsByParagraph, listCommentRevisions, listParagraphComments } from "~/models/comment-read.server";
import { CommentActionSchema } from "~/models/comment-schema";
import { createComment, submitComment, updateComment, withdrawComment } from "~/models/comment.server";
import { carriedCommentCounts } from "~/models/lineage.server";
import { getVersionForReader } from "~/models/version.server";
import { getSessionUser } from "~/utils/auth.server";
import { actionFailure, errorResponse, formFailure, orErrorResponse, validationFailure } from "~/utils/http.server";
import { logger } from "~/utils/logger.server";
import { allowPublicPageCache, publicPageCacheHeaders } from "~/utils/page-cache.server";

import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  data ? [{ title: `${data.version.label} · ${data.version.consultation.title}` }] : (matches[0]?.meta ?? []);

// Anonymous readers may be served a rendering up to a few seconds old (app/lib/page-cache.ts).
export const headers = publicPageCacheHeaders;

function versionNumber(param: string | undefined) {
  const number = Number(param);
  if (!Number.isInteger(number) || number < 1) throw errorResponse(404, { key: "reader.errors.noSuchVersion" });
  return number;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const number = versionNumber(params.n);
  const auth = await getSessionUser(request);
  const reader = await orErrorResponse(getVersionForReader({ slug: params.slug ?? "", number }), auth.headers);
  const { version, paragraphs } = reader;
  const url = new URL(request.url);
  const now = new Date();
  const actor = auth.user;
  const readable = { id: version.id, consultation: version.consultation };

  const counts = await commentCountsByParagraph({ actor, version: readable });
  const carried = await carriedCommentCounts({ actor, version: readable });

  let panel = null;
  const selectedKey = url.searchParams.get("p");
  const selected = selectedKey ? paragraphs.find((paragraph) => paragraph.key === selectedKey) : undefined;
  if (selected) {
    const comments = await listParagraphComments({ actor, version: readable, paragraphId: selected.id });
    const historyId = url.searchParams.get("history");
    const history =
      historyId && comments.some((comment) => comment.id === historyId && comment.canSeeHistory)
        ? {
            commentId: historyId,
            revisions: await orErrorResponse(listCommentRevisions({ actor, commentId: historyId }), auth.headers),
          }
        : null;
    panel = {
      paragraph: { key: selected.key, number: selected.number, text: selected.text },
      comments,
      commenting: commentingState({ actor, version, now }),
      history,
      editing: url.searchParams.get("edit"),
      justSaved: url.searchParams.has("saved"),
    };
  }

  return data(
    {
      ...reader,
      counts,
      carried,
      panel,
      // A fresh key per rendered form: a double submit of this form is one
      // comment. Only signed-in people get a form (and never a cached page).
      idempotencyKey: auth.user ? crypto.randomUUID() : "",
      now: now.toISOString(),
    },
    { headers: allowPublicPageCache(auth.headers, auth.user) },
  );
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const number = versionNumber(params.n);
  const slug = params.slug ?? "";
  const form = Object.fromEntries(await request.formData());
  const clientAddress = context.clientAddress;
  const paragraphKey = typeof form.paragraphKey === "string" ? form.paragraphKey : "";
  let headers = new Headers();
  const back = (extra = "") =>
    redirect(
      `/consultations/${slug}/versions/${number}?p=${encodeURIComponent(paragraphKey)}${extra}#p-${paragraphKey}`,
      { headers },
    );

  try {
    // Inside the try: with the database down, even reading the session fails,
    // and the person still deserves the message below rather than a 500.
    const auth = await getSessionUser(request);
    headers = auth.headers;
    const actor = auth.user;
    const parsed = CommentActionSchema.safeParse(form);
    if (!parsed.success) return validationFailure(parsed.error, headers);
    const input = parsed.data;
    switch (input.intent) {
      case "create":
        await createComment({ actor, slug, versionNumber: number, input, clientAddress });
        return back("&saved=1");
      case "edit":
        await updateComment({ actor, input, clientAddress });
        return back("&saved=1");
      case "submit":
        await submitComment({ actor, commentId: input.commentId, clientAddress });
        return back();
      case "withdraw":
        await withdrawComment({ actor, commentId: input.commentId, clientAddress });
        return back();
    }
  } catch (error) {
    return unsavedFailure(error, headers, {
      requestId: context.requestId,
      intent: typeof form.intent === "string" ? form.intent : "create",
    });
  }
}

/**
 * A refusal (DomainError) as the form's answer; anything else (database down
 * or similar) as 503: nothing was written (each write is one transaction),
 * and the form and the browser's copy keep what was typed.
 */
function unsavedFailure(error: unknown, headers: Headers, log: Record<string, unknown>) {
  try {
    return actionFailure(error, headers);
  } catch (unexpected) {
    if (unexpected instanceof Response) throw unexpected;
    logger.error("comment action failed", { ...log, error: String(unexpected) });
    return formFailure(503, { key: "comments.errors.saveFailed" }, {}, headers);
  }
}

export default function VersionReader() {
  const { version, sections, paragraphs, counts, carried, panel, idempotencyKey, now } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const { t } = useTranslation();
  const consultation = version.consultation;
  const base = `/consultations/${consultation.slug}/versions/${version.number}`;
  const bySection = new Map<string, typeof paragraphs>();
  for (const paragraph of paragraphs) {
    const list = bySection.get(paragraph.sectionId) ?? [];
    list.push(paragraph);
    bySection.set(paragraph.sectionId, list);
  }
  const selectedKey = searchParams.get("p");

  return (
    <div className={`reader${panel ? " with-panel" : ""}`}>
      <div className="reader-head">
        <p className="breadcrumbs">
          <Link to="/consultations">{t("nav.consultations")}</Link> ›{" "}
          <Link to={`/consultations/${consultation.slug}`}>{consultation.title}</Link>
        </p>
        <h1>{version.document.title}</h1>
        <p>
          {version.label} <StatusBadge status={version.status} />
        </p>
        <CommentPeriod
          opensAt={version.commentsOpenAt}
          closesAt={version.commentsCloseAt}
          timeZone={consultation.timeZone}
          now={now}
        />
        {consultation.versions.length > 1 ? (
          <nav aria-label={t("reader.otherVersions")} className="version-switch">
            <ul>
              {consultation.versions.map((other) => (
                <li key={other.number}>
                  {other.number === version.number ? (
                    <span aria-current="page">{other.label}</span>
                  ) : (
                    <Link to={`/consultations/${consultation.slug}/versions/${other.number}`}>{other.label}</Link>
                  )}
                </li>
              ))}
            </ul>
          </nav>
        ) : null}
        <CompareWithPrevious slug={consultation.slug} versionNumber={version.number} versions={consultation.versions} />
      </div>
      <TableOfContents sections={sections} paragraphs={paragraphs} />
      <article className="document" aria-labelledby="document-title">
        <h2 id="document-title" className="visually-hidden">
          {version.document.title}
        </h2>
        {sections.map((section, index) => {
          const Heading = section.level === 1 ? "h2" : "h3";
          const list = bySection.get(section.id) ?? [];
          return (
            <section key={section.id} aria-labelledby={`sec-${index + 1}`} className={`section level-${section.level}`}>
              <Heading id={`sec-${index + 1}`}>
                {section.number ? <span className="section-number">{section.number}</span> : null}
                {section.heading}
              </Heading>
              {list.map((paragraph) => {
                const count = counts[paragraph.id] ?? 0;
                const label = paragraph.number ?? t("reader.unnumbered");
                return (
                  <div
                    key={paragraph.id}
                    id={`p-${paragraph.key}`}
                    className={`paragraph${selectedKey === paragraph.key ? " selected" : ""}`}
                  >
                    <a
                      className="paragraph-number"
                      href={`#p-${paragraph.key}`}
                      aria-label={t("reader.linkToParagraph", { number: label })}
                    >
                      {paragraph.number ?? "¶"}
                    </a>
                    <p>{paragraph.text}</p>
                    <Link
                      className="comment-count"
                      to={`${base}?p=${paragraph.key}#p-${paragraph.key}`}
                      preventScrollReset
                      aria-label={t("reader.openComments", { count, number: label })}
                    >
                      {t("reader.commentCount", { count })}
                    </Link>
                    <CarriedComments
                      slug={consultation.slug}
                      versionNumber={version.number}
                      versions={consultation.versions}
                      entry={carried[paragraph.id]}
                    />
                  </div>
                );
              })}
            </section>
          );
        })}
      </article>
      {panel ? (
        <CommentPanel
          key={panel.paragraph.key}
          paragraph={panel.paragraph}
          comments={panel.comments}
          commenting={panel.commenting}
          idempotencyKey={idempotencyKey}
          closeHref={`${base}#p-${panel.paragraph.key}`}
          editing={panel.editing}
          history={panel.history}
          errors={actionData}
          draftStorageKey={`comment-draft:${consultation.slug}:${version.number}:${panel.paragraph.key}`}
          justSaved={panel.justSaved}
        />
      ) : null}
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
