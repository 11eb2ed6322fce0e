import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";

import { GeneralErrorBoundary } from "~/components/error-boundary";
import { Field, FormError } from "~/components/field";
import { InvitationLanguageField } from "~/components/invitation-language-field";
import { PeopleAccounts } from "~/components/people-accounts";
import { remixI18n, requestLanguage } from "~/i18next.server";
import { formatInstant } from "~/lib/dates";
import { LANGUAGES } from "~/lib/language";
import { isOrganizationKind, isRoleName, ORGANIZATION_KINDS, ROLE_NAMES } from "~/lib/permissions";
import { stripBidiInput } from "~/lib/text/bidi";
import {
  approveAccountRequest,
  listPendingAccountRequests,
  rejectAccountRequest,
} from "~/models/account-request.server";
import {
  createInvitation,
  INVITE_PERMISSION,
  invitationPath,
  listRecentInvitations,
  type InvitationDelivery,
} from "~/models/invitation.server";
import { listAccounts, listOrganizations } from "~/models/user.server";
import { absoluteUrl } from "~/utils/app-url.server";
import { requirePermission } from "~/utils/auth.server";
import { actionFailure, formFailure, orErrorResponse, readFormData, validationFailure } from "~/utils/http.server";
import { logger } from "~/utils/logger.server";
import { pageTitle } from "~/utils/meta";
import { consumeRateLimit, RATE_LIMITS } from "~/utils/rate-limit.server";

export const meta: MetaFunction<typeof loader> = (args) => [pageTitle(args)];

/** The organization select's value for "create a new one from the fields below". */
const NEW_ORGANIZATION = "new";
const ROLES_NEEDING_ORGANIZATION = new Set(["focal_point", "delegate"]);
const GRANTABLE_ON_REQUEST = z.enum(ROLE_NAMES).exclude(["secretariat"]);

const InviteSchema = z
  .object({
    intent: z.literal("invite"),
    email: z.string().trim().max(254, "auth.validation.emailInvalid").email("auth.validation.emailInvalid"),
    roleName: z.enum(ROLE_NAMES),
    /** "" (none), NEW_ORGANIZATION, or an organization id. */
    organization: z.string().default(""),
    newOrganizationName: z.preprocess(
      stripBidiInput,
      z.string().trim().max(200, "auth.validation.nameTooLong").default(""),
    ),
    newOrganizationKind: z.enum(ORGANIZATION_KINDS).default("member_state"),
    /** The invitation's language (its email, the new account's); absent: the page's. */
    language: z.enum(LANGUAGES).optional(),
  })
  .superRefine((value, ctx) => {
    if (value.organization === NEW_ORGANIZATION && !value.newOrganizationName) {
      ctx.addIssue({
        code: "custom",
        path: ["newOrganizationName"],
        message: "people.invite.newOrganizationNameRequired",
      });
    }
    if (ROLES_NEEDING_ORGANIZATION.has(value.roleName) && !value.organization) {
      ctx.addIssue({ code: "custom", path: ["organization"], message: "people.invite.organizationRequired" });
    }
  });

/** Decisions on account requests; invitations are parsed by InviteSchema. */
const DecisionSchema = z.discriminatedUnion("intent", [
  z.object({
    intent: z.literal("approve"),
    requestId: z.string().min(1),
    roleName: GRANTABLE_ON_REQUEST,
    /** Only for a request naming an existing organization: the secretariat's explicit choice. */
    organizationChoice: z.enum(["distinct", "join"]).optional(),
    distinctName: z.preprocess(stripBidiInput, z.string().trim().max(200, "auth.validation.nameTooLong").default("")),
  }),
  z.object({ intent: z.literal("reject"), requestId: z.string().min(1) }),
]);

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { clientAddress } = context;
  const { user: actor, headers } = await requirePermission(request, INVITE_PERMISSION, { clientAddress });
  const [t, [organizations, accountRequests, invitations, accounts]] = await Promise.all([
    remixI18n.getFixedT(request),
    orErrorResponse(
      Promise.all([
        listOrganizations({ actor, clientAddress }),
        listPendingAccountRequests({ actor, clientAddress }),
        listRecentInvitations({ actor, clientAddress }),
        listAccounts({ actor, clientAddress }),
      ]),
      headers,
    ),
  ]);
  return data(
    {
      metaTitle: t("people.title"),
      organizations,
      accountRequests,
      invitations,
      accounts,
      selfId: actor.id,
      now: new Date().toISOString(),
    },
    { headers },
  );
}

/** What a successful action answers; refusals are FormFailures (formError, fieldErrors). */
type Done =
  | { intent: "invite" | "approve"; created: { email: string; link: string; expiresAt: string } }
  | { intent: "reject"; rejectedName: string };

export async function action({ request, context }: ActionFunctionArgs) {
  const { clientAddress } = context;
  const { user: actor, headers } = await requirePermission(request, INVITE_PERMISSION, { clientAddress });
  const form = Object.fromEntries(await readFormData(request));
  const done = (result: Done) => data(result, { headers });

  let input: z.infer<typeof InviteSchema> | z.infer<typeof DecisionSchema>;
  if (form.intent === "invite") {
    const parsed = InviteSchema.safeParse(form);
    if (!parsed.success) return validationFailure(parsed.error, headers);
    input = parsed.data;
  } else {
    // Decisions come from buttons and selects the page wrote: a failure here is not the person's to fix.
    const parsed = DecisionSchema.safeParse(form);
    if (!parsed.success) return formFailure(400, { key: "errors.badRequest" }, {}, headers);
    input = parsed.data;
  }

  try {
    if (input.intent === "reject") {
      const rejected = await rejectAccountRequest({ actor, requestId: input.requestId, clientAddress });
      return done({ intent: "reject", rejectedName: rejected.name });
    }

    const limit = await consumeRateLimit({
      key: `invitation:address:${clientAddress}`,
      ...RATE_LIMITS.invitationPerAddress,
    });
    if (!limit.ok) {
      return formFailure(
        429,
        { key: "people.invite.tooMany", values: { seconds: limit.retryAfterSeconds } },
        {},
        headers,
      );
    }

    const result =
      input.intent === "approve"
        ? await approveAccountRequest({
            actor,
            requestId: input.requestId,
            roleName: input.roleName,
            organization:
              input.organizationChoice === "join"
                ? { mode: "join" }
                : input.organizationChoice === "distinct"
                  ? { mode: "distinct", name: input.distinctName }
                  : undefined,
            clientAddress,
            request,
          })
        : await createInvitation({
            actor,
            email: input.email,
            roleName: input.roleName,
            organization:
              input.organization === NEW_ORGANIZATION
                ? { name: input.newOrganizationName, kind: input.newOrganizationKind }
                : input.organization
                  ? { id: input.organization }
                  : null,
            locale: input.language ?? (await requestLanguage(request)),
            clientAddress,
            request,
          });

    // The same link as the email's (queued with the invitation), shown once in
    // case mail does not reach the person. Never logged: the token is the
    // invitation, and the Outgoing mail page keeps the message.
    const link = absoluteUrl(invitationPath(result.token), request);
    logger.info("invitation created", {
      requestId: context.requestId,
      invitationId: result.invitation.id,
      email: result.invitation.email,
    });
    return done({
      intent: input.intent,
      created: { email: result.invitation.email, link, expiresAt: result.invitation.expiresAt.toISOString() },
    });
  } catch (error) {
    return actionFailure(error, headers);
  }
}

export default function PeoplePage() {
  const { organizations, accountRequests, invitations, accounts, selfId, now } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const { t, i18n } = useTranslation();
  const busy = navigation.state === "submitting";
  const failure = actionData && "formError" in actionData ? actionData : null;
  const created = actionData && "created" in actionData ? actionData.created : null;
  const rejectedName = actionData && "rejectedName" in actionData ? actionData.rejectedName : null;
  const fieldErrors = failure?.fieldErrors ?? {};
  const formDate = (iso: string | Date) => formatInstant(iso, "UTC", i18n.language);
  const roleLabel = (role: string) => (isRoleName(role) ? t(`auth.roles.${role}`) : role);
  const deliveryLabel = (delivery: InvitationDelivery | null) => {
    if (!delivery) return t("mail.people.none");
    if (delivery.status === "sent") return t("mail.people.sent", { date: formDate(delivery.sentAt ?? now) });
    if (delivery.status === "failed") return t("mail.people.failed", { error: delivery.lastError ?? "" });
    return delivery.status === "sending" ? t("mail.status.sending") : t("mail.people.queued");
  };
  const organizationKindLabel = (kind: string) =>
    isOrganizationKind(kind) ? t(`auth.organizationKinds.${kind}`) : kind;

  return (
    <div className="page people-page">
      <h1>{t("people.title")}</h1>
      <p className="lead">{t("people.intro")}</p>

      {created ? (
        <section className="notice" role="status" aria-labelledby="created-title">
          <h2 id="created-title">{t("people.created.title")}</h2>
          <p>{t("people.created.text", { email: created.email })}</p>
          <Field
            id="created-link"
            label={t("people.created.link")}
            hint={t("mail.people.sendLink", { date: formDate(created.expiresAt) })}
          >
            {(control) => <input {...control} className="copy-field" readOnly value={created.link} />}
          </Field>
        </section>
      ) : null}
      {rejectedName !== null ? (
        <p className="notice" role="status">
          {t("people.requests.rejected", { name: rejectedName })}
        </p>
      ) : null}
      <FormError message={failure?.formError} />

      <PeopleAccounts accounts={accounts} selfId={selfId} />

      <section aria-labelledby="invite-title">
        <h2 id="invite-title">{t("people.invite.title")}</h2>
        {/* A new key after each invitation empties the form for the next one. */}
        <Form method="post" className="stacked-form" key={created?.link ?? "invite"}>
          <Field id="invite-email" label={t("people.invite.email")} errors={fieldErrors.email}>
            {(control) => <input {...control} name="email" type="email" autoComplete="off" required />}
          </Field>
          <Field id="invite-roleName" label={t("people.invite.role")} errors={fieldErrors.roleName}>
            {(control) => (
              <select {...control} name="roleName" defaultValue="delegate">
                {ROLE_NAMES.map((role) => (
                  <option key={role} value={role}>
                    {t(`auth.roles.${role}`)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field id="invite-organization" label={t("people.invite.organization")} errors={fieldErrors.organization}>
            {(control) => (
              <select {...control} name="organization" defaultValue="">
                <option value="">{t("people.invite.noOrganization")}</option>
                {organizations.map((organization) => (
                  <option key={organization.id} value={organization.id}>
                    {organization.name}
                  </option>
                ))}
                <option value={NEW_ORGANIZATION}>{t("people.invite.newOrganizationOption")}</option>
              </select>
            )}
          </Field>
          <Field
            group
            className="field-group"
            id="invite-new-organization"
            label={t("people.invite.newOrganization")}
            hint={t("people.invite.newOrganizationHint")}
          >
            {() => (
              <>
                <Field
                  id="invite-newOrganizationName"
                  label={t("people.invite.newOrganizationName")}
                  errors={fieldErrors.newOrganizationName}
                >
                  {(control) => <input {...control} name="newOrganizationName" maxLength={200} />}
                </Field>
                <Field id="invite-newOrganizationKind" label={t("people.invite.newOrganizationKind")}>
                  {(control) => (
                    <select {...control} name="newOrganizationKind" defaultValue="member_state">
                      {ORGANIZATION_KINDS.map((kind) => (
                        <option key={kind} value={kind}>
                          {t(`auth.organizationKinds.${kind}`)}
                        </option>
                      ))}
                    </select>
                  )}
                </Field>
              </>
            )}
          </Field>
          <InvitationLanguageField id="invite-language" errors={fieldErrors.language} />
          <button type="submit" name="intent" value="invite" className="button" disabled={busy}>
            {t("people.invite.submit")}
          </button>
        </Form>
      </section>

      <section aria-labelledby="requests-title">
        <h2 id="requests-title">{t("people.requests.title")}</h2>
        {accountRequests.length === 0 ? (
          <p>{t("people.requests.empty")}</p>
        ) : (
          <ul className="card-list">
            {accountRequests.map((request) => (
              <li key={request.id} className="card">
                <h3>{request.name}</h3>
                <dl className="facts">
                  <dt>{t("people.requests.email")}</dt>
                  <dd>{request.email}</dd>
                  <dt>{t("people.requests.organization")}</dt>
                  <dd>{request.organizationName}</dd>
                  <dt>{t("people.requests.kind")}</dt>
                  <dd>{organizationKindLabel(request.organizationKind)}</dd>
                  {request.message ? (
                    <>
                      <dt>{t("people.requests.message")}</dt>
                      <dd className="user-text">{request.message}</dd>
                    </>
                  ) : null}
                  <dt>{t("people.requests.received")}</dt>
                  <dd>{formDate(request.createdAt)}</dd>
                </dl>
                <Form method="post" className="inline-form">
                  <input type="hidden" name="requestId" value={request.id} />
                  {request.existingOrganization ? (
                    <fieldset className="organization-choice">
                      <legend>{t("people.requests.organizationChoice", { name: request.name })}</legend>
                      <p className="notice-warn" role="note">
                        {t("people.requests.existingOrganization", {
                          name: request.existingOrganization.name,
                          kind: organizationKindLabel(request.existingOrganization.kind),
                        })}
                      </p>
                      <label>
                        <input type="radio" name="organizationChoice" value="distinct" required />{" "}
                        {t("people.requests.createDistinct")}
                      </label>{" "}
                      <label>
                        <span className="visually-hidden">{t("people.requests.distinctName")}</span>
                        <input
                          type="text"
                          name="distinctName"
                          maxLength={200}
                          defaultValue={[
                            request.organizationName,
                            `(${organizationKindLabel(request.organizationKind)})`,
                          ].join(" ")}
                        />
                      </label>
                      {request.existingOrganization.kind === request.organizationKind ? (
                        <label>
                          <input type="radio" name="organizationChoice" value="join" required />{" "}
                          {t("people.requests.joinExisting", { name: request.existingOrganization.name })}
                        </label>
                      ) : null}
                    </fieldset>
                  ) : null}
                  <Field id={`request-role-${request.id}`} label={t("people.requests.role", { name: request.name })}>
                    {(control) => (
                      <select {...control} name="roleName" defaultValue="delegate">
                        {GRANTABLE_ON_REQUEST.options.map((role) => (
                          <option key={role} value={role}>
                            {t(`auth.roles.${role}`)}
                          </option>
                        ))}
                      </select>
                    )}
                  </Field>
                  <button type="submit" name="intent" value="approve" className="button" disabled={busy}>
                    {t("people.requests.approve")}
                  </button>
                  <button
                    type="submit"
                    name="intent"
                    value="reject"
                    className="button button-secondary"
                    disabled={busy}
                  >
                    {t("people.requests.reject")}
                  </button>
                </Form>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="invitations-title">
        <h2 id="invitations-title">{t("people.invitations.title")}</h2>
        {invitations.length === 0 ? (
          <p>{t("people.invitations.empty")}</p>
        ) : (
          // Scrolls sideways on a phone; focusable so keyboard users can scroll it too.
          <div className="table-scroll" role="region" aria-labelledby="invitations-title" tabIndex={0}>
            <table>
              <thead>
                <tr>
                  <th scope="col">{t("people.invitations.email")}</th>
                  <th scope="col">{t("people.invitations.role")}</th>
                  <th scope="col">{t("people.invitations.organization")}</th>
                  <th scope="col">{t("people.invitations.status")}</th>
                  <th scope="col">{t("mail.people.delivery")}</th>
                </tr>
              </thead>
              <tbody>
                {invitations.map((invitation) => (
                  <tr key={invitation.id}>
                    <td>{invitation.email}</td>
                    <td>{roleLabel(invitation.roleName)}</td>
                    <td>{invitation.organizationName ?? "—"}</td>
                    <td>
                      {invitation.usedAt
                        ? t("people.invitations.used", { date: formDate(invitation.usedAt) })
                        : new Date(invitation.expiresAt) <= new Date(now)
                          ? t("people.invitations.expired", { date: formDate(invitation.expiresAt) })
                          : t("people.invitations.pending", { date: formDate(invitation.expiresAt) })}
                    </td>
                    <td>{deliveryLabel(invitation.delivery)}</td>
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
