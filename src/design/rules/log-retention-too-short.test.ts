import { describe, expect, it } from 'vitest';
import { exampleModel, runRule } from '../../../test/support/model.js';
import { logRetentionTooShort } from './log-retention-too-short.js';

const base = `
organisation: { name: Test }
zones: [{ id: srv, kind: server }]
processes: [{ id: proc, needs: { proof: 3 }, assets: [app] }]
`;

describe('log-retention-too-short', () => {
  it('fires when logs are kept less than six months, more likely than between six months and a year', () => {
    const findings = runRule(
      logRetentionTooShort,
      `${base}assets:
  - { id: app, kind: server, zone: srv, logging: { sources: [syslog], retention: 3mo } }
  - { id: fw, kind: firewall, zone: srv, logging: { sources: [firewall], retention: 6mo } }
`,
    );
    expect(findings.map((f) => [f.id, f.likelihood, f.impact, f.severity])).toEqual([
      ['log-retention-too-short@app', 2, 3, 'medium'],
      ['log-retention-too-short@fw', 1, 2, 'low'],
    ]);
    expect(findings[0]?.detail).toBe(
      'The logs of app are kept 3 months at most, less than one year.',
    );
  });

  it('counts the retention of the collectors the logs are sent to', () => {
    const findings = runRule(
      logRetentionTooShort,
      `${base}assets:
  - { id: siem, kind: siem, zone: srv, logging: { sources: [syslog], retention: 1y } }
  - { id: relay, kind: log-collector, zone: srv, logging: { sources: [syslog], sendsTo: siem, retention: 1mo } }
  - { id: app, kind: server, zone: srv, logging: { sources: [syslog], sendsTo: relay, retention: 1w } }
  - { id: edr-console, kind: cloud-service, zone: srv, logging: { retention: 4mo } }
  - { id: pc, kind: workstation, zone: srv, logging: { sources: [edr], sendsTo: edr-console, retention: 1mo } }
`,
    );
    expect(findings.map((f) => f.id)).toEqual([
      'log-retention-too-short@edr-console',
      'log-retention-too-short@pc',
    ]);
    expect(findings[1]?.subjects).toEqual(['pc', 'edr-console']);
    expect(findings[1]?.detail).toBe(
      'The logs of pc are kept 4 months at most (on edr-console), less than one year.',
    );
  });

  it('stays silent without any declared retention', () => {
    const findings = runRule(
      logRetentionTooShort,
      `${base}assets: [{ id: app, kind: server, zone: srv, logging: { sources: [syslog] } }]\n`,
    );
    expect(findings).toEqual([]);
  });

  it('finds the workstation fleets of the demo whose EDR telemetry is kept three months', () => {
    const ids = runRule(logRetentionTooShort, exampleModel('forges-de-l-est')).map(
      (f) => f.subjects[0],
    );
    expect(ids).toEqual(expect.arrayContaining(['postes-siege', 'postes-rh', 'postes-usine']));
    expect(ids).not.toContain('fw-usine');
    expect(ids).not.toContain('web-vitrine');
  });
});
