import { describe, expect, it } from 'vitest';
import { validateModelFiles } from '../../platform/models/validation.js';
import { wizardAnswersSchema, wizardToModel, type WizardAnswers } from './index.js';

const ANSWERS: WizardAnswers = {
  organisation: {
    name: 'Cabinet Dupont',
    sector: 'Expertise comptable',
    employees: 12,
    country: 'FR',
    gdpr: 'controller',
  },
  sites: [{ name: 'Bureau de Lyon', kind: 'head-office', city: 'Lyon' }],
  zones: [
    { name: 'Internet', kind: 'internet' },
    { name: 'LAN bureautique', kind: 'user', site: 'bureau de lyon', subnets: ['192.168.1.0/24'] },
    { name: 'Serveurs', kind: 'server', site: 'Bureau de Lyon', subnets: ['192.168.10.0/24'] },
  ],
  assets: [
    { name: 'Box fibre', kind: 'router', zone: 'LAN bureautique', addresses: ['192.168.1.1'] },
    {
      name: 'Postes',
      kind: 'workstation',
      zone: 'LAN bureautique',
      os: 'Windows',
      osVersion: '11',
      count: 12,
    },
    { name: 'NAS', kind: 'file-server', zone: 'Serveurs', addresses: ['192.168.10.5'] },
    { name: 'Logiciel comptable', kind: 'saas' },
  ],
  data: [
    {
      name: 'Dossiers clients',
      classification: 'confidential',
      personal: ['identification', 'financial'],
      needs: { confidentiality: 3, availability: 2 },
      storedOn: ['NAS', 'Logiciel comptable'],
    },
  ],
  processes: [
    { name: 'Tenue des comptes', rto: '2d', assets: ['Postes', 'NAS'], data: ['Dossiers clients'] },
  ],
  flows: [
    { from: 'LAN bureautique', to: 'NAS', protocol: 'smb', port: 445, encryption: 'none' },
    { from: 'Postes', to: 'Internet', protocol: 'https', port: 443, encryption: 'tls1.2' },
    {
      from: 'Postes',
      to: 'Logiciel comptable',
      protocol: 'https',
      port: 443,
      data: ['Dossiers clients'],
    },
  ],
};

describe('wizard → model', () => {
  it('writes model files that validate with no error', () => {
    const answers = wizardAnswersSchema.parse(ANSWERS);
    const result = wizardToModel(answers, 'fr');
    expect(result.diagnostics).toEqual([]);
    expect(Object.keys(result.files).sort()).toEqual([
      'assets.yaml',
      'data.yaml',
      'flows.yaml',
      'organisation.yaml',
      'zones.yaml',
    ]);
    const validation = validateModelFiles(result.files, 'fr');
    expect(validation.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(validation.counts).toMatchObject({
      sites: 1,
      zones: 3,
      assets: 4,
      data: 1,
      processes: 1,
      flows: 3,
    });
    expect(result.files['zones.yaml']).toContain('site: bureau-de-lyon');
    expect(result.files['flows.yaml']).toContain('to: logiciel-comptable');
  });

  it('reports a reference to nothing at its path and leaves it out', () => {
    const answers = wizardAnswersSchema.parse({
      ...ANSWERS,
      assets: [{ name: 'Serveur', kind: 'server', zone: 'Nulle part' }],
      flows: [{ from: 'Serveur', to: 'Ailleurs', protocol: 'ssh' }],
      processes: [],
      data: [],
    });
    const result = wizardToModel(answers, 'en');
    expect(result.diagnostics.map((d) => [d.path, d.severity])).toEqual([
      ['assets[0].zone', 'warning'],
      ['flows[0].to', 'warning'],
    ]);
    expect(result.diagnostics[0]?.message).toContain('Nulle part');
    expect(validateModelFiles(result.files).errors).toBe(0);
  });

  it('writes a valid model from the organisation step alone', () => {
    const result = wizardToModel(
      wizardAnswersSchema.parse({ organisation: { name: 'Solo' } }),
      'en',
    );
    expect(Object.keys(result.files)).toEqual(['organisation.yaml']);
    expect(validateModelFiles(result.files).errors).toBe(0);
  });

  it('refuses answers outside the vocabulary', () => {
    expect(
      wizardAnswersSchema.safeParse({
        organisation: { name: 'X' },
        assets: [{ name: 'a', kind: 'toaster' }],
      }).success,
    ).toBe(false);
  });
});
