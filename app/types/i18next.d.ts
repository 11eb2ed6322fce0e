// Typed i18n keys: `t("typo.key")` does not compile. The English resources
// are the reference every other language must match.
import "i18next";

import type en from "~/locales/en";

declare module "i18next" {
  interface CustomTypeOptions {
    defaultNS: "common";
    resources: typeof en;
  }
}
