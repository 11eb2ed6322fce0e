import { Form, Link, useLocation, useNavigation, useParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";

import { isCommentEvent, isCommentStatus, isCommentType } from "~/lib/comment-types";
import { formatInstant } from "~/lib/dates";

export type PanelComment = {
  id: string;
  type: string;
  status: string;
  bodyHtml: string;
  body: string;
  proposedText: string | null;
  quote: string | null;
  origin: string;
  sourceAttribution: string | null;
  createdAt: string | Date;
  author: { name: string } | null;
  organization: { name: string; kind: string } | null;
  mine: boolean;
  canEdit: boolean;
  canWithdraw: boolean;
  canSubmit: boolean;
  canSeeHistory: boolean;
  /** Whether the reader may undo its withdrawal (comment-read.server commentCapabilities). */
  canRestore?: boolean;
  /** Given when the comment became official (e.g. "GCA-GUIDELINES-0042"). */
  trackingNumber?: string | null;
  /** Why an official comment was withdrawn, and by whom: shown with it. */
  withdrawalReason?: string | null;
  withdrawnBy?: { name: string } | null;
  /** The receipt that made it official. */
  submission?: { reference: string } | null;
  _count: { revisions: number };
};

export type PanelRevision = {
  revision: number;
  event: string;
  type: string;
  bodyHtml: string;
  proposedText: string | null;
  status: string;
  createdAt: string | Date;
  editedBy: { name: string } | null;
};

/** One comment in the panel: who, what, and what the reader may do with it. */
export function CommentView({
  comment,
  paragraphKey,
  history,
  timeZone = "UTC",
}: {
  comment: PanelComment;
  paragraphKey: string;
  history: PanelRevision[] | null;
  /** The consultation's time zone, for the revision times (named). */
  timeZone?: string;
}) {
  const { t, i18n } = useTranslation();
  const navigation = useNavigation();
  const location = useLocation();
  const { slug = "" } = useParams();
  const busy = navigation.state !== "idle";
  // The per-comment actions (consultations.$slug.comments.$id) come back here.
  const actionPath = `/consultations/${slug}/comments/${comment.id}`;
  const here = `${location.pathname}${location.search}${location.hash || `#p-${paragraphKey}`}`;
  const withdrawPath = `${actionPath}?intent=withdraw&returnTo=${encodeURIComponent(here)}`;
  const who =
    comment.origin === "source"
      ? (comment.sourceAttribution ?? t("comments.sourceDocument"))
      : (comment.organization?.name ?? t("comments.unknownOrganization"));
  return (
    <article className={`comment comment-${comment.status}`} aria-label={t("comments.commentBy", { who })}>
      <header>
        <strong>
          <bdi>{who}</bdi>
        </strong>
        {comment.author ? (
          <span className="comment-author">
            {" · "}
            <bdi>{comment.author.name}</bdi>
          </span>
        ) : null}
        <span className={`badge badge-type`}>
          {isCommentType(comment.type) ? t(`comments.types.${comment.type}`) : comment.type}
        </span>
        {comment.status !== "submitted" ? (
          <span className={`badge badge-${comment.status}`}>
            {isCommentStatus(comment.status) ? t(`comments.status.${comment.status}`) : comment.status}
          </span>
        ) : null}
        {comment.trackingNumber ? (
          <span className="badge badge-tracking">
            {t("commentActions.tracking", { number: comment.trackingNumber })}
          </span>
        ) : null}
      </header>
      {comment.status === "withdrawn" && comment.withdrawalReason ? (
        <p className="comment-withdrawal">
          {comment.withdrawnBy
            ? t("commentActions.withdrawnBecause", { name: comment.withdrawnBy.name, reason: comment.withdrawalReason })
            : t("commentActions.withdrawnBecauseNoName", { reason: comment.withdrawalReason })}
        </p>
      ) : null}
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
      <footer className="comment-actions">
        {comment.canSubmit ? (
          <Form method="post" action={actionPath} preventScrollReset>
            <input type="hidden" name="intent" value="submit" />
            <input type="hidden" name="returnTo" value={here} />
            <button type="submit" disabled={busy}>
              {t("comments.submitOfficial")}
            </button>
          </Form>
        ) : null}
        {comment.canEdit ? (
          <Link to={`?p=${paragraphKey}&edit=${comment.id}`} preventScrollReset>
            {t("comments.edit")}
          </Link>
        ) : null}
        {comment.canWithdraw ? (
          // A confirmation page (with the reason for an official comment), which works without JavaScript.
          <Link to={withdrawPath} className="button secondary">
            {t("comments.withdraw")}
          </Link>
        ) : null}
        {comment.canRestore ? (
          <Form method="post" action={actionPath} preventScrollReset>
            <input type="hidden" name="intent" value="restore" />
            <input type="hidden" name="returnTo" value={here} />
            <button type="submit" className="secondary" disabled={busy}>
              {t("commentActions.undo")}
            </button>
          </Form>
        ) : null}
        {comment.submission ? (
          <Link to={`/consultations/${slug}/delegation/receipts/${comment.submission.reference}`}>
            {t("commentActions.receipt", { reference: comment.submission.reference })}
          </Link>
        ) : null}
        {comment.canSeeHistory && comment._count.revisions > 1 ? (
          <Link to={`?p=${paragraphKey}&history=${comment.id}`} preventScrollReset>
            {t("comments.history", { count: comment._count.revisions })}
          </Link>
        ) : null}
      </footer>
      {history ? (
        <ol className="revisions" aria-label={t("comments.historyTitle")}>
          {history.map((revision) => (
            <li key={revision.revision}>
              <p>
                {isCommentEvent(revision.event)
                  ? t(`comments.events.${revision.event}`)
                  : revision.event === "restored"
                    ? t("commentActions.restoredEvent")
                    : revision.event}{" "}
                ·{" "}
                <time dateTime={new Date(revision.createdAt).toISOString()}>
                  {formatInstant(revision.createdAt, timeZone, i18n.language)}
                </time>
                {revision.editedBy ? (
                  <>
                    {" · "}
                    <bdi>{revision.editedBy.name}</bdi>
                  </>
                ) : null}
              </p>
              <div className="comment-body" dir="auto" dangerouslySetInnerHTML={{ __html: revision.bodyHtml }} />
              {revision.proposedText ? <blockquote>{revision.proposedText}</blockquote> : null}
            </li>
          ))}
        </ol>
      ) : null}
    </article>
  );
}
