import crypto from "node:crypto";

import { data, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";

import { CarriedComments } from "~/components/carried-comments";
import { CommentLanguageField } from "~/components/comment-language-field";
import { CommentPanel } from "~/components/comment-panel";
import { CommentPeriod } from "~/components/comment-period";
import { DocumentPages } from "~/components/document-pages";
import { EditionSwitch, HeadingText, ParagraphText } from "~/components/edition-text";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { ParagraphJump } from "~/components/paragraph-jump";
import { StatusBadge } from "~/components/status-badge";
import { TableOfContents } from "~/components/table-of-contents";
import { remixI18n } from "~/i18next.server";
import { pageOfParagraph, parsePageNumber } from "~/lib/document-pages";
import { findParagraph } from "~/lib/paragraph-number";
import { can } from "~/lib/permissions";
import type { Translate } from "~/lib/translate";
import { commentingState } from "~/models/comment-period";
import { commentCountsByParagraph, listCommentRevisions, listParagraphComments } from "~/models/comment-read.server";
import { CommentActionSchema } from "~/models/comment-schema";
import { createComment, submitComment, updateComment, withdrawComment } from "~/models/comment.server";
import { readerEdition } from "~/models/edition.server";
import { carriedCommentCounts } from "~/models/lineage.server";
import { loadVersionPage, paragraphIndex, versionOutline, type VersionOutline } from "~/models/version-pages.server";
import { findReaderVersion, getVersionForReader } from "~/models/version.server";
import { getSessionUser } from "~/utils/auth.server";
import {
  actionFailure,
  errorResponse,
  formFailure,
  orErrorResponse,
  rateLimitFailure,
  readFormData,
  validationFailure,
} from "~/utils/http.server";
import { logger } from "~/utils/logger.server";
import { allowPublicPageCache, publicPageCacheHeaders } from "~/utils/page-cache.server";
import { consumeCommentWrite } from "~/utils/rate-limit.server";

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
  const slug = params.slug ?? "";
  const found = await orErrorResponse(findReaderVersion({ slug, number }), auth.headers);
  const outline = await versionOutline(found.id);
  const url = new URL(request.url);
  const base = `/consultations/${found.consultation.slug}/versions/${found.number}`;
  const goto = url.searchParams.get("goto");
  // A long version is read page by page (app/lib/document-pages.ts): only the page's paragraphs are loaded.
  const paged = outline.paged ? await readerPage(found, outline, url, base, auth.headers) : null;
  const reader = paged ? paged.reader : await orErrorResponse(getVersionForReader({ slug, number }), auth.headers);
  const { version, paragraphs } = reader;
  const now = new Date();
  const actor = auth.user;
  const readable = { id: version.id, consultation: version.consultation };

  // "Go to paragraph" without JavaScript: ?goto=2.9e leads to the paragraph's anchor.
  const jumpTarget = goto === null || paged ? null : findParagraph(goto.slice(0, 100), paragraphTargets(paragraphs));
  if (jumpTarget) throw redirect(`${base}#${jumpTarget.id}`, { headers: auth.headers });

  const paragraphIds = paged ? paragraphs.map((paragraph) => paragraph.id) : undefined;
  // The edition in the reader's language, or the one chosen with the switch (?edition=fr; "en": the original).
  const uiLanguage = await remixI18n.getLocale(request);
  const requested = url.searchParams.get("edition")?.slice(0, 8) ?? null;
  const edition = await readerEdition({ versionId: version.id, requested, uiLanguage, paragraphIds });
  const counts = await commentCountsByParagraph({ actor, version: readable, paragraphIds });
  const hiddenComments = commentsHiddenFrom(actor, version.consultation);
  const carried = await carriedCommentCounts({ actor, version: readable, paragraphIds });

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
      paragraph: {
        key: selected.key,
        number: selected.number,
        text: edition.shown?.paragraphs[selected.id] ?? selected.text,
        lang: edition.shown?.paragraphs[selected.id] ? edition.shown.language : "en",
      },
      comments,
      commenting: commentingState({ actor, version, now }),
      history,
      editing: url.searchParams.get("edit"),
      justSaved: url.searchParams.has("saved"),
      feedbackHref: can(actor, "consolidate:comment:any") ? `/consultations/${params.slug}/feedback` : null,
    };
  }

  return data(
    {
      ...reader,
      paging: paged?.paging ?? null,
      counts,
      carried,
      panel,
      hiddenComments,
      edition: { ...edition, requested: edition.languages.includes(requested ?? "") ? requested : null },
      uiLanguage,
      jump: goto === null ? null : { typed: goto.slice(0, 100), notFound: true },
      // A fresh key per rendered form: a double submit of this form is one
      // comment. Only signed-in people get a form (and never a cached page).
      idempotencyKey: auth.user ? crypto.randomUUID() : "",
      now: now.toISOString(),
    },
    { headers: allowPublicPageCache(auth.headers, auth.user) },
  );
}

/**
 * One page of a long version: ?goto= and ?at=<key> lead to the page holding
 * the paragraph (a redirect to its anchor), ?p=<key> opens that page, else
 * ?page=N (or the first).
 */
async function readerPage(
  version: Awaited<ReturnType<typeof findReaderVersion>>,
  outline: VersionOutline,
  url: URL,
  base: string,
  headers: Headers,
) {
  const pageOf = (index: number) => pageOfParagraph(outline.pages, index);
  const goto = url.searchParams.get("goto");
  // Only "go to paragraph" looks through the whole outline: building its 40,000 targets for every page was
  // about a tenth of a page's server CPU on the 40k fixture (npm run bench -- long).
  const jump =
    goto === null
      ? null
      : findParagraph(
          goto.slice(0, 100),
          outline.paragraphs.flatMap((paragraph, index) =>
            paragraph.number ? [{ number: paragraph.number, id: String(index) }] : [],
          ),
        );
  const at = url.searchParams.get("at");
  const atIndex = jump ? Number(jump.id) : at ? paragraphIndex(outline, at.slice(0, 200)) : -1;
  if (atIndex >= 0) {
    const key = outline.paragraphs[atIndex].key;
    throw redirect(`${base}?page=${pageOf(atIndex).number}#p-${key}`, { headers });
  }
  const requested = parsePageNumber(url.searchParams.get("page"), outline.pages.length);
  const selected = url.searchParams.get("p");
  const selectedIndex = selected ? paragraphIndex(outline, selected.slice(0, 200)) : -1;
  const page = requested ? outline.pages[requested - 1] : selectedIndex >= 0 ? pageOf(selectedIndex) : outline.pages[0];
  const content = await loadVersionPage(version.id, outline, page);
  return {
    reader: { version, ...content },
    paging: {
      current: page.number,
      count: outline.pages.length,
      pages: outline.pages.map(({ number, heading, sectionNumber, continued }) => ({
        number,
        heading,
        sectionNumber,
        continued,
      })),
    },
  };
}

/** The paragraphs as "Go to paragraph" targets: the numbered ones, by their displayed number. */
function paragraphTargets(paragraphs: ReadonlyArray<{ key: string; number: string | null }>) {
  return paragraphs.flatMap((paragraph) =>
    paragraph.number ? [{ number: paragraph.number, id: `p-${paragraph.key}` }] : [],
  );
}

/**
 * What the reader cannot see yet, so that no paragraph says "No comments"
 * when it may have some: while submitted comments are not public
 * (app/models/comment-read.server.ts visibleCommentsWhere), a visitor or an
 * observer sees none ("not-published"), a member of an organization sees
 * only its own ("own-only"). No count of hidden comments is given.
 */
function commentsHiddenFrom(
  actor: Parameters<typeof can>[0],
  consultation: { commentsVisibility: string; commentsPublishedAt: Date | string | null },
): "not-published" | "own-only" | null {
  if (can(actor, "read:comment:any")) return null;
  if (consultation.commentsVisibility === "during" || consultation.commentsPublishedAt !== null) return null;
  return actor?.organization && can(actor, "read:comment:organization") ? "own-only" : "not-published";
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const number = versionNumber(params.n);
  const slug = params.slug ?? "";
  const form = Object.fromEntries(await readFormData(request));
  const clientAddress = context.clientAddress;
  let headers = new Headers();
  // Only ever called with the parsed form's key (CommentActionSchema: [a-z0-9-]), never the raw field: a CRLF in it
  // would make the redirect throw after the write, answering "could not be saved" for a saved comment.
  const back = (paragraphKey = "", extra = "") =>
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
    if (actor && input.intent !== "withdraw") {
      // Before any write: a signed-in user's comment writes are limited (RATE_LIMITS.commentWritesPerUser).
      const limit = await consumeCommentWrite(actor.id);
      if (!limit.ok) return rateLimitFailure("errors.tooManyWrites", limit.retryAfterSeconds, headers);
    }
    switch (input.intent) {
      case "create":
        await createComment({
          actor,
          slug,
          versionNumber: number,
          input,
          clientAddress,
          uiLanguage: await remixI18n.getLocale(request),
        });
        return back(input.paragraphKey, `&saved=1${input.edition ? `&edition=${input.edition}` : ""}`);
      case "edit":
        await updateComment({ actor, input, clientAddress });
        return back(input.paragraphKey, "&saved=1");
      case "submit":
        await submitComment({ actor, commentId: input.commentId, clientAddress });
        return back(input.paragraphKey);
      case "withdraw":
        await withdrawComment({ actor, commentId: input.commentId, clientAddress });
        return back(input.paragraphKey);
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
  const data = useLoaderData<typeof loader>();
  const { version, sections, paragraphs, paging, counts, carried, panel, hiddenComments, jump, idempotencyKey } = data;
  const { edition, now } = data;
  const actionData = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const { t } = useTranslation();
  const consultation = version.consultation;
  const path = `/consultations/${consultation.slug}/versions/${version.number}`;
  // A chosen edition stays chosen on the page's own links (`base` is the page with it, `at` adds a query).
  const base = edition.requested ? `${path}?edition=${edition.requested}` : path;
  const at = (query: string) => `${base}${edition.requested ? "&" : "?"}${query}`;
  const bySection = new Map<string, typeof paragraphs>();
  for (const paragraph of paragraphs) {
    const list = bySection.get(paragraph.sectionId) ?? [];
    list.push(paragraph);
    bySection.set(paragraph.sectionId, list);
  }
  const selectedKey = searchParams.get("p");
  const panelKey = panel?.paragraph.key ?? null;
  useFocusReturnsToParagraph(panelKey);
  const others = [...consultation.versions].sort((a, b) => a.number - b.number);
  const previous = others.filter((other) => other.number < version.number).at(-1);
  const next = others.find((other) => other.number > version.number);
  const compare = (from: number, to: number) => `/consultations/${consultation.slug}/compare/${from}...${to}`;

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
        {hiddenComments ? (
          <p className="comments-hidden-notice">
            {t(hiddenComments === "own-only" ? "readerPage.panelNotPublishedOwn" : "readerPage.panelNotPublished")}
          </p>
        ) : null}
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
        {previous || next ? (
          <ul className="compare-links">
            {previous ? (
              <li>
                <Link to={compare(previous.number, version.number)} title={previous.label}>
                  {t("readerPage.compareWithPrevious")}
                </Link>
              </li>
            ) : null}
            {next ? (
              <li>
                <Link to={compare(version.number, next.number)} title={next.label}>
                  {t("readerPage.compareWithNext")}
                </Link>
              </li>
            ) : null}
          </ul>
        ) : null}
        <EditionSwitch
          languages={edition.languages}
          shown={edition.shown?.language ?? null}
          href={(language) => `${path}?edition=${language}`}
        />
        <ParagraphJump
          targets={paragraphs.flatMap((p) => (p.number ? [{ number: p.number, id: `p-${p.key}` }] : []))}
          typed={jump?.typed}
          notFound={jump?.notFound}
          askServer={paging !== null}
        />
        <a className="skip-contents" href="#document">
          {t("readerPage.skipToDocument")}
        </a>
      </div>
      <TableOfContents sections={sections} paragraphs={paragraphs} />
      <article className="document" id="document" tabIndex={-1} aria-labelledby="document-title">
        <h2 id="document-title" className="visually-hidden">
          {version.document.title}
        </h2>
        {paging ? <DocumentPages paging={paging} href={(n) => at(`page=${n}`)} /> : null}
        {sections.map((section, index) => {
          const Heading = section.level === 1 ? "h2" : "h3";
          const list = bySection.get(section.id) ?? [];
          return (
            <section key={section.id} aria-labelledby={`sec-${index + 1}`} className={`section level-${section.level}`}>
              <Heading id={`sec-${index + 1}`}>
                {section.number ? <span className="section-number">{section.number}</span> : null}
                <HeadingText heading={section.heading} edition={edition.shown} id={section.id} />
              </Heading>
              {list.map((paragraph) => {
                const count = counts[paragraph.id] ?? 0;
                const label = paragraph.number ?? t("reader.unnumbered");
                const countText = commentCountText(t, count, label, hiddenComments);
                return (
                  <div
                    key={paragraph.id}
                    id={`p-${paragraph.key}`}
                    tabIndex={-1}
                    className={`paragraph${selectedKey === paragraph.key ? " selected" : ""}`}
                  >
                    <a
                      className="paragraph-number"
                      href={`#p-${paragraph.key}`}
                      aria-label={t("reader.linkToParagraph", { number: label })}
                    >
                      {paragraph.number ?? "¶"}
                    </a>
                    <ParagraphText text={paragraph.text} edition={edition.shown} id={paragraph.id} />
                    <Link
                      className="comment-count"
                      to={`${at(`p=${paragraph.key}`)}#p-${paragraph.key}`}
                      preventScrollReset
                      aria-label={countText.label}
                    >
                      {countText.text}
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
        {paging ? <DocumentPages paging={paging} href={(n) => at(`page=${n}`)} position="bottom" /> : null}
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
          hiddenNotice={hiddenComments}
          feedbackHref={panel.feedbackHref}
          timeZone={consultation.timeZone}
          formExtra={
            <CommentLanguageField defaultLanguage={data.uiLanguage} edition={edition.shown?.language ?? null} />
          }
        />
      ) : null}
    </div>
  );
}

/**
 * A paragraph's comment link: the count the reader may see, and while
 * comments are unpublished, that they are (never "No comments" then, and
 * never a count of what the reader may not see).
 */
function commentCountText(t: Translate, count: number, number: string, hidden: "not-published" | "own-only" | null) {
  if (!hidden) {
    return { text: t("reader.commentCount", { count }), label: t("reader.openComments", { count, number }) };
  }
  if (count === 0) {
    return { text: t("readerPage.notPublishedYet"), label: t("readerPage.notPublishedYetLabel", { number }) };
  }
  return { text: t("readerPage.yoursOnly", { count }), label: t("readerPage.yoursOnlyLabel", { count, number }) };
}

/** When the comment panel closes (link, Escape, Back), focus goes back to its paragraph's comment link. */
function useFocusReturnsToParagraph(panelKey: string | null) {
  const last = useRef(panelKey);
  useEffect(() => {
    const previous = last.current;
    last.current = panelKey;
    if (!previous || panelKey) return;
    document.getElementById(`p-${previous}`)?.querySelector<HTMLElement>(".comment-count")?.focus();
  }, [panelKey]);
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
