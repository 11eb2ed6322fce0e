import { useTranslation } from "react-i18next";

import { barLength, niceScale } from "~/lib/feedback/charts";

import { ChartFigure } from "./chart-figure";

const WIDTH = 560;
const HEIGHT = 220;
const LEFT = 44;
const RIGHT = 8;
const TOP = 10;
const BOTTOM = 28;

/** "5 Jan" for a "2026-01-05" date (UTC). */
function shortDate(date: string, language: string) {
  return new Intl.DateTimeFormat(language, { day: "numeric", month: "short", timeZone: "UTC" }).format(
    new Date(`${date}T00:00:00Z`),
  );
}

/**
 * Comments over time as columns on a round-numbered axis; a few dates
 * label the horizontal axis, every date is in the table.
 */
export function ColumnChart({
  id,
  title,
  points,
}: {
  id: string;
  title: string;
  points: Array<{ date: string; count: number }>;
}) {
  const { t, i18n } = useTranslation();
  const number = new Intl.NumberFormat(i18n.language);
  const total = points.reduce((sum, point) => sum + point.count, 0);
  const peak = points.reduce(
    (best, point) => (point.count > best.count ? point : best),
    points[0] ?? { date: "", count: 0 },
  );
  const scale = niceScale(peak.count);
  const plotWidth = WIDTH - LEFT - RIGHT;
  const plotHeight = HEIGHT - TOP - BOTTOM;
  const slot = points.length > 0 ? plotWidth / points.length : plotWidth;
  const barWidth = Math.max(1, Math.min(40, slot * 0.8));
  const labelEvery = Math.max(1, Math.ceil(points.length / 7));
  const description =
    points.length > 0
      ? t("feedback.charts.overTimeDescription", {
          from: shortDate(points[0].date, i18n.language),
          to: shortDate(points[points.length - 1].date, i18n.language),
          total: number.format(total),
          max: number.format(peak.count),
          peak: shortDate(peak.date, i18n.language),
        })
      : t("feedback.charts.noData");
  return (
    <ChartFigure
      id={id}
      title={title}
      description={description}
      width={WIDTH}
      height={HEIGHT}
      table={{
        caption: title,
        columns: [t("feedback.charts.date"), t("feedback.charts.count")],
        rows: points.map((point) => [point.date, number.format(point.count)]),
      }}
    >
      {scale.ticks.map((tick) => {
        const y = TOP + plotHeight - (tick / scale.max) * plotHeight;
        return (
          <g key={tick}>
            <line className="chart-grid" x1={LEFT} x2={WIDTH - RIGHT} y1={y} y2={y} />
            <text className="chart-axis" x={LEFT - 6} y={y} dominantBaseline="central" textAnchor="end">
              {number.format(tick)}
            </text>
          </g>
        );
      })}
      {points.map((point, index) => {
        const length = barLength(point.count, scale.max, plotHeight);
        const x = LEFT + index * slot + (slot - barWidth) / 2;
        return (
          <g key={point.date}>
            <rect className="chart-column" x={x} y={TOP + plotHeight - length} width={barWidth} height={length} />
            {index % labelEvery === 0 ? (
              <text className="chart-axis" x={x + barWidth / 2} y={HEIGHT - 8} textAnchor="middle">
                {shortDate(point.date, i18n.language)}
              </text>
            ) : null}
          </g>
        );
      })}
    </ChartFigure>
  );
}
