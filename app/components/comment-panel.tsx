import { Form, Link, useNavigate, useNavigation } from "@remix-run/react";
import { useEffect, useRef, useState, type ReactNode, type RefObject } from "react";
import { useTranslation } from "react-i18next";

import { CommentView, type PanelComment, type PanelRevision } from "~/components/comment-view";
import { Field, FormError } from "~/components/field";
import { QuotableParagraph, type SelectedQuote } from "~/components/quotable-paragraph";
import { RichTextEditor } from "~/components/rich-text-editor";
import { COMMENT_TYPES } from "~/lib/comment-types";
import type { Message } from "~/lib/errors";
import { paragraphPanelPath, signInPath } from "~/lib/return-address";
import { translateMessage } from "~/lib/translate-message";
import type { CommentingState } from "~/models/comment-period";

export type { CommentingState } from "~/models/comment-period";
export type { PanelComment, PanelRevision } from "~/components/comment-view";

/** What the comment action answered when it refused a form (app/utils/http.server.ts FormFailure). */
type ActionErrors = { formError?: Message; fieldErrors?: Record<string, readonly string[] | undefined> } | undefined;

/**
 * The comment panel of one paragraph: its comments, and the form to add one.
 * Opened by `?p=<key>` so it works without JavaScript, by keyboard and by
 * touch, and its URL can be shared.
 */
export function CommentPanel({
  paragraph,
  comments,
  commenting,
  idempotencyKey,
  closeHref,
  editing,
  history,
  errors,
  draftStorageKey,
  justSaved,
  hiddenNotice = null,
  feedbackHref = null,
  timeZone,
  formExtra = null,
}: {
  justSaved: boolean;
  /** The consultation's time zone, in which revision times are shown. */
  timeZone: string;
  paragraph: { key: string; number: string | null; text: string; lang?: string };
  comments: PanelComment[];
  commenting: CommentingState;
  idempotencyKey: string;
  closeHref: string;
  editing: string | null;
  history: { commentId: string; revisions: PanelRevision[] } | null;
  errors: ActionErrors;
  draftStorageKey: string;
  /** While comments are not public: what this reader does not see yet, said instead of "No comments". */
  hiddenNotice?: "not-published" | "own-only" | null;
  /** For a role that reads but does not comment (the secretariat): where its own work is. */
  feedbackHref?: string | null;
  /** More fields for the new comment's form (the language select of app/components/comment-language-field.tsx). */
  formExtra?: ReactNode;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const panelRef = useRef<HTMLElement>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const savedRef = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    headingRef.current?.focus();
  }, [paragraph.key]);
  // After a save the form is emptied and its button was disabled while
  // saving: focus goes to the confirmation rather than being dropped.
  useEffect(() => {
    if (justSaved) savedRef.current?.focus();
  }, [justSaved, idempotencyKey]);
  useModalOnNarrowScreens(panelRef);
  // Escape closes the panel, on every screen size; focus then returns to the
  // paragraph (the reader's route does that when the panel goes).
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== "Escape" || event.defaultPrevented || event.isComposing) return;
      event.preventDefault();
      navigate(closeHref, { preventScrollReset: true });
    };
    document.addEventListener("keydown", onKeyDown);
    return () => document.removeEventListener("keydown", onKeyDown);
  }, [closeHref, navigate]);
  const label = paragraph.number ?? t("reader.unnumbered");
  return (
    <aside className="comment-panel" aria-labelledby="panel-title" ref={panelRef}>
      <div className="panel-head">
        <h2 id="panel-title" tabIndex={-1} ref={headingRef}>
          {t("comments.panelTitle", { number: label })}
        </h2>
        <Link to={closeHref} className="panel-close" preventScrollReset>
          {t("comments.close")}
        </Link>
      </div>
      <QuotableParagraph text={paragraph.text} number={label} lang={paragraph.lang} />
      {justSaved ? (
        <p className="panel-saved" role="status" tabIndex={-1} ref={savedRef}>
          {t("readerPage.saved")}
        </p>
      ) : null}
      {hiddenNotice ? (
        <p className="panel-hidden-notice">
          {t(hiddenNotice === "own-only" ? "readerPage.panelNotPublishedOwn" : "readerPage.panelNotPublished")}
        </p>
      ) : null}
      {comments.length === 0 ? (
        hiddenNotice ? null : (
          <p>{t("comments.none")}</p>
        )
      ) : (
        <ol className="comment-list">
          {comments.map((comment) => (
            <li key={comment.id}>
              <CommentView
                comment={comment}
                paragraphKey={paragraph.key}
                history={history?.commentId === comment.id ? history.revisions : null}
                timeZone={timeZone}
              />
              {editing === comment.id && comment.canEdit ? (
                <CommentForm
                  mode="edit"
                  comment={comment}
                  paragraphKey={paragraph.key}
                  idempotencyKey={idempotencyKey}
                  canSubmit={false}
                  errors={errors}
                  draftStorageKey={`${draftStorageKey}:edit:${comment.id}`}
                  justSaved={justSaved}
                />
              ) : null}
            </li>
          ))}
        </ol>
      )}
      <section aria-labelledby="new-comment-title" className="new-comment">
        <h3 id="new-comment-title">{t("comments.add")}</h3>
        {commenting.kind === "allowed" ? (
          <CommentForm
            // A new key per saved comment: the emptied form is a fresh one.
            key={idempotencyKey}
            mode="create"
            paragraphKey={paragraph.key}
            idempotencyKey={idempotencyKey}
            canSubmit={commenting.canSubmit}
            errors={editing ? undefined : errors}
            draftStorageKey={draftStorageKey}
            justSaved={justSaved}
            extra={formExtra}
          />
        ) : commenting.kind === "signed-out" ? (
          <p>
            <Link to={signInPath(paragraphPanelPath(closeHref, paragraph.key))}>{t("comments.signInToComment")}</Link>
          </p>
        ) : commenting.kind === "not-allowed" ? (
          <>
            <p>{t(feedbackHref ? "comments.secretariatCannotComment" : "comments.roleCannotComment")}</p>
            {feedbackHref ? (
              <p>
                <Link to={feedbackHref}>{t("comments.roleCannotCommentFeedback")}</Link>
              </p>
            ) : null}
          </>
        ) : (
          <p role="status">{translateMessage(t, commenting.message)}</p>
        )}
      </section>
    </aside>
  );
}

/**
 * Below 64rem the panel covers the screen (app.css): there it behaves as a
 * modal dialog. Everything outside it is inert, so Tab, a screen reader's
 * cursor and a tap cannot reach the hidden page, and the page behind does not
 * scroll. Without JavaScript the panel is still a full-screen, scrollable
 * page with its own "Close" link.
 */
function useModalOnNarrowScreens(panelRef: RefObject<HTMLElement | null>) {
  useEffect(() => {
    const panel = panelRef.current;
    if (!panel) return;
    const narrow = window.matchMedia("(max-width: 64rem)");
    let made: Element[] = [];
    const release = () => {
      for (const element of made) element.removeAttribute("inert");
      made = [];
      document.documentElement.classList.remove("panel-modal");
    };
    const apply = () => {
      release();
      if (!narrow.matches) return;
      for (let node: Element = panel; node.parentElement && node !== document.body; node = node.parentElement) {
        for (const sibling of Array.from(node.parentElement.children)) {
          if (sibling === node || sibling.hasAttribute("inert") || sibling.tagName === "SCRIPT") continue;
          sibling.setAttribute("inert", "");
          made.push(sibling);
        }
      }
      document.documentElement.classList.add("panel-modal");
    };
    apply();
    narrow.addEventListener("change", apply);
    return () => {
      narrow.removeEventListener("change", apply);
      release();
    };
  }, [panelRef]);
}

/** What the browser keeps of a comment being typed. */
type StoredDraft = { body?: string; proposedText?: string; type?: string };

/** The kept draft, read back from storage (where anything may have been written). */
function storedDraft(value: unknown): StoredDraft | null {
  if (typeof value !== "object" || value === null) return null;
  const text = (field: string) => {
    const found: unknown = (value as Record<string, unknown>)[field];
    return typeof found === "string" ? found : undefined;
  };
  return { body: text("body"), proposedText: text("proposedText"), type: text("type") };
}

function CommentForm({
  mode,
  comment,
  paragraphKey,
  idempotencyKey,
  canSubmit,
  errors,
  draftStorageKey,
  justSaved,
  extra = null,
}: {
  justSaved: boolean;
  extra?: ReactNode;
  mode: "create" | "edit";
  comment?: PanelComment;
  paragraphKey: string;
  idempotencyKey: string;
  canSubmit: boolean;
  errors: ActionErrors;
  draftStorageKey: string;
}) {
  const { t } = useTranslation();
  const navigation = useNavigation();
  const busy = navigation.state === "submitting";
  const [quote, setQuote] = useState<SelectedQuote | null>(null);
  const [restored, setRestored] = useState<StoredDraft | null>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const prefix = mode === "edit" ? `edit-${comment?.id}` : "new";
  const fieldErrors = errors?.fieldErrors ?? {};

  useEffect(() => {
    if (mode !== "create") return;
    const onQuote = (event: Event) => {
      const { focus, ...selected } = (event as CustomEvent<SelectedQuote & { focus?: boolean }>).detail;
      setQuote(selected);
      // "Comment on the selection": on to the comment's text, the next thing to write.
      if (focus) {
        window.requestAnimationFrame(() =>
          formRef.current?.querySelector<HTMLElement>(".rte-content, textarea.rte-fallback")?.focus(),
        );
      }
    };
    document.addEventListener("comment-quote", onQuote);
    return () => document.removeEventListener("comment-quote", onQuote);
  }, [mode]);

  // The typed comment survives a failed submission (database down, network
  // gone, page closed): it is kept in this browser until the server accepts it.
  useEffect(() => {
    try {
      if (justSaved) {
        window.localStorage.removeItem(draftStorageKey);
        return;
      }
      const saved = window.localStorage.getItem(draftStorageKey);
      // The browser's copy exists only after hydration: reading it during the
      // render would differ from the server's HTML.
      // eslint-disable-next-line react-hooks/set-state-in-effect
      if (saved) setRestored(storedDraft(JSON.parse(saved)));
    } catch {
      /* storage unavailable: nothing to restore */
    }
  }, [draftStorageKey, justSaved]);
  const saveDraft = (overrides: { body?: string } = {}) => {
    const form = formRef.current;
    if (!form) return;
    const data = new FormData(form);
    try {
      window.localStorage.setItem(
        draftStorageKey,
        JSON.stringify({
          body: overrides.body ?? data.get("body") ?? data.get("bodyText"),
          proposedText: data.get("proposedText"),
          type: data.get("type"),
        }),
      );
    } catch {
      /* storage full or unavailable */
    }
  };

  const defaultType = restored?.type ?? comment?.type ?? "general";
  return (
    <Form
      method="post"
      preventScrollReset
      ref={formRef}
      className="comment-form"
      onInput={() => saveDraft()}
      onChange={() => saveDraft()}
      aria-describedby={errors?.formError ? `${prefix}-form-error` : undefined}
      data-draft-key={draftStorageKey}
    >
      <input type="hidden" name="intent" value={mode} />
      <input type="hidden" name="paragraphKey" value={paragraphKey} />
      {mode === "edit" && comment ? <input type="hidden" name="commentId" value={comment.id} /> : null}
      {mode === "create" ? <input type="hidden" name="idempotencyKey" value={idempotencyKey} /> : null}
      <FormError id={`${prefix}-form-error`} message={errors?.formError} />
      {extra}
      {quote ? (
        <div className="quote-field">
          <p>
            {t("comments.onPhrase")} <q>{quote.quote}</q>{" "}
            <button type="button" className="link-button" onClick={() => setQuote(null)}>
              {t("comments.clearQuote")}
            </button>
          </p>
          <input type="hidden" name="quote" value={quote.quote} />
          <input type="hidden" name="quoteStart" value={quote.start} />
          <input type="hidden" name="quoteEnd" value={quote.end} />
        </div>
      ) : null}
      <Field id={`${prefix}-type`} label={t("comments.type")} errors={fieldErrors.type} group>
        {() =>
          COMMENT_TYPES.map((type) => (
            <label key={`${type}-${defaultType}`} className="radio">
              <input type="radio" name="type" value={type} defaultChecked={type === defaultType} required />
              {t(`comments.types.${type}`)}
            </label>
          ))
        }
      </Field>
      <Field
        id={`${prefix}-body`}
        label={t("comments.body")}
        errors={fieldErrors.body ?? fieldErrors.bodyText}
        ownLabel
        className="comment-body-field"
      >
        {(control) => (
          <RichTextEditor
            key={restored?.body ? `restored-${prefix}` : prefix}
            id={control.id}
            name="body"
            label={t("comments.body")}
            defaultValue={restored?.body ?? comment?.body}
            invalid={Boolean(control["aria-invalid"])}
            describedBy={control["aria-describedby"]}
            onChange={(body) => saveDraft({ body })}
          />
        )}
      </Field>
      <Field
        id={`${prefix}-proposed`}
        label={t("comments.proposedTextLabel")}
        hint={t("comments.proposedTextHint")}
        errors={fieldErrors.proposedText}
        className="comment-proposed-field"
      >
        {(control) => (
          <textarea
            {...control}
            name="proposedText"
            rows={4}
            defaultValue={restored?.proposedText ?? comment?.proposedText ?? ""}
          />
        )}
      </Field>
      {canSubmit ? (
        <label className="checkbox">
          <input type="checkbox" name="submit" value="on" defaultChecked />
          {t("comments.submitNow")}
        </label>
      ) : mode === "create" ? (
        <p className="hint">{t("comments.draftHint")}</p>
      ) : null}
      <button type="submit" disabled={busy}>
        {busy ? t("comments.saving") : mode === "edit" ? t("comments.saveChanges") : t("comments.save")}
      </button>
    </Form>
  );
}
