/**
 * General written contributions on a whole consultation, with an optional
 * PDF or Word attachment. They are read with the comment permissions: the
 * secretariat reads all (`read:comment:any`), an organization's members
 * read their organization's (`read:comment:organization`).
 */
import JSZip from "jszip";
import { z } from "zod";

import { MAX_ATTACHMENT_BYTES, MAX_ATTACHMENT_MEGABYTES, safeAttachmentName, sniffAttachment } from "~/lib/attachments";
import { commentPeriodState, formatInstant } from "~/lib/dates";
import { DomainError } from "~/lib/errors";
import { can, type Actor } from "~/lib/permissions";
import { checkZipBudget } from "~/lib/zip-budget";
import { keyed } from "~/lib/zod-message";
import { recordAuditEvent } from "~/utils/audit.server";
import { authorize } from "~/utils/authorize.server";
import { prisma } from "~/utils/db.server";

/** The contribution form, shared by the page and the action. Extra fields are dropped. Messages are i18n keys. */
export const ContributionSchema = z
  .object({
    title: z
      .string(keyed("contributions.errors.titleRequired"))
      .trim()
      .min(3, keyed("contributions.errors.titleRequired"))
      .max(300, keyed("errors.fieldTooLong")),
    bodyText: z
      .string(keyed("contributions.errors.bodyRequired"))
      .trim()
      .min(1, keyed("contributions.errors.bodyRequired"))
      .max(50_000, keyed("errors.fieldTooLong")),
    idempotencyKey: z.string(keyed("errors.staleForm")).regex(/^[A-Za-z0-9_-]{8,64}$/, keyed("errors.staleForm")),
  })
  .strip();

/** What a Word attachment may inflate to: far above any real contribution, far below harm. */
const MAX_ATTACHMENT_UNZIPPED_BYTES = 64 * 1024 * 1024;

async function checkedAttachment(file: { name: string; bytes: Uint8Array }) {
  if (file.bytes.byteLength === 0) throw new DomainError(400, "contributions.errors.attachmentEmpty");
  if (file.bytes.byteLength > MAX_ATTACHMENT_BYTES) {
    throw new DomainError(413, "contributions.errors.attachmentTooLarge", {
      values: { max: MAX_ATTACHMENT_MEGABYTES },
    });
  }
  const kind = sniffAttachment(file.bytes);
  if (!kind) throw new DomainError(400, "contributions.errors.attachmentType");
  if (kind.kind === "docx") {
    // Bounded before JSZip reads it: a zip bomb is refused, whatever its directory declares.
    const budget = await checkZipBudget(file.bytes, { budgetBytes: MAX_ATTACHMENT_UNZIPPED_BYTES });
    if (!budget.ok) throw new DomainError(400, "contributions.errors.attachmentDamaged");
    // A zip is not yet a Word document: it must hold the document part.
    const zip = await JSZip.loadAsync(file.bytes).catch(() => null);
    if (!zip?.file("word/document.xml")) throw new DomainError(400, "contributions.errors.attachmentDamaged");
  }
  return { name: safeAttachmentName(file.name, kind.extension), type: kind.contentType, bytes: file.bytes };
}

/** Whether the actor may contribute at all; checked by the route before it reads the upload. */
export async function authorizeContributor({ actor, clientAddress }: { actor: Actor | null; clientAddress?: string }) {
  await authorize({
    actor,
    permission: "create:contribution:organization",
    row: { authorId: actor?.id ?? null, organizationId: actor?.organization?.id ?? null },
    audit: { ip: clientAddress, action: "contribution.create", entity: "contribution" },
  });
}

/**
 * A general written contribution on the whole consultation, on behalf of the
 * actor's organization, while a version is open for comments.
 */
export async function createContribution({
  actor,
  slug,
  input,
  attachment,
  now = new Date(),
  clientAddress,
}: {
  actor: Actor | null;
  slug: string;
  input: z.infer<typeof ContributionSchema>;
  attachment: { name: string; bytes: Uint8Array } | null;
  now?: Date;
  clientAddress?: string;
}) {
  // The contribution will be the organization's: the permission is checked
  // against that row, so an actor without an organization is refused too.
  await authorize({
    actor,
    permission: "create:contribution:organization",
    row: { authorId: actor?.id ?? null, organizationId: actor?.organization?.id ?? null },
    audit: { ip: clientAddress, action: "contribution.create", entity: "contribution" },
  });
  const author = actor!;
  // Only a wider grant than any role holds today could let an actor without an organization through.
  const organization = author.organization;
  if (!organization) throw new DomainError(403, "contributions.errors.forbidden");
  const consultation = await prisma.consultation.findUnique({
    where: { slug },
    select: {
      id: true,
      timeZone: true,
      versions: {
        where: { status: "open" },
        select: { commentsOpenAt: true, commentsCloseAt: true },
        orderBy: { number: "desc" },
      },
    },
  });
  if (!consultation) throw new DomainError(404, "consultation.errors.notFound");
  const open = consultation.versions.find(
    (v) => commentPeriodState({ opensAt: v.commentsOpenAt, closesAt: v.commentsCloseAt }, now) === "open",
  );
  if (!open) {
    const last = consultation.versions[0]?.commentsCloseAt;
    if (last && last <= now) {
      const { timeZone } = consultation;
      throw new DomainError(409, "comments.errors.closedOn", {
        values: { date: formatInstant(last, timeZone), timeZone },
      });
    }
    throw new DomainError(409, "contributions.errors.notOpen");
  }
  const file = attachment ? await checkedAttachment(attachment) : null;
  const idempotencyKey = `${author.id}:${input.idempotencyKey}`;
  const existing = await prisma.contribution.findUnique({ where: { idempotencyKey }, select: { id: true } });
  if (existing) return { id: existing.id, duplicate: true };
  try {
    const created = await prisma.contribution.create({
      data: {
        consultationId: consultation.id,
        organizationId: organization.id,
        authorId: author.id,
        title: input.title,
        bodyText: input.bodyText,
        attachmentName: file?.name ?? null,
        attachmentType: file?.type ?? null,
        attachmentSize: file?.bytes.byteLength ?? null,
        attachment: file ? Buffer.from(file.bytes) : null,
        idempotencyKey,
      },
      select: { id: true },
    });
    await recordAuditEvent({
      actorId: author.id,
      action: "contribution.create",
      entity: "contribution",
      entityId: created.id,
      outcome: "ok",
      ip: clientAddress ?? null,
      details: { attachment: file?.name ?? null },
    });
    return { id: created.id, duplicate: false };
  } catch (error) {
    const again = await prisma.contribution.findUnique({ where: { idempotencyKey }, select: { id: true } });
    if (again) return { id: again.id, duplicate: true };
    throw error;
  }
}

/** Contributions the actor may read: all for the secretariat, the organization's own otherwise. */
export async function listContributions({ actor, slug }: { actor: Actor | null; slug: string }) {
  const all = can(actor, "read:comment:any");
  const organizationId = actor?.organization?.id;
  if (!all && !(organizationId && can(actor, "read:comment:organization"))) return [];
  return prisma.contribution.findMany({
    where: { consultation: { slug }, ...(all ? {} : { organizationId }) },
    orderBy: { createdAt: "desc" },
    select: {
      id: true,
      title: true,
      bodyText: true,
      attachmentName: true,
      attachmentSize: true,
      createdAt: true,
      organization: { select: { name: true, kind: true } },
      author: { select: { name: true } },
    },
  });
}

/** The attachment bytes, for the secretariat or the contributing organization only. */
export async function getContributionAttachment({
  actor,
  slug,
  id,
  clientAddress,
}: {
  actor: Actor | null;
  slug: string;
  id: string;
  clientAddress?: string;
}) {
  const contribution = await prisma.contribution.findFirst({
    where: { id, consultation: { slug } },
    select: { authorId: true, organizationId: true, attachment: true, attachmentName: true, attachmentType: true },
  });
  // Another organization's attachment and a missing one look the same from outside.
  if (!contribution) throw new DomainError(404, "errors.notFound");
  await authorize({
    actor,
    permission: "read:comment:organization",
    row: contribution,
    status: 404,
    key: "errors.notFound",
    audit: { ip: clientAddress, action: "contribution.download", entity: "contribution", entityId: id },
  });
  if (!contribution.attachment) throw new DomainError(404, "errors.notFound");
  return {
    name: contribution.attachmentName ?? "attachment",
    type: contribution.attachmentType ?? "application/octet-stream",
    bytes: contribution.attachment,
  };
}
