import crypto from "node:crypto";

import type { Prisma } from "~/generated/prisma/client";
import { formatInstant } from "~/lib/dates";
import { normalizeEmail } from "~/lib/email";
import { DomainError } from "~/lib/errors";
import type { Language } from "~/lib/language";
import { composeMail, MAIL_KINDS, type MailContent } from "~/lib/mail/compose";
import { isOutboxStatus, type OutboxStatus } from "~/lib/mail/statuses";
import type { Actor, OrganizationKind, PermissionString, RoleName } from "~/lib/permissions";
import type { Translate } from "~/lib/translate";
import { absoluteUrl } from "~/utils/app-url.server";
import { AUDIT_ACTIONS, recordAuditEvent } from "~/utils/audit.server";
import { authorize } from "~/utils/authorize.server";
import { isUniqueViolation, prisma } from "~/utils/db.server";
import { queueEmail } from "~/utils/outbox.server";
import { hashPassword } from "~/utils/password.server";

import { mailLanguage, mailT } from "./mail-language.server";

/**
 * Invitations: the secretariat invites a person by email with a role and an
 * organization. The link carries a random token (32 bytes, base64url); only
 * its SHA-256 is stored, so a copy of the database cannot be used to accept
 * invitations. Single use, valid for INVITATION_LIFETIME_MS.
 */
export const INVITATION_LIFETIME_MS = 7 * 24 * 60 * 60 * 1000;

export function generateInvitationToken() {
  return crypto.randomBytes(32).toString("base64url");
}

export function hashInvitationToken(token: string) {
  return crypto.createHash("sha256").update(token, "utf8").digest("hex");
}

/** The page where the invitee sets a name and password. */
export function invitationUrl({ origin, token }: { origin: string; token: string }) {
  return `${origin}${invitationPath(token)}`;
}

/** The same page as a same-site path (for app/utils/app-url.server.ts absoluteUrl). */
export function invitationPath(token: string) {
  return `/invitations/${token}`;
}

/** The outbox key of an invitation's email; an approval's email extends it (see listRecentInvitations). */
export function invitationDedupeKey(invitationId: string) {
  return `invitation:${invitationId}`;
}

type Db = Prisma.TransactionClient | typeof prisma;

/** The organization to invite into: an existing one, a new one, or none. */
export type OrganizationChoice = { id: string } | { name: string; kind: OrganizationKind } | null;

/** A created invitation: the token is shown once, to the person who invited, and never stored. */
export interface CreatedInvitation {
  token: string;
  invitation: { id: string; email: string; roleName: RoleName; expiresAt: Date; organizationName: string | null };
}

/** What an invitation's email says, given its link: the invitation's own, or an approval's (account-request). */
export type InvitationMessage = (args: {
  db: Db;
  t: Translate;
  /** The language `t` speaks: the email's `lang` and its dates. */
  language: Language;
  invitation: CreatedInvitation["invitation"];
  createdById: string;
  link: string;
}) => Promise<{ kind: string; dedupeKey: string; toName?: string; content: MailContent }>;

/** The invitation email: who invites, as what and for which organization, the link and when it expires. */
export const invitationMessage: InvitationMessage = async ({ db, t, language, invitation, createdById, link }) => {
  const inviter = await db.user.findUnique({
    where: { id: createdById },
    select: { name: true, organization: { select: { name: true } } },
  });
  const role = t(`auth.roles.${invitation.roleName}`);
  const paragraphs = [
    inviter?.organization
      ? t("mail.invitation.invitedByOf", { inviter: inviter.name, inviterOrganization: inviter.organization.name })
      : t("mail.invitation.invitedBy", { inviter: inviter?.name ?? "" }),
    invitation.organizationName
      ? t("mail.invitation.roleOf", { role, organization: invitation.organizationName })
      : t("mail.invitation.role", { role }),
    t("mail.invitation.next"),
    t("mail.common.expires", { date: formatInstant(invitation.expiresAt, "UTC", language) }),
  ];
  return {
    kind: MAIL_KINDS.invitation,
    dedupeKey: invitationDedupeKey(invitation.id),
    content: {
      lang: language,
      subject: t("mail.invitation.subject"),
      greeting: t("mail.invitation.greeting"),
      paragraphs,
      action: { label: t("mail.invitation.action"), url: link, hint: t("mail.common.linkHint") },
      footer: [t("mail.invitation.footer", { email: invitation.email })],
    },
  };
};

/** Who may invite, approve and reject: the people page's permission. */
export const INVITE_PERMISSION = "create:user:any" satisfies PermissionString;

/**
 * Creates an invitation (and the organization, when a new one is named;
 * an existing organization of that name is reused). Refuses, with a
 * DomainError, an actor who may not invite (403, audited), an email that
 * already has an account and an organization that no longer exists (409).
 */
export async function createInvitation({
  actor,
  email,
  roleName,
  organization,
  locale,
  clientAddress,
  request,
  now = new Date(),
}: {
  actor: Actor;
  email: string;
  roleName: RoleName;
  organization: OrganizationChoice;
  /** The language of the email and of the account it creates (see insertInvitation). */
  locale?: Language | null;
  clientAddress?: string | null;
  /** Whose origin the email's link uses when APP_URL is unset (app/utils/app-url.server.ts). */
  request?: Request;
  now?: Date;
}): Promise<CreatedInvitation> {
  await authorize({ actor, permission: INVITE_PERMISSION, audit: { ip: clientAddress, entity: "invitation" } });
  const result = await prisma.$transaction((tx) =>
    insertInvitation(tx, { email, roleName, organization, locale, createdById: actor.id, now, request }),
  );
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
 * The invitation part of createInvitation, inside a caller's transaction
 * (which a refusal, thrown, rolls back). The caller has authorized. Queues
 * the invitation's email (`message`, the invitation email by default) with
 * the same client, so the invitation and its email are stored together or
 * not at all.
 */
export async function insertInvitation(
  db: Db,
  {
    email,
    roleName,
    organization,
    locale,
    createdById,
    now = new Date(),
    request,
    message = invitationMessage,
  }: {
    email: string;
    roleName: RoleName;
    organization: OrganizationChoice;
    /**
     * The invitee's language, chosen by whoever invites (or the language an
     * account request was made in): the email is written in it and the new
     * account starts with it as User.locale. English when not given.
     */
    locale?: Language | null;
    createdById: string;
    now?: Date;
    request?: Request;
    message?: InvitationMessage;
  },
): Promise<CreatedInvitation> {
  const normalized = normalizeEmail(email);
  const existingUser = await db.user.findUnique({ where: { email: normalized }, select: { id: true } });
  if (existingUser) throw new DomainError(409, "people.invite.emailTaken");

  let org: { id: string; name: string } | null = null;
  if (organization && "id" in organization) {
    org = await db.organization.findUnique({ where: { id: organization.id }, select: { id: true, name: true } });
    if (!org) throw new DomainError(409, "people.invite.unknownOrganization");
  } else if (organization) {
    org = await db.organization.upsert({
      where: { name: organization.name.trim() },
      create: { name: organization.name.trim(), kind: organization.kind },
      update: {},
      select: { id: true, name: true },
    });
  }

  const token = generateInvitationToken();
  const invitation = await db.invitation.create({
    data: {
      email: normalized,
      roleName,
      organizationId: org?.id ?? null,
      tokenHash: hashInvitationToken(token),
      expiresAt: new Date(now.getTime() + INVITATION_LIFETIME_MS),
      createdById,
      locale: locale ?? null,
    },
    select: { id: true, email: true, expiresAt: true },
  });
  const created = { token, invitation: { ...invitation, roleName, organizationName: org?.name ?? null } };
  const language = mailLanguage(locale);
  const t = await mailT(language);
  const link = absoluteUrl(invitationPath(token), request);
  const mail = await message({ db, t, language, invitation: created.invitation, createdById, link });
  await queueEmail(db, {
    kind: mail.kind,
    to: { address: created.invitation.email, name: mail.toName },
    ...composeMail(mail.content),
    dedupeKey: mail.dedupeKey,
  });
  return created;
}

export type InvitationLookup =
  | { status: "unknown" }
  | {
      status: "valid" | "expired" | "used";
      invitation: { id: string; email: string; roleName: string; expiresAt: Date; organizationName: string | null };
    };

/** What the invitation page shows; never says more than valid/expired/used/unknown. */
export async function findInvitationByToken({
  token,
  now = new Date(),
}: {
  token: string;
  now?: Date;
}): Promise<InvitationLookup> {
  const row = await prisma.invitation.findUnique({
    where: { tokenHash: hashInvitationToken(token) },
    select: { id: true, email: true, roleName: true, expiresAt: true, usedAt: true, organizationId: true },
  });
  if (!row) return { status: "unknown" };
  const organization = row.organizationId
    ? await prisma.organization.findUnique({ where: { id: row.organizationId }, select: { name: true } })
    : null;
  const invitation = {
    id: row.id,
    email: row.email,
    roleName: row.roleName,
    expiresAt: row.expiresAt,
    organizationName: organization?.name ?? null,
  };
  if (row.usedAt) return { status: "used", invitation };
  if (row.expiresAt.getTime() <= now.getTime()) return { status: "expired", invitation };
  return { status: "valid", invitation };
}

export type AcceptInvitationResult =
  { ok: true; userId: string } | { ok: false; reason: "unknown" | "expired" | "used" | "email_taken" };

class EmailTakenError extends Error {}
class InvitationGoneError extends Error {}

/**
 * Creates the invitee's account from the invitation: email, role and
 * organization come from the invitation, only name and password from the
 * form. Claiming the invitation (`usedAt` set where it is still null and
 * unexpired) and creating the user happen in one transaction, so of two
 * simultaneous acceptances exactly one creates an account.
 */
export async function acceptInvitation({
  token,
  name,
  password,
  clientAddress,
  now = new Date(),
}: {
  token: string;
  name: string;
  password: string;
  clientAddress?: string | null;
  now?: Date;
}): Promise<AcceptInvitationResult> {
  // Cheap checks first: no password hashing for a dead link.
  const lookup = await findInvitationByToken({ token, now });
  if (lookup.status !== "valid") return { ok: false, reason: lookup.status };
  const passwordHash = await hashPassword(password);
  const tokenHash = hashInvitationToken(token);

  let userId: string;
  try {
    userId = await prisma.$transaction(async (tx) => {
      const claimed = await tx.invitation.updateMany({
        where: { tokenHash, usedAt: null, expiresAt: { gt: now } },
        data: { usedAt: now },
      });
      if (claimed.count !== 1) throw new InvitationGoneError();
      const invitation = await tx.invitation.findUniqueOrThrow({
        where: { tokenHash },
        select: { email: true, roleName: true, organizationId: true, locale: true },
      });
      const taken = await tx.user.findUnique({ where: { email: invitation.email }, select: { id: true } });
      if (taken) throw new EmailTakenError();
      const role = await tx.role.findUniqueOrThrow({ where: { name: invitation.roleName }, select: { id: true } });
      const user = await tx.user.create({
        data: {
          email: invitation.email,
          name: name.trim(),
          passwordHash,
          roleId: role.id,
          organizationId: invitation.organizationId,
          locale: invitation.locale,
        },
        select: { id: true },
      });
      return user.id;
    });
  } catch (error) {
    if (error instanceof InvitationGoneError) {
      // Used (or expired) between the lookup and the claim.
      const again = await findInvitationByToken({ token, now });
      return { ok: false, reason: again.status === "valid" ? "used" : again.status };
    }
    if (error instanceof EmailTakenError) return { ok: false, reason: "email_taken" };
    if (isUniqueViolation(error)) return { ok: false, reason: "email_taken" };
    throw error;
  }

  await recordAuditEvent({
    actorId: userId,
    action: AUDIT_ACTIONS.invitationAccepted,
    entity: "invitation",
    entityId: lookup.invitation.id,
    outcome: "ok",
    ip: clientAddress,
    details: { email: lookup.invitation.email, roleName: lookup.invitation.roleName },
  });
  return { ok: true, userId };
}

/** The latest invitations for the people page (no tokens: they are not stored); only for those who may invite. */
export async function listRecentInvitations({
  actor,
  clientAddress,
  take = 20,
}: {
  actor: Actor;
  clientAddress?: string | null;
  take?: number;
}) {
  await authorize({ actor, permission: INVITE_PERMISSION, audit: { ip: clientAddress, entity: "invitation" } });
  const rows = await prisma.invitation.findMany({
    orderBy: { createdAt: "desc" },
    take,
    select: {
      id: true,
      email: true,
      roleName: true,
      organizationId: true,
      expiresAt: true,
      usedAt: true,
      createdAt: true,
    },
  });
  const organizationIds = [...new Set(rows.map((r) => r.organizationId).filter((id): id is string => id !== null))];
  const organizations = await prisma.organization.findMany({
    where: { id: { in: organizationIds } },
    select: { id: true, name: true },
  });
  const names = new Map(organizations.map((o) => [o.id, o.name]));
  const deliveries = await invitationDeliveries(rows.map((row) => row.id));
  return rows.map(({ organizationId, ...row }) => ({
    ...row,
    organizationName: organizationId ? (names.get(organizationId) ?? null) : null,
    delivery: deliveries.get(row.id) ?? null,
  }));
}

/** Where an invitation's email is (app/lib/mail/statuses.ts), as the Outgoing mail page reads it. */
export interface InvitationDelivery {
  status: OutboxStatus;
  sentAt: Date | null;
  lastError: string | null;
}

/**
 * The delivery state of each invitation's email, by invitation id: the
 * outbox row keyed `invitation:<id>` (an invitation) or `invitation:<id>:…`
 * (an approved account request's). Ids are cuids of one length, so the
 * prefix names exactly one invitation.
 */
export async function invitationDeliveries(invitationIds: string[]) {
  const deliveries = new Map<string, InvitationDelivery>();
  if (invitationIds.length === 0) return deliveries;
  const messages = await prisma.outboxMessage.findMany({
    where: { OR: invitationIds.map((id) => ({ dedupeKey: { startsWith: invitationDedupeKey(id) } })) },
    select: { dedupeKey: true, status: true, sentAt: true, lastError: true },
  });
  for (const message of messages) {
    const id = message.dedupeKey?.split(":")[1];
    if (!id || !invitationIds.includes(id) || !isOutboxStatus(message.status)) continue;
    deliveries.set(id, { status: message.status, sentAt: message.sentAt, lastError: message.lastError });
  }
  return deliveries;
}
