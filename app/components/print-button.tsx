import { useSyncExternalStore } from "react";
import { useTranslation } from "react-i18next";

const noSubscription = () => () => {};

/** "Print": shown once JavaScript runs (without it, the browser's own print command still works). */
export function PrintButton() {
  const { t } = useTranslation();
  // True in the browser, false on the server: no button that would do nothing without JavaScript.
  const inBrowser = useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  );
  if (!inBrowser) return null;
  return (
    <button type="button" className="secondary" onClick={() => window.print()}>
      {t("receipt.print")}
    </button>
  );
}
