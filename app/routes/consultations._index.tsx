import type { MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";

import { GeneralErrorBoundary } from "~/components/error-boundary";
import { StatusBadge } from "~/components/status-badge";
import { listConsultations } from "~/models/consultation.server";

export const meta: MetaFunction = () => [{ title: "Consultations" }];

export async function loader() {
  const consultations = await listConsultations();
  return { consultations };
}

export default function ConsultationsPage() {
  const { consultations } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  return (
    <div className="page">
      <h1>{t("consultations.title")}</h1>
      <p className="lead">{t("consultations.intro")}</p>
      {consultations.length === 0 ? (
        <p>{t("consultations.empty")}</p>
      ) : (
        <ul className="card-list">
          {consultations.map((consultation) => (
            <li key={consultation.slug} className="card">
              <h2>
                <Link to={`/consultations/${consultation.slug}`}>{consultation.title}</Link>
              </h2>
              <p>
                <StatusBadge status={consultation.status} />{" "}
                {t("consultations.versionsCount", { count: consultation.versions.length })}
              </p>
              {consultation.summary ? <p>{consultation.summary}</p> : null}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
