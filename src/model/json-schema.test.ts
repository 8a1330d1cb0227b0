import { readdirSync, readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { CORE_SCHEMA, load } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { ASSET_KINDS, PROTOCOLS, ZONE_KINDS } from '../domain/model/index.js';
import { parseAddress, parseNetwork } from '../domain/net.js';
import { MODEL_SCHEMA_ID, modelJsonSchema } from './json-schema.js';

const root = new URL('../../', import.meta.url);
const COMMITTED = new URL('schema/vigie-model.schema.json', root);

/** The formats zod writes into the schema, checked the way the model loader checks them. */
function createValidator() {
  const ajv = new Ajv2020({ allErrors: true });
  ajv.addFormat('date', /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/);
  ajv.addFormat('email', /^[^\s@]+@[^\s@]+\.[^\s@]+$/);
  ajv.addFormat('ipv4', (text: string) => parseAddress(text)?.family === 4);
  ajv.addFormat('ipv6', (text: string) => parseAddress(text)?.family === 6);
  ajv.addFormat('cidrv4', (text: string) => parseNetwork(text)?.family === 4);
  ajv.addFormat('cidrv6', (text: string) => parseNetwork(text)?.family === 6);
  return ajv.compile(modelJsonSchema());
}

const yamlFiles = (folder: string): { name: string; text: string }[] => {
  const url = new URL(folder, root);
  return readdirSync(url)
    .filter((name) => /\.ya?ml$/.test(name))
    .sort()
    .map((name) => ({ name: `${folder}${name}`, text: readFileSync(new URL(name, url), 'utf8') }));
};

type Json = Record<string, unknown>;
const at = (value: unknown, ...keys: string[]): unknown =>
  keys.reduce<unknown>((node, key) => (node as Json | undefined)?.[key], value);

describe('modelJsonSchema', () => {
  const schema = modelJsonSchema();

  it('is a draft 2020-12 schema with the public id', () => {
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(schema.$id).toBe(MODEL_SCHEMA_ID);
    expect(schema.type).toBe('object');
    expect(schema.additionalProperties).toBe(false);
    expect(schema.title).toBe('Vigie organisation model');
  });

  it('equals the committed schema/vigie-model.schema.json', () => {
    const expected = `${JSON.stringify(schema, null, 2)}\n`;
    expect(
      readFileSync(COMMITTED, 'utf8'),
      'schema/vigie-model.schema.json is stale: run `npm run schema` and commit the result',
    ).toBe(expected);
  });

  it('takes its enums from the model constants', () => {
    const item = (section: string): unknown => at(schema, 'properties', section, 'items');
    expect(at(item('assets'), 'properties', 'kind', 'enum')).toEqual([...ASSET_KINDS]);
    expect(at(item('zones'), 'properties', 'kind', 'enum')).toEqual([...ZONE_KINDS]);
    expect(at(item('flows'), 'properties', 'protocol', 'enum')).toEqual([...PROTOCOLS]);
    expect(at(item('flows'), 'required')).toEqual(['id', 'from', 'to', 'protocol']);
  });
});

describe('model files against the JSON Schema', () => {
  const validate = createValidator();
  const files = [...yamlFiles('examples/forges-de-l-est/'), ...yamlFiles('examples/minimal/')];

  it('finds the example files', () => {
    expect(files.map((f) => f.name)).toContain('examples/minimal/model.yaml');
    expect(files).toContainEqual(
      expect.objectContaining({ name: 'examples/forges-de-l-est/zones.yaml' }),
    );
  });

  it.each(files.map((f) => [f.name, f.text] as const))('accepts %s', (_name, text) => {
    const document = load(text, { schema: CORE_SCHEMA });
    const valid = validate(document);
    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
  });

  it('rejects an unknown property', () => {
    const document = { assets: [{ id: 'srv', kind: 'server', colour: 'red' }] };
    expect(validate(document)).toBe(false);
    expect(validate.errors).toMatchObject([
      {
        instancePath: '/assets/0',
        keyword: 'additionalProperties',
        params: { additionalProperty: 'colour' },
      },
    ]);
  });

  it('rejects an unknown top-level section', () => {
    expect(validate({ servers: [] })).toBe(false);
    expect(validate.errors?.map((e) => e.keyword)).toEqual(['additionalProperties']);
  });

  it('rejects a value outside an enum', () => {
    const document = load('zones:\n  - {id: lan, kind: intranet}\n', { schema: CORE_SCHEMA });
    expect(validate(document)).toBe(false);
    expect(validate.errors).toMatchObject([{ instancePath: '/zones/0/kind', keyword: 'enum' }]);
  });

  it('rejects a malformed id and a missing required property', () => {
    expect(validate({ flows: [{ id: 'Flow_1', from: 'a', to: 'b' }] })).toBe(false);
    expect(validate.errors?.map((e) => `${e.instancePath} ${e.keyword}`).sort()).toEqual([
      '/flows/0 required',
      '/flows/0/id pattern',
    ]);
  });

  it('accepts an empty file and a file with only a schema line', () => {
    expect(validate({})).toBe(true);
    expect(validate({ $schema: '../schema/vigie-model.schema.json' })).toBe(true);
  });
});
