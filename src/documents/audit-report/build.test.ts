import { describe, expect, it } from 'vitest';
import { sampleResults } from '../../../test/support/audit-results.js';
import type { DocumentOptions } from '../meta.js';
import { renderDocument } from '../render/index.js';
import type { AuditReportInput } from './context.js';
import { AUDIT_REPORT_SECTION_IDS, buildAuditReport } from './build.js';

const OPTIONS: DocumentOptions = {
  version: '1.0',
  date: '2026-12-08',
  author: 'Vigie',
  classification: 'Diffusion restreinte',
};

async function markdownOf(input: AuditReportInput): Promise<string> {
  const rendered = await renderDocument(buildAuditReport(input, OPTIONS), 'md');
  return new TextDecoder().decode(rendered.bytes);
}

describe('the audit report document', () => {
  const current = sampleResults({ id: 'c2', omit: ['tls-certificate-expired@127.0.0.90:443'] });
  const previous = sampleResults({ id: 'c1', omit: ['drift-undeclared-port@127.0.0.90:8080'] });
  const comparison = {
    added: current.findings.filter((f) => !previous.findings.some((p) => p.id === f.id)),
    fixed: previous.findings.filter((p) => !current.findings.some((f) => f.id === p.id)),
    persisting: current.findings.filter((f) => previous.findings.some((p) => p.id === f.id)),
  };

  it('has the sections in order, in both languages', () => {
    const doc = buildAuditReport({ results: current, locale: 'en' }, OPTIONS);
    expect(doc.blocks.flatMap((b) => (b.kind === 'section' ? [b.id] : []))).toEqual([
      ...AUDIT_REPORT_SECTION_IDS,
    ]);
    expect(doc.meta.title).toBe('Technical security audit report');
    const fr = buildAuditReport({ results: current, locale: 'fr' }, OPTIONS);
    expect(fr.meta.title).toBe('Rapport d’audit technique de sécurité');
  });

  it('tells the summary, the findings with evidence, the drift, the comparison and the plan', async () => {
    const md = await markdownOf({
      results: current,
      locale: 'en',
      previous: { results: previous, comparison },
      names: new Map([
        ['srv-web', 'Web server'],
        ['alice', 'Alice Martin'],
      ]),
      plan: [
        {
          id: 'ssh-password-auth',
          title: {
            en: 'Turn SSH password authentication off',
            fr: 'Désactiver le mot de passe SSH',
          },
          severity: 'critical',
          findings: ['ssh-password-auth@127.0.0.90:22'],
          owner: 'alice',
          due: '2026-12-15',
          status: 'open',
        },
      ],
    });
    expect(md).toContain(
      'The campaign examined 2 target(s) and reached 2 host(s); it raised 4 finding(s).',
    );
    expect(md).toContain('1 finding(s) are rated critical');
    expect(md).toContain('Compared with the previous campaign: 1 new, 1 fixed, 3 still open.');
    expect(md).toContain('CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H');
    expect(md).toContain('evidence for ssh-password-auth on 127.0.0.90:22');
    expect(md).toContain('Web server (srv-web)');
    expect(md).toContain('srv-web: services');
    expect(md).toContain('Alice Martin (alice)');
    expect(md).toContain('2026-12-15');
    expect(md).toContain('127.0.0.95:22');
    // fixed since the previous campaign: listed once, in the comparison only
    expect(md.split('Certificate expired').length - 1).toBe(1);
    expect(md.indexOf('Certificate expired')).toBeGreaterThan(md.indexOf('Fixed findings'));
  });

  it('says when there is nothing: no findings, no model, no previous campaign', async () => {
    const empty = {
      ...sampleResults(),
      findings: [],
      campaign: { ...sampleResults().campaign, model: null },
    };
    const md = await markdownOf({ results: empty, locale: 'fr' });
    expect(md).toContain('Aucune faiblesse n’a été relevée');
    expect(md).toContain('pas d’analyse d’écarts');
    expect(md).toContain('Aucune campagne précédente');
  });

  it('renders as PDF and DOCX', async () => {
    const doc = buildAuditReport({ results: current, locale: 'fr' }, OPTIONS);
    const pdf = await renderDocument(doc, 'pdf');
    expect(new TextDecoder().decode(pdf.bytes.subarray(0, 5))).toBe('%PDF-');
    const docx = await renderDocument(doc, 'docx');
    expect(docx.bytes[0]).toBe(0x50);
  });
});
