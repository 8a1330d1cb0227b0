import { describe, expect, it } from 'vitest';
import { completionsAt, referenceKinds, schemasAt, modelJsonSchema } from './completion';
import type { WrittenId } from './live-check';
import { yamlContextAt } from './yaml-context';

/** Text and offset from a text with a `|` where the cursor is. */
const at = (marked: string): [string, number] => {
  const offset = marked.indexOf('|');
  return [marked.slice(0, offset) + marked.slice(offset + 1), offset];
};
const context = (marked: string) => yamlContextAt(...at(marked));

const ASSETS = `assets:
  - id: srv-a
    name: Server A
    kind: server
    zone: lan
  - id: srv-b
`;

const IDS: WrittenId[] = [
  { id: 'lan', kind: 'zone', name: 'LAN' },
  { id: 'dmz', kind: 'zone' },
  { id: 'srv-a', kind: 'asset', name: 'Server A' },
  { id: 'db-clients', kind: 'data' },
];

describe('YAML context at the cursor', () => {
  it('finds the mapping of a key being typed and the keys beside it', () => {
    expect(context(`${ASSETS}    na|`)).toEqual({
      kind: 'key',
      path: ['assets', 0],
      from: ASSETS.length + 4,
      word: 'na',
      siblings: ['id'],
    });
    const [text, offset] = at(`assets:\n  - id: a\n    |\n    name: A\n    kind: server\n`);
    expect(yamlContextAt(text, offset)?.siblings).toEqual(['id', 'name', 'kind']);
  });

  it('finds the field of a value, nested and in flow collections', () => {
    expect(context(`${ASSETS}    zone: d|`)).toMatchObject({
      kind: 'value',
      path: ['assets', 0, 'zone'],
      word: 'd',
    });
    expect(context(`${ASSETS}    os: { name: Debian, ver|`)).toMatchObject({
      kind: 'key',
      path: ['assets', 0, 'os'],
      word: 'ver',
    });
    expect(context(`flows:\n  - id: f\n    data: [db-x, d|`)).toMatchObject({
      kind: 'value',
      path: ['flows', 0, 'data', 0],
      word: 'd',
    });
    expect(
      context(`assets:\n  - id: a\n    redundancy:\n      mode: active\n      with:\n        - s|`),
    ).toMatchObject({ kind: 'key', path: ['assets', 0, 'redundancy', 'with', 0], word: 's' });
    expect(context(`assets:\n  - id: a\n    adminInterfaces:\n      - { from: [l|`)).toMatchObject({
      kind: 'value',
      path: ['assets', 0, 'adminInterfaces', 0, 'from', 0],
      word: 'l',
    });
  });

  it('offers nothing in comments and quoted text', () => {
    expect(context(`${ASSETS}    # zone: d|`)).toBeNull();
    expect(context(`${ASSETS}    name: "Serv|`)).toBeNull();
  });

  it('top-level keys, even while another file part does not parse', () => {
    expect(context(`zones: [\nass|`)).toMatchObject({ kind: 'key', path: [], word: 'ass' });
  });
});

describe('completion from the JSON Schema and the model', () => {
  it('resolves schemas by path, through lists and alternatives', () => {
    const schema = modelJsonSchema();
    expect(schemasAt(schema, ['assets', 0, 'kind'])[0]?.enum).toContain('server');
    expect(schemasAt(schema, ['nowhere'])).toEqual([]);
    expect(schemasAt(schema, ['zones', 0, 'subnets', 0]).length).toBeGreaterThan(1);
  });

  it('offers the keys of the entity not yet written', () => {
    const found = completionsAt(...at(`${ASSETS}    |`), IDS);
    const labels = found?.options.map((o) => o.label) ?? [];
    expect(labels).toContain('zone');
    expect(labels).toContain('hostedOn');
    // written in the second asset already
    expect(labels).not.toContain('id');
    expect(found?.options.find((o) => o.label === 'zone')?.apply).toBe('zone: ');
  });

  it('offers enum values and booleans', () => {
    const kinds = completionsAt(...at(`${ASSETS}    kind: |`), IDS)?.options.map((o) => o.label);
    expect(kinds).toEqual(expect.arrayContaining(['server', 'firewall', 'workstation']));
    const mfa = completionsAt(...at(`${ASSETS}    adminInterfaces:\n      - mfa: |`), IDS);
    expect(mfa?.options.map((o) => o.label)).toEqual(['true', 'false']);
  });

  it('offers the ids of the kinds a reference field names', () => {
    const zone = completionsAt(...at(`${ASSETS}    zone: |`), IDS);
    expect(zone?.options.map((o) => [o.label, o.detail])).toEqual([
      ['lan', 'LAN'],
      ['dmz', undefined],
    ]);
    const carried = completionsAt(...at(`flows:\n  - id: f\n    data: [|`), IDS);
    expect(carried?.options.map((o) => o.label)).toEqual(['db-clients']);
    const from = completionsAt(...at(`flows:\n  - id: f\n    from: |`), IDS);
    expect(from?.options.map((o) => o.label).sort()).toEqual(['dmz', 'lan', 'srv-a']);
    expect(completionsAt(...at(`${ASSETS}    name: |`), IDS)).toBeNull();
  });

  it('knows which fields are references', () => {
    expect(referenceKinds(['assets', 3, 'zone'])).toEqual(['zone']);
    expect(referenceKinds(['identities', 0, 'rights', 2, 'on'])).toEqual(['asset', 'zone', 'data']);
    expect(referenceKinds(['organisation', 'regulatory', 'dpo'])).toEqual(['identity']);
    expect(referenceKinds(['assets', 0, 'name'])).toEqual([]);
  });
});
