import { useTranslation } from "react-i18next";

import { DEFAULT_LANGUAGE, isLanguage, LANGUAGE_NAMES, LANGUAGES, languageDirection } from "~/lib/language";

import { Field } from "./field";

/**
 * The language of an invitation: its email is written in it and the account
 * it opens starts with it (User.locale). Preselected: the language the person
 * inviting reads the page in; each option is named in itself, like the
 * language switch.
 */
export function InvitationLanguageField({ id, errors }: { id: string; errors?: string[] }) {
  const { t, i18n } = useTranslation();
  const current = isLanguage(i18n.language) ? i18n.language : DEFAULT_LANGUAGE;
  return (
    <Field id={id} label={t("invitationLanguage.label")} hint={t("invitationLanguage.hint")} errors={errors}>
      {(control) => (
        <select {...control} name="language" defaultValue={current}>
          {LANGUAGES.map((lng) => (
            <option key={lng} value={lng} lang={lng} dir={languageDirection(lng)}>
              {LANGUAGE_NAMES[lng]}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}
