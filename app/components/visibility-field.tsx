import { useTranslation } from "react-i18next";

import { Field } from "~/components/field";

/** "Who sees the comments": two radio buttons, aligned with their labels (new and edit consultation forms). */
export function VisibilityField({
  id,
  defaultValue = "after_close",
  errors,
}: {
  id: string;
  defaultValue?: "during" | "after_close";
  errors?: string[];
}) {
  const { t } = useTranslation();
  return (
    <Field id={id} label={t("manage.fields.visibility")} errors={errors} group className="field-group">
      {() => (
        <>
          {(["after_close", "during"] as const).map((value) => (
            <label key={value} className="radio">
              <input type="radio" name="commentsVisibility" value={value} defaultChecked={defaultValue === value} />
              <span>{t(`manage.visibility.${value}`)}</span>
            </label>
          ))}
        </>
      )}
    </Field>
  );
}
