/**
 * Roles and the permissions they grant, as data: `action:entity:access`.
 * The bootstrap writes exactly this table to the database; the server checks
 * permissions by reading the acting user's role from there.
 */
export const ROLE_NAMES = ["secretariat", "focal_point", "delegate", "observer"] as const;
export type RoleName = (typeof ROLE_NAMES)[number];

/** Whether a role read from the database (plain text) is one the code knows, so its translated name exists. */
export function isRoleName(value: string): value is RoleName {
  return (ROLE_NAMES as readonly string[]).includes(value);
}

/** What a permission lets one do, on what, and how widely (`any` ⊇ `organization` ⊇ `own`). */
export const ACTIONS = ["create", "read", "update", "delete", "submit", "consolidate", "publish"] as const;
export const ENTITIES = ["consultation", "version", "comment", "contribution", "disposition", "user", "audit"] as const;
export const ACCESS_LEVELS = ["own", "organization", "any"] as const;
export type Action = (typeof ACTIONS)[number];
export type Entity = (typeof ENTITIES)[number];
export type Access = (typeof ACCESS_LEVELS)[number];
/** `action:entity:access`, typed so that a typo does not compile. */
export type PermissionString = `${Action}:${Entity}:${Access}`;

/**
 * The acting person, as every model and guard sees them: derived from the
 * session user (app/utils/session-user), never built by hand in a route.
 */
export interface Actor {
  id: string;
  organization: { id: string } | null;
  /** The `action:entity:access` strings the role grants (read from the database). */
  permissions: readonly string[];
}

/** The owner of a row a permission is checked against (a comment, a contribution…). */
export interface OwnedRow {
  authorId: string | null;
  organizationId: string | null;
}

const ACCESS_RANK: Record<Access, number> = { own: 0, organization: 1, any: 2 };

/**
 * What each role may do. `description` fills the Role.description column for
 * operators reading the database; the app never shows it (role names are
 * shown translated, auth.roles.<name>).
 */
/* eslint-disable consultation/no-literal-ui-text -- role descriptions are database reference data, never shown */
export const ROLE_PERMISSIONS: Record<RoleName, { description: string; permissions: PermissionString[] }> = {
  secretariat: {
    description: "Manages consultations, invites people, consolidates and publishes feedback.",
    permissions: [
      "create:consultation:any",
      "update:consultation:any",
      "create:version:any",
      "update:version:any",
      "read:version:any",
      "read:comment:any",
      "consolidate:comment:any",
      "publish:disposition:any",
      "create:user:any",
      "read:user:any",
      "update:user:any",
      "read:audit:any",
    ],
  },
  focal_point: {
    description: "Submits the organization's official comments.",
    permissions: [
      "create:comment:own",
      "update:comment:organization",
      "read:comment:organization",
      "submit:comment:organization",
      "delete:comment:organization",
      "create:contribution:organization",
      "create:user:organization",
      "read:user:organization",
    ],
  },
  delegate: {
    description: "Drafts comments for the organization.",
    permissions: ["create:comment:own", "update:comment:own", "delete:comment:own", "read:comment:organization"],
  },
  observer: {
    description: "Reads and compares versions; never comments.",
    permissions: [],
  },
};
/* eslint-enable consultation/no-literal-ui-text */

/**
 * The roles a person may grant when inviting into their own organization
 * (`create:user:organization`, the focal point's organization page): delegates
 * only. Naming another focal point, who submits the organization's official
 * position, stays with the secretariat (docs/decisions/0021-focal-points-invite-delegates.md).
 */
export const ORGANIZATION_GRANTABLE_ROLES = ["delegate"] as const satisfies readonly RoleName[];
export type OrganizationGrantableRole = (typeof ORGANIZATION_GRANTABLE_ROLES)[number];

/** Whether `role` may be granted by an invitation from within an organization. */
export function isOrganizationGrantableRole(role: string): role is OrganizationGrantableRole {
  return (ORGANIZATION_GRANTABLE_ROLES as readonly string[]).includes(role);
}

/**
 * Whether the organization page (/organization) is the actor's way to invite:
 * they invite within their own organization, and not anywhere (the secretariat
 * has the People page). A hint for links; the page checks its own permission.
 */
export function invitesWithinOrganization(actor: Actor | null | undefined): boolean {
  return Boolean(actor?.organization) && can(actor, "create:user:organization") && !can(actor, "create:user:any");
}

export const ORGANIZATION_KINDS = [
  "member_state",
  "sector_member",
  "academia",
  "civil_society",
  "international_organization",
  "secretariat",
] as const;
export type OrganizationKind = (typeof ORGANIZATION_KINDS)[number];

/** Whether an organization kind read from the database (plain text) is one the code knows. */
export function isOrganizationKind(value: string): value is OrganizationKind {
  return (ORGANIZATION_KINDS as readonly string[]).includes(value);
}

/** The parts of a permission: typed for a PermissionString, checked (access null when unknown) for a string. */
export function parsePermission(permission: PermissionString): { action: Action; entity: Entity; access: Access };
export function parsePermission(permission: string): { action: string; entity: string; access: Access | null };
export function parsePermission(permission: string) {
  const [action = "", entity = "", access = ""] = permission.split(":");
  return { action, entity, access: (access in ACCESS_RANK ? access : null) as Access | null };
}

/** The widest access the actor holds for `action` on `entity`, or null. */
export function grantedAccess(actor: Pick<Actor, "permissions">, action: Action, entity: Entity): Access | null {
  let best: Access | null = null;
  for (const held of actor.permissions) {
    const p = parsePermission(held);
    if (p.action !== action || p.entity !== entity || !p.access) continue;
    if (best === null || ACCESS_RANK[p.access] > ACCESS_RANK[best]) best = p.access;
  }
  return best;
}

/**
 * Whether the actor may do `permission`. Without a row, holding the same
 * action and entity at the same or wider access is enough. With a row, the
 * access held must reach it: `any` every row, `organization` the rows of the
 * actor's organization, `own` the rows the actor wrote.
 */
export function can(actor: Actor | null | undefined, permission: PermissionString, row?: OwnedRow): boolean {
  if (!actor) return false;
  const wanted = parsePermission(permission);
  // Typed, but it may come from data at run time: a string that is not a permission grants nothing.
  if (!wanted.access) return false;
  if (!row) {
    const held = grantedAccess(actor, wanted.action, wanted.entity);
    return held !== null && ACCESS_RANK[held] >= ACCESS_RANK[wanted.access];
  }
  for (const heldString of actor.permissions) {
    const held = parsePermission(heldString);
    if (held.action !== wanted.action || held.entity !== wanted.entity || !held.access) continue;
    if (held.access === "any") return true;
    if (
      held.access === "organization" &&
      actor.organization !== null &&
      row.organizationId !== null &&
      row.organizationId === actor.organization.id
    ) {
      return true;
    }
    if (held.access === "own" && row.authorId !== null && row.authorId === actor.id) return true;
  }
  return false;
}
