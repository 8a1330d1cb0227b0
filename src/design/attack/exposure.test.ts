import { describe, expect, it } from 'vitest';
import { modelFrom } from '../../../test/support/model.js';
import { analyseAttackPaths } from './analyze-paths.js';

const TODAY = '2026-11-28';

const published = (extra: string): string => `
organisation: { name: Test }
zones:
  - { id: internet, kind: internet }
  - { id: srv, kind: server }
assets:
  - { id: db, kind: database, zone: srv, services: [{ port: 22, protocol: ssh, authentication: password }] }
data:
  - { id: clients, needs: { confidentiality: 4 }, storedOn: [db] }
flows:
  - { id: f-ssh, from: internet, to: db, protocol: ssh, port: 22${extra} }
`;

describe('flows restricted to some source addresses', () => {
  it('make the path from the Internet less likely and say why', () => {
    const open = analyseAttackPaths(modelFrom(published('')).graph, { today: TODAY });
    const only = analyseAttackPaths(modelFrom(published(', allowedSources: [203.0.113.7]')).graph, {
      today: TODAY,
    });
    const [before] = open.paths;
    const [after] = only.paths;
    expect(after?.score).toBeCloseTo((before?.score ?? 0) * 0.1, 9);
    expect(after?.steps[0]?.explanation.en).toContain('only from 203.0.113.7');
    expect(after?.steps[0]?.explanation.fr).toContain('seulement depuis 203.0.113.7');
  });

  it('are not asked to be restricted again', () => {
    const only = analyseAttackPaths(modelFrom(published(', allowedSources: [203.0.113.7]')).graph, {
      today: TODAY,
    });
    const point = only.chokePoints.find((c) => c.id === 'flow:f-ssh');
    expect(point?.action.en).toContain('already accepts only 203.0.113.7');
    expect(point?.action.en).not.toContain('allow only');
    const open = analyseAttackPaths(modelFrom(published('')).graph, { today: TODAY });
    expect(open.chokePoints.find((c) => c.id === 'flow:f-ssh')?.action.en).toContain(
      'allow only the sources that need it',
    );
  });
});

const support = (settings: string): string => `
organisation: { name: Test }
zones:
  - { id: internet, kind: internet }
  - { id: ot, kind: ot }
assets:
  - id: plc
    kind: plc
    zone: ot
    remoteSupport: [{ tool: teamviewer, by: vendor${settings} }]
identities:
  - { id: vendor, kind: third-party, company: Automation Ltd }
`;

describe('remote-support tools', () => {
  it('let a compromised vendor, or whoever takes its account over, into the asset', () => {
    const result = analyseAttackPaths(modelFrom(support(', unattended: true')).graph, {
      today: TODAY,
    });
    expect(result.sources.map((s) => s.id)).toEqual(['internet', 'third-party:vendor']);
    const toPlc = result.paths.filter((p) => p.target === 'plc');
    expect(toPlc.map((p) => p.source).sort()).toEqual(['internet', 'third-party:vendor']);
    for (const path of toPlc) {
      expect(path.steps.map((s) => [s.kind, s.technique.id])).toEqual([['remote-access', 'T1219']]);
      expect(path.steps[0]?.elements).toEqual(['remote-support:plc:0']);
    }
    const vendor = toPlc.find((p) => p.source === 'third-party:vendor');
    expect(vendor?.score).toBeCloseTo(0.5 * 0.95, 9);
    expect(vendor?.steps[0]?.explanation.en).toContain('teamviewer session');
    const [point] = result.chokePoints;
    expect(point).toMatchObject({ id: 'remote-support:plc:0', cost: 'configuration' });
    expect(point?.action.en).toContain('unattended');
  });

  it('asks for what the model lacks: MFA, then approval of each session', () => {
    const first = (settings: string) =>
      analyseAttackPaths(modelFrom(support(settings)).graph, { today: TODAY }).chokePoints[0];
    expect(first('')?.action.en).toContain('Require MFA');
    const withMfa = first(', mfa: true');
    expect(withMfa?.action.en).not.toContain('MFA');
    expect(withMfa?.action.en).toContain('approved on site');
    expect(first(', mfa: true, sessionControl: approval')?.cost).toBe('architecture');
  });
});
