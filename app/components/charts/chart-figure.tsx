import { useTranslation } from "react-i18next";

import type { ReactNode } from "react";

/** A cell of a chart's data table: text, or a link (e.g. to filter the dashboard). */
export type ChartTableCell = string | number | { text: string; href: string };

/**
 * A chart as an accessible figure: a server-rendered SVG that screen readers
 * meet as one image named by its title and described in words
 * (role="img" + aria-labelledby → <title> and <desc>), followed by the same
 * numbers as a table that anyone can open, copy or read cell by cell.
 */
export function ChartFigure({
  id,
  title,
  description,
  width,
  height,
  table,
  children,
}: {
  id: string;
  title: string;
  description: string;
  width: number;
  height: number;
  table: { caption: string; columns: string[]; rows: ChartTableCell[][] };
  children: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <figure className="chart" aria-labelledby={`${id}-caption`}>
      <figcaption id={`${id}-caption`}>{title}</figcaption>
      <svg
        className="chart-svg"
        viewBox={`0 0 ${width} ${height}`}
        width="100%"
        preserveAspectRatio="xMinYMin meet"
        role="img"
        aria-labelledby={`${id}-title ${id}-desc`}
      >
        <title id={`${id}-title`}>{title}</title>
        <desc id={`${id}-desc`}>{description}</desc>
        {children}
      </svg>
      <details className="chart-table">
        <summary>{t("feedback.charts.showTable")}</summary>
        <table>
          <caption>{table.caption}</caption>
          <thead>
            <tr>
              {table.columns.map((column) => (
                <th key={column} scope="col">
                  {column}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {table.rows.map((row, rowIndex) => (
              <tr key={rowIndex}>
                {row.map((cell, cellIndex) => {
                  const content = typeof cell === "object" ? <a href={cell.href}>{cell.text}</a> : cell;
                  return cellIndex === 0 ? (
                    <th key={cellIndex} scope="row">
                      {content}
                    </th>
                  ) : (
                    <td key={cellIndex}>{content}</td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
