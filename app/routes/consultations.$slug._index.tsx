import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";

import { GeneralErrorBoundary } from "~/components/error-boundary";
import { CommentPeriod } from "~/components/comment-period";
import { StatusBadge } from "~/components/status-badge";
import { formatDay } from "~/lib/dates";
import { getConsultationOverview } from "~/models/consultation.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.consultation.title ?? "Consultation" }];

export async function loader({ params }: LoaderFunctionArgs) {
  const consultation = await getConsultationOverview({ slug: params.slug ?? "" });
  if (!consultation) throw new Response("No such consultation.", { status: 404 });
  return { consultation, now: new Date().toISOString() };
}

export default function ConsultationPage() {
  const { consultation, now } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  return (
    <div className="page">
      <p className="breadcrumbs">
        <Link to="/consultations">{t("nav.consultations")}</Link>
      </p>
      <h1>{consultation.title}</h1>
      <p>
        <StatusBadge status={consultation.status} />
      </p>
      {consultation.summary ? <p className="lead">{consultation.summary}</p> : null}
      {consultation.documents.map((document) => (
        <section key={document.slug} aria-labelledby={`doc-${document.slug}`}>
          <h2 id={`doc-${document.slug}`}>{document.title}</h2>
          <h3>{t("consultation.phases")}</h3>
          <ol className="phases">
            {document.versions.map((version) => (
              <li key={version.number} className="phase">
                <h4>
                  <Link to={`/consultations/${consultation.slug}/versions/${version.number}`}>{version.label}</Link>{" "}
                  <StatusBadge status={version.status} />
                </h4>
                <p>
                  {version.publishedAt
                    ? t("consultation.published", {
                        date: formatDay(version.publishedAt, consultation.timeZone),
                      })
                    : t("consultation.notPublished")}
                  {" · "}
                  {t("consultation.paragraphsCount", { count: version._count.paragraphs })}
                </p>
                <CommentPeriod
                  opensAt={version.commentsOpenAt}
                  closesAt={version.commentsCloseAt}
                  timeZone={consultation.timeZone}
                  now={now}
                />
              </li>
            ))}
          </ol>
        </section>
      ))}
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
