/**
 * Which consultation and version feedback is read for, and who may read it:
 * the secretariat consolidates (consolidate:comment:any); everyone reads
 * the disposition table and its exports once they are published.
 */
import { DomainError } from "~/lib/errors";
import { sectionParams } from "~/lib/feedback";
import { can, type Actor } from "~/lib/permissions";
import { authorize, type AuditContext } from "~/utils/authorize.server";
import { prisma } from "~/utils/db.server";

/** The permission of everything the consolidation dashboard reads and writes. */
export const CONSOLIDATE = "consolidate:comment:any";

/**
 * Lets the actor consolidate, or refuses (403, the attempt audited as
 * `audit.action` on the consultation). Returns the actor, who past this
 * point is signed in.
 */
export async function authorizeConsolidation(actor: Actor | null, audit: AuditContext): Promise<Actor> {
  await authorize({ actor, permission: CONSOLIDATE, audit: { entity: "consultation", ...audit } });
  // authorize refuses a signed-out actor.
  return actor as Actor;
}

/** A consultation with one version's outline, as the dashboard and exports scope it. */
export type FeedbackScope = Awaited<ReturnType<typeof loadFeedbackScope>>;

/**
 * The consultation, its versions, and the chosen version's sections and
 * paragraphs (a few hundred rows). The version defaults to the latest one
 * with submitted comments, else the latest one. The outline is public (the
 * versions' text is); callers check who may read the comments.
 */
export async function loadFeedbackScope({ slug, versionNumber }: { slug: string; versionNumber?: number }) {
  const consultation = await prisma.consultation.findUnique({
    where: { slug },
    select: {
      id: true,
      slug: true,
      title: true,
      status: true,
      timeZone: true,
      commentsVisibility: true,
      commentsPublishedAt: true,
      dispositionsPublishedAt: true,
      versions: { orderBy: { number: "asc" }, select: { id: true, number: true, label: true, status: true } },
    },
  });
  if (!consultation) throw new DomainError(404, "feedback.errors.noConsultation");
  // One indexed probe per version (few): which versions have submitted comments.
  const withComments = await Promise.all(
    consultation.versions.map((version) =>
      prisma.comment.findFirst({ where: { versionId: version.id, status: "submitted" }, select: { id: true } }),
    ),
  );
  const versions = consultation.versions.map((version, index) => ({
    ...version,
    hasComments: withComments[index] !== null,
  }));
  let version = versionNumber ? versions.find((candidate) => candidate.number === versionNumber) : undefined;
  if (versionNumber && !version) throw new DomainError(404, "feedback.errors.noVersion");
  version ??= [...versions].reverse().find((candidate) => candidate.hasComments) ?? versions[versions.length - 1];
  if (!version) throw new DomainError(404, "feedback.errors.noVersionYet");

  const [sections, paragraphs, organizations] = await Promise.all([
    prisma.section.findMany({
      where: { versionId: version.id },
      orderBy: { order: "asc" },
      select: { id: true, number: true, heading: true, level: true, order: true },
    }),
    prisma.paragraph.findMany({
      where: { versionId: version.id },
      orderBy: { order: "asc" },
      select: { id: true, key: true, number: true, order: true, sectionId: true },
    }),
    prisma.organization.findMany({ select: { id: true, name: true, kind: true } }),
  ]);
  const params = sectionParams(sections);
  return {
    consultation: { ...consultation, versions },
    version,
    sections: sections.map((section) => ({ ...section, param: params.get(section.id) ?? `s${section.order}` })),
    paragraphs,
    organizations,
  };
}

/** Who may read the disposition table and the exports, and which columns. */
export type TableAccess = "secretariat" | "public";

/**
 * The secretariat always; everyone once the dispositions are published;
 * otherwise a 404 "not published yet" (the table does not exist for them
 * yet). With `audit`, the refusal is recorded as a denied attempt.
 */
export async function dispositionTableAccess({
  actor,
  consultation,
  audit,
}: {
  actor: Actor | null;
  consultation: { id: string; title?: string; dispositionsPublishedAt: Date | null };
  audit?: AuditContext;
}): Promise<TableAccess> {
  if (can(actor, CONSOLIDATE)) return "secretariat";
  if (consultation.dispositionsPublishedAt) return "public";
  if (audit) {
    // authorize is the one writer of denials; its generic 404 gives way to the reason below.
    await authorize({
      actor,
      permission: CONSOLIDATE,
      status: 404,
      key: "errors.notFound",
      audit: { entity: "consultation", entityId: consultation.id, ...audit },
    }).catch((error: unknown) => {
      if (!(error instanceof DomainError)) throw error;
    });
  }
  const values = consultation.title ? { title: consultation.title } : undefined;
  throw new DomainError(404, "dispositions.notPublished", { values, details: { notPublished: true } });
}
