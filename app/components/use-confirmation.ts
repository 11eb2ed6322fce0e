import { useNavigate } from "@remix-run/react";
import { useEffect, type RefObject } from "react";

/**
 * A confirmation step shown in the page (a region that works without
 * JavaScript: the "cancel" link is an ordinary link) behaves as a dialog
 * does: the focus moves to its heading when it appears, Escape cancels it
 * (goes to `cancelHref`), and when it goes the focus returns to the control
 * that opened it (`returnFocusTo`, a selector), if that is still on the page.
 */
export function useConfirmation({
  heading,
  cancelHref,
  returnFocusTo,
}: {
  heading: RefObject<HTMLElement | null>;
  cancelHref: string;
  returnFocusTo?: string;
}) {
  const navigate = useNavigate();
  useEffect(() => {
    heading.current?.focus();
  }, [heading]);
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== "Escape" || event.defaultPrevented || event.isComposing) return;
      event.preventDefault();
      navigate(cancelHref, { preventScrollReset: true });
    };
    document.addEventListener("keydown", onKeyDown);
    return () => document.removeEventListener("keydown", onKeyDown);
  }, [cancelHref, navigate]);
  useEffect(
    () => () => {
      if (!returnFocusTo) return;
      // After the page has rendered without the confirmation.
      window.requestAnimationFrame(() => document.querySelector<HTMLElement>(returnFocusTo)?.focus());
    },
    [returnFocusTo],
  );
}
