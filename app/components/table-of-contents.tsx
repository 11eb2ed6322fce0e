import { useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";

import { escapeClosesDetails } from "~/components/escape-closes-details";

type TocSection = { id: string; number: string | null; heading: string; level: number };
type TocParagraph = { key: string; number: string | null; sectionId: string };

/**
 * The reader's table of contents: sections, and under each the numbered
 * paragraphs it holds, so a delegate can jump straight to "2.9 a.". It is a
 * <details> on narrow screens (see app.css) and a sticky column on wide ones.
 */
export function TableOfContents({ sections, paragraphs }: { sections: TocSection[]; paragraphs: TocParagraph[] }) {
  const { t } = useTranslation();
  const detailsRef = useRef<HTMLDetailsElement>(null);
  // On a phone the contents start folded so the text comes first; without
  // JavaScript they stay open.
  useEffect(() => {
    if (detailsRef.current && window.matchMedia("(max-width: 48rem)").matches) detailsRef.current.open = false;
  }, []);
  const numbered = new Map<string, TocParagraph[]>();
  for (const paragraph of paragraphs) {
    if (!paragraph.number) continue;
    const list = numbered.get(paragraph.sectionId) ?? [];
    list.push(paragraph);
    numbered.set(paragraph.sectionId, list);
  }
  return (
    <nav className="toc" aria-labelledby="toc-title">
      <details open ref={detailsRef} onKeyDown={escapeClosesDetails}>
        <summary>
          <h2 id="toc-title">{t("reader.toc")}</h2>
        </summary>
        <ol>
          {sections.map((section, index) => {
            const list = numbered.get(section.id) ?? [];
            return (
              <li key={section.id} className={`toc-level-${section.level}`}>
                <a href={`#sec-${index + 1}`}>
                  {section.number ? `${section.number} ` : ""}
                  {section.heading}
                </a>
                {list.length > 0 ? (
                  <details className="toc-paragraphs">
                    <summary>{t("reader.tocToggle")}</summary>
                    <ul>
                      {list.map((paragraph) => (
                        <li key={paragraph.key}>
                          <a href={`#p-${paragraph.key}`}>{paragraph.number}</a>
                        </li>
                      ))}
                    </ul>
                  </details>
                ) : null}
              </li>
            );
          })}
        </ol>
      </details>
    </nav>
  );
}
