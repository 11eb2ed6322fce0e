/**
 * English UI strings. Every user-visible string goes through these keys; each
 * area of the app keeps its own file under en/ (keys stay `section.name`).
 */
import a11y from "./en/a11y";
import account from "./en/account";
import auth from "./en/auth";
import comments from "./en/comments";
import compare from "./en/compare";
import contributions from "./en/contributions";
import core from "./en/core";
import dispositions from "./en/dispositions";
import editions from "./en/editions";
import feedback from "./en/feedback";
import importErrors from "./en/import";
import invitationLanguage from "./en/invitation-language";
import language from "./en/language";
import mail from "./en/mail";
import manage from "./en/manage";
import notices from "./en/notices";
import organization from "./en/organization";
import passwordReset from "./en/password-reset";
import people from "./en/people";
import preferences from "./en/preferences";
import reader from "./en/reader";
import trackedChanges from "./en/tracked-changes";
import workspace from "./en/workspace";

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
