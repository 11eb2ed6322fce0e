import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { useRef } from "react";
import { useTranslation } from "react-i18next";
import { z } from "zod";

import { GeneralErrorBoundary } from "~/components/error-boundary";
import { Field, FormError } from "~/components/field";
import { useConfirmation } from "~/components/use-confirmation";
import { formatInstant } from "~/lib/dates";
import { isRoleName, ROLE_NAMES } from "~/lib/permissions";
import { issueBySecretariat } from "~/models/password-reset.server";
import {
  deactivateAccount,
  getAccount,
  listOrganizations,
  MANAGE_USERS_PERMISSION,
  reactivateAccount,
  updateAccount,
} from "~/models/user.server";
import { requirePermission } from "~/utils/auth.server";
import { actionFailure, formFailure, orErrorResponse, readFormData } from "~/utils/http.server";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  data ? [{ title: data.account.name }] : (matches[0]?.meta ?? []);

const AccountActionSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("update"), roleName: z.enum(ROLE_NAMES), organizationId: z.string().default("") }),
  z.object({ intent: z.literal("deactivate"), confirmed: z.literal("yes").optional() }),
  z.object({ intent: z.literal("reactivate") }),
  z.object({ intent: z.literal("reset") }),
]);

/** `/admin/people/:id`: one account; the secretariat changes its role and organization, (de)activates it. */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { clientAddress } = context;
  const { user: actor, headers } = await requirePermission(request, MANAGE_USERS_PERMISSION, { clientAddress });
  const [account, organizations] = await orErrorResponse(
    Promise.all([
      getAccount({ actor, userId: params.id ?? "", clientAddress }),
      listOrganizations({ actor, clientAddress }),
    ]),
    headers,
  );
  return data({ account, organizations, selfId: actor.id }, { headers });
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { clientAddress } = context;
  const userId = params.id ?? "";
  const { user: actor, headers } = await requirePermission(request, MANAGE_USERS_PERMISSION, { clientAddress });
  // Every form here is the page's own (selects and buttons): a failure is not the person's to fix.
  const parsed = AccountActionSchema.safeParse(Object.fromEntries(await readFormData(request)));
  if (!parsed.success) return formFailure(400, { key: "errors.badRequest" }, {}, headers);
  const input = parsed.data;
  const back = (done: string) => redirect(`/admin/people/${userId}?done=${done}`, { headers });
  try {
    switch (input.intent) {
      case "update":
        await updateAccount({
          actor,
          userId,
          roleName: input.roleName,
          organizationId: input.organizationId || null,
          clientAddress,
        });
        throw back("saved");
      case "deactivate": {
        if (input.confirmed !== "yes") {
          // The confirmation step states how many sessions end; it works without JavaScript.
          const account = await getAccount({ actor, userId, clientAddress });
          return data({ confirm: { sessions: account._count.sessions } }, { headers });
        }
        await deactivateAccount({ actor, userId, clientAddress });
        throw back("deactivated");
      }
      case "reactivate":
        await reactivateAccount({ actor, userId, clientAddress });
        throw back("reactivated");
      case "reset": {
        const sent = await issueBySecretariat({ actor, userId, clientAddress, request });
        return data({ resetSent: { email: sent.email, expiresAt: sent.expiresAt.toISOString() } }, { headers });
      }
    }
  } catch (error) {
    if (error instanceof Response) throw error;
    return actionFailure(error, headers);
  }
}

export default function AccountPage() {
  const { account, organizations, selfId } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const navigation = useNavigation();
  const { t, i18n } = useTranslation();
  const busy = navigation.state === "submitting";
  const failure = result && "formError" in result ? result : null;
  const confirm = result && "confirm" in result ? result.confirm : null;
  const resetSent = result && "resetSent" in result ? result.resetSent : null;
  const done = searchParams.get("done");
  const roleLabel = (role: string) => (isRoleName(role) ? t(`auth.roles.${role}`) : role);
  const isSelf = account.id === selfId;
  return (
    <div className="page form-page people-page">
      <p className="breadcrumbs">
        <Link to="/admin/people">{t("people.accounts.back")}</Link>
      </p>
      <h1>{t("people.accounts.pageTitle", { name: account.name })}</h1>
      <dl className="facts">
        <dt>{t("people.accounts.email")}</dt>
        <dd>{account.email}</dd>
        <dt>{t("people.accounts.role")}</dt>
        <dd>{roleLabel(account.role.name)}</dd>
        <dt>{t("people.accounts.organization")}</dt>
        <dd>{account.organization?.name ?? t("people.accounts.noOrganization")}</dd>
        <dt>{t("people.accounts.status")}</dt>
        <dd>
          {account.deactivatedAt
            ? t("people.accounts.deactivated", { date: formatInstant(account.deactivatedAt, "UTC", i18n.language) })
            : t("people.accounts.active")}
        </dd>
      </dl>
      <p className="hint">
        {t("people.accounts.since", { date: formatInstant(account.createdAt, "UTC", i18n.language) })}{" "}
        {t("people.accounts.sessions", { count: account._count.sessions })}
      </p>
      {done === "saved" || done === "deactivated" || done === "reactivated" ? (
        <p className="notice notice-success" role="status">
          {done === "saved"
            ? t("people.accounts.saved", { name: account.name })
            : done === "deactivated"
              ? t("people.accounts.deactivatedNotice", { name: account.name })
              : t("people.accounts.reactivated", { name: account.name })}
        </p>
      ) : null}
      <FormError message={failure?.formError} />

      <section aria-labelledby="change-title">
        <h2 id="change-title">{t("people.accounts.changeTitle")}</h2>
        <Form method="post" className="stacked-form" key={`${account.role.name}-${account.organization?.id}`}>
          <Field id="account-role" label={t("people.accounts.role")}>
            {(control) => (
              <select {...control} name="roleName" defaultValue={account.role.name}>
                {ROLE_NAMES.map((role) => (
                  <option key={role} value={role}>
                    {t(`auth.roles.${role}`)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field id="account-organization" label={t("people.accounts.organization")}>
            {(control) => (
              <select {...control} name="organizationId" defaultValue={account.organization?.id ?? ""}>
                <option value="">{t("people.invite.noOrganization")}</option>
                {organizations.map((organization) => (
                  <option key={organization.id} value={organization.id}>
                    {organization.name}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <div className="button-row">
            <button type="submit" name="intent" value="update" className="button" disabled={busy}>
              {t("people.accounts.save")}
            </button>
          </div>
        </Form>
      </section>

      {account.deactivatedAt ? null : (
        <section aria-labelledby="reset-title">
          <h2 id="reset-title">{t("passwordReset.issue.heading")}</h2>
          <p>{t("passwordReset.issue.intro")}</p>
          {resetSent ? (
            <p className="notice notice-success" role="status">
              {t("passwordReset.issue.sent", {
                email: resetSent.email,
                expiresAt: formatInstant(new Date(resetSent.expiresAt), "UTC", i18n.language),
              })}
            </p>
          ) : null}
          <Form method="post">
            <button type="submit" name="intent" value="reset" className="button button-secondary" disabled={busy}>
              {t("passwordReset.issue.submit")}
            </button>
          </Form>
        </section>
      )}

      {account.deactivatedAt ? (
        <section aria-labelledby="reactivate-title">
          <h2 id="reactivate-title">{t("people.accounts.reactivateTitle")}</h2>
          <p>
            {t("people.accounts.reactivateIntro", { date: formatInstant(account.deactivatedAt, "UTC", i18n.language) })}
          </p>
          <Form method="post">
            <button type="submit" name="intent" value="reactivate" className="button" disabled={busy}>
              {t("people.accounts.reactivate")}
            </button>
          </Form>
        </section>
      ) : isSelf ? null : (
        <section aria-labelledby="deactivate-title">
          <h2 id="deactivate-title">{t("people.accounts.deactivateTitle")}</h2>
          <p>{t("people.accounts.deactivateIntro")}</p>
          {confirm ? (
            <DeactivationConfirmation
              name={account.name}
              sessions={confirm.sessions}
              cancelHref={`/admin/people/${account.id}`}
              busy={busy}
            />
          ) : (
            <Form method="post">
              <button
                type="submit"
                name="intent"
                value="deactivate"
                className="button button-secondary deactivate-button"
                disabled={busy}
              >
                {t("people.accounts.deactivate")}
              </button>
            </Form>
          )}
        </section>
      )}
    </div>
  );
}

/** "Deactivate X?": a confirmation in the page that behaves as a dialog (app/components/use-confirmation.ts). */
function DeactivationConfirmation({
  name,
  sessions,
  cancelHref,
  busy,
}: {
  name: string;
  sessions: number;
  cancelHref: string;
  busy: boolean;
}) {
  const { t } = useTranslation();
  const heading = useRef<HTMLHeadingElement>(null);
  useConfirmation({ heading, cancelHref, returnFocusTo: ".deactivate-button" });
  return (
    <section className="confirm-box" aria-labelledby="confirm-title">
      <h3 id="confirm-title" tabIndex={-1} ref={heading}>
        {t("people.accounts.confirmTitle", { name })}
      </h3>
      <p>{t("people.accounts.confirmText", { name, count: sessions })}</p>
      <Form method="post" className="button-row">
        <input type="hidden" name="confirmed" value="yes" />
        <button type="submit" name="intent" value="deactivate" className="button button-danger" disabled={busy}>
          {t("people.accounts.confirm")}
        </button>
        <Link to={cancelHref}>{t("people.accounts.cancel")}</Link>
      </Form>
    </section>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
