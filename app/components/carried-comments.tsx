import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";

/** Comments on a paragraph's predecessors (see carriedCommentCounts in app/models/lineage.server.ts). */
export type CarriedCommentsEntry = {
  count: number;
  fromVersion: number;
  fromKey: string;
  fromNumber: string | null;
};

/**
 * "N comments on earlier versions" under a paragraph of the reader, linking
 * to the change in the comparison with the previous version, where those
 * comments are listed with whether their proposed text was adopted.
 */
export function CarriedComments({
  slug,
  versionNumber,
  versions,
  entry,
}: {
  slug: string;
  versionNumber: number;
  /** The consultation's published versions, for the earlier version's label. */
  versions: ReadonlyArray<{ number: number; label: string }>;
  entry: CarriedCommentsEntry | undefined;
}) {
  const { t } = useTranslation();
  if (!entry || entry.count === 0) return null;
  const fromLabel =
    versions.find((version) => version.number === entry.fromVersion)?.label ?? String(entry.fromVersion);
  return (
    <Link
      className="carried-comments-link"
      to={`/consultations/${slug}/compare/${entry.fromVersion}...${versionNumber}#c-${entry.fromKey}`}
      aria-label={t("compare.carriedLabel", {
        count: entry.count,
        number: entry.fromNumber ?? t("compare.unnumberedLong"),
        version: fromLabel,
      })}
    >
      {t("compare.carried", { count: entry.count })}
    </Link>
  );
}

/** "Compare with the previous version" in the reader's header, when there is a published one. */
export function CompareWithPrevious({
  slug,
  versionNumber,
  versions,
}: {
  slug: string;
  versionNumber: number;
  versions: ReadonlyArray<{ number: number }>;
}) {
  const { t } = useTranslation();
  const previous = versions.filter((version) => version.number < versionNumber).at(-1);
  if (!previous) return null;
  return (
    <p className="compare-with-previous">
      <Link to={`/consultations/${slug}/compare/${previous.number}...${versionNumber}`}>
        {t("compare.compareWithPrevious")}
      </Link>
    </p>
  );
}
