/**
 * UI strings in "ar": the same keys as ./en.ts, each area in its own file under ar/
 * (checked by the locale test: same keys, same interpolation variables, this language's plural forms).
 */
import a11y from "./ar/a11y";
import account from "./ar/account";
import auth from "./ar/auth";
import comments from "./ar/comments";
import compare from "./ar/compare";
import contributions from "./ar/contributions";
import core from "./ar/core";
import dispositions from "./ar/dispositions";
import editions from "./ar/editions";
import feedback from "./ar/feedback";
import importErrors from "./ar/import";
import invitationLanguage from "./ar/invitation-language";
import language from "./ar/language";
import mail from "./ar/mail";
import manage from "./ar/manage";
import notices from "./ar/notices";
import organization from "./ar/organization";
import passwordReset from "./ar/password-reset";
import people from "./ar/people";
import preferences from "./ar/preferences";
import reader from "./ar/reader";
import trackedChanges from "./ar/tracked-changes";
import workspace from "./ar/workspace";

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
