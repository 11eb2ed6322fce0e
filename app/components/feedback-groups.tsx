import { Form, Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";

import { isDispositionStatus } from "~/lib/feedback/iso-table";

import { DecisionForm, type DecisionErrors } from "./feedback-decision";

type Group = {
  id: string;
  inView: number;
  size: number;
  decided: number;
  text: string;
  organization: string | null;
  paragraph: { number: string | null; key: string } | null;
  decisions?: Array<{ status: string; count: number }>;
  firstDecision?: { status: string; response: string } | null;
};

/**
 * Near-identical comments (campaigns, copied letters), largest first, each
 * with its first text, how many are decided, a link to its comments and a
 * form that decides the whole group at once. "Regroup now" recomputes.
 */
export function FeedbackGroups({
  groups,
  ungrouped,
  autoLimit,
  regroupedCount,
  returnTo,
  errors,
  groupHref,
  justDecided,
}: {
  groups: Group[];
  ungrouped: number;
  autoLimit: number;
  regroupedCount: number | null;
  returnTo: string;
  errors: DecisionErrors;
  groupHref: (id: string) => string;
  /** The group just decided, whose confirmation shows beside it. */
  justDecided?: { id: string; message: string } | null;
}) {
  const { t } = useTranslation();
  return (
    <section className="feedback-groups" aria-labelledby="groups-title">
      <h2 id="groups-title">{t("feedback.groups.title")}</h2>
      <p className="hint">{t("feedback.groups.intro")}</p>
      {ungrouped > 0 ? (
        <p className="notice-warn">{t("feedback.groups.ungrouped", { count: ungrouped, limit: autoLimit })}</p>
      ) : regroupedCount !== null ? (
        <p className="hint">{t("feedback.groups.regroupedNow", { count: regroupedCount })}</p>
      ) : null}
      <Form method="post" className="inline-form">
        <input type="hidden" name="intent" value="regroup" />
        <input type="hidden" name="returnTo" value={returnTo} />
        <button type="submit" className="secondary">
          {t("feedback.groups.regroup")}
        </button>
        <span className="hint">{t("feedback.groups.regroupHint")}</span>
      </Form>
      {groups.length === 0 ? (
        <p>{t("feedback.groups.none")}</p>
      ) : (
        <ol className="group-list">
          {groups.map((group) => (
            <li key={group.id} id={`group-${group.id}`} className="group" aria-labelledby={`group-${group.id}-title`}>
              <h3 id={`group-${group.id}-title`}>
                {t("feedback.groups.size", { count: group.size })}
                {group.inView !== group.size ? (
                  <span className="hint"> · {t("feedback.groups.inView", { count: group.inView })}</span>
                ) : null}
                <span className="hint">
                  {" "}
                  · {t("feedback.groups.decided", { decided: group.decided, size: group.size })}
                </span>
              </h3>
              <blockquote dir="auto" className="group-text">
                {group.text.length > 400 ? `${group.text.slice(0, 399)}…` : group.text}
              </blockquote>
              <p className="comment-meta">
                {group.paragraph
                  ? t("feedback.groups.first", {
                      organization: group.organization ?? "—",
                      number: group.paragraph.number ?? group.paragraph.key,
                    })
                  : t("feedback.groups.firstNoParagraph", { organization: group.organization ?? "—" })}{" "}
                · <Link to={`${groupHref(group.id)}#list-title`}>{t("feedback.groups.show")}</Link>
              </p>
              <GroupDecision group={group} />
              {justDecided?.id === group.id ? (
                <p className="notice decided-notice" role="status">
                  {justDecided.message}
                </p>
              ) : null}
              <DecisionForm
                intent="dispose-group"
                target={`group-${group.id}`}
                hidden={{ groupId: group.id }}
                returnTo={returnTo}
                errors={errors}
                defaults={group.decisions?.length === 1 ? (group.firstDecision ?? null) : null}
                submitLabel={t("feedback.groups.decideAll", { count: group.size })}
                className="group-decision"
              />
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

/** What was decided on a group: one decision (with its response), or how the decisions divide. */
function GroupDecision({ group }: { group: Group }) {
  const { t } = useTranslation();
  const decisions = group.decisions ?? [];
  if (decisions.length === 0) return null;
  const label = (status: string) => (isDispositionStatus(status) ? t(`dispositions.status.${status}`) : status);
  if (decisions.length === 1 && group.firstDecision?.status === decisions[0].status) {
    return (
      <p className={`decision-state decided decided-${decisions[0].status}`}>
        {t("feedback.groups.decision", { count: decisions[0].count, size: group.size })}{" "}
        <strong>{label(decisions[0].status)}</strong>
        {group.firstDecision.response ? (
          <span className="decision-response-text"> — {group.firstDecision.response}</span>
        ) : null}
      </p>
    );
  }
  return (
    <p className="decision-state decided">
      {t("feedback.groups.decisionsMixed")}{" "}
      {decisions.map((decision, index) => (
        <span key={decision.status}>
          {index > 0 ? ", " : null}
          <strong>{label(decision.status)}</strong> ({decision.count})
        </span>
      ))}
    </p>
  );
}
