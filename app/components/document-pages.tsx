import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";

import { escapeClosesDetails } from "~/components/escape-closes-details";

export interface PagingView {
  current: number;
  count: number;
  pages: Array<{ number: number; heading: string; sectionNumber: string | null; continued: boolean }>;
}

/**
 * Navigation between the pages of a long version
 * (app/lib/document-pages.ts): previous and next, "page N of M", and every
 * page by its first section heading. Plain links: it works without
 * JavaScript, from the keyboard, and at phone width (the list folds).
 */
export function DocumentPages({
  paging,
  href,
  position = "top",
}: {
  paging: PagingView;
  href: (page: number) => string;
  position?: "top" | "bottom";
}) {
  const { t } = useTranslation();
  const { current, count } = paging;
  const headingOf = (page: PagingView["pages"][number]) => {
    const heading = `${page.sectionNumber ? `${page.sectionNumber} ` : ""}${page.heading}`;
    return page.continued ? t("documentPages.continued", { heading }) : heading;
  };
  return (
    <nav className={`document-pages document-pages-${position}`} aria-label={t("documentPages.label")}>
      <p className="document-pages-position" aria-live={position === "top" ? "polite" : undefined}>
        {t("documentPages.position", { current, count })}
      </p>
      <ul className="document-pages-steps">
        <li>
          {current > 1 ? (
            <Link to={href(current - 1)} rel="prev">
              {t("documentPages.previous")}
            </Link>
          ) : null}
        </li>
        <li>
          {current < count ? (
            <Link to={href(current + 1)} rel="next">
              {t("documentPages.next")}
            </Link>
          ) : null}
        </li>
      </ul>
      {position === "top" ? (
        <details className="document-pages-list" onKeyDown={escapeClosesDetails}>
          <summary>{t("documentPages.all")}</summary>
          <ol>
            {paging.pages.map((page) => (
              <li key={page.number}>
                {page.number === current ? (
                  <span aria-current="page">
                    {t("documentPages.item", { number: page.number, heading: headingOf(page) })}
                  </span>
                ) : (
                  <Link to={href(page.number)}>
                    {t("documentPages.item", { number: page.number, heading: headingOf(page) })}
                  </Link>
                )}
              </li>
            ))}
          </ol>
        </details>
      ) : null}
    </nav>
  );
}
