import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";

import { useHydrated } from "~/components/use-hydrated";

/**
 * The paragraph text, as a textarea styled as text that refuses every edit:
 * the browser's own caret works in it (not in a `readonly` one: Chromium
 * gives that no caret), so a keyboard user Tabs into it and selects a phrase
 * with Shift+arrows (a screen reader says what is selected, as in any text
 * field, and that it is read-only: aria-readonly); no on-screen keyboard
 * comes up on a tap (inputmode="none"). "Comment on the selection" fills the quote
 * fields, says what will be quoted and moves on to the comment. A mouse or
 * touch selection fills the quote fields at once, as before. Without
 * JavaScript it is the paragraph's text and nothing more.
 * (docs/decisions/0028-quoting-by-keyboard.md)
 */
export function QuotableParagraph({ text, number, lang }: { text: string; number: string; lang?: string }) {
  const { t } = useTranslation();
  const hydrated = useHydrated();
  const ref = useRef<HTMLTextAreaElement>(null);
  const [announcement, setAnnouncement] = useState("");
  useEffect(() => {
    const area = ref.current;
    if (!area) return;
    const onSelect = () => {
      const selected = selectedQuote(area);
      if (selected) document.dispatchEvent(new CustomEvent("comment-quote", { detail: selected }));
    };
    // Where the stylesheet cannot size the field to its text (field-sizing), it is sized here.
    const fit = () => {
      if (CSS.supports("field-sizing", "content")) return;
      area.style.height = "auto";
      area.style.height = `${area.scrollHeight + 2}px`;
    };
    // Every edit is refused: typing, deleting, pasting, dropping (and React puts back the text of anything
    // that gets past this, such as an input method's composition: the field is controlled).
    const refuse = (event: Event) => event.preventDefault();
    fit();
    area.addEventListener("beforeinput", refuse);
    area.addEventListener("drop", refuse);
    area.addEventListener("select", onSelect);
    area.addEventListener("selectionchange", onSelect);
    area.addEventListener("pointerup", onSelect);
    window.addEventListener("resize", fit);
    return () => {
      area.removeEventListener("beforeinput", refuse);
      area.removeEventListener("drop", refuse);
      area.removeEventListener("select", onSelect);
      area.removeEventListener("selectionchange", onSelect);
      area.removeEventListener("pointerup", onSelect);
      window.removeEventListener("resize", fit);
    };
  }, []);
  const commentOnSelection = () => {
    const area = ref.current;
    const selected = area ? selectedQuote(area) : null;
    if (!area || !selected) {
      setAnnouncement(t("a11y.quote.nothingSelected"));
      area?.focus();
      return;
    }
    setAnnouncement(t("a11y.quote.selected", { quote: selected.quote }));
    document.dispatchEvent(new CustomEvent("comment-quote", { detail: { ...selected, focus: true } }));
  };
  return (
    <figure className="panel-paragraph">
      <textarea
        ref={ref}
        className="quotable-text"
        aria-readonly="true"
        inputMode="none"
        spellCheck={false}
        value={text}
        onChange={keepText}
        rows={3}
        aria-label={t("a11y.quote.textLabel", { number })}
        aria-describedby="quotable-hint"
        lang={lang}
        dir="auto"
      />
      <figcaption id="quotable-hint">{t(hydrated ? "a11y.quote.hint" : "comments.selectHint")}</figcaption>
      {hydrated ? (
        <p className="quote-actions">
          <button type="button" className="secondary" onClick={commentOnSelection}>
            {t("a11y.quote.commentOnSelection")}
          </button>
        </p>
      ) : null}
      <p className="visually-hidden" role="status">
        {announcement}
      </p>
    </figure>
  );
}

/** The quotable text is controlled: an edit that got through is undone by the next render. */
function keepText() {}

/** The phrase selected in the paragraph's field, with its offsets in the paragraph's text; null when none. */
function selectedQuote(area: HTMLTextAreaElement): SelectedQuote | null {
  const { selectionStart: start, selectionEnd: end } = area;
  const quote = area.value.slice(start, end);
  return quote.trim() ? { quote, start, end } : null;
}

/** The phrase selected in the paragraph (QuotableParagraph's `comment-quote` event). */
export type SelectedQuote = { quote: string; start: number; end: number };
