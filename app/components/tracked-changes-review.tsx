import { Fragment, useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";

import type { RevisionSegment } from "~/lib/import/docx-revisions";
import { ACCEPT_TRACKED_CHANGES_FIELD, type TrackedChangesReview } from "~/lib/import/tracked-changes-review";

/** "2 March 2026, 09:30" in the page's language; Word writes its dates without a real zone, shown as written. */
function formatChangeDate(date: string, language: string): string | null {
  const instant = new Date(date);
  if (Number.isNaN(instant.getTime())) return null;
  return new Intl.DateTimeFormat(language, { dateStyle: "long", timeStyle: "short", timeZone: "UTC" }).format(instant);
}

/** One change's label for screen readers and the tooltip: "Inserted by Ana Lima, 2 March 2026, 09:30". */
function useChangeLabel() {
  const { t, i18n } = useTranslation();
  return (segment: RevisionSegment) => {
    const kind =
      segment.kind === "insert"
        ? segment.moved
          ? t("trackedChanges.movedHere")
          : t("trackedChanges.inserted")
        : segment.moved
          ? t("trackedChanges.movedAway")
          : t("trackedChanges.deleted");
    const date = segment.date ? formatChangeDate(segment.date, i18n.language) : null;
    const who = segment.author
      ? date
        ? t("trackedChanges.byOn", { author: segment.author, date })
        : t("trackedChanges.by", { author: segment.author })
      : date
        ? t("trackedChanges.on", { date })
        : "";
    return who ? `${kind} ${who}` : kind;
  };
}

function Segments({ segments }: { segments: RevisionSegment[] }) {
  const { t } = useTranslation();
  const label = useChangeLabel();
  return (
    <p>
      {segments.map((segment, position) => {
        if (segment.kind === "same") return <Fragment key={position}>{segment.text}</Fragment>;
        const text = label(segment);
        const content = (
          <>
            <span className="visually-hidden">{text}: </span>
            {segment.paragraphBreak ? (
              <>
                <span aria-hidden="true">¶</span>
                <span className="visually-hidden">{t("trackedChanges.paragraphBreak")}</span>
              </>
            ) : (
              segment.text
            )}
          </>
        );
        return segment.kind === "insert" ? (
          <ins key={position} title={text}>
            {content}
          </ins>
        ) : (
          <del key={position} title={text}>
            {content}
          </del>
        );
      })}
    </p>
  );
}

/**
 * The review of a .docx's tracked changes, inside the upload form: what the
 * file would be imported as (changes accepted), each revised paragraph with
 * its insertions and deletions, and the two answers. "Accept" posts the same
 * form again (the file is still selected) with the reviewed file's digest;
 * "Cancel" refuses the file (with JavaScript the form is cleared where it is,
 * without it the server sends the page back as it was before).
 *
 * The panel goes after the form's ordinary submit button: the first submit
 * button in the form is the one Enter in a text field presses, and it must
 * not be "Accept". The ordinary button posts without an acceptance, which
 * only shows the review again.
 */
export function TrackedChangesReviewPanel({
  review,
  busy,
  onCancel,
}: {
  review: TrackedChangesReview;
  busy: boolean;
  onCancel: () => void;
}) {
  const { t, i18n } = useTranslation();
  const heading = useRef<HTMLHeadingElement>(null);
  // A new review (a new answer from the server) takes the focus, so that it is read first.
  useEffect(() => heading.current?.focus(), [review]);

  const names = review.unknownAuthor ? [...review.authors, t("trackedChanges.unknownAuthor")] : review.authors;
  const counts = {
    changes: t("trackedChanges.changes", { count: review.changes }),
    paragraphs: t("trackedChanges.paragraphs", { count: review.paragraphCount }),
  };
  const summary =
    names.length > 0
      ? t("trackedChanges.summary", {
          ...counts,
          authors: new Intl.ListFormat(i18n.language, { type: "conjunction" }).format(names),
        })
      : t("trackedChanges.summaryNoAuthor", counts);
  const more = review.paragraphCount - review.paragraphs.length;
  const headingId = "tracked-changes-title";

  return (
    <section className="tracked-changes-review" aria-labelledby={headingId}>
      <h2 id={headingId} ref={heading} tabIndex={-1}>
        {t("trackedChanges.title", { fileName: review.fileName })}
      </h2>
      <p className="tracked-changes-summary">{summary}</p>
      <p className="hint">{t("trackedChanges.explain")}</p>
      <ol className="tracked-changes-list redline" aria-label={t("trackedChanges.listLabel")}>
        {review.paragraphs.map((paragraph, index) => (
          <li key={index} className="tracked-change">
            <Segments segments={paragraph.segments} />
          </li>
        ))}
      </ol>
      {more > 0 ? <p className="hint">{t("trackedChanges.more", { count: more })}</p> : null}
      {/* With JavaScript the file stays selected; after a full page load (none) it must be chosen again. */}
      <p className="hint">{t("trackedChanges.chooseAgain")}</p>
      <div className="button-row">
        <button type="submit" name={ACCEPT_TRACKED_CHANGES_FIELD} value={review.digest} disabled={busy}>
          {t("trackedChanges.accept")}
        </button>
        <button
          type="submit"
          name="intent"
          value="refuse"
          formNoValidate
          className="secondary"
          disabled={busy}
          onClick={(event) => {
            event.preventDefault();
            onCancel();
          }}
        >
          {t("trackedChanges.cancel")}
        </button>
      </div>
    </section>
  );
}
