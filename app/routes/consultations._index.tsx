import type { MetaFunction } from "@remix-run/node";
import { data, type LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";

import { GeneralErrorBoundary } from "~/components/error-boundary";
import { StatusBadge } from "~/components/status-badge";
import { listConsultations } from "~/models/consultation.server";
import { getSessionUser } from "~/utils/auth.server";
import { can } from "~/lib/permissions";

export const meta: MetaFunction = () => [{ title: "Consultations" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const { user, headers } = await getSessionUser(request);
  const consultations = await listConsultations();
  const canOpen = user !== null && can(user, "create:consultation:any");
  return data({ consultations, canOpen }, { headers });
}

export default function ConsultationsPage() {
  const { consultations, canOpen } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  return (
    <div className="page">
      <h1>{t("consultations.title")}</h1>
      <p className="lead">{t("consultations.intro")}</p>
      {canOpen ? (
        <p>
          <Link to="/consultations/new" className="button">
            {t("manage.newLink")}
          </Link>
        </p>
      ) : null}
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
