import { data } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";

import { GeneralErrorBoundary } from "~/components/error-boundary";
import { StatusBadge } from "~/components/status-badge";
import { remixI18n } from "~/i18next.server";
import { can } from "~/lib/permissions";
import { listConsultations } from "~/models/consultation.server";
import { getSessionUser } from "~/utils/auth.server";

import type { MetaFunction, LoaderFunctionArgs } from "@remix-run/node";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  data ? [{ title: data.metaTitle }] : (matches[0]?.meta ?? []);

export async function loader({ request }: LoaderFunctionArgs) {
  const { user, headers } = await getSessionUser(request);
  const consultations = await listConsultations();
  const t = await remixI18n.getFixedT(request);
  return data(
    { metaTitle: t("consultations.metaTitle"), consultations, canOpen: can(user, "create:consultation:any") },
    { headers },
  );
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
