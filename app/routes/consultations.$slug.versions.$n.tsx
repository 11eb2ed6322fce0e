import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";

import { CommentPeriod } from "~/components/comment-period";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { StatusBadge } from "~/components/status-badge";
import { TableOfContents } from "~/components/table-of-contents";
import { getVersionForReader } from "~/models/version.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.version.label} · ${data.version.consultation.title}` : "Version" },
];

export async function loader({ params }: LoaderFunctionArgs) {
  const number = Number(params.n);
  if (!Number.isInteger(number) || number < 1) throw new Response("No such version.", { status: 404 });
  const reader = await getVersionForReader({ slug: params.slug ?? "", number });
  if (!reader) throw new Response("No such version.", { status: 404 });
  return { ...reader, now: new Date().toISOString() };
}

export default function VersionReader() {
  const { version, sections, paragraphs, now } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const consultation = version.consultation;
  const bySection = new Map<string, typeof paragraphs>();
  for (const paragraph of paragraphs) {
    const list = bySection.get(paragraph.sectionId) ?? [];
    list.push(paragraph);
    bySection.set(paragraph.sectionId, list);
  }

  return (
    <div className="reader">
      <div className="reader-head">
        <p className="breadcrumbs">
          <Link to="/consultations">{t("nav.consultations")}</Link> ›{" "}
          <Link to={`/consultations/${consultation.slug}`}>{consultation.title}</Link>
        </p>
        <h1>{version.document.title}</h1>
        <p>
          {version.label} <StatusBadge status={version.status} />
        </p>
        <CommentPeriod
          opensAt={version.commentsOpenAt}
          closesAt={version.commentsCloseAt}
          timeZone={consultation.timeZone}
          now={now}
        />
        {consultation.versions.length > 1 ? (
          <nav aria-label={t("reader.otherVersions")} className="version-switch">
            <ul>
              {consultation.versions.map((other) => (
                <li key={other.number}>
                  {other.number === version.number ? (
                    <span aria-current="page">{other.label}</span>
                  ) : (
                    <Link to={`/consultations/${consultation.slug}/versions/${other.number}`}>{other.label}</Link>
                  )}
                </li>
              ))}
            </ul>
          </nav>
        ) : null}
      </div>
      <TableOfContents sections={sections} paragraphs={paragraphs} />
      <article className="document" aria-labelledby="document-title">
        <h2 id="document-title" className="visually-hidden">
          {version.document.title}
        </h2>
        {sections.map((section, index) => {
          const Heading = section.level === 1 ? "h2" : "h3";
          const list = bySection.get(section.id) ?? [];
          return (
            <section key={section.id} aria-labelledby={`sec-${index + 1}`} className={`section level-${section.level}`}>
              <Heading id={`sec-${index + 1}`}>
                {section.number ? <span className="section-number">{section.number}</span> : null}
                {section.heading}
              </Heading>
              {list.map((paragraph) => (
                <div key={paragraph.id} id={`p-${paragraph.key}`} className="paragraph">
                  <a
                    className="paragraph-number"
                    href={`#p-${paragraph.key}`}
                    aria-label={t("reader.linkToParagraph", { number: paragraph.number ?? "" })}
                  >
                    {paragraph.number ?? "¶"}
                  </a>
                  <p>{paragraph.text}</p>
                  <p className="comment-count">{t("reader.commentCount", { count: 0 })}</p>
                </div>
              ))}
            </section>
          );
        })}
      </article>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
