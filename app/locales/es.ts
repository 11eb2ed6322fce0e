/**
 * UI strings in "es": the same keys as ./en.ts, each area in its own file under es/
 * (checked by the locale test: same keys, same interpolation variables, this language's plural forms).
 */
import a11y from "./es/a11y";
import account from "./es/account";
import auth from "./es/auth";
import comments from "./es/comments";
import compare from "./es/compare";
import contributions from "./es/contributions";
import core from "./es/core";
import dispositions from "./es/dispositions";
import editions from "./es/editions";
import feedback from "./es/feedback";
import importErrors from "./es/import";
import invitationLanguage from "./es/invitation-language";
import language from "./es/language";
import mail from "./es/mail";
import manage from "./es/manage";
import notices from "./es/notices";
import organization from "./es/organization";
import passwordReset from "./es/password-reset";
import people from "./es/people";
import preferences from "./es/preferences";
import reader from "./es/reader";
import trackedChanges from "./es/tracked-changes";
import workspace from "./es/workspace";

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
