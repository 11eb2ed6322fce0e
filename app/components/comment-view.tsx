import { Form, Link, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";

import { isCommentEvent, isCommentStatus, isCommentType } from "~/lib/comment-types";

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
}: {
  comment: PanelComment;
  paragraphKey: string;
  history: PanelRevision[] | null;
}) {
  const { t } = useTranslation();
  const navigation = useNavigation();
  const busy = navigation.state !== "idle";
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
      <footer className="comment-actions">
        {comment.canSubmit ? (
          <Form method="post" preventScrollReset>
            <input type="hidden" name="intent" value="submit" />
            <input type="hidden" name="commentId" value={comment.id} />
            <input type="hidden" name="paragraphKey" value={paragraphKey} />
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
          <Form method="post" preventScrollReset>
            <input type="hidden" name="intent" value="withdraw" />
            <input type="hidden" name="commentId" value={comment.id} />
            <input type="hidden" name="paragraphKey" value={paragraphKey} />
            <button type="submit" className="secondary" disabled={busy}>
              {t("comments.withdraw")}
            </button>
          </Form>
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
                {isCommentEvent(revision.event) ? t(`comments.events.${revision.event}`) : revision.event} ·{" "}
                {t("comments.revisionTime", {
                  time: new Date(revision.createdAt).toISOString().slice(0, 16).replace("T", " "),
                })}
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
