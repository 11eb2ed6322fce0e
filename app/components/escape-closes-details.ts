import type { KeyboardEvent } from "react";

/**
 * The `onKeyDown` of a <details> used as a menu (the phone's contents, the list of the document's
 * pages): Escape folds it and puts the focus on its summary, as Escape closes a menu. The event is
 * then taken (preventDefault), so a comment panel open beside it stays open.
 */
export function escapeClosesDetails(event: KeyboardEvent<HTMLDetailsElement>) {
  const details = event.currentTarget;
  if (event.key !== "Escape" || event.defaultPrevented || event.nativeEvent.isComposing || !details.open) return;
  // On wide screens the contents are a column that stays open (app.css): there Escape is not for it.
  if (details.closest(".toc") && !window.matchMedia("(max-width: 48rem)").matches) return;
  event.preventDefault();
  details.open = false;
  details.querySelector<HTMLElement>(":scope > summary")?.focus();
}
