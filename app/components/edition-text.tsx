import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";

import { languageEndonym, languageName, ORIGINAL_LANGUAGE } from "~/lib/editions";

/** The edition a reader page shows: its language, translated paragraphs and headings (by original id). */
export interface ShownEdition {
  language: string;
  paragraphs: Record<string, string>;
  headings: Record<string, string>;
}

/**
 * The per-page switch between the original and the version's language
 * editions: plain links (no JavaScript needed), each named in its own
 * language and marked with it; the one shown is the current page.
 */
export function EditionSwitch({
  languages,
  shown,
  href,
}: {
  languages: readonly string[];
  shown: string | null;
  href: (language: string) => string;
}) {
  const { t, i18n } = useTranslation();
  if (languages.length === 0) return null;
  const current = shown ?? ORIGINAL_LANGUAGE;
  return (
    <>
      <nav aria-label={t("editions.reader.switchLabel")} className="edition-switch version-switch">
        <ul>
          {[ORIGINAL_LANGUAGE, ...languages].map((language) => {
            const name = languageEndonym(language);
            const label = language === ORIGINAL_LANGUAGE ? t("editions.reader.original", { language: name }) : name;
            return (
              <li key={language} lang={language}>
                {language === current ? (
                  <span aria-current="page">{label}</span>
                ) : (
                  <Link to={href(language)} hrefLang={language}>
                    {label}
                  </Link>
                )}
              </li>
            );
          })}
        </ul>
      </nav>
      {shown ? (
        <p className="edition-notice">
          {t("editions.reader.showing", { language: languageName(shown, i18n.language) })}
        </p>
      ) : null}
    </>
  );
}

/**
 * A paragraph's text: the original (lang="en") or, on an edition, the
 * translation in its language with the original behind "Show the original";
 * a paragraph the edition does not translate shows the original, marked.
 */
export function ParagraphText({ text, edition, id }: { text: string; edition: ShownEdition | null; id: string }) {
  const { t } = useTranslation();
  if (!edition) return <p lang={ORIGINAL_LANGUAGE}>{text}</p>;
  const translated = edition.paragraphs[id];
  if (translated === undefined) {
    return (
      <>
        <p lang={ORIGINAL_LANGUAGE}>{text}</p>
        <p className="hint edition-untranslated">{t("editions.reader.notTranslated")}</p>
      </>
    );
  }
  return (
    <>
      <p lang={edition.language}>{translated}</p>
      <details className="edition-original">
        <summary>{t("editions.reader.showOriginal")}</summary>
        <p lang={ORIGINAL_LANGUAGE}>{text}</p>
      </details>
    </>
  );
}

/** A section heading's text: translated on an edition when the edition has it. */
export function HeadingText({ heading, edition, id }: { heading: string; edition: ShownEdition | null; id: string }) {
  const translated = edition?.headings[id];
  if (translated === undefined) return <span lang={ORIGINAL_LANGUAGE}>{heading}</span>;
  return <span lang={edition!.language}>{translated}</span>;
}
