import { Form, useLocation, useNavigate } from "@remix-run/react";
import { useId, useRef, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";

import { pageQueryParameters } from "~/lib/page-query";
import { findParagraph, type ParagraphTarget } from "~/lib/paragraph-number";

/**
 * "Go to paragraph": type "2.9 e" (or "2.9e", "2.9 (e)", "2.9.e"), press
 * Enter, and the page scrolls to that paragraph, focuses it and puts its
 * anchor in the address; a number that is not there says so next to the
 * field. `targets` are the paragraphs on the page: their displayed number and
 * the id of the element to go to.
 *
 * With JavaScript the jump happens in the page. Without it the form is a GET
 * of `?goto=<typed>` to the current page: a route that wants that case
 * resolves it in its loader and passes back what was typed (`typed`) and
 * whether it was found (`notFound`).
 */
export function ParagraphJump({
  targets,
  typed = "",
  notFound = false,
  className = "paragraph-jump",
  askServer = false,
}: {
  targets: readonly ParagraphTarget[];
  typed?: string;
  notFound?: boolean;
  className?: string;
  /** A paged document: a number not on this page is looked up by the server (?goto=), which leads to its page. */
  askServer?: boolean;
}) {
  const { t } = useTranslation();
  const id = useId();
  const inputId = `${id}-input`;
  const errorId = `${id}-error`;
  const inputRef = useRef<HTMLInputElement>(null);
  const [missing, setMissing] = useState<string | null>(notFound ? typed : null);
  const location = useLocation();
  const navigate = useNavigate();

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const value = inputRef.current?.value ?? "";
    const target = findParagraph(value, targets);
    if (!target && askServer && value.trim()) {
      navigate(`${location.pathname}?goto=${encodeURIComponent(value.trim().slice(0, 100))}`);
      return;
    }
    if (!target) {
      setMissing(value.trim());
      inputRef.current?.focus();
      return;
    }
    setMissing(null);
    const element = document.getElementById(target.id);
    if (!element) {
      setMissing(value.trim());
      return;
    }
    // The anchor goes into the address (shareable, Back returns); the query
    // (an open panel, say) stays as it is.
    navigate(`${location.pathname}${location.search}#${target.id}`, { preventScrollReset: true });
    if (!element.hasAttribute("tabindex")) element.setAttribute("tabindex", "-1");
    element.scrollIntoView({ block: "start" });
    element.focus({ preventScroll: true });
  };

  return (
    <Form method="get" role="search" className={className} onSubmit={onSubmit} aria-label={t("jump.label")}>
      {/* Without JavaScript the form is a GET: the page's own query (its view, an open panel) goes with it. */}
      {/* Only what the page reads (app/lib/page-query.ts): a cached rendering is shared by every such URL. */}
      {[...new URLSearchParams(location.search)]
        .filter(([name]) => name !== "goto" && (pageQueryParameters(location.pathname)?.includes(name) ?? true))
        .map(([name, value]) => (
          <input key={`${name}=${value}`} type="hidden" name={name} value={value} />
        ))}
      <label htmlFor={inputId}>{t("jump.label")}</label>
      <span className="paragraph-jump-row">
        <input
          ref={inputRef}
          id={inputId}
          name="goto"
          type="text"
          inputMode="text"
          autoComplete="off"
          spellCheck={false}
          defaultValue={typed}
          placeholder={t("jump.placeholder")}
          aria-invalid={missing !== null || undefined}
          aria-describedby={missing !== null ? errorId : undefined}
          onInput={() => setMissing(null)}
        />
        <button type="submit" className="secondary">
          {t("jump.go")}
        </button>
      </span>
      <span id={errorId} className="field-error" role="alert">
        {missing !== null ? (missing ? t("jump.notFound", { number: missing }) : t("jump.empty")) : null}
      </span>
    </Form>
  );
}
