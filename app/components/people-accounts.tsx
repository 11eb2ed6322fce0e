import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";

import { formatInstant } from "~/lib/dates";
import { isRoleName } from "~/lib/permissions";

export interface AccountRow {
  id: string;
  name: string;
  email: string;
  deactivatedAt: string | Date | null;
  role: { name: string };
  organization: { id: string; name: string } | null;
}

/** The people page's list of existing accounts: name, email, role, organization, status, and a link to manage. */
export function PeopleAccounts({ accounts, selfId }: { accounts: AccountRow[]; selfId: string }) {
  const { t, i18n } = useTranslation();
  const roleLabel = (role: string) => (isRoleName(role) ? t(`auth.roles.${role}`) : role);
  return (
    <section aria-labelledby="accounts-title">
      <h2 id="accounts-title">{t("people.accounts.title")}</h2>
      {accounts.length === 0 ? (
        <p>{t("people.accounts.empty")}</p>
      ) : (
        // Scrolls sideways on a phone; focusable so keyboard users can scroll it too.
        <div className="table-scroll" role="region" aria-labelledby="accounts-title" tabIndex={0}>
          <table className="accounts-table">
            <thead>
              <tr>
                <th scope="col">{t("people.accounts.name")}</th>
                <th scope="col">{t("people.accounts.email")}</th>
                <th scope="col">{t("people.accounts.role")}</th>
                <th scope="col">{t("people.accounts.organization")}</th>
                <th scope="col">{t("people.accounts.status")}</th>
                <th scope="col">{t("people.accounts.actions")}</th>
              </tr>
            </thead>
            <tbody>
              {accounts.map((account) => (
                <tr key={account.id} className={account.deactivatedAt ? "account-deactivated" : undefined}>
                  <th scope="row">
                    {account.name} {account.id === selfId ? t("people.accounts.you") : null}
                  </th>
                  <td className="account-email" data-label={t("people.accounts.email")}>
                    {account.email}
                  </td>
                  <td data-label={t("people.accounts.role")}>{roleLabel(account.role.name)}</td>
                  <td data-label={t("people.accounts.organization")}>
                    {account.organization?.name ?? t("people.accounts.noOrganization")}
                  </td>
                  <td data-label={t("people.accounts.status")}>
                    {account.deactivatedAt
                      ? t("people.accounts.deactivated", {
                          date: formatInstant(account.deactivatedAt, "UTC", i18n.language),
                        })
                      : t("people.accounts.active")}
                  </td>
                  <td>
                    <Link
                      to={`/admin/people/${account.id}`}
                      aria-label={t("people.accounts.manageLabel", { name: account.name })}
                    >
                      {t("people.accounts.manage")}
                    </Link>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
