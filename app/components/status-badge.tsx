import { useTranslation } from "react-i18next";

const KNOWN = ["draft", "open", "closed", "concluded", "final"] as const;
type KnownStatus = (typeof KNOWN)[number];

const isKnown = (status: string): status is KnownStatus => (KNOWN as readonly string[]).includes(status);

/** A version's or consultation's status as a labelled badge. */
export function StatusBadge({ status }: { status: string }) {
  const { t } = useTranslation();
  const known = isKnown(status) ? status : "draft";
  return <span className={`badge badge-${known}`}>{t(`status.${known}`)}</span>;
}
