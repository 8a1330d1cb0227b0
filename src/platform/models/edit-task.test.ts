import { describe, expect, it } from 'vitest';
import { runModelEdit } from './edit-task.js';

const FILES = {
  'assets.yaml': 'assets:\n  # the ERP\n  - id: srv-erp\n    name: ERP\n    kind: server\n',
  'zones.yaml': 'zones:\n  - id: lan\n    kind: user\n',
};
const bytes = (files: Record<string, string>): Uint8Array =>
  new TextEncoder().encode(JSON.stringify(files));

describe('model edit task', () => {
  it('sends back only the changed file, comments kept', () => {
    const result = runModelEdit({
      filesJson: bytes(FILES),
      edit: { op: 'update', kind: 'assets', id: 'srv-erp', fields: { name: 'ERP (SAP)' } },
    });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.file).toBe('assets.yaml');
    expect(result.value.text).toContain('# the ERP');
    expect(result.value.text).toContain('name: ERP (SAP)');
    expect(result.value).not.toHaveProperty('files');
    expect(result.value.before).toMatchObject({ name: 'ERP' });
  });

  it('returns the expected failures as values', () => {
    const missing = runModelEdit({
      filesJson: bytes(FILES),
      edit: { op: 'update', kind: 'assets', id: 'nope', fields: { name: 'x' } },
    });
    expect(missing).toMatchObject({ ok: false, error: { code: 'not_found' } });
    const decision = runModelEdit({
      filesJson: bytes(FILES),
      edit: {
        op: 'decision',
        input: {
          finding: 'r@srv-erp',
          status: 'mitigated',
          justification: 'done',
          date: '2026-01-01',
        },
      },
    });
    expect(decision).toMatchObject({ ok: true, value: { file: 'decisions.yaml' } });
  });

  it('refuses files that are not a model file map', () => {
    expect(() =>
      runModelEdit({
        filesJson: bytes({ 'a.yaml': 1 } as never),
        edit: { op: 'create', kind: 'assets', fields: { id: 'x' } },
      }),
    ).toThrow();
  });
});
