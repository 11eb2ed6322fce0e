import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";

import { GeneralErrorBoundary } from "~/components/error-boundary";
import { fieldErrorHelpers } from "~/components/field-errors";
import { formatInstant } from "~/lib/dates";
import {
  approveAccountRequest,
  listPendingAccountRequests,
  rejectAccountRequest,
} from "~/models/account-request.server";
import { createInvitation, invitationUrl, listRecentInvitations } from "~/models/invitation.server";
import { ORGANIZATION_KINDS, ROLE_NAMES } from "~/lib/permissions";
import { consumeRateLimit, RATE_LIMITS } from "~/utils/rate-limit.server";
import { listOrganizations } from "~/models/user.server";
import { requirePermission } from "~/utils/auth.server";
import { logger } from "~/utils/logger.server";

export const meta: MetaFunction = () => [{ title: "People" }];

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
    newOrganizationName: z.string().trim().max(200, "auth.validation.nameTooLong").default(""),
    newOrganizationKind: z.enum(ORGANIZATION_KINDS).default("member_state"),
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
  z.object({ intent: z.literal("approve"), requestId: z.string().min(1), roleName: GRANTABLE_ON_REQUEST }),
  z.object({ intent: z.literal("reject"), requestId: z.string().min(1) }),
]);

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { headers } = await requirePermission(request, "create:user:any", { ip: context.clientAddress });
  const [organizations, accountRequests, invitations] = await Promise.all([
    listOrganizations(),
    listPendingAccountRequests(),
    listRecentInvitations(),
  ]);
  return data({ organizations, accountRequests, invitations, now: new Date().toISOString() }, { headers });
}

type InviteField = "email" | "roleName" | "organization" | "newOrganizationName" | "newOrganizationKind";
type ActionResult = {
  intent: "invite" | "approve" | "reject";
  fieldErrors: Partial<Record<InviteField, string[]>>;
  formError: string | null;
  formErrorValues?: Record<string, string | number>;
  created: { email: string; link: string; expiresAt: string } | null;
  rejectedName?: string | null;
};

export async function action({ request, context }: ActionFunctionArgs) {
  const ip = context.clientAddress;
  const { user, headers } = await requirePermission(request, "create:user:any", { ip });
  const form = Object.fromEntries(await request.formData());
  const reply = (
    result: Omit<ActionResult, "fieldErrors" | "formError" | "created"> & Partial<ActionResult>,
    status = 200,
  ) => data<ActionResult>({ fieldErrors: {}, formError: null, created: null, ...result }, { status, headers });

  const parsed = form.intent === "invite" ? InviteSchema.safeParse(form) : DecisionSchema.safeParse(form);
  if (!parsed.success) {
    const intent = form.intent === "approve" || form.intent === "reject" ? form.intent : "invite";
    return reply({ intent, fieldErrors: parsed.error.flatten().fieldErrors }, 400);
  }
  const input = parsed.data;

  if (input.intent === "reject") {
    const rejected = await rejectAccountRequest({ requestId: input.requestId, actorId: user.id, ip });
    return rejected
      ? reply({ intent: "reject", rejectedName: rejected.name })
      : reply({ intent: "reject", formError: "people.requests.notPending" }, 409);
  }

  const limit = await consumeRateLimit({ key: `invitation:address:${ip}`, ...RATE_LIMITS.invitationPerAddress });
  if (!limit.ok) {
    return reply(
      {
        intent: input.intent,
        formError: "people.invite.tooMany",
        formErrorValues: { seconds: limit.retryAfterSeconds },
      },
      429,
    );
  }

  const result =
    input.intent === "approve"
      ? await approveAccountRequest({ requestId: input.requestId, roleName: input.roleName, actorId: user.id, ip })
      : await createInvitation({
          email: input.email,
          roleName: input.roleName,
          organization:
            input.organization === NEW_ORGANIZATION
              ? { name: input.newOrganizationName, kind: input.newOrganizationKind }
              : input.organization
                ? { id: input.organization }
                : null,
          createdById: user.id,
          ip,
        });
  if (!result.ok) {
    const formError = {
      email_taken: "people.invite.emailTaken",
      unknown_organization: "people.invite.unknownOrganization",
      not_pending: "people.requests.notPending",
    }[result.reason];
    return reply({ intent: input.intent, formError }, 409);
  }

  const link = invitationUrl({ origin: new URL(request.url).origin, token: result.token });
  // No mail server: the secretariat sends the link. It is logged too, so an
  // operator can recover it if the page was closed.
  logger.info("invitation link", {
    requestId: context.requestId,
    invitationId: result.invitation.id,
    email: result.invitation.email,
    link,
  });
  return reply({
    intent: input.intent,
    created: { email: result.invitation.email, link, expiresAt: result.invitation.expiresAt.toISOString() },
  });
}

export default function PeoplePage() {
  const { organizations, accountRequests, invitations, now } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const { t } = useTranslation();
  const busy = navigation.state === "submitting";
  const fieldErrors: Partial<Record<InviteField, string[]>> =
    actionData?.intent === "invite" ? actionData.fieldErrors : {};
  const { invalid, describedBy, fieldError } = fieldErrorHelpers("invite", fieldErrors, (key) => t(key));
  const formDate = (iso: string | Date) => formatInstant(iso, "UTC");

  return (
    <div className="page people-page">
      <h1>{t("people.title")}</h1>
      <p className="lead">{t("people.intro")}</p>

      {actionData?.created ? (
        <section className="notice" role="status" aria-labelledby="created-title">
          <h2 id="created-title">{t("people.created.title")}</h2>
          <p>{t("people.created.text", { email: actionData.created.email })}</p>
          <p id="created-link-hint">{t("people.created.sendLink", { date: formDate(actionData.created.expiresAt) })}</p>
          <label htmlFor="created-link">{t("people.created.link")}</label>
          <input
            id="created-link"
            className="copy-field"
            readOnly
            value={actionData.created.link}
            aria-describedby="created-link-hint"
          />
        </section>
      ) : null}
      {actionData?.intent === "reject" && !actionData.formError ? (
        <p className="notice" role="status">
          {t("people.requests.rejected", { name: actionData.rejectedName ?? "" })}
        </p>
      ) : null}
      {actionData?.formError ? (
        <p className="form-error" role="alert">
          {t(actionData.formError, actionData.formErrorValues)}
        </p>
      ) : null}

      <section aria-labelledby="invite-title">
        <h2 id="invite-title">{t("people.invite.title")}</h2>
        {/* A new key after each invitation empties the form for the next one. */}
        <Form method="post" className="stacked-form" key={actionData?.created?.link ?? "invite"}>
          <div className="field">
            <label htmlFor="invite-email">{t("people.invite.email")}</label>
            <input
              id="invite-email"
              name="email"
              type="email"
              autoComplete="off"
              required
              aria-invalid={invalid("email")}
              aria-describedby={describedBy("email")}
            />
            {fieldError("email")}
          </div>
          <div className="field">
            <label htmlFor="invite-roleName">{t("people.invite.role")}</label>
            <select
              id="invite-roleName"
              name="roleName"
              defaultValue="delegate"
              aria-describedby={describedBy("roleName")}
            >
              {ROLE_NAMES.map((role) => (
                <option key={role} value={role}>
                  {t(`auth.roles.${role}`)}
                </option>
              ))}
            </select>
            {fieldError("roleName")}
          </div>
          <div className="field">
            <label htmlFor="invite-organization">{t("people.invite.organization")}</label>
            <select
              id="invite-organization"
              name="organization"
              defaultValue=""
              aria-invalid={invalid("organization")}
              aria-describedby={describedBy("organization")}
            >
              <option value="">{t("people.invite.noOrganization")}</option>
              {organizations.map((organization) => (
                <option key={organization.id} value={organization.id}>
                  {organization.name}
                </option>
              ))}
              <option value={NEW_ORGANIZATION}>{t("people.invite.newOrganizationOption")}</option>
            </select>
            {fieldError("organization")}
          </div>
          <fieldset className="field-group">
            <legend>{t("people.invite.newOrganization")}</legend>
            <p id="invite-new-organization-hint" className="field-hint">
              {t("people.invite.newOrganizationHint")}
            </p>
            <div className="field">
              <label htmlFor="invite-newOrganizationName">{t("people.invite.newOrganizationName")}</label>
              <input
                id="invite-newOrganizationName"
                name="newOrganizationName"
                maxLength={200}
                aria-invalid={invalid("newOrganizationName")}
                aria-describedby={describedBy("newOrganizationName", "invite-new-organization-hint")}
              />
              {fieldError("newOrganizationName")}
            </div>
            <div className="field">
              <label htmlFor="invite-newOrganizationKind">{t("people.invite.newOrganizationKind")}</label>
              <select id="invite-newOrganizationKind" name="newOrganizationKind" defaultValue="member_state">
                {ORGANIZATION_KINDS.map((kind) => (
                  <option key={kind} value={kind}>
                    {t(`auth.organizationKinds.${kind}`)}
                  </option>
                ))}
              </select>
            </div>
          </fieldset>
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
                  <dd>{t(`auth.organizationKinds.${request.organizationKind}`)}</dd>
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
                  <div className="field">
                    <label htmlFor={`request-role-${request.id}`}>
                      {t("people.requests.role", { name: request.name })}
                    </label>
                    <select id={`request-role-${request.id}`} name="roleName" defaultValue="delegate">
                      {GRANTABLE_ON_REQUEST.options.map((role) => (
                        <option key={role} value={role}>
                          {t(`auth.roles.${role}`)}
                        </option>
                      ))}
                    </select>
                  </div>
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
                </tr>
              </thead>
              <tbody>
                {invitations.map((invitation) => (
                  <tr key={invitation.id}>
                    <td>{invitation.email}</td>
                    <td>{t(`auth.roles.${invitation.roleName}`)}</td>
                    <td>{invitation.organizationName ?? "—"}</td>
                    <td>
                      {invitation.usedAt
                        ? t("people.invitations.used", { date: formDate(invitation.usedAt) })
                        : new Date(invitation.expiresAt) <= new Date(now)
                          ? t("people.invitations.expired", { date: formDate(invitation.expiresAt) })
                          : t("people.invitations.pending", { date: formDate(invitation.expiresAt) })}
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
