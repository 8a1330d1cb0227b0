import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { isModelFileName, validateModelFiles } from './validation.js';

const MINIMAL = readFileSync(
  new URL('../../../examples/minimal/model.yaml', import.meta.url),
  'utf8',
);

describe('validateModelFiles', () => {
  it('counts the entities of a valid model', () => {
    const summary = validateModelFiles({ 'model.yaml': MINIMAL });
    expect(summary.valid).toBe(true);
    expect(summary.errors).toBe(0);
    expect(summary.counts).toMatchObject({ sites: 1, zones: 1, assets: 1, flows: 1 });
  });

  it('reports located errors for a broken model', () => {
    const summary = validateModelFiles({ 'a.yaml': MINIMAL, 'b.yaml': 'zones: [\n' });
    expect(summary.valid).toBe(false);
    expect(summary.errors).toBeGreaterThan(0);
    expect(summary.diagnostics.some((d) => d.file === 'b.yaml' && d.line > 0)).toBe(true);
  });

  it('refuses a YAML alias bomb without blowing up', () => {
    const bomb = [
      'a: &a ["x","x","x","x","x","x","x","x","x"]',
      'b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]',
      'c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]',
      'd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]',
      'e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]',
      'f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]',
      'g: [*f,*f,*f,*f,*f,*f,*f,*f,*f]',
    ].join('\n');
    expect(validateModelFiles({ 'bomb.yaml': bomb }).valid).toBe(false);
  });
});

describe('isModelFileName', () => {
  it('accepts plain .yaml/.yml names only', () => {
    expect(isModelFileName('assets-siege.yaml')).toBe(true);
    expect(isModelFileName('zones.yml')).toBe(true);
    for (const bad of ['../x.yaml', 'a/b.yaml', 'x..yaml', 'x.yaml.txt', '', '.yaml', 'x.YAML ']) {
      expect(isModelFileName(bad), bad).toBe(false);
    }
  });
});
