/**
 * What publishing the comments received or the disposition table affects,
 * for the confirmation page: how many comments become public, how many
 * have no decision yet, and how long the comment period still runs.
 */
import { DomainError } from "~/lib/errors";
import type { PublicationTarget } from "~/lib/feedback/feedback-action-schema";
import type { Actor } from "~/lib/permissions";
import { prisma } from "~/utils/db.server";

import { authorizeConsolidation } from "./scope.server";

export async function getPublicationImpact({
  actor,
  slug,
  what,
  now = new Date(),
}: {
  actor: Actor | null;
  slug: string;
  what: PublicationTarget;
  now?: Date;
}) {
  const consultation = await prisma.consultation.findUnique({
    where: { slug },
    select: {
      id: true,
      slug: true,
      title: true,
      timeZone: true,
      commentsPublishedAt: true,
      dispositionsPublishedAt: true,
    },
  });
  await authorizeConsolidation(actor, { action: `consultation.confirm_publish_${what}`, entityId: consultation?.id });
  if (!consultation) throw new DomainError(404, "feedback.errors.noConsultation");
  const submitted = { consultationId: consultation.id, status: "submitted" };
  const [comments, undecided, period] = await Promise.all([
    prisma.comment.count({ where: submitted }),
    prisma.comment.count({ where: { ...submitted, disposition: null } }),
    // The period still running (the one closing last), if any.
    prisma.version.findFirst({
      where: { consultationId: consultation.id, commentsCloseAt: { gt: now } },
      orderBy: { commentsCloseAt: "desc" },
      select: { label: true, commentsCloseAt: true },
    }),
  ]);
  const closesAt = period?.commentsCloseAt ?? null;
  const daysLeft = closesAt ? Math.ceil((closesAt.getTime() - now.getTime()) / 86_400_000) : null;
  const publishedAt = what === "comments" ? consultation.commentsPublishedAt : consultation.dispositionsPublishedAt;
  return {
    consultation,
    what,
    publishedAt,
    comments,
    undecided,
    period: closesAt ? { label: period?.label ?? "", closesAt, daysLeft: daysLeft ?? 0 } : null,
  };
}
