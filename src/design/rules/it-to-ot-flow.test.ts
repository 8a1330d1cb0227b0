import { describe, expect, it } from 'vitest';
import { exampleModel, runRule } from '../../../test/support/model.js';
import { itToOtFlow } from './it-to-ot-flow.js';

const base = `
organisation: { name: Test }
zones:
  - { id: internet, kind: internet }
  - { id: lan, kind: user }
  - { id: srv, kind: server }
  - { id: ot, kind: ot }
  - { id: cells, kind: ot, parent: ot }
assets:
  - { id: fw, kind: firewall }
  - { id: fw-ot, kind: firewall, zone: ot }
  - { id: mes, kind: server, zone: srv }
  - { id: gw, kind: ot-gateway, zone: ot }
  - { id: plc, kind: plc, zone: cells }
  - { id: hist, kind: historian, zone: ot }
data: [{ id: recipes, needs: { integrity: 4, availability: 3 }, storedOn: [plc] }]
flows:
  - { id: mes-gw, from: mes, to: gw, protocol: opc-ua, port: 4840, via: [fw-ot] }
  - { id: gw-plc, from: gw, to: cells, protocol: s7, port: 102 }
  - { id: ot-out, from: hist, to: mes, protocol: https, via: [fw-ot] }
`;

describe('it-to-ot-flow', () => {
  it('fires on a direct flow to a PLC, naming the OT firewall it bypasses', () => {
    const findings = runRule(
      itToOtFlow,
      `${base}  - { id: direct, from: lan, to: plc, protocol: s7, port: 102, via: [fw] }\n`,
    );
    expect(findings.map((f) => [f.id, f.likelihood, f.severity])).toEqual([
      ['it-to-ot-flow@direct', 4, 'critical'],
    ]);
    expect(findings[0]?.subjects).toEqual(['direct', 'lan', 'plc', 'fw', 'fw-ot']);
    expect(findings[0]?.detail).toBe(
      'direct (s7/102) goes from lan to OT asset plc bypassing fw-ot.',
    );
  });

  it('fires with a low likelihood through the OT firewall to an asset other than a gateway', () => {
    const findings = runRule(
      itToOtFlow,
      `${base}  - { id: quality, from: lan, to: hist, protocol: https, port: 443, via: [fw-ot] }
  - { id: sync, from: mes, to: cells, protocol: other, bidirectional: true }
`,
    );
    expect(findings.map((f) => [f.id, f.likelihood, f.severity])).toEqual([
      ['it-to-ot-flow@sync', 4, 'critical'],
      ['it-to-ot-flow@quality', 2, 'medium'],
    ]);
  });

  it('stays silent through the OT firewall to a gateway, inside OT and from OT to IT', () => {
    expect(runRule(itToOtFlow, base)).toEqual([]);
  });

  it('finds the direct office-to-PLC and office-to-panel flows of the demo, and the mitigated historian flow', () => {
    const findings = runRule(itToOtFlow, exampleModel('forges-de-l-est'));
    expect(findings.map((f) => [f.id, f.likelihood, f.status])).toEqual([
      ['it-to-ot-flow@flux-bureau-automate-presse', 4, 'open'],
      ['it-to-ot-flow@flux-bureau-pupitre-four', 4, 'open'],
      ['it-to-ot-flow@flux-bureau-historian', 2, 'mitigated'],
    ]);
    expect(findings.flatMap((f) => f.subjects)).toEqual(
      expect.arrayContaining(['lan-usine', 'plc-presse-01', 'hmi-four', 'fw-ot']),
    );
  });
});
