import { data, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import {
  Form,
  Link,
  Links,
  NavLink,
  Meta,
  Outlet,
  Scripts,
  ScrollRestoration,
  useLoaderData,
  useLocation,
  useRouteLoaderData,
} from "@remix-run/react";
import { useEffect } from "react";
import { useTranslation } from "react-i18next";
import { useChangeLanguage } from "remix-i18next/react";

import { GeneralErrorBoundary } from "./components/error-boundary";
import { LanguageSwitch } from "./components/language-switch";
import { remixI18n } from "./i18next.server";
import { can, invitesWithinOrganization, isRoleName } from "./lib/permissions";
import stylesheet from "./styles/app.css";
import { getSessionUser } from "./utils/auth.server";
import { useNonce } from "./utils/nonce-provider";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: stylesheet },
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
];

export const meta: MetaFunction<typeof loader> = ({ data }) => (data ? [{ title: data.metaTitle }] : []);

export async function loader({ request }: LoaderFunctionArgs) {
  const [locale, t] = await Promise.all([remixI18n.getLocale(request), remixI18n.getFixedT(request)]);
  // `headers` clears an invalid session cookie (or renews a valid one).
  const { user, headers } = await getSessionUser(request);
  const signedIn = user ? { name: user.name, role: user.role, organization: user.organization?.name ?? null } : null;
  // What the site navigation offers (hints only: every page checks its own permission).
  const nav = {
    people: can(user, "read:user:any"),
    newConsultation: can(user, "create:consultation:any"),
    feedback: can(user, "consolidate:comment:any"),
    importComments: can(user, "consolidate:comment:any"),
    mail: can(user, "read:audit:any"),
    // A focal point's own organization (the secretariat has the People page instead).
    organization: invitesWithinOrganization(user),
    // Members of a delegation (delegates and focal points): their organization's comments.
    delegation:
      Boolean(user?.organization) && can(user, "create:comment:own") && can(user, "read:comment:organization"),
  };
  // The site's name is the title of pages that set none (app/utils/meta.ts).
  return data({ locale, metaTitle: t("app.name"), user: signedIn, nav }, { headers });
}

export const handle = { i18n: "common" };

type NavFlags = {
  people: boolean;
  newConsultation: boolean;
  feedback: boolean;
  importComments: boolean;
  mail: boolean;
  organization: boolean;
  delegation: boolean;
};

const NO_NAV: NavFlags = {
  people: false,
  newConsultation: false,
  feedback: false,
  importComments: false,
  mail: false,
  organization: false,
  delegation: false,
};

/** The consultation a path is about (`/consultations/:slug/...`), or null. */
function consultationSlugOf(pathname: string) {
  const match = /^\/consultations\/([^/]+)/.exec(pathname);
  return match && match[1] !== "new" ? decodeURIComponent(match[1]) : null;
}

/**
 * The links about the consultation being viewed, for the second row of the
 * site navigation: for members of a delegation, its workspace; for the
 * secretariat, the dashboard and the comment import.
 */
function consultationNavLinks(
  slug: string,
  nav: NavFlags,
  t: (key: "nav.overview" | "nav.compare" | "nav.feedback" | "nav.importComments" | "nav.delegation") => string,
) {
  const base = `/consultations/${encodeURIComponent(slug)}`;
  const links: { to: string; label: string; end?: boolean }[] = [
    { to: base, label: t("nav.overview"), end: true },
    { to: `${base}/compare`, label: t("nav.compare") },
  ];
  if (nav.delegation) links.push({ to: `${base}/delegation`, label: t("nav.delegation") });
  if (nav.feedback) links.push({ to: `${base}/feedback`, label: t("nav.feedback") });
  if (nav.importComments) links.push({ to: `${base}/comments/import`, label: t("nav.importComments") });
  return links;
}

export function Layout({ children }: { children: React.ReactNode }) {
  const rootData = useRouteLoaderData<typeof loader>("root");
  const { t, i18n } = useTranslation();
  // A page no route matched has no root data: the language entry.server detected for the request.
  const locale = rootData?.locale ?? i18n.language ?? "en";
  const user = rootData?.user ?? null;
  const nav = rootData?.nav ?? NO_NAV;
  const location = useLocation();
  useHydrationMark();
  const here = location.pathname + location.search;
  const nonce = useNonce();
  const roleLabel = user ? (isRoleName(user.role) ? t(`auth.roles.${user.role}`) : user.role) : "";
  const slug = consultationSlugOf(location.pathname);
  const consultationLinks = slug ? consultationNavLinks(slug, nav, t) : [];
  return (
    <html lang={locale} dir={i18n.dir(locale)}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        {/* A page no route matched has no root data and so no title of its own: the site's name. */}
        {rootData ? null : <title>{t("app.name")}</title>}
        <Links />
      </head>
      <body>
        <a className="skip-link" href="#main">
          {t("app.skipToContent")}
        </a>
        <LanguageSwitch current={locale} returnTo={here} />
        <header className="site-header">
          <Link to="/consultations" className="site-name">
            {t("app.name")}
          </Link>
          <nav aria-label={t("app.mainNav")}>
            <ul>
              <li>
                <NavLink to="/consultations" end>
                  {t("nav.consultations")}
                </NavLink>
              </li>
              {nav.newConsultation ? (
                <li>
                  <NavLink to="/consultations/new">{t("nav.newConsultation")}</NavLink>
                </li>
              ) : null}
              {nav.people ? (
                <li>
                  <NavLink to="/admin/people">{t("nav.people")}</NavLink>
                </li>
              ) : null}
              {nav.mail ? (
                <li>
                  <NavLink to="/admin/mail">{t("nav.mail")}</NavLink>
                </li>
              ) : null}
              {nav.organization ? (
                <li>
                  <NavLink to="/organization">{t("nav.organization")}</NavLink>
                </li>
              ) : null}
            </ul>
          </nav>
          <div className="account">
            {user ? (
              <>
                <p className="signed-in-as">
                  {user.organization
                    ? t("auth.signedInAs", { name: user.name, role: roleLabel, organization: user.organization })
                    : t("auth.signedInAsNoOrganization", { name: user.name, role: roleLabel })}{" "}
                  <Link to="/account">{t("account.title")}</Link>
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
        {consultationLinks.length > 0 ? (
          <nav className="consultation-nav" aria-label={t("nav.thisConsultation")}>
            <ul>
              {consultationLinks.map((link) => (
                <li key={link.to}>
                  <NavLink to={link.to} end={link.end}>
                    {link.label}
                  </NavLink>
                </li>
              ))}
            </ul>
          </nav>
        ) : null}
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

/**
 * Marks <html data-hydrated> once React has hydrated the page (effects run
 * after the hydration commit), error pages included (the Layout wraps them).
 * A tap before that reaches markup that has no handlers yet: the end-to-end
 * tests wait for this mark before they act
 * (tests/e2e/fixtures.ts `hydrated`), since Remix's router is ready earlier.
 */
function useHydrationMark() {
  useEffect(() => {
    document.documentElement.dataset.hydrated = "";
  }, []);
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
