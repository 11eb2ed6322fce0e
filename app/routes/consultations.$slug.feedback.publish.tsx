import { data } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";

import { GeneralErrorBoundary } from "~/components/error-boundary";
import { remixI18n } from "~/i18next.server";
import { formatInstant } from "~/lib/dates";
import { returnSearch } from "~/lib/feedback/filters";
import { dispositionPublicationBlocked } from "~/models/disposition.server";
import { getPublicationImpact } from "~/models/feedback/publication.server";
import { requirePermission } from "~/utils/auth.server";
import { errorResponse, orErrorResponse } from "~/utils/http.server";
import { pageTitle } from "~/utils/meta";

import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";

export const meta: MetaFunction<typeof loader> = (args) => [pageTitle(args)];

/**
 * The confirmation step before publishing (works without JavaScript): says
 * what becomes public, how many comments have no decision and how long the
 * comment period still runs, then posts the publication with `confirm=yes`,
 * which the dashboard's action requires.
 */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { user, headers } = await requirePermission(request, "consolidate:comment:any", { ip: context.clientAddress });
  const url = new URL(request.url);
  const what = url.searchParams.get("what");
  if (what !== "comments" && what !== "dispositions") throw errorResponse(404, { key: "errors.notFound" }, headers);
  const impact = await orErrorResponse(getPublicationImpact({ actor: user, slug: params.slug ?? "", what }), headers);
  // Comments hidden until the period closes: the table (which shows them) cannot be published yet.
  const blocked = what === "dispositions" && (await dispositionPublicationBlocked(impact.consultation.id));
  const t = await remixI18n.getFixedT(request);
  // Back to the dashboard as it was (its filters), never elsewhere.
  const returnTo = returnSearch(url.searchParams.get("returnTo"), {});
  return data({ ...impact, blocked, returnTo, metaTitle: t(`feedback.confirmPublish.${what}.title`) }, { headers });
}

export default function ConfirmPublication() {
  const { consultation, what, publishedAt, comments, undecided, period, returnTo, blocked } =
    useLoaderData<typeof loader>();
  const { t, i18n } = useTranslation();
  const dashboard = `/consultations/${consultation.slug}/feedback${returnTo}`;
  return (
    <div className="page confirm-page">
      <p className="breadcrumbs">
        <Link to="/consultations">{t("nav.consultations")}</Link> ›{" "}
        <Link to={`/consultations/${consultation.slug}`}>{consultation.title}</Link> ›{" "}
        <Link to={dashboard}>{t("feedback.link")}</Link>
      </p>
      <h1>{t(`feedback.confirmPublish.${what}.title`)}</h1>
      {publishedAt ? (
        <p className="notice">
          {t("feedback.confirmPublish.already", {
            date: formatInstant(publishedAt, consultation.timeZone, i18n.language),
          })}
        </p>
      ) : null}
      <p className="lead">{t(`feedback.confirmPublish.${what}.effect`)}</p>
      <ul className="confirm-facts">
        <li>{t("feedback.confirmPublish.becomePublic", { count: comments })}</li>
        <li className={undecided > 0 ? "confirm-warn" : undefined}>
          {undecided > 0
            ? t("feedback.confirmPublish.undecided", { count: undecided, total: comments })
            : t("feedback.confirmPublish.allDecided")}
        </li>
        <li className={period ? "confirm-warn" : undefined}>
          {period
            ? t("feedback.confirmPublish.periodOpen", {
                count: period.daysLeft,
                date: formatInstant(period.closesAt, consultation.timeZone, i18n.language),
                zone: consultation.timeZone,
                label: period.label,
              })
            : t("feedback.confirmPublish.periodClosed")}
        </li>
      </ul>
      <p>{t("feedback.confirmPublish.reversible")}</p>
      {blocked ? (
        <p className="notice-warn" role="alert">
          {t("dispositions.errors.commentsHidden")}
        </p>
      ) : null}
      <Form method="post" action={`/consultations/${consultation.slug}/feedback`} className="confirm-actions">
        <input type="hidden" name="intent" value={`publish-${what}`} />
        <input type="hidden" name="confirm" value="yes" />
        <input type="hidden" name="returnTo" value={returnTo} />
        {blocked ? null : <button type="submit">{t(`feedback.confirmPublish.${what}.submit`)}</button>}{" "}
        <Link to={dashboard}>{t("feedback.confirmPublish.cancel")}</Link>
      </Form>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
