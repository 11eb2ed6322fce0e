/**
 * Data for the notices and reminders tests: a consultation with its own
 * delegations (a focal point and two delegates each), an observer, a
 * deactivated delegate and a secretariat member, plus comments written
 * directly (drafts and submitted ones), and the SMTP sink's reading helpers.
 * Every name carries a unique suffix, so the recipients of one test are
 * told apart from those of the others in the same database.
 */
import { expect } from "vitest";

import type { ImportedDocument } from "~/lib/import/types";
import type { RoleName } from "~/lib/permissions";
import { ensureReferenceData } from "~/models/bootstrap.server";
import { createConsultation } from "~/models/consultation.server";
import { upsertOrganization } from "~/models/user.server";
import { createVersionFromImport } from "~/models/version.server";
import { prisma } from "~/utils/db.server";
import { sessionUserSelect, toSessionUser } from "~/utils/session-user.server";

import { renderBody } from "./feedback-fixtures";

import type { SmtpSink } from "./smtp-sink";

export const APP = "https://consult.example.org";
export const DAY_MS = 24 * 60 * 60 * 1000;

let serial = 0;
export const unique = () => `${Date.now().toString(36)}-${++serial}`;

export async function person(suffix: string, role: RoleName, organizationId: string | null, label: string = role) {
  const { id: roleId } = await prisma.role.findUniqueOrThrow({ where: { name: role }, select: { id: true } });
  return prisma.user.create({
    data: { email: `${label}-${suffix}@example.test`, name: `${label} ${suffix}`, roleId, organizationId },
    select: { id: true, email: true, name: true },
  });
}

export async function actorFor(userId: string) {
  return toSessionUser(await prisma.user.findUniqueOrThrow({ where: { id: userId }, select: sessionUserSelect }));
}

async function delegation(suffix: string, name: string) {
  const organization = await upsertOrganization({ name: `${name} ${suffix}`, kind: "member_state" });
  const tag = name.toLowerCase().replace(/\W+/g, "");
  return {
    organization,
    focal: await person(suffix, "focal_point", organization.id, `${tag}-focal`),
    delegate1: await person(suffix, "delegate", organization.id, `${tag}-delegate1`),
    delegate2: await person(suffix, "delegate", organization.id, `${tag}-delegate2`),
  };
}

export type Delegation = Awaited<ReturnType<typeof delegation>>;

/**
 * A consultation (open, in `timeZone`) with version 1 open for comments
 * from `opensAt` to `closesAt`; delegations A, B and C; an observer of
 * delegation A, a deactivated delegate of A and a secretariat member.
 */
export async function noticeFixture({
  timeZone = "UTC",
  opensAt,
  closesAt,
  commentsVisibility = "during",
}: {
  timeZone?: string;
  opensAt: Date;
  closesAt: Date;
  commentsVisibility?: "during" | "after_close";
}) {
  await ensureReferenceData();
  const suffix = unique();
  const slug = `nt-${suffix}`;
  const title = `Guidelines ${suffix}`;
  await createConsultation({ slug, title, status: "open", timeZone, commentsVisibility });
  const version = await createVersionFromImport({
    consultationSlug: slug,
    documentSlug: "doc",
    documentTitle: "Document",
    label: "Draft 1",
    status: "open",
    publishedAt: new Date(opensAt.getTime() - DAY_MS),
    commentsOpenAt: opensAt,
    commentsCloseAt: closesAt,
    imported: importedDocument("Document"),
  });
  const paragraph = await prisma.paragraph.findFirstOrThrow({
    where: { versionId: version.id },
    select: { id: true, number: true },
  });
  const a = await delegation(suffix, "State A");
  const b = await delegation(suffix, "State B");
  const c = await delegation(suffix, "State C");
  const observer = await person(suffix, "observer", a.organization.id);
  const deactivated = await person(suffix, "delegate", a.organization.id, "deactivated");
  await prisma.user.update({ where: { id: deactivated.id }, data: { deactivatedAt: new Date() } });
  const secretariatOrganization = await upsertOrganization({ name: `Secretariat ${suffix}`, kind: "secretariat" });
  const secretariat = await person(suffix, "secretariat", secretariatOrganization.id);
  const consultation = await prisma.consultation.findUniqueOrThrow({ where: { slug }, select: { id: true } });
  return {
    suffix,
    slug,
    title,
    consultationId: consultation.id,
    versionId: version.id,
    paragraph,
    a,
    b,
    c,
    observer,
    deactivated,
    secretariat,
    secretariatActor: await actorFor(secretariat.id),
    /** Everyone who must never get a notice. */
    outsiders: [observer, deactivated, secretariat],
  };
}

export type NoticeFixture = Awaited<ReturnType<typeof noticeFixture>>;

export function importedDocument(title: string): ImportedDocument {
  return {
    title,
    sections: [
      {
        number: "1",
        heading: "Introduction",
        level: 1,
        paragraphs: [{ key: "1-1", number: "1.1", text: "Member States are encouraged to cooperate." }],
      },
    ],
  };
}

let tracking = 0;

/** A comment of `author` (of `organizationId`) on version 1: a draft or a submitted one. */
export async function comment(
  fixture: NoticeFixture,
  author: { id: string },
  organizationId: string,
  status: "draft" | "submitted" = "draft",
) {
  const created = await prisma.comment.create({
    data: {
      consultationId: fixture.consultationId,
      versionId: fixture.versionId,
      paragraphId: fixture.paragraph.id,
      authorId: author.id,
      organizationId,
      type: "general",
      status,
      ...renderBody(`A ${status} comment.`),
      submittedAt: status === "submitted" ? new Date() : null,
      trackingNumber:
        status === "submitted" ? `${fixture.slug.toUpperCase()}-${String(++tracking).padStart(4, "0")}` : null,
    },
    select: { id: true, trackingNumber: true },
  });
  return created;
}

/** The messages that arrived for `address` whose subject names `title`. */
export function received(sink: SmtpSink, address: string, title: string) {
  return sink.to(address).filter((mail) => (mail.parsed.subject ?? "").includes(title));
}

/** The one message for `address` about `title`: text, HTML, and its outbox row. */
export async function onlyMessage(sink: SmtpSink, address: string, title: string) {
  const mails = received(sink, address, title);
  expect(mails, address).toHaveLength(1);
  const mail = mails[0];
  expect(mail.raw).toMatch(/Content-Type: multipart\/alternative/i);
  const row = await prisma.outboxMessage.findUniqueOrThrow({ where: { messageId: mail.parsed.messageId! } });
  expect(row.status).toBe("sent");
  return {
    mail,
    row,
    subject: mail.parsed.subject ?? "",
    text: mail.parsed.text ?? "",
    html: typeof mail.parsed.html === "string" ? mail.parsed.html : "",
  };
}

/** The call-to-action link: on its own line in the text, the button's href in the HTML. */
export function actionLink(text: string, html: string) {
  const line = text.split("\n").find((candidate) => candidate.startsWith(`${APP}/`));
  expect(line, "an absolute link on a line of its own").toBeDefined();
  expect(html).toContain(`href="${line!.replace(/&/g, "&amp;")}"`);
  return line!;
}

/**
 * Makes the next prisma.$transaction run its callback (the event, which
 * queues its messages) and then fail: the transaction rolls back.
 */
export function failNextTransaction() {
  const state = { ran: false, queued: 0 };
  const client = prisma as unknown as { $transaction: (...args: unknown[]) => Promise<unknown> };
  const original = client.$transaction.bind(prisma);
  client.$transaction = (run: unknown, options: unknown) => {
    client.$transaction = original;
    return original(async (tx: typeof prisma) => {
      const before = await tx.outboxMessage.count();
      await (run as (tx: unknown) => Promise<unknown>)(tx);
      state.queued = (await tx.outboxMessage.count()) - before;
      state.ran = true;
      throw new Error("the event failed");
    }, options);
  };
  return state;
}
