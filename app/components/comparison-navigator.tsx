import { useNavigate } from "@remix-run/react";
import { useCallback, useEffect, useState } from "react";
import { useTranslation } from "react-i18next";

import { useHydrated } from "./use-hydrated";

/** The rows that count as changes (the same rule as the page's isChange: not unchanged, or moved). */
export const CHANGE_ROW_SELECTOR = ".redline .change:not(.change-unchanged), .redline .change.change-moved";

/** Keys that move to the next and the previous change. */
const NEXT_KEYS = new Set(["n", "j"]);
const PREVIOUS_KEYS = new Set(["p", "k"]);

/** True when a key press belongs to a field or an editor, where letters are text. */
export function isTypingTarget(target: EventTarget | null) {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  return target.closest("input, textarea, select, [contenteditable=''], [contenteditable='true']") !== null;
}

/** Which change to go to, from the focused one, else from the first one below the top of the window. */
function targetIndex(rows: HTMLElement[], step: 1 | -1) {
  const focused = rows.findIndex((row) => row.contains(document.activeElement));
  if (focused !== -1) return focused + step;
  const below = rows.findIndex((row) => row.getBoundingClientRect().top > 80);
  if (below === -1) return step === 1 ? rows.length : rows.length - 1;
  return step === 1 ? below : below - 1;
}

/**
 * "Previous change" / "Next change" (keys p/k and n/j outside fields): moves
 * focus to the changed row and says where it is in a live region. Shown once
 * the page runs JavaScript; without it the summary's section links remain.
 * On a long comparison shown page by page, `previous` and `next` lead to the
 * change before the page's first change and after its last one.
 */
export function ComparisonNavigator({
  previous = null,
  next = null,
}: {
  previous?: string | null;
  next?: string | null;
}) {
  const { t } = useTranslation();
  const ready = useHydrated();
  const [message, setMessage] = useState("");
  const navigate = useNavigate();

  const go = useCallback(
    (step: 1 | -1) => {
      const rows = Array.from(document.querySelectorAll<HTMLElement>(CHANGE_ROW_SELECTOR));
      const index = rows.length === 0 ? (step === 1 ? 0 : -1) : targetIndex(rows, step);
      const beyond = index < 0 ? previous : index >= rows.length ? next : null;
      if (beyond) {
        navigate(beyond);
        return;
      }
      if (rows.length === 0) {
        setMessage(t("compare.nav.none"));
        return;
      }
      if (index < 0 || index >= rows.length) {
        setMessage(t(index < 0 ? "compare.nav.atFirst" : "compare.nav.atLast", { total: rows.length }));
        return;
      }
      const row = rows[index];
      row.focus({ preventScroll: true });
      row.scrollIntoView({ block: "start" });
      const numbers = row.querySelector(".change-numbers, .change-fold-number")?.textContent?.trim() ?? "";
      setMessage(t("compare.nav.position", { index: index + 1, total: rows.length, numbers }));
    },
    [t, previous, next, navigate],
  );

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey || event.shiftKey) return;
      if (isTypingTarget(event.target) || document.querySelector("dialog[open]")) return;
      const key = event.key;
      if (NEXT_KEYS.has(key)) {
        event.preventDefault();
        go(1);
      } else if (PREVIOUS_KEYS.has(key)) {
        event.preventDefault();
        go(-1);
      }
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, [go]);

  if (!ready) return null;
  return (
    <nav className="change-navigator" aria-label={t("compare.nav.label")}>
      <button type="button" className="secondary" onClick={() => go(-1)} aria-keyshortcuts="p k">
        <span aria-hidden="true">↑ </span>
        {t("compare.nav.previous")}
      </button>
      <button type="button" className="secondary" onClick={() => go(1)} aria-keyshortcuts="n j">
        {t("compare.nav.next")}
        <span aria-hidden="true"> ↓</span>
      </button>
      <span className="change-navigator-hint">{t("compare.nav.hint")}</span>
      <span className="change-navigator-status" role="status">
        {message}
      </span>
    </nav>
  );
}
