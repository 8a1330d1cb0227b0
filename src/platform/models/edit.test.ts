import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  createEntity,
  deleteEntity,
  updateEntity,
  upsertDecision,
  type EditResult,
} from './edit.js';
import { validateModelFiles } from './validation.js';

const DEMO_DIR = new URL('../../../examples/forges-de-l-est/', import.meta.url);
const DEMO: Readonly<Record<string, string>> = Object.fromEntries(
  readdirSync(DEMO_DIR)
    .filter((f) => f.endsWith('.yaml'))
    .map((f) => [f, readFileSync(new URL(f, DEMO_DIR), 'utf8')]),
);
const SIEGE = 'assets-siege.yaml';

function value(result: EditResult): Exclude<EditResult, { ok: false }>['value'] {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value;
}

/** Lines of `after` that differ from `before`, when both have the same number of lines. */
function changedLines(before: string, after: string): { line: number; from: string; to: string }[] {
  const a = before.split('\n');
  const b = after.split('\n');
  expect(b.length).toBe(a.length);
  return a.flatMap((from, i) => (from === b[i] ? [] : [{ line: i + 1, from, to: b[i] ?? '' }]));
}

describe('updateEntity', () => {
  it('changes only the field line and keeps every comment', () => {
    const result = value(updateEntity(DEMO, 'assets', 'fw-siege', { hostname: 'fw-nancy' }));
    expect(result.file).toBe(SIEGE);
    const text = result.files[SIEGE] ?? '';
    expect(changedLines(DEMO[SIEGE] ?? '', text)).toEqual([
      {
        line: expect.any(Number) as number,
        from: '    hostname: fw-siege',
        to: '    hostname: fw-nancy',
      },
    ]);
    const comments = (s: string): string[] => s.split('\n').filter((l) => l.trim().startsWith('#'));
    expect(comments(text)).toEqual(comments(DEMO[SIEGE] ?? ''));
    expect(comments(text).length).toBeGreaterThan(5);
    expect(result.before?.hostname).toBe('fw-siege');
    expect(result.after?.hostname).toBe('fw-nancy');
    // Other files untouched.
    for (const file of Object.keys(DEMO))
      if (file !== SIEGE) expect(result.files[file]).toBe(DEMO[file]);
    expect(validateModelFiles(result.files).valid).toBe(true);
  });

  it('keeps the quoting style of a scalar and the flow style of a collection', () => {
    const result = value(
      updateEntity(DEMO, 'assets', 'fw-siege', {
        os: { name: 'Stormshield Network Security', version: '4.9' },
        addresses: ['10.10.255.253'],
      }),
    );
    const changes = changedLines(DEMO[SIEGE] ?? '', result.files[SIEGE] ?? '');
    expect(changes.map((c) => c.to)).toEqual([
      '    addresses: [ 10.10.255.253 ]',
      "    os: { name: Stormshield Network Security, version: '4.9' }",
    ]);
  });

  it('removes a field given null and appends new fields after the last one', () => {
    const result = value(
      updateEntity(DEMO, 'assets', 'fw-siege', { owner: null, criticality: 4, missing: null }),
    );
    const text = result.files[SIEGE] ?? '';
    expect(result.after).not.toHaveProperty('owner');
    expect(result.after?.criticality).toBe(4);
    const block = text.slice(text.indexOf('- id: fw-siege'), text.indexOf('- id: vpn-siege'));
    expect(block).not.toContain('owner:');
    expect(block.trimEnd().endsWith('criticality: 4')).toBe(true);
    expect(text.split('\n').length).toBe((DEMO[SIEGE] ?? '').split('\n').length);
  });

  it('refuses to change the id and reports unknown entities and kinds', () => {
    const renamed = updateEntity(DEMO, 'assets', 'fw-siege', { id: 'fw-other' });
    expect(!renamed.ok && renamed.error.code).toBe('id_immutable');
    expect(updateEntity(DEMO, 'assets', 'fw-siege', { id: 'fw-siege', name: 'X' }).ok).toBe(true);
    const missing = updateEntity(DEMO, 'assets', 'nope', { name: 'X' });
    expect(!missing.ok && missing.error.code).toBe('not_found');
    const wrongKind = updateEntity(DEMO, 'zones', 'fw-siege', { name: 'X' });
    expect(!wrongKind.ok && wrongKind.error.code).toBe('not_found');
    const unknown = updateEntity(DEMO, 'organisation', 'x', {});
    expect(!unknown.ok && unknown.error.code).toBe('unknown_kind');
  });

  it('edits an entity written as a flow mapping (whole-file fallback)', () => {
    const files = { 'zones.yaml': 'zones:\n  - { id: lan, name: LAN }\n' };
    const result = value(updateEntity(files, 'zones', 'lan', { name: 'Bureau' }));
    expect(result.files['zones.yaml']).toContain('name: Bureau');
  });

  it('leaves alias bombs to validation instead of expanding them', () => {
    const bomb = [
      'zones:',
      '  - id: lan',
      '    tags: &a [x, x, x, x, x, x, x, x, x, x]',
      '    description: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]',
      '    name: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]',
      '    purpose: [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]',
      '',
    ].join('\n');
    const result = value(updateEntity({ 'zones.yaml': bomb }, 'zones', 'lan', { trust: 'low' }));
    expect(result.before).toBeNull();
    expect(result.files['zones.yaml']).toContain('trust: low');
    expect(validateModelFiles(result.files).valid).toBe(false);
  });
});

describe('createEntity', () => {
  it('appends to the file holding most entities of the kind, keeping the rest', () => {
    const result = value(
      createEntity(DEMO, 'assets', {
        name: 'Nouveau serveur',
        id: 'srv-nouveau',
        kind: 'server',
        zone: 'lan-siege',
      }),
    );
    const counts = Object.fromEntries(
      Object.entries(DEMO).map(([f, t]) => [f, (t.match(/^ {2}- id: /gm) ?? []).length]),
    );
    expect(result.file).toBe(SIEGE);
    expect(counts[SIEGE]).toBeGreaterThan(counts['assets-usine.yaml'] ?? 0);
    const text = result.files[SIEGE] ?? '';
    expect(text.startsWith(DEMO[SIEGE]?.trimEnd() ?? 'x')).toBe(true);
    expect(text).toContain('  - id: srv-nouveau\n    name: Nouveau serveur\n    kind: server\n');
    const validation = validateModelFiles(result.files);
    expect(validation.counts.assets).toBe(validateModelFiles(DEMO).counts.assets + 1);
  });

  it('creates <kind>.yaml when no file has the kind, and honours an explicit file', () => {
    const files = { 'model.yaml': 'organisation:\n  name: X\n' };
    const created = value(createEntity(files, 'sites', { id: 'hq', name: 'HQ' }));
    expect(created.file).toBe('sites.yaml');
    expect(created.files['sites.yaml']).toBe('sites:\n  - id: hq\n    name: HQ\n');
    const inModel = value(createEntity(files, 'sites', { id: 'hq', name: 'HQ' }, 'model.yaml'));
    expect(inModel.files['model.yaml']).toBe(
      'organisation:\n  name: X\n\nsites:\n  - id: hq\n    name: HQ\n',
    );
    const bad = createEntity(files, 'sites', { id: 'hq' }, '../x.yaml');
    expect(!bad.ok && bad.error.code).toBe('invalid_file_name');
  });

  it('refuses a duplicate or missing id', () => {
    const duplicate = createEntity(DEMO, 'zones', { id: 'fw-siege', name: 'X' });
    expect(!duplicate.ok && duplicate.error.code).toBe('duplicate_id');
    const missing = createEntity(DEMO, 'zones', { name: 'X' });
    expect(!missing.ok && missing.error.code).toBe('id_required');
    const malformed = createEntity(DEMO, 'zones', { id: 'Not An Id' });
    expect(!malformed.ok && malformed.error.code).toBe('id_required');
  });
});

describe('upsertDecision', () => {
  it('replaces the decision of a finding in place', () => {
    const result = value(
      upsertDecision(DEMO, {
        finding: 'internet-exposed-without-waf@web-vitrine',
        status: 'mitigated',
        justification: 'WAF en place.',
        date: '2026-11-28',
      }),
    );
    expect(result.id).toBe('dec-site-web-sans-waf');
    const text = result.files['decisions.yaml'] ?? '';
    expect(text.match(/internet-exposed-without-waf@web-vitrine/g)).toHaveLength(1);
    expect(result.after).toMatchObject({
      id: 'dec-site-web-sans-waf',
      status: 'mitigated',
      justification: 'WAF en place.',
      date: '2026-11-28',
    });
    expect(result.after).not.toHaveProperty('reviewDate');
    expect(result.after).not.toHaveProperty('owner');
    expect(result.before?.status).toBe('accepted');
    expect(text).toContain('# Décisions de traitement du risque');
  });

  it('appends a new decision with a generated unique id', () => {
    const input = {
      finding: 'rdp-exposed@srv-tse',
      status: 'accepted',
      justification: 'Transitoire.',
      reviewDate: '2027-01-31',
      owner: 'id-resp-si',
      date: '2026-11-28',
    };
    const result = value(upsertDecision(DEMO, input));
    expect(result.id).toBe('dec-rdp-exposed-srv-tse');
    expect(result.file).toBe('decisions.yaml');
    expect(result.before).toBeNull();
    const text = result.files['decisions.yaml'] ?? '';
    expect(text.startsWith(DEMO['decisions.yaml']?.trimEnd() ?? 'x')).toBe(true);
    expect(text).toContain('  - id: dec-rdp-exposed-srv-tse\n    finding: rdp-exposed@srv-tse\n');
    // The generated id is made unique when taken by another entity.
    const taken = {
      ...DEMO,
      'zones-extra.yaml': 'zones:\n  - id: dec-rdp-exposed-srv-tse\n',
    };
    expect(value(upsertDecision(taken, input)).id).toBe('dec-rdp-exposed-srv-tse-2');
  });

  it('creates decisions.yaml when the model has no decision', () => {
    const result = value(
      upsertDecision(
        { 'model.yaml': 'zones: []\n' },
        {
          finding: 'a-rule@lan',
          status: 'false-positive',
          justification: 'No.',
          date: '2026-11-28',
        },
      ),
    );
    expect(result.files['decisions.yaml']).toBe(
      'decisions:\n  - id: dec-a-rule-lan\n    finding: a-rule@lan\n    status: false-positive\n    justification: No.\n    date: 2026-11-28\n',
    );
  });
});

describe('deleteEntity', () => {
  const FILES: Readonly<Record<string, string>> = {
    'assets.yaml': `# Assets of the test model
assets:
  # The firewall
  - id: fw
    kind: firewall
    zone: lan

  - id: hyper
    kind: hypervisor # the host
    zone: lan

  - id: erp
    kind: server
    zone: lan
    hostedOn: hyper # on the hypervisor
    redundancy: { mode: active-passive, with: [ hyper, fw ] }
`,
    'zones.yaml': `organisation: { name: Test }
zones:
  - id: lan
    kind: user
`,
    'flows.yaml': `flows:
  - { id: f1, from: lan, to: erp, protocol: https }
`,
  };

  it('deletes an unreferenced entity, keeping the other lines and comments as written', () => {
    const result = value(deleteEntity(FILES, 'flows', 'f1'));
    expect(result.files['flows.yaml']).toBe('flows: []\n');
    expect(result.before).toEqual({ id: 'f1', from: 'lan', to: 'erp', protocol: 'https' });
    expect(result.after).toBeNull();
    expect(result.referrers).toEqual([]);
    for (const file of ['assets.yaml', 'zones.yaml']) expect(result.files[file]).toBe(FILES[file]);
  });

  it('refuses a referenced entity with the list of what references it, unless forced', () => {
    const refused = deleteEntity(FILES, 'assets', 'hyper');
    expect(refused.ok).toBe(false);
    if (refused.ok) return;
    expect(refused.error.code).toBe('entity_referenced');
    expect(refused.error.referrers).toEqual([
      { kind: 'asset', id: 'erp', name: 'erp', field: 'hostedOn', required: false },
      { kind: 'asset', id: 'erp', name: 'erp', field: 'redundancy.with[0]', required: false },
    ]);
    const forced = value(deleteEntity(FILES, 'assets', 'hyper', { force: true }));
    expect(forced.files['assets.yaml']).toBe(`# Assets of the test model
assets:
  # The firewall
  - id: fw
    kind: firewall
    zone: lan


  - id: erp
    kind: server
    zone: lan
    redundancy: { mode: active-passive, with: [ fw ] }
`);
    expect(forced.referrers?.map((r) => r.field)).toEqual(['hostedOn', 'redundancy.with[0]']);
    expect(forced.files['zones.yaml']).toBe(FILES['zones.yaml']);
    expect(forced.files['flows.yaml']).toBe(FILES['flows.yaml']);
    expect(
      validateModelFiles(forced.files).diagnostics.filter((d) => d.severity === 'error'),
    ).toEqual([]);
  });

  it('refuses even when forced while a holder requires the reference', () => {
    const refused = deleteEntity(FILES, 'assets', 'erp', { force: true });
    expect(refused.ok).toBe(false);
    if (refused.ok) return;
    expect(refused.error.code).toBe('entity_referenced');
    expect(refused.error.referrers).toEqual([
      { kind: 'flow', id: 'f1', name: 'f1', field: 'to', required: true },
    ]);
  });

  it('reports unknown entities and kinds', () => {
    expect(deleteEntity(FILES, 'assets', 'nope')).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
    expect(deleteEntity(FILES, 'things', 'fw')).toMatchObject({
      ok: false,
      error: { code: 'unknown_kind' },
    });
  });

  it('lists the referrers of a demo entity across files and leaves the model unchanged', () => {
    const refused = deleteEntity(DEMO, 'assets', 'srv-erp');
    expect(refused.ok).toBe(false);
    if (refused.ok) return;
    const kinds = new Set(refused.error.referrers?.map((r) => r.kind));
    expect(kinds.has('flow')).toBe(true);
    expect(refused.error.referrers?.some((r) => r.required)).toBe(true);
  });
});
