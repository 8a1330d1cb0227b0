import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  SECTION_NAMES,
  SECTION_SCHEMAS,
  type Section,
} from '../../../../../src/domain/model/index';
import { REFERENCE_FIELDS } from '../../../../../src/model/references';
import { allFields, entityDescriptor, enumValues, type FieldNode } from './descriptor';
import { FIELD_LABELS, VALUE_LABELS, fieldLabel, valueLabel } from './labels';

/** The keys of a zod object schema, read from zod itself (not from the descriptor's path). */
function schemaKeys(section: Section): string[] {
  const schema = SECTION_SCHEMAS[section] as unknown as { shape: Record<string, unknown> };
  return Object.keys(schema.shape);
}

function nodeAt(section: Section, path: readonly string[]): FieldNode | undefined {
  let fields = entityDescriptor(section).fields;
  let node: FieldNode | undefined;
  for (const segment of path) {
    if (segment === '[]') {
      node = node?.type === 'list' ? node.item : undefined;
    } else {
      node = fields.find((f) => f.key === segment)?.node;
    }
    if (node?.type === 'object') fields = node.fields;
  }
  return node;
}

describe('entityDescriptor', () => {
  it.each(SECTION_NAMES)('describes every field of %s, present in an entity or not', (section) => {
    const keys = entityDescriptor(section).fields.map((f) => f.key);
    expect(keys).toEqual(schemaKeys(section).filter((k) => k !== 'id'));
  });

  it('marks required fields from the schema', () => {
    const flow = entityDescriptor('flows').fields;
    const required = flow.filter((f) => f.required).map((f) => f.key);
    expect(required).toEqual(['from', 'to', 'protocol']);
    const asset = entityDescriptor('assets').fields;
    expect(asset.find((f) => f.key === 'kind')?.required).toBe(true);
    expect(asset.find((f) => f.key === 'zone')?.required).toBe(false);
  });

  it.each(SECTION_NAMES)('knows every reference field of %s as a reference', (section) => {
    for (const field of REFERENCE_FIELDS[section]) {
      const node = nodeAt(section, field.path);
      expect(node, field.path.join('.')).toEqual({ type: 'reference', kinds: field.kinds });
    }
  });

  it('turns lists of references, nested objects and enums into their inputs', () => {
    expect(nodeAt('flows', ['data'])).toEqual({
      type: 'list',
      item: { type: 'reference', kinds: ['data'] },
    });
    expect(nodeAt('assets', ['zone'])).toEqual({ type: 'reference', kinds: ['zone'] });
    expect(nodeAt('flows', ['from'])).toEqual({ type: 'reference', kinds: ['asset', 'zone'] });
    const redundancy = nodeAt('assets', ['redundancy']);
    expect(redundancy?.type).toBe('object');
    const services = nodeAt('assets', ['services']);
    expect(services?.type === 'list' && services.item.type).toBe('object');
    expect(nodeAt('assets', ['services', '[]', 'port'])).toMatchObject({
      type: 'integer',
      minimum: 0,
      maximum: 65535,
    });
    const kind = nodeAt('assets', ['kind']);
    expect(kind?.type === 'enum' && kind.values).toContain('hypervisor');
    expect(nodeAt('assets', ['addresses'])).toMatchObject({
      type: 'list',
      item: { type: 'string' },
    });
    expect(nodeAt('assets', ['edr'])).toEqual({ type: 'boolean' });
    expect(nodeAt('data', ['description'])).toMatchObject({ type: 'string', multiline: true });
  });

  it('matches the JSON Schema the server publishes', () => {
    const json = z.toJSONSchema(SECTION_SCHEMAS.assets, { io: 'input' }) as {
      properties: Record<string, unknown>;
    };
    expect(Object.keys(json.properties).filter((k) => k !== 'id')).toEqual(
      entityDescriptor('assets').fields.map((f) => f.key),
    );
  });
});

describe('labels', () => {
  const descriptors = SECTION_NAMES.map(entityDescriptor);

  it('names every field of every kind in English and French', () => {
    const keys = new Set(descriptors.flatMap((d) => allFields(d.fields).map((f) => f.key)));
    const missing = [...keys].filter((key) => FIELD_LABELS[key] === undefined);
    expect(missing).toEqual([]);
    expect(fieldLabel('hostedOn', 'en')).toBe('Hosted on');
    expect(fieldLabel('hostedOn', 'fr')).toBe('Hébergé sur');
  });

  it('names every enumeration value in English and French', () => {
    const missing = [...enumValues(descriptors)].filter((v) => VALUE_LABELS[v] === undefined);
    expect(missing).toEqual([]);
    for (const [value, [en, fr]] of Object.entries(VALUE_LABELS)) {
      expect(en.trim(), value).not.toBe('');
      expect(fr.trim(), value).not.toBe('');
    }
    expect(valueLabel('hypervisor', 'fr')).toBe('Hyperviseur');
    expect(valueLabel('hypervisor', 'en')).toBe('Hypervisor');
    expect(valueLabel('unheard-of', 'fr')).toBe('unheard-of');
  });
});
