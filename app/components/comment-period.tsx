import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";

import { commentPeriodState, formatInstant, timeUntil } from "~/lib/dates";

/**
 * The comment period of a version, in the consultation's time zone, with
 * what is left of it. `now` comes from the server so that the server and the
 * browser render the same text.
 */
export function CommentPeriod({
  opensAt,
  closesAt,
  timeZone,
  now,
}: {
  opensAt: string | Date | null;
  closesAt: string | Date | null;
  timeZone: string;
  now: string;
}) {
  const { t, i18n } = useTranslation();
  // Starts from the server's clock (same text on both sides), then ticks.
  const [clock, setClock] = useState(() => ({ serverNow: now, current: new Date(now) }));
  // A navigation brings a new server time (after the secretariat closed the
  // period, say): it replaces the ticking clock, during this render.
  if (clock.serverNow !== now) setClock({ serverNow: now, current: new Date(now) });
  useEffect(() => {
    const timer = window.setInterval(() => setClock((clock) => ({ ...clock, current: new Date() })), 30_000);
    return () => window.clearInterval(timer);
  }, []);
  const current = clock.serverNow === now ? clock.current : new Date(now);
  const state = commentPeriodState({ opensAt, closesAt }, current);
  if (state === "none" || !opensAt || !closesAt) return <p>{t("consultation.noPeriod")}</p>;
  const left = timeUntil(closesAt, current);
  return (
    <dl className="period">
      <dt>{t("consultation.commentPeriod")}</dt>
      <dd>
        {t("consultation.period", {
          opens: formatInstant(opensAt, timeZone, i18n.language),
          closes: formatInstant(closesAt, timeZone, i18n.language),
          timeZone,
        })}
      </dd>
      <dd>
        {state === "open" ? (
          <strong>{t("consultation.closesIn", left)}</strong>
        ) : state === "upcoming" ? (
          t("consultation.opensOn", { date: formatInstant(opensAt, timeZone, i18n.language) })
        ) : (
          t("consultation.closedOn", { date: formatInstant(closesAt, timeZone, i18n.language) })
        )}
      </dd>
    </dl>
  );
}
