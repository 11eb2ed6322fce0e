import { formatInstant } from "~/lib/dates";
import { normalizeEmail } from "~/lib/email";
import { DomainError } from "~/lib/errors";
import type { Language } from "~/lib/language";
import { composeMail, MAIL_KINDS } from "~/lib/mail/compose";
import { normalizeOrganizationName } from "~/lib/organization-name";
import type { Actor, OrganizationKind, RoleName } from "~/lib/permissions";
import {
  INVITE_PERMISSION,
  insertInvitation,
  invitationDedupeKey,
  type CreatedInvitation,
  type InvitationMessage,
} from "~/models/invitation.server";
import { AUDIT_ACTIONS, recordAuditEvent } from "~/utils/audit.server";
import { authorize } from "~/utils/authorize.server";
import { prisma } from "~/utils/db.server";
import { queueEmail } from "~/utils/outbox.server";

import { mailLanguage, mailT } from "./mail-language.server";

/**
 * Account requests: anyone may ask for an account; the secretariat approves
 * (which creates the organization if needed and an invitation) or rejects.
 */

/** Kinds a member of the public may claim; "secretariat" is not one of them. */
export type RequestableOrganizationKind = Exclude<OrganizationKind, "secretariat">;

/** Roles the secretariat may grant when approving a public request. */
export type RequestableRole = Exclude<RoleName, "secretariat">;

export async function createAccountRequest({
  name,
  email,
  organizationName,
  organizationKind,
  message,
  locale,
  clientAddress,
}: {
  name: string;
  email: string;
  organizationName: string;
  organizationKind: RequestableOrganizationKind;
  message: string;
  /** The language the form was filled in: the decision's email is written in it. */
  locale?: Language | null;
  clientAddress?: string | null;
}) {
  const request = await prisma.accountRequest.create({
    data: {
      name: name.trim(),
      email: normalizeEmail(email),
      organizationName: organizationName.trim(),
      organizationKind,
      message: message.trim(),
      locale: locale ?? null,
    },
    select: { id: true },
  });
  await recordAuditEvent({
    actorId: null,
    action: AUDIT_ACTIONS.accountRequestCreated,
    entity: "account_request",
    entityId: request.id,
    outcome: "ok",
    ip: clientAddress,
    details: { email: normalizeEmail(email), organizationName: organizationName.trim() },
  });
  return request;
}

/**
 * How the secretariat decided the organization of a request that names an
 * existing one: a new, distinct organization under the confirmed name, or
 * joining the existing one (only of the kind the request claims).
 */
export type OrganizationDecision = { mode: "distinct"; name: string } | { mode: "join" };

type Db = Parameters<Parameters<typeof prisma.$transaction>[0]>[0] | typeof prisma;

/** The existing organization whose name is the same once normalized (case, whitespace, diacritics), if any. */
export async function findSimilarOrganization(db: Db, name: string) {
  const wanted = normalizeOrganizationName(name);
  if (!wanted) return null;
  const organizations = await db.organization.findMany({ select: { id: true, name: true, kind: true } });
  return organizations.find((organization) => normalizeOrganizationName(organization.name) === wanted) ?? null;
}

/** The requests still to decide, oldest first; only for those who may invite. */
export async function listPendingAccountRequests({
  actor,
  clientAddress,
}: {
  actor: Actor;
  clientAddress?: string | null;
}) {
  await authorize({ actor, permission: INVITE_PERMISSION, audit: { ip: clientAddress, entity: "account_request" } });
  const requests = await prisma.accountRequest.findMany({
    where: { status: "pending" },
    orderBy: { createdAt: "asc" },
    select: {
      id: true,
      name: true,
      email: true,
      organizationName: true,
      organizationKind: true,
      message: true,
      createdAt: true,
    },
  });
  // Flagged on the approval screen: approving never joins it unless chosen.
  return Promise.all(
    requests.map(async (request) => ({
      ...request,
      existingOrganization: await findSimilarOrganization(prisma, request.organizationName),
    })),
  );
}

/**
 * The approval's email: the request is approved, and the link of the
 * invitation it created. Keyed by the invitation (so the People page shows
 * its delivery like any invitation's) and by the request and outcome.
 */
function approvalMessage(request: { id: string; name: string }): InvitationMessage {
  return ({ t, language, invitation, link }) =>
    Promise.resolve({
      kind: MAIL_KINDS.accountApproved,
      dedupeKey: `${invitationDedupeKey(invitation.id)}:account-request:${request.id}:approved`,
      toName: request.name,
      content: {
        lang: language,
        subject: t("mail.accountApproved.subject"),
        greeting: t("mail.accountApproved.greeting", { name: request.name }),
        paragraphs: [
          t("mail.accountApproved.approved", {
            organization: invitation.organizationName ?? "",
            role: t(`auth.roles.${invitation.roleName}`),
          }),
          t("mail.accountApproved.next"),
          t("mail.common.expires", { date: formatInstant(invitation.expiresAt, "UTC", language) }),
        ],
        action: { label: t("mail.accountApproved.action"), url: link, hint: t("mail.common.linkHint") },
        footer: [t("mail.accountApproved.footer", { email: invitation.email })],
      },
    });
}

/**
 * Approves a pending request: marks it approved (only if still pending, so
 * two secretariat members clicking at once make one invitation), creates the
 * organization (never silently an existing one: a request naming an
 * existing organization needs the secretariat's explicit `organization`
 * decision), and creates an invitation whose token is returned
 * to be shown once. All or nothing: a refusal (409: already decided, email
 * taken) is thrown inside the transaction and rolls it back.
 */
export async function approveAccountRequest({
  actor,
  requestId,
  roleName,
  organization: decision,
  clientAddress,
  request: httpRequest,
  now = new Date(),
}: {
  actor: Actor;
  requestId: string;
  roleName: RequestableRole;
  /** Required when the request names an existing organization (409 without it). */
  organization?: OrganizationDecision;
  clientAddress?: string | null;
  /** Whose origin the email's link uses when APP_URL is unset (app/utils/app-url.server.ts). */
  request?: Request;
  now?: Date;
}): Promise<CreatedInvitation> {
  await authorize({
    actor,
    permission: INVITE_PERMISSION,
    audit: { ip: clientAddress, entity: "account_request", entityId: requestId },
  });
  const result = await prisma.$transaction(async (tx) => {
    const claimed = await tx.accountRequest.updateMany({
      where: { id: requestId, status: "pending" },
      data: { status: "approved", decidedById: actor.id, decidedAt: now },
    });
    if (claimed.count !== 1) throw new DomainError(409, "people.requests.notPending");
    const request = await tx.accountRequest.findUniqueOrThrow({
      where: { id: requestId },
      select: { id: true, name: true, email: true, organizationName: true, organizationKind: true, locale: true },
    });
    const kind = request.organizationKind as OrganizationKind;
    const existing = await findSimilarOrganization(tx, request.organizationName);
    let organization: { id: string } | { name: string; kind: OrganizationKind };
    if (existing && !decision) {
      throw new DomainError(409, "people.requests.choiceRequired");
    } else if (existing && decision?.mode === "join") {
      if (existing.kind !== kind) throw new DomainError(409, "people.requests.kindMismatch");
      organization = { id: existing.id };
    } else {
      const name = decision?.mode === "distinct" ? decision.name.trim() : request.organizationName;
      if (!name || (await findSimilarOrganization(tx, name))) {
        throw new DomainError(409, "people.requests.distinctNameTaken");
      }
      organization = { name, kind };
    }
    return insertInvitation(tx, {
      email: request.email,
      roleName,
      organization,
      locale: mailLanguage(request.locale),
      createdById: actor.id,
      now,
      request: httpRequest,
      message: approvalMessage(request),
    });
  });

  await recordAuditEvent({
    actorId: actor.id,
    action: AUDIT_ACTIONS.accountRequestApproved,
    entity: "account_request",
    entityId: requestId,
    outcome: "ok",
    ip: clientAddress,
    details: { roleName, invitationId: result.invitation.id },
  });
  await recordAuditEvent({
    actorId: actor.id,
    action: AUDIT_ACTIONS.invitationCreated,
    entity: "invitation",
    entityId: result.invitation.id,
    outcome: "ok",
    ip: clientAddress,
    details: { email: result.invitation.email, roleName, organization: result.invitation.organizationName },
  });
  return result;
}

/**
 * Rejects a pending request and returns it; 409 when it was not pending
 * (already decided or unknown). The decision and the email telling the
 * person are one transaction.
 */
export async function rejectAccountRequest({
  actor,
  requestId,
  clientAddress,
  now = new Date(),
}: {
  actor: Actor;
  requestId: string;
  clientAddress?: string | null;
  now?: Date;
}) {
  await authorize({
    actor,
    permission: INVITE_PERMISSION,
    audit: { ip: clientAddress, entity: "account_request", entityId: requestId },
  });
  const rejected = await prisma.$transaction(async (tx) => {
    const { count } = await tx.accountRequest.updateMany({
      where: { id: requestId, status: "pending" },
      data: { status: "rejected", decidedById: actor.id, decidedAt: now },
    });
    if (count !== 1) throw new DomainError(409, "people.requests.notPending");
    const request = await tx.accountRequest.findUniqueOrThrow({
      where: { id: requestId },
      select: { id: true, name: true, email: true, organizationName: true, locale: true },
    });
    const language = mailLanguage(request.locale);
    const t = await mailT(language);
    const mail = composeMail({
      lang: language,
      subject: t("mail.accountRejected.subject"),
      greeting: t("mail.accountRejected.greeting", { name: request.name }),
      paragraphs: [
        t("mail.accountRejected.rejected", { organization: request.organizationName }),
        t("mail.accountRejected.contact"),
      ],
      footer: [t("mail.accountRejected.footer", { email: request.email })],
    });
    await queueEmail(tx, {
      kind: MAIL_KINDS.accountRejected,
      to: { address: request.email, name: request.name },
      ...mail,
      dedupeKey: `account-request:${request.id}:rejected`,
    });
    return { id: request.id, name: request.name };
  });
  await recordAuditEvent({
    actorId: actor.id,
    action: AUDIT_ACTIONS.accountRequestRejected,
    entity: "account_request",
    entityId: requestId,
    outcome: "ok",
    ip: clientAddress,
  });
  return rejected;
}
