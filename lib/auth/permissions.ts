/**
 * The permission matrix: every role's rights in one table. Pages, actions and API
 * routes declare the permission they need and check it here; nothing else decides.
 */
export const ROLES = ["owner", "admin", "manager", "csm", "viewer"] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  owner: "Owner",
  admin: "Admin",
  manager: "Manager",
  csm: "CSM",
  viewer: "Viewer",
};

const ALL: readonly Role[] = ROLES;
const ADMINS: readonly Role[] = ["owner", "admin"];
const LEADS: readonly Role[] = ["owner", "admin", "manager"];
const WORKERS: readonly Role[] = ["owner", "admin", "manager", "csm"];

export const PERMISSIONS = {
  /** Own profile: password, switching between one's organisations. */
  "profile:manage": ALL,
  /** See accounts and their scores (within the role's scope, see accountScopeKind). */
  "accounts:read": ALL,
  /**
   * Segment and team trends, CSMs side by side (within the role's scope): for the leads, and for viewers
   * (executives, finance), who read the whole organisation. A CSM's own book has its trend on the overview.
   */
  "trends:read": ["owner", "admin", "manager", "viewer"],
  /** Tune the at-risk ranking's weights. */
  "priorities:manage": ADMINS,
  /** Edit account fields, owner and team. */
  "accounts:write": ADMINS,
  /** Write notes and the CSM's sentiment on accounts in scope. */
  "notes:write": WORKERS,
  /** See the member list and teams. */
  "members:read": LEADS,
  /** Add and remove members, change roles and teams. */
  "members:manage": ADMINS,
  /** Grant or take away the owner role. */
  "owners:manage": ["owner"],
  "teams:manage": ADMINS,
  /** See scorecards, model versions and their history. */
  "models:read": LEADS,
  /** Edit drafts, publish, restore versions; metrics, segments and stages. */
  "models:edit": ADMINS,
  "imports:run": ADMINS,
  "apiKeys:manage": ADMINS,
  "webhooks:manage": ADMINS,
  /** The alert inbox and digest: work alerts on accounts in scope. */
  "alerts:work": WORKERS,
  "alertRules:manage": ADMINS,
  /** Override a score or tier: admins on any account, others only on accounts they own (checked by the service). */
  "overrides:write": WORKERS,
  "scores:recompute": ADMINS,
  "audit:read": ADMINS,
  "org:manage": ADMINS,
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

export const PERMISSION_NAMES = Object.keys(PERMISSIONS) as Permission[];

export function can(role: Role, permission: Permission): boolean {
  return (PERMISSIONS[permission] as readonly Role[]).includes(role);
}

/**
 * How much of the book a role sees: CSMs their own accounts, managers the
 * accounts of their teams, everyone else the whole organisation (viewers read-only).
 */
export type AccountScopeKind = "own" | "teams" | "organization";

export function accountScopeKind(role: Role): AccountScopeKind {
  if (role === "csm") return "own";
  if (role === "manager") return "teams";
  return "organization";
}

/** Whether `actor` may give or take away `target` (only owners touch owners). */
export function canAssignRole(actor: Role, target: Role): boolean {
  if (!can(actor, "members:manage")) return false;
  return target !== "owner" || can(actor, "owners:manage");
}
