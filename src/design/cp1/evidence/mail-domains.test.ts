import { describe, expect, it } from 'vitest';
import { modelFrom, runRule } from '../../../../test/support/model.js';
import { analyseNeeds } from '../../needs.js';
import { mailDmarcNotEnforced } from '../../rules/mail-dmarc-not-enforced.js';
import { EVIDENCE_CHECKS } from './index.js';

const MODEL = `
organisation:
  id: org
  name: T
  domains:
    - { name: none.fr, spf: true, dmarc: none }
    - { name: unknown.fr, spf: true, dmarc: unknown }
    - { name: absent.fr, spf: true }
    - { name: nospf.fr, dmarc: unknown }
    - { name: ok.fr, spf: true, dmarc: reject }
`;

describe('hygiene 24 evidence on DMARC, read as the mail rule reads it', () => {
  const { graph } = modelFrom(MODEL);
  const check = EVIDENCE_CHECKS.find((c) => c.id === 'mail-domains');
  const evidence =
    check?.evaluate({
      model: graph.model,
      graph,
      needs: analyseNeeds(graph),
      today: '2026-11-28',
    }) ?? [];

  it('contradicts on p=none, words an unknown policy as not known, never as absent or none', () => {
    expect(evidence.map((e) => [e.effect, e.text.en])).toEqual([
      ['contradicts', 'none.fr: DMARC none'],
      ['contradicts', 'nospf.fr: no SPF; DMARC policy not known: check it'],
      ['supports', 'ok.fr: SPF and DMARC reject'],
    ]);
    expect(evidence.map((e) => e.text.fr)).toContain(
      'nospf.fr : pas de SPF ; politique DMARC non connue : la vérifier',
    );
  });

  it('agrees with mail-dmarc-not-enforced on which domains are not enforced', () => {
    const [finding] = runRule(mailDmarcNotEnforced, MODEL);
    for (const name of ['none.fr', 'unknown.fr', 'absent.fr', 'nospf.fr'])
      expect(finding?.detail).toContain(name);
    expect(finding?.detail).not.toContain('ok.fr');
    const supported = evidence.filter((e) => e.effect === 'supports').map((e) => e.text.en);
    expect(supported).toEqual(['ok.fr: SPF and DMARC reject']);
  });
});
