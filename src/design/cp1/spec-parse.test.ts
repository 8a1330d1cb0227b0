import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { exampleModel } from '../../../test/support/model.js';
import { createTranslator } from '../../i18n/index.js';
import { parseSpec } from './spec-parse.js';

const en = createTranslator('en');
const fr = createTranslator('fr');
const EXAMPLE = fileURLToPath(
  new URL('../../../examples/specs/portail-fournisseurs.yaml', import.meta.url),
);
const where = (d: { line: number; column: number; code: string }): string =>
  `${d.line}:${d.column} ${d.code}`;

const minimal = `id: projet
title: Projet
purpose: Un projet.
`;

describe('parseSpec', () => {
  it('parses the example spec, also against the demo model, without diagnostics', () => {
    const text = readFileSync(EXAMPLE, 'utf8');
    const alone = parseSpec(text, 'portail.yaml', en);
    expect(alone.diagnostics).toEqual([]);
    expect(alone.spec?.id).toBe('portail-fournisseurs');
    const { graph } = exampleModel('forges-de-l-est');
    expect(parseSpec(text, 'portail.yaml', en, { graph }).diagnostics).toEqual([]);
  });

  it('locates a YAML syntax error', () => {
    const result = parseSpec(`${minimal}users:\n  - id: [a\n`, 'spec.yaml', en);
    expect(result.spec).toBeUndefined();
    expect(result.diagnostics[0]?.code).toBe('yaml-syntax');
    expect(result.diagnostics[0]?.line).toBeGreaterThanOrEqual(5);
    expect(result.diagnostics[0]?.file).toBe('spec.yaml');
  });

  it('locates an unknown key at the key, with a suggestion', () => {
    const result = parseSpec(`${minimal}hosting:\n  kind: cloud\n  contry: FR\n`, 'spec.yaml', en);
    expect(result.diagnostics.map(where)).toEqual(['6:3 schema-unknown-key']);
    expect(result.diagnostics[0]?.message).toContain('country');
    expect(result.diagnostics[0]?.path).toBe('hosting.contry');
  });

  it('locates a wrong type and a wrong enum value, in French too', () => {
    const text = `${minimal}users:\n  - id: u\n    who: Clients\n    type: external\n    from: [internet]\n    count: beaucoup\navailability:\n  rto: demain\n`;
    const result = parseSpec(text, 'spec.yaml', fr);
    expect(result.diagnostics.map(where)).toEqual(['9:12 schema-type', '11:8 schema-format']);
    expect(result.diagnostics[0]?.message).toMatch(/Type attendu : un nombre/);
  });

  it('reports a missing required field, an empty file and a list at the root', () => {
    expect(parseSpec('id: x\ntitle: X\n', 's.yaml', en).diagnostics.map((d) => d.code)).toEqual([
      'schema-required',
    ]);
    expect(parseSpec('', 's.yaml', en).diagnostics.map(where)).toEqual(['1:1 spec-empty']);
    expect(parseSpec('- a\n', 's.yaml', en).diagnostics.map((d) => d.code)).toEqual([
      'not-a-mapping',
    ]);
  });

  it('reports unknown model references at their line when a model is given', () => {
    const { graph } = exampleModel('forges-de-l-est');
    const text = `${minimal}processes: [proc-commandes, proc-inconnu]\nhosting:\n  kind: on-premises\n  zone: srv-erp\ninterconnections:\n  - id: ic\n    with: erp-fantome\n    direction: outbound\n`;
    const result = parseSpec(text, 'spec.yaml', fr, { graph });
    expect(result.diagnostics.map(where)).toEqual([
      '4:29 unknown-reference',
      '7:9 unknown-reference',
      '10:11 unknown-reference',
    ]);
    expect(result.diagnostics[1]?.message).toBe(
      'Référence inconnue « srv-erp » : le modèle n’a aucun(e) zone portant cet identifiant.',
    );
    expect(result.spec).toBeDefined();
    expect(parseSpec(text, 'spec.yaml', en).diagnostics).toEqual([]);
  });

  it('reports duplicate ids and interconnections without a target', () => {
    const text = `${minimal}data:\n  - { id: d, name: D }\n  - { id: d, name: E }\ninterconnections:\n  - { id: x, direction: inbound }\n`;
    expect(parseSpec(text, 'spec.yaml', en).diagnostics.map(where)).toEqual([
      '6:11 spec-duplicate-id',
      '8:5 spec-interconnection-target',
    ]);
  });

  it('never throws on hostile input', () => {
    const bomb =
      'a: &a [x, x, x, x, x, x, x, x, x]\n' +
      Array.from(
        { length: 8 },
        (_, i) =>
          `b${i}: &b${i} [${Array(9)
            .fill(i === 0 ? '*a' : `*b${i - 1}`)
            .join(', ')}]`,
      ).join('\n');
    expect(() => parseSpec(bomb, 's.yaml', en)).not.toThrow();
    expect(parseSpec('---\na: 1\n---\nb: 2\n', 's.yaml', en).diagnostics[0]?.code).toBe(
      'yaml-multiple-documents',
    );
  });
});
