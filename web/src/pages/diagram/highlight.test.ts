import { describe, expect, it } from 'vitest';
import type { EntityKind, RelationView } from '../../../../src/platform/api/types';
import { highlightOf, viewFor } from './highlight';

const ref = (kind: EntityKind, id: string) => ({ kind, id, name: id.toUpperCase() });
const rel = (role: string, ...items: ReturnType<typeof ref>[]): RelationView => ({ role, items });
const detail = (kind: EntityKind, id: string, relations: RelationView[]) => ({
  kind,
  id,
  relations,
});

describe('show on diagram', () => {
  it('data: the assets storing it and the flows carrying it', () => {
    const h = highlightOf(
      detail('data', 'payroll', [
        rel('storedOn', ref('assets', 'db-1'), ref('assets', 'nas-2')),
        rel('flows', ref('flows', 'f-backup')),
        rel('owner', ref('identities', 'alice')),
        rel('processes', ref('processes', 'pay')),
      ]),
    );
    expect([...h.boxes].sort()).toEqual(['assets/db-1', 'assets/nas-2']);
    expect([...h.flows]).toEqual(['f-backup']);
    expect(h.reason).toBeNull();
  });

  it('process: its supporting assets', () => {
    const h = highlightOf(
      detail('processes', 'billing', [
        rel('assets', ref('assets', 'app-1')),
        rel('data', ref('data', 'invoices')),
        rel('dependsOn', ref('processes', 'crm')),
      ]),
    );
    expect([...h.boxes]).toEqual(['assets/app-1']);
    expect(h.flows.size).toBe(0);
  });

  it('identity: where it logs in and what it administers', () => {
    const h = highlightOf(
      detail('identities', 'admin-x', [
        rel('loginFrom', ref('assets', 'ws-1'), ref('zones', 'lan')),
        rel('rights', ref('assets', 'srv-2')),
        rel('remoteAccess', ref('assets', 'vpn')),
        rel('memberOf', ref('identities', 'admins')),
      ]),
    );
    expect([...h.boxes].sort()).toEqual(['assets/srv-2', 'assets/vpn', 'assets/ws-1', 'zones/lan']);
  });

  it('flows, assets, zones: themselves (and a flow its ends)', () => {
    const flow = highlightOf(
      detail('flows', 'f1', [
        rel('source', ref('assets', 'a')),
        rel('destination', ref('zones', 'z')),
      ]),
    );
    expect([...flow.flows]).toEqual(['f1']);
    expect([...flow.boxes].sort()).toEqual(['assets/a', 'zones/z']);
    const asset = highlightOf(detail('assets', 'a', [rel('zone', ref('zones', 'z'))]));
    expect([...asset.boxes]).toEqual(['assets/a']);
  });

  it('says why when nothing can be shown', () => {
    expect(
      highlightOf(detail('measures', 'm1', [rel('owner', ref('identities', 'bob'))])).reason,
    ).toBe('no-placement');
    expect(highlightOf(detail('identities', 'svc', [])).reason).toBe('no-placement');
    expect(highlightOf(detail('data', 'orphan', [])).reason).toBe('no-placement');
  });

  it('picks the view of the zone or site', () => {
    expect(viewFor(detail('zones', 'z', []))).toBe('zone:z');
    expect(viewFor(detail('assets', 'a', [rel('zone', ref('zones', 'z'))]))).toBe('zone:z');
    expect(viewFor(detail('data', 'd', []))).toBeNull();
  });
});
