import { data, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import {
  Form,
  Link,
  Links,
  Meta,
  Outlet,
  Scripts,
  ScrollRestoration,
  useLoaderData,
  useLocation,
  useRouteLoaderData,
} from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { useChangeLanguage } from "remix-i18next/react";

import { GeneralErrorBoundary } from "./components/error-boundary";
import { remixI18n } from "./i18next.server";
import { isRoleName } from "./lib/permissions";
import stylesheet from "./styles/app.css";
import { getSessionUser } from "./utils/auth.server";
import { useNonce } from "./utils/nonce-provider";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: stylesheet },
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
];

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.metaTitle ?? "" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const [locale, t] = await Promise.all([remixI18n.getLocale(request), remixI18n.getFixedT(request)]);
  // `headers` clears an invalid session cookie (or renews a valid one).
  const { user, headers } = await getSessionUser(request);
  const signedIn = user ? { name: user.name, role: user.role, organization: user.organization?.name ?? null } : null;
  // The site's name is the title of pages that set none (app/utils/meta.ts).
  return data({ locale, metaTitle: t("app.name"), user: signedIn }, { headers });
}

export const handle = { i18n: "common" };

export function Layout({ children }: { children: React.ReactNode }) {
  const rootData = useRouteLoaderData<typeof loader>("root");
  const locale = rootData?.locale ?? "en";
  const user = rootData?.user ?? null;
  const location = useLocation();
  const here = location.pathname + location.search;
  const { t, i18n } = useTranslation();
  const nonce = useNonce();
  const roleLabel = user ? (isRoleName(user.role) ? t(`auth.roles.${user.role}`) : user.role) : "";
  return (
    <html lang={locale} dir={i18n.dir(locale)}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <Links />
      </head>
      <body>
        <a className="skip-link" href="#main">
          {t("app.skipToContent")}
        </a>
        <header className="site-header">
          <Link to="/consultations" className="site-name">
            {t("app.name")}
          </Link>
          <nav aria-label={t("app.mainNav")}>
            <ul>
              <li>
                <Link to="/consultations">{t("nav.consultations")}</Link>
              </li>
            </ul>
          </nav>
          <div className="account">
            {user ? (
              <>
                <p className="signed-in-as">
                  {user.organization
                    ? t("auth.signedInAs", { name: user.name, role: roleLabel, organization: user.organization })
                    : t("auth.signedInAsNoOrganization", { name: user.name, role: roleLabel })}
                </p>
                <Form method="post" action="/logout">
                  <button type="submit" className="button button-secondary">
                    {t("auth.signOut")}
                  </button>
                </Form>
              </>
            ) : (
              <Link
                to={
                  location.pathname === "/login" || here === "/"
                    ? "/login"
                    : `/login?redirectTo=${encodeURIComponent(here)}`
                }
              >
                {t("auth.signIn")}
              </Link>
            )}
          </div>
        </header>
        <main id="main" tabIndex={-1}>
          {children}
        </main>
        <footer className="site-footer">
          <p>{t("app.footer")}</p>
        </footer>
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  );
}

export default function App() {
  const { locale } = useLoaderData<typeof loader>();
  useChangeLanguage(locale);
  return <Outlet />;
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
