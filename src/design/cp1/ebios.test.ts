import { describe, expect, it } from 'vitest';
import { exampleModel, modelFrom } from '../../../test/support/model.js';
import { frameEbios } from './ebios.js';

const TODAY = '2026-11-28';

describe('frameEbios', () => {
  const { graph } = modelFrom(`
organisation: { name: Test }
assets:
  - { id: hyp, kind: hypervisor }
  - { id: app, kind: application, hostedOn: hyp }
  - { id: db, kind: database }
data:
  - { id: clients, name: Clients, personal: { categories: [contact] }, needs: { confidentiality: 3 }, storedOn: [db] }
processes:
  - { id: sales, name: Ventes, rto: 4h, needs: { availability: 4, integrity: 2 }, assets: [app], data: [clients] }
`);
  const framing = frameEbios(graph, TODAY);

  it('lists business values with their supporting assets (hosts and data storage included)', () => {
    expect(framing.businessValues.map((v) => [v.id, v.supportingAssets.map((a) => a.id)])).toEqual([
      ['sales', ['app', 'db', 'hyp']],
      ['clients', ['db']],
    ]);
  });

  it('derives one feared event per known need, severity = need, most severe first', () => {
    expect(framing.fearedEvents.map((e) => [e.id, e.severity])).toEqual([
      ['sales:availability', 4],
      ['clients:confidentiality', 3],
      ['sales:integrity', 2],
    ]);
    const [unavailable, disclosed] = framing.fearedEvents;
    expect(unavailable?.text.fr).toBe('Indisponibilité de « Ventes » au-delà de son RTO de 4h');
    expect(unavailable?.text.en).toBe('“Ventes” unavailable beyond its RTO of 4h');
    expect(disclosed?.text.en).toContain('a personal-data breach');
    expect(disclosed?.impacts.fr).toContain('RGPD');
  });

  it('carries the baseline of the 42 measures', () => {
    expect(framing.baseline.items).toHaveLength(42);
  });

  it('frames the demo: payroll confidentiality is critical, production availability too', () => {
    const demo = frameEbios(exampleModel('forges-de-l-est').graph, TODAY);
    expect(demo.organisation).toBe("Forges de l'Est");
    const severity = (id: string) => demo.fearedEvents.find((e) => e.id === id)?.severity;
    expect(severity('data-paie:confidentiality')).toBe(4);
    expect(severity('proc-production:availability')).toBe(4);
    const production = demo.businessValues.find((v) => v.id === 'proc-production');
    expect(production?.supportingAssets.map((a) => a.id)).toEqual(
      expect.arrayContaining(['srv-mes', 'scada-usine']),
    );
  });
});
