import { describe, expect, it } from 'vitest';
import { MAX_SCOPE_BYTES, parseScope } from './parse.js';

/** The line marked `# <-` in a YAML text (1-based). */
const marked = (yaml: string): number =>
  yaml.split('\n').findIndex((line) => line.includes('# <-')) + 1;

describe('parseScope', () => {
  it('reads the full format of the context document', () => {
    const { scope, diagnostics } = parseScope(
      [
        'name: Q4 audit',
        'model: mapped',
        'targets:',
        '  - host: 127.0.0.1',
        '    asset: srv-web',
        '    ports: [22, 443, "8000-8100"]',
        '    map: { 443: 18443, 22: 20022 }',
        '  - cidr: 127.0.0.0/28',
        '  - asset: srv-erp',
        '  - host: ::1',
        'ports: [22, 80, "8000-8100"]',
        'exclude: [127.0.0.5, 127.0.0.8/30, { port: 25 }, { host: 127.0.0.1, port: 6379 }]',
        'limits: { concurrency: 256, rate: 2000, timeout: 1500ms, maxBytes: 65536 }',
        'vantage: zone-id',
        'dns: { resolver: "127.0.0.1:5353", domains: [example.test], dkimSelectors: [s1] }',
      ].join('\n'),
      'scope.yaml',
    );
    expect(diagnostics).toEqual([]);
    expect(scope?.name).toBe('Q4 audit');
    expect(scope?.data.targets).toHaveLength(4);
    expect(scope?.data.targets?.[0]?.map).toEqual({ 443: 18443, 22: 20022 });
    expect(scope?.positions['exclude.2']?.line).toBe(12);
  });

  // each bad scope marks its faulty line with `# <-`
  it.each([
    ['unknown key', 'targets:\n  - host: 127.0.0.1\n    prots: [22]  # <-\n', 'scope-unknown-key'],
    ['unknown top-level key', 'target:  # <-\n  - host: 127.0.0.1\n', 'scope-unknown-key'],
    ['bad IP', 'targets:\n  - host: 127.0.0.300  # <-\n', 'scope-bad-ip'],
    ['bad host name', 'targets:\n  - host: "web server!"  # <-\n', 'scope-bad-host'],
    ['bad CIDR', 'targets:\n  - cidr: 127.0.0.0/33  # <-\n', 'scope-bad-cidr'],
    ['CIDR too large', 'targets:\n  - cidr: 10.0.0.0/8  # <-\n', 'scope-cidr-too-large'],
    ['IPv6 CIDR too large', 'targets:\n  - cidr: "fd00::/64"  # <-\n', 'scope-cidr-too-large'],
    ['port out of range', 'ports: [22, 70000]  # <-\n', 'scope-port-range'],
    ['port zero', 'targets:\n  - host: ::1\n    ports: [0]  # <-\n', 'scope-port-range'],
    ['reversed port range', 'ports: ["8100-8000"]  # <-\n', 'scope-bad-port-range'],
    ['bad port range text', 'ports: ["http"]  # <-\n', 'scope-bad-port-range'],
    ['unknown port set', 'ports: top100  # <-\n', 'scope-enum'],
    [
      'map to a port outside 1–65535',
      'targets:\n  - host: 127.0.0.1\n    map: { 443: 70000 }  # <-\n',
      'scope-port-range',
    ],
    [
      'map from port 0',
      'targets:\n  - host: 127.0.0.1\n    map: { 0: 8080 }  # <-\n',
      'scope-map-port',
    ],
    ['concurrency too high', 'limits:\n  concurrency: 5000  # <-\n', 'scope-limit-range'],
    ['timeout too short', 'limits:\n  timeout: 10ms  # <-\n', 'scope-timeout-range'],
    ['timeout not a duration', 'limits:\n  timeout: soon  # <-\n', 'scope-bad-duration'],
    ['maxBytes too small', 'limits:\n  maxBytes: 10  # <-\n', 'scope-limit-range'],
    ['rate of zero', 'limits:\n  rate: 0  # <-\n', 'scope-limit-range'],
    [
      'duplicate target',
      'targets:\n  - host: 127.0.0.1\n  - cidr: 127.0.0.0/30\n  - host: 127.0.0.1  # <-\n',
      'scope-duplicate-target',
    ],
    [
      'host and cidr together',
      'targets:\n  - host: 127.0.0.1  # <-\n    cidr: 127.0.0.0/30\n',
      'scope-target-shape',
    ],
    ['empty target', 'targets:\n  - ports: [22]  # <-\n', 'scope-target-shape'],
    ['bad exclusion', 'exclude: [127.0.0.1/40]  # <-\n', 'scope-bad-address'],
    ['empty exclusion', 'exclude:\n  - {}  # <-\n', 'scope-exclude-empty'],
    ['bad resolver', 'dns: { resolver: "localhost:53" }  # <-\n', 'scope-bad-resolver'],
    ['bad domain', 'dns: { domains: ["exa mple.test"] }  # <-\n', 'scope-bad-domain'],
    ['targets not a list', 'targets: 127.0.0.1  # <-\n', 'scope-type'],
    ['not YAML', 'name: x\nfoo: bar: baz  # <-\nports: all\n', 'scope-yaml-syntax'],
    ['duplicate key', 'ports: all\nports: top1000  # <-\n', 'scope-yaml-syntax'],
  ])('%s is a located error', (_, yaml, code) => {
    const { scope, diagnostics } = parseScope(yaml, 'scope.yaml');
    expect(scope).toBeNull();
    expect(diagnostics.map((d) => d.code)).toContain(code);
    const diagnostic = diagnostics.find((d) => d.code === code);
    expect(diagnostic?.severity).toBe('error');
    expect(diagnostic?.file).toBe('scope.yaml');
    expect(diagnostic?.line).toBe(marked(yaml));
    expect(diagnostic?.column).toBeGreaterThan(0);
    expect(diagnostic?.message.length).toBeGreaterThan(10);
  });

  it('collects every error, not only the first', () => {
    const yaml = [
      'targets:',
      '  - host: 127.0.0.999',
      '  - cidr: 10.0.0.0/8',
      'ports: [70000]',
      'limits: { concurrency: 0 }',
      'colour: blue',
    ].join('\n');
    const codes = parseScope(yaml, 's.yaml').diagnostics.map((d) => `${d.line}:${d.code}`);
    expect(codes).toEqual([
      '2:scope-bad-ip',
      '3:scope-cidr-too-large',
      '4:scope-port-range',
      '5:scope-limit-range',
      '6:scope-unknown-key',
    ]);
  });

  it('suggests the key meant', () => {
    const [diagnostic] = parseScope('exlude: [127.0.0.1]\n', 's.yaml').diagnostics;
    expect(diagnostic?.message).toContain('"exclude"');
  });

  it('speaks French when asked', () => {
    const [diagnostic] = parseScope(
      'targets:\n  - host: 127.0.0.300\n',
      's.yaml',
      'fr',
    ).diagnostics;
    expect(diagnostic?.message).toBe('« 127.0.0.300 » n’est pas une adresse IP valide');
  });

  it.each([
    ['a list', '- 127.0.0.1\n'],
    ['a scalar', 'just text\n'],
    ['an empty file', ''],
  ])('refuses %s (not a mapping)', (_, yaml) => {
    const { scope, diagnostics } = parseScope(yaml, 's.yaml');
    expect(scope).toBeNull();
    expect(diagnostics.map((d) => d.code)).toEqual(['scope-not-mapping']);
  });

  it('refuses a file over the size cap before parsing it', () => {
    const yaml = `name: x\n# ${'a'.repeat(MAX_SCOPE_BYTES)}\n`;
    const { scope, diagnostics } = parseScope(yaml, 'big.yaml');
    expect(scope).toBeNull();
    expect(diagnostics.map((d) => d.code)).toEqual(['scope-file-too-large']);
  });

  it('refuses an alias bomb', () => {
    const lines = ['a0: &a0 [x, x, x, x, x, x, x, x, x, x]'];
    for (let i = 1; i < 12; i += 1)
      lines.push(
        `a${i}: &a${i} [${Array(10)
          .fill(`*a${i - 1}`)
          .join(', ')}]`,
      );
    const { scope, diagnostics } = parseScope(lines.join('\n'), 'bomb.yaml');
    expect(scope).toBeNull();
    expect(diagnostics.length).toBeGreaterThan(0);
  });
});
