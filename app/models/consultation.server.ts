import { prisma } from "~/utils/db.server";

/** Versions the public may read: anything the secretariat has published. */
export const PUBLISHED_VERSION_STATUSES = ["open", "closed", "final"] as const;

/** The list page: every consultation with its published versions. */
export async function listConsultations() {
  return prisma.consultation.findMany({
    where: { status: { not: "draft" } },
    orderBy: { createdAt: "desc" },
    select: {
      slug: true,
      title: true,
      summary: true,
      status: true,
      timeZone: true,
      versions: {
        where: { status: { in: [...PUBLISHED_VERSION_STATUSES] } },
        orderBy: { number: "asc" },
        select: { number: true, label: true, status: true, commentsOpenAt: true, commentsCloseAt: true },
      },
    },
  });
}

/** The overview page: documents, versions, phases and the comment period. */
export async function getConsultationOverview({ slug }: { slug: string }) {
  const consultation = await prisma.consultation.findUnique({
    where: { slug },
    select: {
      id: true,
      slug: true,
      title: true,
      summary: true,
      status: true,
      timeZone: true,
      documents: {
        orderBy: { order: "asc" },
        select: {
          slug: true,
          title: true,
          versions: {
            where: { status: { in: [...PUBLISHED_VERSION_STATUSES] } },
            orderBy: { number: "asc" },
            select: {
              number: true,
              label: true,
              status: true,
              publishedAt: true,
              commentsOpenAt: true,
              commentsCloseAt: true,
              _count: { select: { paragraphs: true } },
            },
          },
        },
      },
    },
  });
  if (!consultation || consultation.status === "draft") return null;
  return consultation;
}

export async function createConsultation(input: {
  slug: string;
  title: string;
  summary?: string;
  status?: string;
  timeZone?: string;
  commentsVisibility?: "during" | "after_close";
}) {
  return prisma.consultation.create({
    data: {
      slug: input.slug,
      title: input.title,
      summary: input.summary ?? "",
      status: input.status ?? "draft",
      timeZone: input.timeZone ?? "UTC",
      commentsVisibility: input.commentsVisibility ?? "after_close",
    },
    select: { id: true, slug: true },
  });
}
