/**
 * UI strings in "zh": the same keys as ./en.ts, each area in its own file under zh/
 * (checked by the locale test: same keys, same interpolation variables, this language's plural forms).
 */
import a11y from "./zh/a11y";
import account from "./zh/account";
import auth from "./zh/auth";
import comments from "./zh/comments";
import compare from "./zh/compare";
import contributions from "./zh/contributions";
import core from "./zh/core";
import dispositions from "./zh/dispositions";
import editions from "./zh/editions";
import feedback from "./zh/feedback";
import importErrors from "./zh/import";
import invitationLanguage from "./zh/invitation-language";
import language from "./zh/language";
import mail from "./zh/mail";
import manage from "./zh/manage";
import notices from "./zh/notices";
import organization from "./zh/organization";
import passwordReset from "./zh/password-reset";
import people from "./zh/people";
import preferences from "./zh/preferences";
import reader from "./zh/reader";
import trackedChanges from "./zh/tracked-changes";
import workspace from "./zh/workspace";

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
