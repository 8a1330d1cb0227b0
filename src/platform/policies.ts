/**
 * Who may do what in a workspace: each permission with the roles that hold it. The route table
 * declares the permission a route needs (`access: { permission }`), `buildApp` checks it with
 * `can`, and the caller's permissions are sent to the web UI (`permissionsOf`), so no other code
 * lists roles.
 */
import type { Permission } from './api/permissions.js';
import { PERMISSIONS } from './api/permissions.js';
import { ROLES } from './store/index.js';
import type { Role } from './store/index.js';

/** The roles holding each permission. */
export const POLICIES: Readonly<Record<Permission, readonly Role[]>> = {
  'workspace.read': ROLES,
  'model.read': ROLES,
  'model.edit': ['owner', 'analyst'],
  'finding.decide': ['owner', 'analyst'],
  'findings.comment': ['owner', 'analyst', 'auditor'],
  'documents.request': ['owner', 'analyst', 'auditor'],
  'members.manage': ['owner'],
  'audit.read': ['owner', 'auditor'],
  'security_audit.run': ['owner', 'analyst'],
};

/** True when `role` holds `permission`. */
export function can(role: Role, permission: Permission): boolean {
  return POLICIES[permission].includes(role);
}

/** Every permission `role` holds, in `PERMISSIONS` order. */
export function permissionsOf(role: Role): Permission[] {
  return PERMISSIONS.filter((permission) => can(role, permission));
}
