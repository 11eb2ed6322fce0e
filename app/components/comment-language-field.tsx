import { useTranslation } from "react-i18next";

import { COMMENT_LANGUAGES, languageName } from "~/lib/editions";

/**
 * The comment form's language fields: a labelled select of the language the
 * comment is written in (the UI language preselected) and, on an edition, the
 * edition read (hidden). Given to the comment panel's form.
 */
export function CommentLanguageField({
  defaultLanguage,
  edition,
}: {
  defaultLanguage: string;
  edition: string | null;
}) {
  const { t, i18n } = useTranslation();
  return (
    <div className="field comment-language-field">
      <label htmlFor="new-language">{t("editions.comment.language")}</label>
      <select id="new-language" name="language" defaultValue={defaultLanguage}>
        {COMMENT_LANGUAGES.map((code) => (
          <option key={code} value={code}>
            {languageName(code, i18n.language)}
          </option>
        ))}
      </select>
      {edition ? <input type="hidden" name="edition" value={edition} /> : null}
    </div>
  );
}
