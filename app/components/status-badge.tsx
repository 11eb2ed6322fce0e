import { useTranslation } from "react-i18next";

const KNOWN = new Set(["draft", "open", "closed", "concluded", "final"]);

/** A version's or consultation's status as a labelled badge. */
export function StatusBadge({ status }: { status: string }) {
  const { t } = useTranslation();
  const known = KNOWN.has(status) ? status : "draft";
  return <span className={`badge badge-${known}`}>{t(`status.${known}`)}</span>;
}
