import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";

/** "Print": shown once JavaScript runs (without it, the browser's own print command still works). */
export function PrintButton() {
  const { t } = useTranslation();
  const [ready, setReady] = useState(false);
  useEffect(() => setReady(true), []);
  if (!ready) return null;
  return (
    <button type="button" className="secondary" onClick={() => window.print()}>
      {t("receipt.print")}
    </button>
  );
}
