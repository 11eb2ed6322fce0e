/**
 * UI strings in "fr": the same keys as ./en.ts, each area in its own file under fr/
 * (checked by the locale test: same keys, same interpolation variables, this language's plural forms).
 */
import a11y from "./fr/a11y";
import account from "./fr/account";
import auth from "./fr/auth";
import comments from "./fr/comments";
import compare from "./fr/compare";
import contributions from "./fr/contributions";
import core from "./fr/core";
import dispositions from "./fr/dispositions";
import editions from "./fr/editions";
import feedback from "./fr/feedback";
import importErrors from "./fr/import";
import invitationLanguage from "./fr/invitation-language";
import language from "./fr/language";
import mail from "./fr/mail";
import manage from "./fr/manage";
import notices from "./fr/notices";
import organization from "./fr/organization";
import passwordReset from "./fr/password-reset";
import people from "./fr/people";
import preferences from "./fr/preferences";
import reader from "./fr/reader";
import trackedChanges from "./fr/tracked-changes";
import workspace from "./fr/workspace";

const common = {
  ...core,
  ...auth,
  ...account,
  ...comments,
  ...people,
  ...organization,
  ...manage,
  ...contributions,
  ...compare,
  ...feedback,
  ...dispositions,
  ...importErrors,
  ...mail,
  ...notices,
  ...workspace,
  ...invitationLanguage,
  ...reader,
  ...passwordReset,
  ...preferences,
  ...language,
  ...a11y,
  ...editions,
  ...trackedChanges,
};

export default { common } as const;
