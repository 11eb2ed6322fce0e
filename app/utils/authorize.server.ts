import { DomainError } from "~/lib/errors";
import { can, parsePermission, type Actor, type OwnedRow, type PermissionString } from "~/lib/permissions";
import { AUDIT_ACTIONS, recordAuditEvent } from "~/utils/audit.server";

/** What the audit trail records about a refused attempt. */
export interface AuditContext {
  /** The client address (context.clientAddress), stored in the audit record's `ip` column. */
  ip?: string | null;
  /** The audit action to record instead of the generic permission check, e.g. "comment.update". */
  action?: string;
  /** What was being acted on (defaults to the permission's entity) and its id. */
  entity?: string;
  entityId?: string | null;
  details?: Record<string, unknown>;
}

/**
 * The one permission check. Returns when `actor` may do `permission` (on
 * `row`, when given: see `can` in app/lib/permissions.ts); otherwise records
 * the refusal in the audit trail (outcome "denied") and throws a 403
 * DomainError, which app/utils/http.server.ts turns into a response. A null
 * actor (signed out) is refused the same way, with no actor in the audit.
 *
 * Models call it where they read or write; route guards call it through
 * `requirePermission` (app/utils/auth.server.ts). The UI mirrors it with
 * `can`, which never audits.
 */
export async function authorize({
  actor,
  permission,
  row,
  audit = {},
  status = 403,
  key = "errors.forbidden",
}: {
  actor: Actor | null | undefined;
  permission: PermissionString;
  row?: OwnedRow;
  audit?: AuditContext;
  /** 404 where a refusal must not reveal that the row exists. */
  status?: 403 | 404;
  key?: "errors.forbidden" | "errors.notFound";
}): Promise<void> {
  if (can(actor, permission, row)) return;
  await recordDenial(actor ?? null, permission, audit);
  throw new DomainError(status, key);
}

/** Records a refused attempt; `authorize` is the only caller outside limits that refuse for other reasons. */
export async function recordDenial(actor: Pick<Actor, "id"> | null, permission: string, audit: AuditContext = {}) {
  await recordAuditEvent({
    actorId: actor?.id ?? null,
    action: audit.action ?? AUDIT_ACTIONS.permissionDenied,
    entity: audit.entity ?? parsePermission(permission).entity,
    entityId: audit.entityId ?? null,
    outcome: "denied",
    ip: audit.ip ?? null,
    details: { permission, ...audit.details },
  });
}
