import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";

import { formatInstant } from "~/lib/dates";
import { languageName } from "~/lib/editions";
import { isCommentType, isDispositionStatus } from "~/lib/feedback/iso-table";
import { ORGANIZATION_KINDS, type OrganizationKind } from "~/lib/permissions";

import { DecisionForm, type DecisionErrors } from "./feedback-decision";

const isOrganizationKind = (kind: string): kind is OrganizationKind =>
  (ORGANIZATION_KINDS as readonly string[]).includes(kind);

/** A submitted comment as the dashboard lists it. */
export interface FeedbackCommentView {
  id: string;
  type: string;
  bodyHtml: string;
  proposedText: string | null;
  quote: string | null;
  origin: string;
  sourceAttribution: string | null;
  submittedAt: string | Date | null;
  duplicateGroupId: string | null;
  /** The language it is written in (null: before languages were recorded, English) and the edition read. */
  language?: string | null;
  edition?: { language: string } | null;
  paragraph: { key: string; number: string | null } | null;
  organization: { name: string; kind: string } | null;
  disposition: { status: string; response: string; decidedAt: string | Date; decidedBy: string | null } | null;
}

/**
 * One comment with everything the secretariat decides on: who, where, what
 * type, the text and proposed change, the current decision and who took it,
 * and the form to decide (or change the decision). The checkbox belongs to
 * the bulk form at the top of the list (`form` attribute), so several
 * comments can be decided at once.
 */
export function FeedbackComment({
  comment,
  timeZone,
  returnTo,
  errors,
  paragraphHref,
  bulkFormId,
  groupSize,
  justDecided,
}: {
  comment: FeedbackCommentView;
  timeZone: string;
  returnTo: string;
  errors: DecisionErrors;
  paragraphHref: (key: string) => string;
  /** The bulk decision form the comment's checkbox belongs to; no checkbox without one. */
  bulkFormId?: string;
  groupSize?: number;
  /** The confirmation of a decision just taken on this comment, shown beside it. */
  justDecided?: string;
}) {
  const { t, i18n } = useTranslation();
  const who =
    comment.organization?.name ??
    (comment.origin === "source"
      ? (comment.sourceAttribution ?? t("comments.sourceDocument"))
      : t("comments.unknownOrganization"));
  const number = comment.paragraph?.number ?? comment.paragraph?.key ?? null;
  const decided = comment.disposition;
  return (
    <article className="feedback-comment" id={`c-${comment.id}`} aria-labelledby={`c-${comment.id}-title`}>
      <header>
        {bulkFormId ? (
          <input
            type="checkbox"
            name="commentIds"
            value={comment.id}
            form={bulkFormId}
            id={`select-${comment.id}`}
            aria-label={t("feedback.list.selectLabel", { organization: who, number: number ?? "—" })}
          />
        ) : null}
        <h3 id={`c-${comment.id}-title`}>
          <span className="comment-org">{who}</span>
          {comment.paragraph ? (
            <Link to={paragraphHref(comment.paragraph.key)}>{t("feedback.list.paragraph", { number })}</Link>
          ) : (
            <span>{t("feedback.list.noParagraph")}</span>
          )}
        </h3>
        <span className="badge badge-type">
          {isCommentType(comment.type) ? t(`comments.types.${comment.type}`) : comment.type}
        </span>
        <span className="badge badge-language">
          {t("editions.feedback.writtenIn", { language: languageName(comment.language ?? "en", i18n.language) })}
        </span>
        {comment.edition ? (
          <span className="badge badge-edition">
            {t("editions.comment.readIn", { language: languageName(comment.edition.language, i18n.language) })}
          </span>
        ) : null}
        {comment.organization ? (
          <span className="badge badge-kind">
            {isOrganizationKind(comment.organization.kind)
              ? t(`auth.organizationKinds.${comment.organization.kind}`)
              : comment.organization.kind}
          </span>
        ) : null}
        {groupSize && groupSize > 1 ? (
          <span className="badge badge-group">{t("feedback.list.group", { count: groupSize - 1 })}</span>
        ) : null}
      </header>
      {comment.quote ? (
        <p className="comment-quote">
          {t("feedback.list.onPhrase")}: <q>{comment.quote}</q>
        </p>
      ) : null}
      <div
        className="comment-body"
        dir="auto"
        lang={comment.language ?? "en"}
        dangerouslySetInnerHTML={{ __html: comment.bodyHtml }}
      />
      {comment.proposedText ? (
        <div className="comment-proposal">
          <p className="label">{t("feedback.list.proposed")}</p>
          <blockquote dir="auto">{comment.proposedText}</blockquote>
        </div>
      ) : null}
      <p className="comment-meta">
        {comment.submittedAt
          ? t("feedback.list.submitted", { date: formatInstant(comment.submittedAt, timeZone, i18n.language) })
          : null}
      </p>
      <div className={`decision-state ${decided ? `decided decided-${decided.status}` : "undecided"}`}>
        {decided ? (
          <>
            <p>
              <strong>
                {isDispositionStatus(decided.status) ? t(`dispositions.status.${decided.status}`) : decided.status}
              </strong>
              {decided.response ? <span className="decision-response-text"> — {decided.response}</span> : null}
            </p>
            <p className="comment-meta">
              {decided.decidedBy
                ? t("feedback.list.decidedBy", {
                    name: decided.decidedBy,
                    date: formatInstant(decided.decidedAt, timeZone, i18n.language),
                  })
                : t("feedback.list.decidedOn", { date: formatInstant(decided.decidedAt, timeZone, i18n.language) })}
            </p>
          </>
        ) : (
          <p>{t("feedback.list.notDecided")}</p>
        )}
      </div>
      {justDecided ? (
        <p className="notice decided-notice" role="status">
          {justDecided}
        </p>
      ) : null}
      <details className="decide" open={errors?.target === comment.id || undefined}>
        <summary>{t("feedback.decision.legend")}</summary>
        <DecisionForm
          intent="dispose"
          target={comment.id}
          hidden={{ commentIds: comment.id }}
          returnTo={returnTo}
          defaults={decided ? { status: decided.status, response: decided.response } : null}
          errors={errors}
          submitLabel={t("feedback.decision.save")}
        />
      </details>
    </article>
  );
}
