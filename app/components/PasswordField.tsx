import { useTranslation } from "react-i18next";

import { Field } from "~/components/field";
import type { Message } from "~/lib/errors";
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from "~/lib/security/password-policy";

import type { ReactNode } from "react";

/**
 * A new password's field, the same wherever one is chosen (invitation, change, reset): labelled, described by the
 * policy's hint (account.passwordPolicy.hint) and by its error, `autocomplete="new-password"` so that password
 * managers offer to generate and save one, the policy's length bounds, and paste allowed.
 */
export function PasswordField({
  id,
  label,
  errors,
  name = "password",
}: {
  id: string;
  label: ReactNode;
  /** i18n keys (the policy's messages) or messages with values; the first is shown. */
  errors?: ReadonlyArray<Message | string>;
  name?: string;
}) {
  const { t } = useTranslation();
  return (
    <Field id={id} label={label} hint={t("account.passwordPolicy.hint")} errors={errors}>
      {(control) => (
        <input
          {...control}
          name={name}
          type="password"
          autoComplete="new-password"
          required
          minLength={PASSWORD_MIN_LENGTH}
          maxLength={PASSWORD_MAX_LENGTH}
        />
      )}
    </Field>
  );
}
