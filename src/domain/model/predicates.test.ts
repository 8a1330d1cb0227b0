import { describe, expect, it } from 'vitest';
import type { Identity } from './identity.js';
import type { Asset } from './asset.js';
import {
  adminTargets,
  declaresLogSources,
  effectiveAdminTargets,
  hasDeclaredEncryption,
  hasLeft,
  hasMfa,
  isActive,
  isFlowEncrypted,
  isPrivileged,
  lacksNeededLogs,
  nameOf,
  type EncryptionFacts,
  type IdentityLookup,
} from './predicates.js';

const person = (fields: Partial<Identity> = {}): Identity => ({
  id: 'p',
  kind: 'person',
  ...fields,
});

/** A lookup over a few groups, as a `ModelGraph` would answer. */
const groups = (...list: Identity[]): IdentityLookup => ({
  identity: (id) => list.find((group) => group.id === id),
});

describe('isActive / hasLeft: `left` is the last day', () => {
  it.each([
    [undefined, true],
    ['2026-11-29', true],
    ['2026-11-28', true],
    ['2026-11-27', false],
    ['2020-01-01', false],
  ])('left %s, today 2026-11-28: active %s', (left, active) => {
    const identity = person(left === undefined ? {} : { left });
    expect(isActive(identity, '2026-11-28')).toBe(active);
    expect(hasLeft(identity, '2026-11-28')).toBe(!active);
  });
});

describe('nameOf', () => {
  it('gives the name, else the id', () => {
    expect(nameOf({ id: 'srv', name: 'Serveur' })).toBe('Serveur');
    expect(nameOf({ id: 'srv' })).toBe('srv');
  });
});

describe('hasMfa and isPrivileged', () => {
  const lookup = groups(
    { id: 'g-mfa', kind: 'group', mfa: true },
    { id: 'g-admins', kind: 'group', privileged: true },
  );

  it('takes the identity’s own MFA setting first, else a group with MFA', () => {
    expect(hasMfa(lookup, person({ mfa: true }))).toBe(true);
    expect(hasMfa(lookup, person({ mfa: false, memberOf: ['g-mfa'] }))).toBe(false);
    expect(hasMfa(lookup, person({ memberOf: ['g-mfa'] }))).toBe(true);
    expect(hasMfa(lookup, person({ memberOf: ['g-admins', 'missing'] }))).toBe(false);
    expect(hasMfa(lookup, person())).toBe(false);
  });

  it('is privileged when declared so or a member of a privileged group', () => {
    expect(isPrivileged(lookup, person({ privileged: true }))).toBe(true);
    expect(isPrivileged(lookup, person({ memberOf: ['g-admins'] }))).toBe(true);
    expect(isPrivileged(lookup, person({ memberOf: ['g-mfa'] }))).toBe(false);
  });
});

describe('adminTargets and effectiveAdminTargets', () => {
  const lookup = groups({
    id: 'g-admins',
    kind: 'group',
    rights: [
      { on: 'dc', level: 'admin' },
      { on: 'erp', level: 'user' },
    ],
  });
  const identity = person({
    memberOf: ['g-admins'],
    rights: [
      { on: 'nas', level: 'admin' },
      { on: 'dc', level: 'admin' },
      { on: 'mail', level: 'read' },
    ],
  });

  it('reads the admin rights of the identity, then adds those of its groups once', () => {
    expect(adminTargets(identity)).toEqual(['nas', 'dc']);
    expect(effectiveAdminTargets(lookup, identity)).toEqual(['nas', 'dc']);
    expect(effectiveAdminTargets(lookup, person({ memberOf: ['g-admins'] }))).toEqual(['dc']);
  });
});

describe('encryption of a flow', () => {
  it.each<[EncryptionFacts, boolean, boolean]>([
    [{ protocol: 'https' }, false, true],
    [{ protocol: 'wireguard' }, false, true],
    [{ protocol: 'http' }, false, false],
    [{ protocol: 'https', encryption: 'none' }, false, false],
    [{ protocol: 'http', encryption: 'tls1.2' }, true, true],
    [{ protocol: 'rdp' }, false, false],
    [{}, false, false],
  ])('%j: declared %s, encrypted %s', (flow, declared, encrypted) => {
    expect(hasDeclaredEncryption(flow)).toBe(declared);
    expect(isFlowEncrypted(flow)).toBe(encrypted);
  });
});

describe('log sources', () => {
  const asset = (fields: Partial<Asset>): Asset => ({ id: 'a', kind: 'server', ...fields });

  it('counts a logging block without sources as no source', () => {
    expect(declaresLogSources(asset({}))).toBe(false);
    expect(declaresLogSources(asset({ logging: { sources: [] } }))).toBe(false);
    expect(declaresLogSources(asset({ logging: { sources: ['syslog'] } }))).toBe(true);
  });

  it('lacks needed logs only for the kinds expected to log', () => {
    expect(lacksNeededLogs(asset({ logging: { sources: [] } }))).toBe(true);
    expect(lacksNeededLogs(asset({ kind: 'router' }))).toBe(true);
    expect(lacksNeededLogs(asset({ kind: 'printer' }))).toBe(false);
    expect(lacksNeededLogs(asset({ logging: { sources: ['syslog'] } }))).toBe(false);
  });
});
