import { Form, Link, useSubmit } from "@remix-run/react";
import { useTranslation } from "react-i18next";

import { COMMENT_LANGUAGES, languageName } from "~/lib/editions";
import {
  DISPOSITION_FILTERS,
  FEEDBACK_KINDS,
  FEEDBACK_TYPES,
  MAX_SEARCH_CHARS,
  type DispositionFilter,
  type FeedbackFilters,
} from "~/lib/feedback/filters";

import { Field } from "./field";

import type { FormEvent } from "react";

/**
 * The dashboard's filters: a GET form, so the filtered view is a URL to
 * bookmark or send. Filters combine (AND); "All" leaves one out. With
 * JavaScript, empty fields are left out of the URL; without, they are
 * harmless.
 */
export function FeedbackFilters({
  filters,
  versionNumber,
  sections,
  clearHref,
}: {
  filters: FeedbackFilters;
  versionNumber: number;
  sections: Array<{ id: string; param: string; number: string | null; heading: string; level: number }>;
  clearHref: string;
}) {
  const { t, i18n } = useTranslation();
  const submit = useSubmit();
  const submitWithoutEmpty = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const cleaned = new URLSearchParams();
    for (const [name, value] of data) if (typeof value === "string" && value.trim() !== "") cleaned.append(name, value);
    submit(cleaned, { method: "get" });
  };
  const statusLabel = (status: DispositionFilter) =>
    status === "undecided" || status === "decided"
      ? t(`feedback.filters.${status}`)
      : t(`dispositions.status.${status}`);
  return (
    <Form
      method="get"
      className="feedback-filters"
      role="search"
      aria-labelledby="filters-title"
      onSubmit={submitWithoutEmpty}
    >
      <h2 id="filters-title">{t("feedback.filters.title")}</h2>
      <input type="hidden" name="v" value={versionNumber} />
      {filters.group ? (
        <p className="hint">
          <input type="hidden" name="group" value={filters.group} />
          {t("feedback.filters.group")}
        </p>
      ) : null}
      <div className="filter-fields">
        <Field id="filter-section" label={t("feedback.filters.section")}>
          {(control) => (
            <select {...control} name="section" defaultValue={filters.section ?? ""}>
              <option value="">{t("feedback.filters.any")}</option>
              {sections.map((section) => (
                <option key={section.id} value={section.param}>
                  {section.level > 1 ? "\u00a0\u00a0\u00a0" : ""}
                  {section.number ? `${section.number} ${section.heading}` : section.heading}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field id="filter-kind" label={t("feedback.filters.kind")}>
          {(control) => (
            <select {...control} name="kind" defaultValue={filters.kind ?? ""}>
              <option value="">{t("feedback.filters.any")}</option>
              {FEEDBACK_KINDS.map((kind) => (
                <option key={kind} value={kind}>
                  {t(`feedback.kinds.${kind}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field id="filter-type" label={t("feedback.filters.type")}>
          {(control) => (
            <select {...control} name="type" defaultValue={filters.type ?? ""}>
              <option value="">{t("feedback.filters.any")}</option>
              {FEEDBACK_TYPES.map((type) => (
                <option key={type} value={type}>
                  {t(`comments.types.${type}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field id="filter-status" label={t("feedback.filters.status")}>
          {(control) => (
            <select {...control} name="status" defaultValue={filters.status ?? ""}>
              <option value="">{t("feedback.filters.any")}</option>
              {DISPOSITION_FILTERS.map((status) => (
                <option key={status} value={status}>
                  {statusLabel(status)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field id="filter-lang" label={t("editions.feedback.language")}>
          {(control) => (
            <select {...control} name="lang" defaultValue={filters.lang ?? ""}>
              <option value="">{t("editions.feedback.allLanguages")}</option>
              {COMMENT_LANGUAGES.map((code) => (
                <option key={code} value={code}>
                  {languageName(code, i18n.language)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field id="filter-q" label={t("feedback.filters.q")} className="field filter-search">
          {(control) => (
            <input {...control} type="search" name="q" defaultValue={filters.q ?? ""} maxLength={MAX_SEARCH_CHARS} />
          )}
        </Field>
      </div>
      <div className="filter-actions">
        <button type="submit">{t("feedback.filters.apply")}</button>
        <Link to={clearHref}>{t("feedback.filters.clear")}</Link>
      </div>
    </Form>
  );
}
