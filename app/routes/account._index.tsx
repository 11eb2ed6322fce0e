import { type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";

import { GeneralErrorBoundary } from "~/components/error-boundary";
import { remixI18n } from "~/i18next.server";
import { invitesWithinOrganization } from "~/lib/permissions";
import { requireUser } from "~/utils/auth.server";
import { pageTitle } from "~/utils/meta";

export const meta: MetaFunction<typeof loader> = (args) => [pageTitle(args)];

export async function loader({ request }: LoaderFunctionArgs) {
  const { user } = await requireUser(request);
  const t = await remixI18n.getFixedT(request);
  return {
    metaTitle: t("account.title"),
    name: user.name,
    email: user.email,
    organizationPage: invitesWithinOrganization(user),
  };
}

export default function AccountPage() {
  const { name, email, organizationPage } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  return (
    <div className="page form-page">
      <h1>{t("account.title")}</h1>
      <p className="lead">{t("account.intro", { name, email })}</p>
      <nav aria-label={t("account.title")}>
        <ul>
          <li>
            <Link to="/account/password">{t("account.links.password")}</Link>
          </li>
          <li>
            <Link to="/account/sessions">{t("account.links.sessions")}</Link>
          </li>
          <li>
            <Link to="/account/two-factor">{t("account.links.twoFactor")}</Link>
          </li>
          <li>
            <Link to="/account/notifications">{t("preferences.accountLink")}</Link>
          </li>
          {organizationPage ? (
            <li>
              <Link to="/organization">{t("organization.accountLink")}</Link>
            </li>
          ) : null}
        </ul>
      </nav>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
