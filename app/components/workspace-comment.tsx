import { Form, Link, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";

import { isCommentStatus, isCommentType } from "~/lib/comment-types";
import { formatInstant } from "~/lib/dates";

/** One comment in the delegation's workspace (app/models/delegation.server.ts). */
export interface WorkspaceCommentData {
  id: string;
  type: string;
  status: string;
  bodyHtml: string;
  proposedText: string | null;
  quote: string | null;
  createdAt: string | Date;
  submittedAt: string | Date | null;
  author: { name: string } | null;
  submittedBy: { name: string } | null;
  trackingNumber: string | null;
  withdrawalReason: string | null;
  withdrawnBy: { name: string } | null;
  submission: { reference: string } | null;
  paragraph: { key: string; number: string | null } | null;
  canEdit: boolean;
  canWithdraw: boolean;
  canSubmit: boolean;
  canRestore: boolean;
}

/**
 * A comment with its status, tracking number and withdrawal reason; a
 * checkbox (tied to the selection form by its `form` attribute) when it may
 * be submitted; edit in the reader, withdraw (a confirmation page) and undo.
 */
export function WorkspaceComment({
  comment,
  selectable,
  readerPath,
  returnTo,
  timeZone,
}: {
  comment: WorkspaceCommentData;
  selectable: boolean;
  readerPath: string | null;
  returnTo: string;
  timeZone: string;
}) {
  const { t, i18n } = useTranslation();
  const navigation = useNavigation();
  const actionPath = `${returnTo.replace(/\/delegation$/, "")}/comments/${comment.id}`;
  const checkboxId = `ws-select-${comment.id}`;
  return (
    <article className={`comment comment-${comment.status}`} aria-labelledby={`ws-c-${comment.id}`}>
      <header id={`ws-c-${comment.id}`}>
        {selectable ? (
          <span className="workspace-select">
            <input type="checkbox" id={checkboxId} name="c" value={comment.id} form="ws-selection" />
            <label htmlFor={checkboxId} className="visually-hidden">
              {t("workspace.select")}
            </label>
          </span>
        ) : null}
        <span className="badge badge-type">
          {isCommentType(comment.type) ? t(`comments.types.${comment.type}`) : comment.type}
        </span>
        <span className={`badge badge-${comment.status}`}>
          {isCommentStatus(comment.status) ? t(`comments.status.${comment.status}`) : comment.status}
        </span>
        {comment.trackingNumber ? (
          <span className="badge badge-tracking">
            {t("commentActions.tracking", { number: comment.trackingNumber })}
          </span>
        ) : null}
        {comment.author ? (
          <span className="comment-author"> {t("workspace.by", { name: comment.author.name })}</span>
        ) : null}
        {" · "}
        <time dateTime={new Date(comment.createdAt).toISOString()}>
          {formatInstant(comment.createdAt, timeZone, i18n.language)}
        </time>
      </header>
      {comment.quote ? (
        <p className="comment-quote">
          {t("comments.onPhrase")} <q>{comment.quote}</q>
        </p>
      ) : null}
      {/* Rendered from validated JSON and sanitized on the server (app/lib/richtext). */}
      <div className="comment-body" dir="auto" dangerouslySetInnerHTML={{ __html: comment.bodyHtml }} />
      {comment.proposedText ? (
        <div className="comment-proposal">
          <p className="label">{t("comments.proposedText")}</p>
          <blockquote>{comment.proposedText}</blockquote>
        </div>
      ) : null}
      {comment.status === "withdrawn" && comment.withdrawalReason ? (
        <p className="comment-withdrawal">
          {comment.withdrawnBy
            ? t("commentActions.withdrawnBecause", { name: comment.withdrawnBy.name, reason: comment.withdrawalReason })
            : t("commentActions.withdrawnBecauseNoName", { reason: comment.withdrawalReason })}
        </p>
      ) : null}
      <footer className="comment-actions">
        {comment.canEdit && readerPath && comment.paragraph ? (
          <Link to={readerPath.replace("#", `&edit=${comment.id}#`)}>{t("comments.edit")}</Link>
        ) : null}
        {comment.canWithdraw ? (
          <Link
            className="button secondary"
            to={`${actionPath}?intent=withdraw&returnTo=${encodeURIComponent(returnTo)}`}
          >
            {t("comments.withdraw")}
          </Link>
        ) : null}
        {comment.canRestore ? (
          <Form method="post" action={actionPath}>
            <input type="hidden" name="intent" value="restore" />
            <input type="hidden" name="returnTo" value={returnTo} />
            <button type="submit" className="secondary" disabled={navigation.state !== "idle"}>
              {t("commentActions.undo")}
            </button>
          </Form>
        ) : null}
        {comment.submission ? (
          <Link to={`${returnTo}/receipts/${comment.submission.reference}`}>
            {t("commentActions.receipt", { reference: comment.submission.reference })}
          </Link>
        ) : null}
      </footer>
    </article>
  );
}
