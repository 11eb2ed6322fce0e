/**
 * UI strings in "ru": the same keys as ./en.ts, each area in its own file under ru/
 * (checked by the locale test: same keys, same interpolation variables, this language's plural forms).
 */
import a11y from "./ru/a11y";
import account from "./ru/account";
import auth from "./ru/auth";
import comments from "./ru/comments";
import compare from "./ru/compare";
import contributions from "./ru/contributions";
import core from "./ru/core";
import dispositions from "./ru/dispositions";
import editions from "./ru/editions";
import feedback from "./ru/feedback";
import importErrors from "./ru/import";
import invitationLanguage from "./ru/invitation-language";
import language from "./ru/language";
import mail from "./ru/mail";
import manage from "./ru/manage";
import notices from "./ru/notices";
import organization from "./ru/organization";
import passwordReset from "./ru/password-reset";
import people from "./ru/people";
import preferences from "./ru/preferences";
import reader from "./ru/reader";
import trackedChanges from "./ru/tracked-changes";
import workspace from "./ru/workspace";

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
