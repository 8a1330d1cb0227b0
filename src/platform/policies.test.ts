import { describe, expect, it } from 'vitest';
import { PERMISSIONS } from './api/permissions.js';
import { POLICIES, can, permissionsOf } from './policies.js';
import { ROLES } from './store/index.js';

describe('policies', () => {
  it('gives owners every permission and every role the reads', () => {
    expect(permissionsOf('owner')).toEqual([...PERMISSIONS]);
    for (const role of ROLES) {
      expect(can(role, 'workspace.read'), role).toBe(true);
      expect(can(role, 'model.read'), role).toBe(true);
    }
  });

  it('keeps the roles of the platform as they were', () => {
    expect(permissionsOf('analyst')).toEqual([
      'workspace.read',
      'model.read',
      'model.edit',
      'finding.decide',
      'findings.comment',
      'documents.request',
      'security_audit.run',
    ]);
    expect(permissionsOf('auditor')).toEqual([
      'workspace.read',
      'model.read',
      'findings.comment',
      'documents.request',
      'audit.read',
    ]);
    expect(permissionsOf('viewer')).toEqual(['workspace.read', 'model.read']);
    // auditors comment on findings (as the README says); viewers only read
    expect(can('auditor', 'findings.comment')).toBe(true);
    expect(can('viewer', 'findings.comment')).toBe(false);
    // security audit: owners and analysts run campaigns and edit the plan; auditors read them
    expect(can('owner', 'security_audit.run')).toBe(true);
    expect(can('auditor', 'security_audit.run')).toBe(false);
  });

  it('names only known roles, each once', () => {
    for (const permission of PERMISSIONS) {
      const roles = POLICIES[permission];
      expect(new Set(roles).size, permission).toBe(roles.length);
      for (const role of roles) expect(ROLES, permission).toContain(role);
    }
  });
});
