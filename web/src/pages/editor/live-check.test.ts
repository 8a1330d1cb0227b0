import { describe, expect, it } from 'vitest';
import { validateModelFiles } from '../../../../src/platform/models/validation';
import { LiveChecker } from './live-check';

const ORGANISATION = 'organisation:\n  id: acme\n  name: Acme\n';
const ZONES = [
  'zones:',
  '  - id: lan',
  '    name: LAN',
  '    kind: user',
  '    trust: medium',
  '  - id: dmz',
  '    name: DMZ',
  '    kind: dmz',
  '    trust: low',
  '',
].join('\n');
const ASSETS = [
  'assets:',
  '  - id: srv-a',
  '    name: Server A',
  '    kind: server',
  '    zone: lan',
  '  - id: srv-b',
  '    name: Server B',
  '    kind: server',
  '    zone: dmz',
  '',
].join('\n');

const FILES = { 'organisation.yaml': ORGANISATION, 'zones.yaml': ZONES, 'assets.yaml': ASSETS };

describe('live check', () => {
  it('gives the server validation of the files as they are', () => {
    const checker = new LiveChecker();
    const files = { ...FILES, 'assets.yaml': ASSETS.replace('zone: dmz', 'zone: dmzz') };
    const result = checker.check(files, 'en');
    const server = validateModelFiles(files, 'en').diagnostics;
    expect(result.diagnostics).toHaveLength(server.length);
    expect(result.diagnostics).toEqual(expect.arrayContaining([...server]));
    const unknown = result.diagnostics.find((d) => d.code === 'unknown-reference');
    expect(unknown).toMatchObject({ file: 'assets.yaml', line: 9 });
    expect(unknown?.message).toContain('dmzz');
    expect(result.hidden).toBe(0);
    expect(result.ids.map((i) => i.id)).toEqual(
      expect.arrayContaining(['lan', 'dmz', 'srv-a', 'srv-b']),
    );
  });

  it('shows a syntax error first and hides the references it breaks', () => {
    const checker = new LiveChecker();
    checker.setSaved(FILES);
    const broken = ZONES.replace('    kind: dmz', '    kind: [dmz');
    const files = {
      ...FILES,
      'zones.yaml': broken,
      // a real error elsewhere, unrelated to the broken file, stays shown
      'assets.yaml': ASSETS.replace('kind: server\n    zone: lan', 'kind: serveur\n    zone: lan'),
    };
    const server = validateModelFiles(files, 'en').diagnostics;
    // srv-b's zone is in the broken file: the server sums that up once, at the syntax error
    expect(server.filter((d) => d.code === 'unknown-reference')).toHaveLength(0);
    expect(server.filter((d) => d.code === 'references-not-checked')).toMatchObject([
      { file: 'zones.yaml' },
    ]);
    const result = checker.check(files, 'en');
    expect(result.broken).toEqual(['zones.yaml']);
    expect(result.diagnostics[0]).toMatchObject({ file: 'zones.yaml', code: 'yaml-syntax' });
    expect(result.diagnostics.some((d) => d.code === 'unknown-reference')).toBe(false);
    expect(result.diagnostics.some((d) => d.file === 'assets.yaml' && d.line === 4)).toBe(true);
    expect(result.hidden).toBe(server.length - result.diagnostics.length);
    expect(result.hidden).toBeGreaterThanOrEqual(1);
    // ids of the broken file are still offered, as it last parsed
    expect(result.ids.map((i) => i.id)).toContain('dmz');
  });

  it('keeps a real unknown reference while another file is broken', () => {
    const checker = new LiveChecker();
    checker.setSaved(FILES);
    const files = {
      ...FILES,
      'zones.yaml': ZONES.replace('    kind: dmz', '    kind: [dmz'),
      'assets.yaml': ASSETS.replace('zone: lan', 'zone: nowhere'),
    };
    const result = checker.check(files, 'fr');
    const unknown = result.diagnostics.filter((d) => d.code === 'unknown-reference');
    expect(unknown).toHaveLength(1);
    expect(unknown[0]).toMatchObject({ file: 'assets.yaml', line: 5 });
  });

  it('uses the last text that parsed, and nothing for a new file that never did', () => {
    const checker = new LiveChecker();
    checker.setSaved({ 'organisation.yaml': ORGANISATION, 'assets.yaml': ASSETS });
    // zones.yaml is new: first typed correctly, then broken
    checker.check(FILES, 'en');
    const result = checker.check({ ...FILES, 'zones.yaml': `${ZONES}  - id: [\n` }, 'en');
    expect(result.diagnostics.some((d) => d.code === 'unknown-reference')).toBe(false);
    const fresh = new LiveChecker();
    const alone = fresh.check({ ...FILES, 'zones.yaml': 'zones: [\n' }, 'en');
    // never parsed: its zones do not exist, the references to them are real problems
    expect(alone.diagnostics.filter((d) => d.code === 'unknown-reference')).toHaveLength(2);
    expect(alone.diagnostics[0]?.code).toBe('yaml-syntax');
  });

  it('shows nothing once the model is fixed', () => {
    const checker = new LiveChecker();
    checker.setSaved(FILES);
    expect(checker.check({ ...FILES, 'zones.yaml': 'zones: [' }, 'en').diagnostics).not.toEqual([]);
    const fixed = checker.check(FILES, 'en');
    expect(fixed.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(fixed.hidden).toBe(0);
  });
});
