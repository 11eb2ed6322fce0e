import { AUDIT_ACTIONS, recordAuditEvent } from "~/models/audit.server";
import type { PermissionString } from "~/models/permissions";

/**
 * Permission checks on the strings loaded with the signed-in user (from the
 * Role→Permission rows; see sessionUserSelect in app/models/user.server.ts).
 *
 * A permission is `action:entity:access`, and the access levels nest:
 * `any` ⊇ `organization` ⊇ `own`. Holding `update:comment:organization`
 * therefore satisfies a check for `update:comment:own`; which rows a user may
 * touch is decided per row by canActOnComment.
 */
export type Access = "own" | "organization" | "any";

const ACCESS_RANK: Record<Access, number> = { own: 0, organization: 1, any: 2 };

/** The minimum a permission check needs to know about the user. */
export interface PermissionSubject {
  id: string;
  organization: { id: string } | null;
  permissions: readonly string[];
}

function parse(permission: string) {
  const [action = "", entity = "", access = ""] = permission.split(":");
  return { action, entity, access: (access in ACCESS_RANK ? access : null) as Access | null };
}

/** The widest access the user holds for `action` on `entity`, or null. */
export function grantedAccess(
  user: Pick<PermissionSubject, "permissions">,
  action: string,
  entity: string,
): Access | null {
  let best: Access | null = null;
  for (const held of user.permissions) {
    const p = parse(held);
    if (p.action !== action || p.entity !== entity || !p.access) continue;
    if (best === null || ACCESS_RANK[p.access] > ACCESS_RANK[best]) best = p.access;
  }
  return best;
}

/** Whether the user holds `permission` (or the same action and entity with wider access). */
export function userHasPermission(user: Pick<PermissionSubject, "permissions">, permission: PermissionString): boolean {
  const wanted = parse(permission);
  if (!wanted.access) return false;
  const held = grantedAccess(user, wanted.action, wanted.entity);
  return held !== null && ACCESS_RANK[held] >= ACCESS_RANK[wanted.access];
}

export interface AuditContext {
  /** The client address (context.clientAddress). */
  ip?: string | null;
  /** What was being acted on, e.g. entity "comment" and its id. */
  entity?: string;
  entityId?: string | null;
  details?: Record<string, unknown>;
}

/**
 * Throws a 403 Response, after recording a "denied" audit event, unless the
 * user holds `permission`. Use in loaders and actions:
 * `await requirePermission(user, "create:comment:own", { auditContext: { ip: context.clientAddress } })`.
 */
export async function requirePermission(
  user: PermissionSubject,
  permission: PermissionString,
  { auditContext = {} }: { auditContext?: AuditContext } = {},
): Promise<void> {
  if (userHasPermission(user, permission)) return;
  await recordDenial(user, permission, auditContext);
  throw forbidden();
}

/** Records a refused attempt (outcome "denied") for a permission or a row-level check. */
export async function recordDenial(
  user: Pick<PermissionSubject, "id">,
  permission: string,
  auditContext: AuditContext = {},
) {
  await recordAuditEvent({
    actorId: user.id,
    action: AUDIT_ACTIONS.permissionDenied,
    entity: auditContext.entity ?? parse(permission).entity,
    entityId: auditContext.entityId ?? null,
    outcome: "denied",
    ip: auditContext.ip ?? null,
    details: { permission, ...auditContext.details },
  });
}

/** A 403 without a body: the error boundary shows the translated message. */
export function forbidden() {
  return new Response(null, { status: 403, statusText: "Forbidden" });
}

export type CommentAction = "read" | "update" | "delete" | "submit";

/**
 * Row-level rule for comments, from the user's permissions:
 * - `any`: every comment;
 * - `organization`: comments made on behalf of the user's own organization;
 * - `own`: comments the user wrote.
 * So a delegate (update:comment:own) edits only their own drafts, and a focal
 * point (submit:comment:organization) submits any draft of their delegation.
 * Status rules (no edits after submission, closed periods) and the public
 * visibility of submitted comments are the comment model's business.
 */
export function canActOnComment({
  user,
  action,
  comment,
}: {
  user: PermissionSubject;
  action: CommentAction;
  comment: { authorId: string | null; organizationId: string | null };
}): boolean {
  for (const held of user.permissions) {
    const p = parse(held);
    if (p.action !== action || p.entity !== "comment") continue;
    if (p.access === "any") return true;
    if (
      p.access === "organization" &&
      user.organization !== null &&
      comment.organizationId !== null &&
      comment.organizationId === user.organization.id
    ) {
      return true;
    }
    if (p.access === "own" && comment.authorId !== null && comment.authorId === user.id) return true;
  }
  return false;
}
