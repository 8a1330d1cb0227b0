import { describe, expect, it } from 'vitest';
import { exampleModel, runRule } from '../../../test/support/model.js';
import { logsNotCentralised } from './logs-not-centralised.js';

const base = `
organisation: { name: Test }
zones: [{ id: srv, kind: server }]
processes: [{ id: proc, needs: { integrity: 3, proof: 3 }, assets: [app] }]
`;

describe('logs-not-centralised', () => {
  it('fires on an asset whose logs stay local', () => {
    const findings = runRule(
      logsNotCentralised,
      `${base}assets: [{ id: app, kind: server, zone: srv, logging: { sources: [windows-security, application], retention: 1mo } }]\n`,
    );
    expect(findings.map((f) => f.id)).toEqual(['logs-not-centralised@app']);
    expect(findings[0]?.detail).toBe(
      'app keeps its logs (windows-security, application) locally and sends them to no collector.',
    );
    expect(findings[0]?.impact).toBe(3);
    expect(findings[0]?.severity).toBe('medium');
  });

  it('stays silent when logs are forwarded, for the SIEM itself and without log sources', () => {
    const findings = runRule(
      logsNotCentralised,
      `${base}assets:
  - { id: siem, kind: siem, zone: srv, logging: { sources: [syslog] } }
  - { id: app, kind: server, zone: srv, logging: { sources: [syslog], sendsTo: siem } }
  - { id: other, kind: server, zone: srv }
`,
    );
    expect(findings).toEqual([]);
  });

  it('finds no local-only logs in the demo (every declared source is forwarded)', () => {
    expect(runRule(logsNotCentralised, exampleModel('forges-de-l-est'))).toEqual([]);
  });
});
