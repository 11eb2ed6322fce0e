import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";

import { LANGUAGE_NAMES, LANGUAGES, languageDirection } from "~/lib/language";

import type { FormEvent } from "react";

/**
 * The language switch of every page: one button per language, each named in
 * itself (with its own lang and dir), posting to /language with the page to
 * come back to. A plain form (reloadDocument): it works without JavaScript,
 * and the new page is loaded with its language's strings. With JavaScript the
 * paragraph anchor (#p-…) is carried over too, which a form cannot know.
 */
export function LanguageSwitch({ current, returnTo }: { current: string; returnTo: string }) {
  const { t } = useTranslation();
  const keepAnchor = (event: FormEvent<HTMLFormElement>) => {
    const field = event.currentTarget.elements.namedItem("returnTo");
    if (field instanceof HTMLInputElement) field.value = returnTo + window.location.hash;
  };
  return (
    <Form
      method="post"
      action="/language"
      reloadDocument
      className="language-switch"
      aria-labelledby="language-switch-label"
      onSubmit={keepAnchor}
    >
      <span id="language-switch-label" className="visually-hidden">
        {t("language.switchLabel")}
      </span>
      <input type="hidden" name="returnTo" value={returnTo} />
      <ul>
        {LANGUAGES.map((lng) => (
          <li key={lng}>
            <button
              type="submit"
              name="lng"
              value={lng}
              lang={lng}
              dir={languageDirection(lng)}
              aria-current={lng === current ? "true" : undefined}
            >
              {LANGUAGE_NAMES[lng]}
            </button>
          </li>
        ))}
      </ul>
    </Form>
  );
}
