import JSZip from "jszip";
import { z } from "zod";

import { commentPeriodState, formatInstant } from "~/lib/dates";
import { MAX_ATTACHMENT_BYTES, safeAttachmentName, sniffAttachment } from "~/lib/attachments";
import { recordAuditEvent } from "~/utils/audit.server";
import { DomainError } from "~/lib/errors";
import { prisma } from "~/utils/db.server";
import { can } from "~/lib/permissions";

export type ContributionActor = {
  id: string;
  organization: { id: string } | null;
  permissions: readonly string[];
} | null;

/** The contribution form, shared by the page and the action. Extra fields are dropped. */
export const ContributionSchema = z
  .object({
    title: z.string().trim().min(3, "Give your contribution a title.").max(300),
    bodyText: z.string().trim().min(1, "Write your contribution, or summarize the attached document.").max(50_000),
    idempotencyKey: z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, "The form is out of date: reload the page."),
  })
  .strip();

async function checkedAttachment(file: { name: string; bytes: Uint8Array }) {
  if (file.bytes.byteLength === 0) throw new DomainError(400, "The attached file is empty.");
  if (file.bytes.byteLength > MAX_ATTACHMENT_BYTES) {
    throw new DomainError(413, `The attachment is larger than ${MAX_ATTACHMENT_BYTES / 1024 / 1024} MB.`);
  }
  const kind = sniffAttachment(file.bytes);
  if (!kind) throw new DomainError(400, "Attach a PDF or a Word (.docx) document.");
  if (kind.kind === "docx") {
    // A zip is not yet a Word document: it must hold the document part.
    const zip = await JSZip.loadAsync(file.bytes).catch(() => null);
    if (!zip?.file("word/document.xml"))
      throw new DomainError(400, "The attached .docx file is damaged or is not a Word document.");
  }
  return { name: safeAttachmentName(file.name, kind.extension), type: kind.contentType, bytes: file.bytes };
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
  actor: ContributionActor;
  slug: string;
  input: z.infer<typeof ContributionSchema>;
  attachment: { name: string; bytes: Uint8Array } | null;
  now?: Date;
  clientAddress?: string;
}) {
  if (!actor || !actor.organization || !can(actor, "create:contribution:organization")) {
    await recordAuditEvent({
      actorId: actor?.id ?? null,
      action: "contribution.create",
      entity: "contribution",
      entityId: null,
      outcome: "denied",
      ip: clientAddress ?? null,
      details: {},
    });
    throw new DomainError(403, "Only a focal point can send a contribution on behalf of an organization.");
  }
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
  if (!consultation) throw new DomainError(404, "No such consultation.");
  const open = consultation.versions.find(
    (v) => commentPeriodState({ opensAt: v.commentsOpenAt, closesAt: v.commentsCloseAt }, now) === "open",
  );
  if (!open) {
    const last = consultation.versions[0]?.commentsCloseAt;
    throw new DomainError(
      409,
      last && last <= now
        ? `The comment period closed on ${formatInstant(last, consultation.timeZone)} (${consultation.timeZone}).`
        : "This consultation is not open for contributions.",
    );
  }
  const file = attachment ? await checkedAttachment(attachment) : null;
  const idempotencyKey = `${actor.id}:${input.idempotencyKey}`;
  const existing = await prisma.contribution.findUnique({ where: { idempotencyKey }, select: { id: true } });
  if (existing) return { id: existing.id, duplicate: true };
  try {
    const created = await prisma.contribution.create({
      data: {
        consultationId: consultation.id,
        organizationId: actor.organization.id,
        authorId: actor.id,
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
      actorId: actor.id,
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
export async function listContributions({ actor, slug }: { actor: ContributionActor; slug: string }) {
  if (!actor) return [];
  const all = can(actor, "read:comment:any");
  if (!all && !actor.organization) return [];
  return prisma.contribution.findMany({
    where: { consultation: { slug }, ...(all ? {} : { organizationId: actor.organization!.id }) },
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
}: {
  actor: ContributionActor;
  slug: string;
  id: string;
}) {
  const contribution = await prisma.contribution.findFirst({
    where: { id, consultation: { slug } },
    select: { organizationId: true, attachment: true, attachmentName: true, attachmentType: true },
  });
  const allowed =
    actor !== null &&
    (can(actor, "read:comment:any") ||
      (actor.organization !== null && contribution?.organizationId === actor.organization.id));
  if (!contribution || !allowed || !contribution.attachment) throw new DomainError(404, "No such attachment.");
  return {
    name: contribution.attachmentName ?? "attachment",
    type: contribution.attachmentType ?? "application/octet-stream",
    bytes: contribution.attachment,
  };
}
