import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";

import { GeneralErrorBoundary } from "~/components/error-boundary";
import { Field, FormError } from "~/components/field";
import { InvitationLanguageField } from "~/components/invitation-language-field";
import { remixI18n, requestLanguage } from "~/i18next.server";
import { formatInstant } from "~/lib/dates";
import { LANGUAGES } from "~/lib/language";
import { isRoleName, ORGANIZATION_GRANTABLE_ROLES } from "~/lib/permissions";
import type { InvitationDelivery } from "~/models/invitation.server";
import {
  inviteToOrganization,
  listOrganizationMembers,
  ORGANIZATION_INVITE_PERMISSION,
  ORGANIZATION_MEMBERS_PERMISSION,
  withdrawOrganizationInvitation,
} from "~/models/organization-invitation.server";
import { requirePermission } from "~/utils/auth.server";
import {
  actionFailure,
  formFailure,
  orErrorResponse,
  rateLimitFailure,
  readFormData,
  validationFailure,
} from "~/utils/http.server";
import { pageTitle } from "~/utils/meta";
import { consumeRateLimit, RATE_LIMITS } from "~/utils/rate-limit.server";

export const meta: MetaFunction<typeof loader> = (args) => [pageTitle(args)];

/**
 * The form's fields, and nothing else: the organization is the focal point's
 * own (from the session), so an `organizationId` posted with the form is
 * dropped here and never reaches the model; the role is one of
 * ORGANIZATION_GRANTABLE_ROLES, anything else is a 400.
 */
const ActionSchema = z.discriminatedUnion("intent", [
  z.object({
    intent: z.literal("invite"),
    email: z.string().trim().max(254, "auth.validation.emailInvalid").email("auth.validation.emailInvalid"),
    roleName: z.enum(ORGANIZATION_GRANTABLE_ROLES),
    /** The invitation's language (its email, the new account's); absent: the page's. */
    language: z.enum(LANGUAGES).optional(),
  }),
  z.object({ intent: z.literal("withdraw"), invitationId: z.string().min(1).max(64) }),
]);

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { clientAddress } = context;
  const { user: actor, headers } = await requirePermission(request, ORGANIZATION_MEMBERS_PERMISSION, {
    clientAddress,
  });
  const [t, page] = await Promise.all([
    remixI18n.getFixedT(request),
    orErrorResponse(listOrganizationMembers({ actor, clientAddress }), headers),
  ]);
  return data({ metaTitle: t("organization.title"), ...page, now: new Date().toISOString() }, { headers });
}

type Done = { intent: "invite"; email: string; expiresAt: string } | { intent: "withdraw"; email: string };

export async function action({ request, context }: ActionFunctionArgs) {
  const { clientAddress } = context;
  const { user: actor, headers } = await requirePermission(request, ORGANIZATION_INVITE_PERMISSION, {
    clientAddress,
  });
  const parsed = ActionSchema.safeParse(Object.fromEntries(await readFormData(request, headers)));
  if (!parsed.success) {
    // A withdrawal comes from a button the page wrote: a failure there is not the person's to fix.
    return parsed.error.issues.some((issue) => ["email", "roleName", "language"].includes(String(issue.path[0])))
      ? validationFailure(parsed.error, headers)
      : formFailure(400, { key: "errors.badRequest" }, {}, headers);
  }
  const input = parsed.data;
  const done = (result: Done) => data(result, { headers });
  try {
    if (input.intent === "withdraw") {
      const { invitationId } = input;
      const withdrawn = await withdrawOrganizationInvitation({ actor, invitationId, clientAddress });
      return done({ intent: "withdraw", email: withdrawn.email });
    }
    // Every attempt counts, refused ones too: the form must not become a way to test addresses.
    for (const [key, rule] of [
      [`invitation:user:${actor.id}`, RATE_LIMITS.organizationInvitationPerUser],
      [`invitation:address:${clientAddress}`, RATE_LIMITS.invitationPerAddress],
    ] as const) {
      const limit = await consumeRateLimit({ key, ...rule });
      if (!limit.ok) return rateLimitFailure("organization.invite.tooMany", limit.retryAfterSeconds, headers);
    }
    const { invitation } = await inviteToOrganization({
      actor,
      email: input.email,
      roleName: input.roleName,
      locale: input.language ?? (await requestLanguage(request)),
      clientAddress,
      request,
    });
    // The link is not shown here: only the invitee's mailbox gets it, so a focal point cannot open accounts for
    // addresses nobody reads (docs/decisions/0021).
    return done({ intent: "invite", email: invitation.email, expiresAt: invitation.expiresAt.toISOString() });
  } catch (error) {
    return actionFailure(error, headers);
  }
}

export default function OrganizationPage() {
  const { organization, members, invitations, now } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const { t, i18n } = useTranslation();
  const busy = navigation.state === "submitting";
  const failure = actionData && "formError" in actionData ? actionData : null;
  const done = actionData && "intent" in actionData ? actionData : null;
  const fieldErrors = failure?.fieldErrors ?? {};
  const formDate = (iso: string | Date) => formatInstant(iso, "UTC", i18n.language);
  const roleLabel = (role: string) => (isRoleName(role) ? t(`auth.roles.${role}`) : role);
  const deliveryLabel = (delivery: InvitationDelivery | null) => {
    if (!delivery) return t("mail.people.none");
    if (delivery.status === "sent") return t("mail.people.sent", { date: formDate(delivery.sentAt ?? now) });
    if (delivery.status === "failed") return t("mail.people.failed", { error: delivery.lastError ?? "" });
    return delivery.status === "sending" ? t("mail.status.sending") : t("mail.people.queued");
  };

  return (
    <div className="page people-page organization-page">
      <h1>{t("organization.title")}</h1>
      <p className="lead">{t("organization.intro", { name: organization.name })}</p>

      {done ? (
        <p className="notice" role="status">
          {done.intent === "invite"
            ? t("organization.invite.sent", { email: done.email, date: formDate(done.expiresAt) })
            : t("organization.invitations.withdrawn", { email: done.email })}
        </p>
      ) : null}
      <FormError message={failure?.formError} />

      <section aria-labelledby="members-title">
        <h2 id="members-title">{t("organization.members.title")}</h2>
        <div className="table-scroll" role="region" aria-labelledby="members-title" tabIndex={0}>
          <table className="accounts-table">
            <thead>
              <tr>
                <th scope="col">{t("organization.members.name")}</th>
                <th scope="col">{t("organization.members.email")}</th>
                <th scope="col">{t("organization.members.role")}</th>
                <th scope="col">{t("organization.members.status")}</th>
              </tr>
            </thead>
            <tbody>
              {members.map((member) => (
                <tr key={member.id} className={member.active ? undefined : "account-deactivated"}>
                  <th scope="row" className="user-text">
                    {member.name}
                  </th>
                  <td className="account-email" data-label={t("organization.members.email")}>
                    {member.email}
                  </td>
                  <td data-label={t("organization.members.role")}>{roleLabel(member.roleName)}</td>
                  <td data-label={t("organization.members.status")}>
                    {member.active ? t("organization.members.active") : t("organization.members.deactivated")}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>

      <section aria-labelledby="invite-title">
        <h2 id="invite-title">{t("organization.invite.title")}</h2>
        {/* A new key after each invitation empties the form for the next one. */}
        <Form method="post" className="stacked-form" key={done?.intent === "invite" ? done.email : "invite"}>
          <Field id="invite-email" label={t("organization.invite.email")} errors={fieldErrors.email}>
            {(control) => <input {...control} name="email" type="email" autoComplete="off" required />}
          </Field>
          <Field
            id="invite-roleName"
            label={t("organization.invite.role")}
            hint={t("organization.invite.roleHint")}
            errors={fieldErrors.roleName}
          >
            {(control) => (
              <select {...control} name="roleName" defaultValue="delegate">
                {ORGANIZATION_GRANTABLE_ROLES.map((role) => (
                  <option key={role} value={role}>
                    {t(`auth.roles.${role}`)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <InvitationLanguageField id="invite-language" errors={fieldErrors.language} />
          <button type="submit" name="intent" value="invite" className="button" disabled={busy}>
            {t("organization.invite.submit")}
          </button>
        </Form>
      </section>

      <section aria-labelledby="invitations-title">
        <h2 id="invitations-title">{t("organization.invitations.title")}</h2>
        {invitations.length === 0 ? (
          <p>{t("organization.invitations.empty")}</p>
        ) : (
          <div className="table-scroll" role="region" aria-labelledby="invitations-title" tabIndex={0}>
            <table className="accounts-table">
              <thead>
                <tr>
                  <th scope="col">{t("organization.invitations.email")}</th>
                  <th scope="col">{t("organization.invitations.role")}</th>
                  <th scope="col">{t("organization.invitations.status")}</th>
                  <th scope="col">{t("organization.invitations.delivery")}</th>
                  <th scope="col">{t("organization.invitations.actions")}</th>
                </tr>
              </thead>
              <tbody>
                {invitations.map((invitation) => (
                  <tr key={invitation.id}>
                    <th scope="row" className="account-email">
                      {invitation.email}
                    </th>
                    <td data-label={t("organization.invitations.role")}>{roleLabel(invitation.roleName)}</td>
                    <td data-label={t("organization.invitations.status")}>
                      {new Date(invitation.expiresAt) <= new Date(now)
                        ? t("organization.invitations.expired", { date: formDate(invitation.expiresAt) })
                        : t("organization.invitations.pending", { date: formDate(invitation.expiresAt) })}
                    </td>
                    <td data-label={t("organization.invitations.delivery")}>{deliveryLabel(invitation.delivery)}</td>
                    <td>
                      <Form method="post">
                        <input type="hidden" name="invitationId" value={invitation.id} />
                        <button
                          type="submit"
                          name="intent"
                          value="withdraw"
                          className="button button-secondary"
                          disabled={busy}
                          aria-label={t("organization.invitations.withdrawLabel", { email: invitation.email })}
                        >
                          {t("organization.invitations.withdraw")}
                        </button>
                      </Form>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
