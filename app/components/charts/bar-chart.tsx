import { useTranslation } from "react-i18next";

import { barLength, niceScale, percent } from "~/lib/feedback/charts";

import { ChartFigure } from "./chart-figure";

/** One bar: a label, its count and, for the table, where it leads. */
export interface BarDatum {
  key: string;
  label: string;
  value: number;
  href?: string;
}

const WIDTH = 560;
const LABEL_WIDTH = 200;
const VALUE_WIDTH = 80;
const ROW_HEIGHT = 30;
const BAR_HEIGHT = 18;

/**
 * Horizontal bars with their counts and shares written at their ends: easy
 * to compare, readable at phone width, no legend to decode.
 */
export function BarChart({
  id,
  title,
  data,
  descriptionKey,
}: {
  id: string;
  title: string;
  data: BarDatum[];
  /** Locale key of the description, given the `summary` ("Member states 12, Academia 3"). */
  /** The description's key; it interpolates `summary` (e.g. "feedback.charts.byKindDescription"). */
  descriptionKey: "feedback.charts.byKindDescription" | "feedback.charts.byTypeDescription";
}) {
  const { t, i18n } = useTranslation();
  const number = new Intl.NumberFormat(i18n.language);
  const total = data.reduce((sum, datum) => sum + datum.value, 0);
  const { max } = niceScale(Math.max(...data.map((datum) => datum.value), 1));
  const plot = WIDTH - LABEL_WIDTH - VALUE_WIDTH;
  const height = data.length * ROW_HEIGHT + 8;
  const summary = data.map((datum) => `${datum.label} ${number.format(datum.value)}`).join(", ");
  return (
    <ChartFigure
      id={id}
      title={title}
      description={total > 0 ? t(descriptionKey, { summary }) : t("feedback.charts.noData")}
      width={WIDTH}
      height={height}
      table={{
        caption: title,
        columns: ["", t("feedback.charts.count"), t("feedback.charts.share")],
        rows: data.map((datum) => [
          datum.href ? { text: datum.label, href: datum.href } : datum.label,
          number.format(datum.value),
          `${percent(datum.value, total)} %`,
        ]),
      }}
    >
      {data.map((datum, index) => {
        const y = 4 + index * ROW_HEIGHT;
        const length = barLength(datum.value, max, plot);
        return (
          <g key={datum.key} className={`chart-row chart-series-${index % 8}`}>
            <text
              className="chart-label"
              x={LABEL_WIDTH - 10}
              y={y + BAR_HEIGHT / 2}
              dominantBaseline="central"
              textAnchor="end"
            >
              {datum.label}
            </text>
            <rect className="chart-track" x={LABEL_WIDTH} y={y} width={plot} height={BAR_HEIGHT} rx={3} />
            <rect className="chart-bar" x={LABEL_WIDTH} y={y} width={length} height={BAR_HEIGHT} rx={3} />
            <text
              className="chart-value"
              x={LABEL_WIDTH + length + 6}
              y={y + BAR_HEIGHT / 2}
              dominantBaseline="central"
            >
              {number.format(datum.value)}
              {total > 0 ? ` (${percent(datum.value, total)} %)` : ""}
            </text>
          </g>
        );
      })}
    </ChartFigure>
  );
}
