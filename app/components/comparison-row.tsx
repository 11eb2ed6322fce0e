import { Fragment } from "react";
import { useTranslation } from "react-i18next";

import type { WordChange } from "~/lib/compare";
import { markMovedSentences, type MarkedChange } from "~/lib/compare/moved-sentences";
import { rowNumbers } from "~/lib/compare/page";

/** A paragraph as a comparison row refers to it. */
export type RowParagraphRef = { key: string; number: string | null };

/** A carried comment as the page receives it (dates may arrive as strings). */
export type RowComment = {
  id: string;
  type: string;
  status: string;
  organization: string | null;
  sourceAttribution: string | null;
  bodyHtml: string;
  proposedText: string | null;
  quote: string | null;
  paragraph: RowParagraphRef;
  adoption: "full" | "partial" | "none" | null;
};

/** One end of a sentence moved between rows (see MovedSentenceView in ~/lib/compare/page). */
export type RowMovedSentence = {
  side: "old" | "new";
  start: number;
  end: number;
  anchor: string;
  number: string;
  page: number | null;
};

export type RowData = {
  anchor: string;
  kind: "unchanged" | "modified" | "split" | "merged" | "deleted" | "inserted";
  moved: boolean;
  renumbered: boolean;
  /** A pairing on little shared wording, shown as "possibly related". */
  possiblyRelated?: boolean;
  movedSentences?: RowMovedSentence[];
  old: RowParagraphRef[];
  new: RowParagraphRef[];
  changes: WordChange[];
  commentsAnchor: string | null;
  extraCommentAnchors: string[];
  comments: RowComment[];
  commentCount: number;
};

/** The two versions of a comparison and where their readers live. */
export type ComparisonContext = {
  slug: string;
  from: { number: number; label: string };
  to: { number: number; label: string };
  /** Prefix for links ("" on the site; the origin in a standalone export). */
  linkBase: string;
  /** On a comparison of several pages: the page shown and the link to another one. */
  paging?: { current: number; href: (page: number) => string };
};

export type ComparisonLayout = "inline" | "side";

/** The reader of one of the compared versions. */
function readerHref(context: ComparisonContext, version: { number: number }) {
  return `${context.linkBase}/consultations/${context.slug}/versions/${version.number}`;
}

/** The label of a stored comment type; an unknown one reads as general. */
function commentTypeKey(type: string) {
  return type === "technical" || type === "editorial" ? (`comments.types.${type}` as const) : "comments.types.general";
}

/** A run of a row's text as shown: a word change, or the part of one that is a moved sentence. */
type ShownChange = MarkedChange<RowMovedSentence>;

/**
 * Splits word changes into paragraphs: a blank line inside a run separates
 * the joined paragraphs of a split or merge. `side` keeps only what one
 * version has (old: equal + deleted, new: equal + inserted).
 */
function toBlocks(changes: readonly ShownChange[], side: "old" | "new" | "both") {
  const blocks: ShownChange[][] = [[]];
  for (const change of changes) {
    if (side === "old" && change.type === "insert") continue;
    if (side === "new" && change.type === "delete") continue;
    const pieces = change.text.split("\n\n");
    pieces.forEach((piece, index) => {
      if (index > 0) blocks.push([]);
      if (piece)
        blocks[blocks.length - 1].push({
          ...change,
          text: piece,
          moveEnds: change.moveEnds && index === pieces.length - 1,
        });
    });
  }
  return blocks.filter((block) => block.length > 0);
}

/** The link from one end of a moved sentence to the other ("moved to 6."). */
function MovedSentenceLink({ move, context }: { move: RowMovedSentence; context?: ComparisonContext }) {
  const { t } = useTranslation();
  const number = move.number || t("compare.unnumberedLong");
  const paging = context?.paging;
  const href =
    paging && move.page !== null && move.page !== paging.current
      ? `${paging.href(move.page)}#${move.anchor}`
      : `#${move.anchor}`;
  const version = move.side === "old" ? context?.to.label : context?.from.label;
  return (
    <span className="moved-sentence-note">
      {" "}
      <span className="badge badge-change badge-moved-sentence">{t("compare.movedSentence")}</span>{" "}
      <a href={href}>
        {t(move.side === "old" ? "compare.movedTo" : "compare.movedFrom", { number })}
        {/* Which version the other end is in, for a screen reader's list of links; the visible text stays the
            start of the link's name (WCAG 2.5.3). */}
        {version ? <span className="visually-hidden"> {t("compare.movedInVersion", { version })}</span> : null}
      </a>
    </span>
  );
}

/** Word changes as text with `<ins>` and `<del>`, announced to screen readers. */
export function ChangeText({
  changes,
  side = "both",
  movedSentences = [],
  context,
}: {
  changes: readonly WordChange[];
  side?: "old" | "new" | "both";
  /** Sentences of the row moved to or from other rows: marked, with a link to the other end. */
  movedSentences?: readonly RowMovedSentence[];
  context?: ComparisonContext;
}) {
  const { t } = useTranslation();
  return (
    <>
      {toBlocks(markMovedSentences(changes, movedSentences), side).map((block, index) => (
        <p key={index}>
          {block.map((change, position) => {
            if (change.type === "equal") return <Fragment key={position}>{change.text}</Fragment>;
            const Mark = change.type === "insert" ? "ins" : "del";
            return (
              <Fragment key={position}>
                <Mark className={change.move ? "moved-sentence" : undefined}>
                  <span className="visually-hidden">
                    {t(change.type === "insert" ? "compare.inserted" : "compare.deleted")}{" "}
                  </span>
                  {change.text}
                </Mark>
                {change.move && change.moveEnds ? <MovedSentenceLink move={change.move} context={context} /> : null}
              </Fragment>
            );
          })}
        </p>
      ))}
    </>
  );
}

/** The missing side of an insertion or deletion: a dash, read as "none". */
function NoParagraph() {
  const { t } = useTranslation();
  return (
    <span className="change-none">
      <span aria-hidden="true">—</span>
      <span className="visually-hidden">{t("compare.none")}</span>
    </span>
  );
}

function ParagraphLinks({
  paragraphs,
  version,
  context,
}: {
  paragraphs: readonly RowParagraphRef[];
  version: { number: number; label: string };
  context: ComparisonContext;
}) {
  const { t } = useTranslation();
  if (paragraphs.length === 0) return <NoParagraph />;
  return (
    <>
      {paragraphs.map((paragraph, index) => (
        <Fragment key={paragraph.key}>
          {index > 0 ? " + " : null}
          <a
            href={`${readerHref(context, version)}#p-${paragraph.key}`}
            aria-label={t("compare.readIn", {
              number: paragraph.number ?? t("compare.unnumberedLong"),
              version: version.label,
            })}
          >
            {paragraph.number ?? t("compare.unnumbered")}
          </a>
        </Fragment>
      ))}
    </>
  );
}

function badgesOf(row: RowData) {
  const badges: Array<keyof typeof BADGE_KEYS> = [];
  if (row.kind !== "unchanged") badges.push(row.kind);
  if (row.possiblyRelated) badges.push("possiblyRelated");
  if (row.moved) badges.push("moved");
  if (row.renumbered) badges.push("renumbered");
  return badges;
}

const BADGE_KEYS = {
  modified: "compare.badges.modified",
  split: "compare.badges.split",
  merged: "compare.badges.merged",
  deleted: "compare.badges.deleted",
  inserted: "compare.badges.inserted",
  moved: "compare.badges.moved",
  renumbered: "compare.badges.renumbered",
  possiblyRelated: "compare.badges.possiblyRelated",
} as const;

/** One change of the comparison: numbers old → new, badges, the text, the comments made on the old paragraphs. */
export function ComparisonRow({
  row,
  context,
  layout,
  fold = true,
}: {
  row: RowData;
  context: ComparisonContext;
  layout: ComparisonLayout;
  /** Fold a deleted paragraph to one line (not in the printable redline). */
  fold?: boolean;
}) {
  const { t } = useTranslation();
  const oldNumbers = rowNumbers(row.old) || (row.old.length > 0 ? t("compare.unnumbered") : "");
  const more = row.commentCount - row.comments.length;
  const body = (
    <>
      <div className="change-head">
        <p className="change-numbers">
          <ParagraphLinks paragraphs={row.old} version={context.from} context={context} /> →{" "}
          <ParagraphLinks paragraphs={row.new} version={context.to} context={context} />
        </p>
        {badgesOf(row).map((badge) => (
          <span key={badge} className={`badge badge-change badge-${badge}`}>
            {t(BADGE_KEYS[badge])}
          </span>
        ))}
        {row.commentsAnchor && row.commentCount > 0 ? (
          <a
            className="change-comments-link"
            href={`#${row.commentsAnchor}`}
            aria-label={t("compare.commentsLinkLabel", {
              count: row.commentCount,
              number: oldNumbers,
              version: context.from.label,
            })}
          >
            {t("compare.commentsLink", { count: row.commentCount })}
          </a>
        ) : null}
      </div>
      {layout === "side" ? (
        <div className="change-sides">
          <div className="change-side change-side-old">
            <p className="change-side-label">{context.from.label}</p>
            {row.old.length > 0 ? (
              <ChangeText changes={row.changes} side="old" movedSentences={row.movedSentences} context={context} />
            ) : (
              <p>
                <NoParagraph />
              </p>
            )}
          </div>
          <div className="change-side change-side-new">
            <p className="change-side-label">{context.to.label}</p>
            {row.new.length > 0 ? (
              <ChangeText changes={row.changes} side="new" movedSentences={row.movedSentences} context={context} />
            ) : (
              <p>
                <NoParagraph />
              </p>
            )}
          </div>
        </div>
      ) : (
        <div className="change-text">
          <ChangeText changes={row.changes} movedSentences={row.movedSentences} context={context} />
        </div>
      )}
      {row.possiblyRelated ? <p className="change-confidence">{t("compare.possiblyRelatedNote")}</p> : null}
      {row.commentsAnchor && row.commentCount > 0 ? (
        <details className="carried-comments" id={row.commentsAnchor}>
          <summary>
            {row.extraCommentAnchors.map((id) => (
              <span key={id} id={id} />
            ))}
            {t("compare.commentsSummary", { count: row.commentCount, number: oldNumbers, version: context.from.label })}
          </summary>
          <ol className="comment-list">
            {row.comments.map((comment) => (
              <li key={comment.id}>
                <CarriedCommentView comment={comment} showParagraph={row.old.length > 1} toLabel={context.to.label} />
              </li>
            ))}
          </ol>
          {more > 0 ? (
            <p>
              <a href={`${readerHref(context, context.from)}?p=${row.old[0].key}#p-${row.old[0].key}`}>
                {t("compare.commentsMore", { count: more, version: context.from.label })}
              </a>
            </p>
          ) : null}
        </details>
      ) : null}
    </>
  );
  const className = `change change-${row.kind}${row.moved ? " change-moved" : ""}`;
  // A deleted paragraph folds to one line (number, first words, "deleted"): the long
  // comparisons are mostly deletions. <details> opens without JavaScript, by keyboard too.
  return (
    <li id={row.anchor} className={className} tabIndex={-1}>
      {fold && row.kind === "deleted" ? (
        <details className="change-fold">
          <summary>
            <span className="change-fold-number">{oldNumbers || t("compare.unnumbered")}</span>{" "}
            <span className="change-fold-words">{firstWords(row.changes)}</span>{" "}
            <span className="badge badge-change badge-deleted">{t("compare.badges.deleted")}</span>
            {row.commentCount > 0 ? (
              <span className="change-fold-comments"> {t("compare.commentsLink", { count: row.commentCount })}</span>
            ) : null}
          </summary>
          {body}
        </details>
      ) : (
        body
      )}
    </li>
  );
}

/** The first few words of a row's old text, for its folded line. */
export function firstWords(changes: readonly WordChange[], count = 10) {
  let text = "";
  for (const change of changes) {
    if (change.type === "insert") continue;
    text += change.text;
    if (text.length > count * 12) break;
  }
  const words = text.trim().split(/\s+/).filter(Boolean);
  return words.length > count ? `${words.slice(0, count).join(" ")} …` : words.join(" ");
}

function CarriedCommentView({
  comment,
  showParagraph,
  toLabel,
}: {
  comment: RowComment;
  showParagraph: boolean;
  toLabel: string;
}) {
  const { t } = useTranslation();
  const who = comment.sourceAttribution ?? comment.organization ?? t("comments.unknownOrganization");
  return (
    <article className="comment carried-comment" aria-label={t("comments.commentBy", { who })}>
      <header>
        <bdi className="comment-organization">{who}</bdi>
        <span className="badge badge-type">{t(commentTypeKey(comment.type))}</span>
        {comment.status === "draft" ? <span className="badge badge-draft">{t("comments.status.draft")}</span> : null}
        {showParagraph ? (
          <span className="comment-author">
            {t("compare.commentOn", { number: comment.paragraph.number ?? t("compare.unnumbered") })}
          </span>
        ) : null}
      </header>
      {comment.quote ? (
        <p className="comment-quote">
          {t("compare.onPhrase")} <q>{comment.quote}</q>
        </p>
      ) : null}
      {/* Sanitized on the server (sanitizeRichTextHtml). */}
      <div className="comment-body" dir="auto" dangerouslySetInnerHTML={{ __html: comment.bodyHtml }} />
      {comment.proposedText ? (
        <div className="comment-proposal">
          <p className="label">{t("compare.proposedText")}</p>
          <blockquote dir="auto">{comment.proposedText}</blockquote>
          {comment.adoption ? (
            <p className={`adoption adoption-${comment.adoption}`}>
              {t("compare.adoption.label", { version: toLabel })}{" "}
              <strong>{t(`compare.adoption.${comment.adoption}`)}</strong>{" "}
              <span className="adoption-why">{t("compare.adoption.why")}</span>
            </p>
          ) : null}
        </div>
      ) : null}
    </article>
  );
}
