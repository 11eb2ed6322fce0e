/**
 * Roles and the permissions they grant, as data: `action:entity:access`.
 * The bootstrap writes exactly this table to the database; the server checks
 * permissions by reading the acting user's role from there.
 */
export const ROLE_NAMES = ["secretariat", "focal_point", "delegate", "observer"] as const;
export type RoleName = (typeof ROLE_NAMES)[number];

export type PermissionString = `${string}:${string}:${"own" | "organization" | "any"}`;

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

export const ORGANIZATION_KINDS = [
  "member_state",
  "sector_member",
  "academia",
  "civil_society",
  "international_organization",
  "secretariat",
] as const;
export type OrganizationKind = (typeof ORGANIZATION_KINDS)[number];

export function parsePermission(permission: PermissionString) {
  const [action, entity, access] = permission.split(":") as [string, string, "own" | "organization" | "any"];
  return { action, entity, access };
}
