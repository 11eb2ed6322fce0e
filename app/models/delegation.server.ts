/**
 * The delegation's workspace: an organization's comments on a consultation
 * (drafts, submitted, withdrawn) by paragraph in document order, filtered,
 * with what the actor may do to each and the organization's receipts. For
 * members of an organization only (delegates and focal points).
 */
import type { Prisma } from "~/generated/prisma/client";
import { COMMENT_STATUSES, COMMENT_TYPES } from "~/lib/comment-types";
import { commentPeriodState } from "~/lib/dates";
import { DomainError } from "~/lib/errors";
import { can, type Actor } from "~/lib/permissions";
import { commentCapabilities, officialSelect } from "~/models/comment-read.server";
import { listReceipts } from "~/models/submission.server";
import { authorize } from "~/utils/authorize.server";
import { prisma } from "~/utils/db.server";

export interface WorkspaceFilters {
  status: string;
  type: string;
  author: string;
}

/** The filters from the query string; anything unknown means "all". */
export function parseWorkspaceFilters(search: URLSearchParams): WorkspaceFilters {
  const pick = (name: string, allowed: readonly string[]) => {
    const value = search.get(name) ?? "";
    return allowed.includes(value) ? value : "";
  };
  const author = search.get("author") ?? "";
  return {
    status: pick("status", COMMENT_STATUSES),
    type: pick("type", COMMENT_TYPES),
    author: /^[\w-]{1,64}$/.test(author) ? author : "",
  };
}

/** The most comments the workspace lists at once (filters narrow it). */
export const WORKSPACE_LIMIT = 1000;

export async function getDelegationWorkspace({
  actor,
  slug,
  filters,
  now = new Date(),
  clientAddress,
}: {
  actor: Actor | null;
  slug: string;
  filters: WorkspaceFilters;
  now?: Date;
  clientAddress?: string;
}) {
  const audit = { ip: clientAddress, action: "workspace.read", entity: "comment" };
  // Members of an organization who comment for it: delegates and focal points (not the secretariat, not observers).
  await authorize({ actor, permission: "create:comment:own", audit });
  await authorize({ actor, permission: "read:comment:organization", audit });
  const member = actor!;
  const organization = member.organization;
  if (!organization) throw new DomainError(403, "comments.errors.noOrganization");
  const consultation = await prisma.consultation.findUnique({
    where: { slug },
    select: {
      id: true,
      slug: true,
      title: true,
      timeZone: true,
      versions: {
        orderBy: { number: "desc" },
        select: { number: true, label: true, status: true, commentsOpenAt: true, commentsCloseAt: true },
      },
    },
  });
  if (!consultation) throw new DomainError(404, "errors.notFound");
  const org = await prisma.organization.findUniqueOrThrow({
    where: { id: organization.id },
    select: { id: true, name: true },
  });

  const base: Prisma.CommentWhereInput = {
    consultationId: consultation.id,
    organizationId: organization.id,
    origin: "platform",
  };
  const where: Prisma.CommentWhereInput = {
    ...base,
    ...(filters.status ? { status: filters.status } : {}),
    ...(filters.type ? { type: filters.type } : {}),
    ...(filters.author ? { authorId: filters.author } : {}),
  };
  const [rows, authors, counts, receipts] = await Promise.all([
    prisma.comment.findMany({
      where,
      orderBy: [{ version: { number: "asc" } }, { paragraph: { order: "asc" } }, { createdAt: "asc" }],
      take: WORKSPACE_LIMIT,
      select: {
        id: true,
        type: true,
        status: true,
        bodyHtml: true,
        proposedText: true,
        quote: true,
        origin: true,
        createdAt: true,
        submittedAt: true,
        authorId: true,
        organizationId: true,
        author: { select: { name: true } },
        submittedBy: { select: { name: true } },
        paragraph: { select: { key: true, number: true, order: true } },
        version: { select: { number: true } },
        ...officialSelect,
      },
    }),
    prisma.user.findMany({
      where: { comments: { some: base } },
      orderBy: { name: "asc" },
      select: { id: true, name: true },
    }),
    prisma.comment.groupBy({ by: ["status"], where: base, _count: { _all: true } }),
    listReceipts({ organizationId: organization.id, consultationId: consultation.id }),
  ]);

  const comments = rows.map((row) => ({
    ...row,
    mine: row.authorId === member.id,
    ...commentCapabilities(member, row),
  }));
  // Paragraph by paragraph, in document order (the rows come sorted).
  const groups: Array<{
    key: string;
    versionNumber: number;
    paragraphKey: string | null;
    number: string | null;
    comments: typeof comments;
  }> = [];
  for (const comment of comments) {
    const key = `${comment.version.number}:${comment.paragraph?.key ?? ""}`;
    let group = groups.at(-1);
    if (!group || group.key !== key) {
      group = {
        key,
        versionNumber: comment.version.number,
        paragraphKey: comment.paragraph?.key ?? null,
        number: comment.paragraph?.number ?? null,
        comments: [],
      };
      groups.push(group);
    }
    group.comments.push(comment);
  }
  const open = consultation.versions.find(
    (version) =>
      version.status === "open" &&
      commentPeriodState({ opensAt: version.commentsOpenAt, closesAt: version.commentsCloseAt }, now) === "open",
  );
  const statusCounts = Object.fromEntries(counts.map((row) => [row.status, row._count._all]));
  return {
    consultation: { slug: consultation.slug, title: consultation.title, timeZone: consultation.timeZone },
    organization: org,
    deadline: open?.commentsCloseAt ?? null,
    open: Boolean(open),
    canSubmitDrafts: Boolean(open) && can(member, "submit:comment:organization"),
    groups,
    total: comments.length,
    truncated: comments.length === WORKSPACE_LIMIT,
    statusCounts: {
      draft: statusCounts.draft ?? 0,
      submitted: statusCounts.submitted ?? 0,
      withdrawn: statusCounts.withdrawn ?? 0,
    },
    authors,
    receipts,
  };
}

export type DelegationWorkspace = Awaited<ReturnType<typeof getDelegationWorkspace>>;

/**
 * The drafts a submission would make official, for the confirmation step:
 * the selected ones (or all the organization's drafts), with their paragraph.
 */
export async function listDraftsForConfirmation({
  actor,
  slug,
  commentIds,
  all,
}: {
  actor: Actor | null;
  slug: string;
  commentIds: string[];
  all: boolean;
}) {
  await authorize({ actor, permission: "submit:comment:organization" });
  const organization = actor!.organization;
  if (!organization) throw new DomainError(403, "comments.errors.noOrganization");
  return prisma.comment.findMany({
    where: {
      consultation: { slug },
      organizationId: organization.id,
      status: "draft",
      origin: "platform",
      ...(all ? {} : { id: { in: commentIds.slice(0, 500) } }),
    },
    orderBy: [{ version: { number: "asc" } }, { paragraph: { order: "asc" } }, { createdAt: "asc" }],
    select: {
      id: true,
      type: true,
      bodyText: true,
      author: { select: { name: true } },
      paragraph: { select: { key: true, number: true } },
      version: { select: { number: true } },
    },
  });
}
