/**
 * English UI strings. Every user-visible string goes through these keys; each
 * area of the app keeps its own file under en/ (keys stay `section.name`).
 */
import core from "./en/core";
import auth from "./en/auth";
import comments from "./en/comments";
import people from "./en/people";
import manage from "./en/manage";
import contributions from "./en/contributions";
import compare from "./en/compare";
import feedback from "./en/feedback";
import dispositions from "./en/dispositions";
import importErrors from "./en/import";

const common = {
  ...core,
  ...auth,
  ...comments,
  ...people,
  ...manage,
  ...contributions,
  ...compare,
  ...feedback,
  ...dispositions,
  ...importErrors,
};

export default { common } as const;
