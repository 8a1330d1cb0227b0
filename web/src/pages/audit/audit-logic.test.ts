import { describe, expect, it } from 'vitest';
import type { AuditEntryView } from '../../../../src/platform/api/types';
import { RECORDED_AUDIT_ACTIONS } from '../../../../src/platform/api/audit-actions';
import { MESSAGES } from '../../i18n';
import {
  KNOWN_ENTITY_KINDS,
  actionMessageKey,
  entityMessageKey,
  appendPage,
  auditListPath,
  hasChanges,
  jsonText,
  userLabel,
} from './audit-logic';

const entry = (id: number, extra: Partial<AuditEntryView> = {}): AuditEntryView => ({
  id,
  at: '2026-11-28T06:00:00.000Z',
  userId: 'u1',
  action: 'model.version',
  entityKind: 'version',
  entityId: '3',
  before: null,
  after: null,
  ...extra,
});

describe('audit actions', () => {
  it('has a message in both languages for every action the server writes or wrote', () => {
    for (const action of RECORDED_AUDIT_ACTIONS) {
      const key = actionMessageKey(action);
      expect(key).toBe(`audit.action.${action}`);
      if (key === null) continue;
      expect(MESSAGES.en[key], action).toBeTruthy();
      expect(MESSAGES.fr[key], action).toBeTruthy();
    }
  });

  it('names known entity kinds in both languages, not unknown ones', () => {
    for (const kind of KNOWN_ENTITY_KINDS) {
      const key = entityMessageKey(kind);
      expect(key).toBe(`audit.entity.${kind}`);
      if (key === null) continue;
      expect(MESSAGES.en[key]).toBeTruthy();
      expect(MESSAGES.fr[key]).toBeTruthy();
    }
    expect(entityMessageKey('widget')).toBeNull();
  });

  it('falls back to the raw code for an unknown action', () => {
    expect(actionMessageKey('something.new')).toBeNull();
    expect(actionMessageKey('toString')).toBeNull();
  });
});

describe('paging', () => {
  it('builds the list path with and without a cursor', () => {
    expect(auditListPath('/api/workspaces/w', null)).toBe('/api/workspaces/w/audit?limit=50');
    expect(auditListPath('/api/workspaces/w', 120)).toBe(
      '/api/workspaces/w/audit?limit=50&before=120',
    );
  });

  it('appends an older page without duplicates', () => {
    const shown = [entry(9), entry(8)];
    expect(appendPage(shown, [entry(8), entry(7), entry(6)]).map((e) => e.id)).toEqual([
      9, 8, 7, 6,
    ]);
  });
});

describe('before/after', () => {
  it('knows when there is something to expand', () => {
    expect(hasChanges(entry(1))).toBe(false);
    expect(hasChanges(entry(1, { after: { role: 'analyst' } }))).toBe(true);
    expect(hasChanges(entry(1, { before: false }))).toBe(true);
  });

  it('prints JSON as indented text, markup left as text', () => {
    expect(jsonText({ name: '<script>x</script>', n: 1 })).toBe(
      '{\n  "name": "<script>x</script>",\n  "n": 1\n}',
    );
    expect(jsonText(null)).toBe('null');
    expect(jsonText(undefined)).toBe('null');
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(jsonText(cyclic)).toBe('[object Object]');
  });

  it('names users from the members list, else shows the id', () => {
    const names = new Map([['u1', 'Alice']]);
    expect(userLabel('u1', names)).toEqual({ name: 'Alice', known: true });
    expect(userLabel('u2', names)).toEqual({ name: 'u2', known: false });
    expect(userLabel(null, names)).toBeNull();
  });
});
