import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../domain/diagnostic.js';
import { ASSET_KINDS, ENCRYPTIONS, REDUNDANCY_MODES } from '../domain/model/index.js';
import { createTranslator, type Translator } from '../i18n/index.js';
import { loadModel, type ModelSource } from './load.js';

// Diagnostics that point at the cause: a syntax error and its cascade, hints for the classic
// YAML mistakes, enumerations and shapes explained. Each case is a small broken model.

const en = createTranslator('en');
const fr = createTranslator('fr');
const LOCALES: readonly (readonly [string, Translator])[] = [
  ['en', en],
  ['fr', fr],
];

const ORGANISATION = 'organisation:\n  name: Atelier\n';

/** 1-based line and column of the first `needle` in `text`. */
function positionOf(text: string, needle: string): { line: number; column: number } {
  const offset = text.indexOf(needle);
  expect(offset, `"${needle}" is in the text`).toBeGreaterThanOrEqual(0);
  const before = text.slice(0, offset);
  return { line: before.split('\n').length, column: offset - before.lastIndexOf('\n') };
}

const load = (sources: readonly ModelSource[], t: Translator = en): readonly Diagnostic[] =>
  loadModel(sources, { t }).diagnostics;
const loadText = (text: string, t: Translator = en): readonly Diagnostic[] =>
  load([{ file: 'model.yaml', text }], t);

describe('a syntax error and the references it leaves unresolved', () => {
  const dir = new URL('../../test/fixtures/diagnostics/cascade/', import.meta.url);
  const sources = ['assets.yaml', 'network.yaml'].map((file) => ({
    file,
    text: readFileSync(new URL(file, dir), 'utf8'),
  }));
  const network = sources[1]?.text ?? '';
  const assets = sources[0]?.text ?? '';
  const syntaxAt = positionOf(network, 'Serveur : production');

  it.each([
    [
      en,
      'Not checked because network.yaml has a syntax error: 4 reference(s) to ids written in that file (dmz, lan, site-atelier). Fix the syntax error, then validate again.',
      'Unknown reference "zone-inconnue": no zone has this id.',
    ],
    [
      fr,
      'Non vérifié car network.yaml contient une erreur de syntaxe : 4 référence(s) vers des identifiants écrits dans ce fichier (dmz, lan, site-atelier). Corrigez l’erreur de syntaxe, puis validez à nouveau.',
      'Référence inconnue « zone-inconnue » : aucun(e) zone ne porte cet identifiant.',
    ],
  ])(
    'comes first, then one summary at its place, not one error per reference (%#)',
    (t, summary, unknown) => {
      const diagnostics = load(sources, t);
      expect(diagnostics.map((d) => d.code)).toStrictEqual([
        'yaml-syntax',
        'references-not-checked',
        'unknown-reference',
      ]);
      const [syntax, notChecked, dangling] = diagnostics;
      expect(syntax).toMatchObject({ severity: 'error', file: 'network.yaml', ...syntaxAt });
      expect(notChecked).toStrictEqual({
        code: 'references-not-checked',
        severity: 'warning',
        message: summary,
        file: 'network.yaml',
        ...syntaxAt,
        path: '',
      });
      // a reference to an id written nowhere is still an error of its own
      expect(dangling).toStrictEqual({
        code: 'unknown-reference',
        severity: 'error',
        message: unknown,
        file: 'assets.yaml',
        ...positionOf(assets, 'zone-inconnue'),
        path: 'assets[nas].zone',
      });
    },
  );

  it('does not call the organisation missing when the broken file writes one', () => {
    expect(load(sources).some((d) => d.code === 'missing-organisation')).toBe(false);
  });

  it('still reports a missing organisation that no file writes', () => {
    const diagnostics = load([
      { file: 'a.yaml', text: 'zones:\n  - id: lan\n    kind: user\n    name: [\n' },
      { file: 'b.yaml', text: 'assets:\n  - id: srv\n    kind: server\n    zone: lan\n' },
    ]);
    expect(diagnostics.map((d) => d.code)).toStrictEqual([
      'yaml-syntax',
      'references-not-checked',
      'missing-organisation',
    ]);
    expect(diagnostics[1]?.message).toContain('1 reference(s) to ids written in that file (lan)');
  });

  it('sums up per broken file, each at its own first syntax error', () => {
    const zones = 'zones:\n  - id: lan\n    kind: user\n    description: LAN : bureau\n';
    const sites = 'sites:\n  - id: usine\n    name: Usine : nord\n  - id: siege\n';
    const assets = [
      ORGANISATION,
      'assets:\n',
      '  - { id: a1, kind: server, zone: lan, site: usine }\n',
      '  - { id: a2, kind: server, zone: lan, site: siege }\n',
      '  - { id: a3, kind: server, zone: lan }\n',
    ].join('');
    const diagnostics = load([
      { file: 'assets.yaml', text: assets },
      { file: 'sites.yaml', text: sites },
      { file: 'zones.yaml', text: zones },
    ]);
    const summaries = diagnostics.filter((d) => d.code === 'references-not-checked');
    expect(summaries.map((d) => [d.file, d.line, d.column])).toStrictEqual([
      ['sites.yaml', positionOf(sites, 'Usine').line, positionOf(sites, 'Usine').column],
      ['zones.yaml', positionOf(zones, 'LAN :').line, positionOf(zones, 'LAN :').column],
    ]);
    expect(summaries[0]?.message).toContain(
      '2 reference(s) to ids written in that file (siege, usine)',
    );
    expect(summaries[1]?.message).toContain('3 reference(s) to ids written in that file (lan)');
    expect(diagnostics.filter((d) => d.code === 'unknown-reference')).toStrictEqual([]);
    // both syntax errors come before anything else
    expect(diagnostics.slice(0, 4).map((d) => d.code)).toStrictEqual([
      'yaml-syntax',
      'references-not-checked',
      'yaml-syntax',
      'references-not-checked',
    ]);
  });

  it('counts a risk decision about an entity of the broken file as not checked', () => {
    const decisions = `${ORGANISATION}decisions:\n  - id: d1\n    finding: flat-network@lan\n    status: accepted\n    justification: Réseau plat assumé.\n  - id: d2\n    finding: flat-network@ailleurs\n    status: accepted\n    justification: Sujet inconnu.\n`;
    const zones = 'zones:\n  - id: lan\n    kind: user\n    description: LAN : bureau\n';
    const diagnostics = load([
      { file: 'decisions.yaml', text: decisions },
      { file: 'zones.yaml', text: zones },
    ]);
    expect(diagnostics.map((d) => [d.code, d.file])).toStrictEqual([
      ['yaml-syntax', 'zones.yaml'],
      ['references-not-checked', 'zones.yaml'],
      // a subject written nowhere is still reported
      ['decision-unknown-subject', 'decisions.yaml'],
    ]);
    expect(diagnostics[1]?.message).toContain('1 reference(s) to ids written in that file (lan)');
  });

  it('leaves valid models untouched: no summary when every file parses', () => {
    const text = `${ORGANISATION}zones:\n  - id: lan\n    kind: user\nassets:\n  - { id: a1, kind: server, zone: lan }\n`;
    expect(loadText(text)).toStrictEqual([]);
  });
});

interface HintCase {
  readonly name: string;
  /** The faulty line, inside an organisation (`{line}`: where it goes). */
  readonly line: string;
  /** Where the error is reported on that line. */
  readonly at: string;
  readonly en: string;
  readonly fr: string;
}

const HINT_CASES: readonly HintCase[] = [
  {
    name: 'an unquoted value holding " : " (French typography)',
    line: '  description: Serveur : production',
    at: 'Serveur',
    en: 'Hint: the value contains ": ", which YAML takes for the start of another key; put the whole value in quotes: description: "Serveur : production"',
    fr: 'Astuce : la valeur contient « : » (deux-points suivi d’une espace), que YAML prend pour le début d’une autre clé ; mettez toute la valeur entre guillemets : description: "Serveur : production"',
  },
  {
    name: 'a value holding ": " and double quotes',
    line: '  description: Le "serveur" : production # note',
    at: 'Le',
    en: `put the whole value in quotes: description: 'Le "serveur" : production'`,
    fr: `mettez toute la valeur entre guillemets : description: 'Le "serveur" : production'`,
  },
  {
    name: 'a tab used for indentation',
    line: '\tdescription: x',
    at: '\tdescription',
    en: 'Hint: the line is indented with a tab; YAML indents with spaces only, so replace the tabs with spaces.',
    fr: 'Astuce : la ligne est indentée avec une tabulation ; YAML n’indente qu’avec des espaces, remplacez les tabulations par des espaces.',
  },
  ...[
    ['*', '*important* note', ' note'],
    ['&', '& Co', '&'],
    ['@', '@atelier', '@'],
    ['%', '%TEMP%', '%'],
    ['`', '`hostname`', '`'],
  ].map(([character = '', value = '', at = '']) => ({
    name: `an unquoted leading ${character}`,
    line: `  description: ${value}`,
    at,
    en: `Hint: an unquoted value cannot start with "${character}" (YAML reserves it); put the whole value in quotes: description: "${value}"`,
    fr: `Astuce : une valeur sans guillemets ne peut pas commencer par « ${character} » (caractère réservé par YAML) ; mettez toute la valeur entre guillemets : description: "${value}"`,
  })),
];

describe('hints for the classic causes of a YAML syntax error', () => {
  it.each(HINT_CASES.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const text = `${ORGANISATION}${c.line}\nzones:\n  - id: lan\n    kind: user\n`;
    for (const [, t] of LOCALES) {
      const diagnostics = loadText(text, t);
      expect(diagnostics.map((d) => d.code)).toStrictEqual(['yaml-syntax']);
      const hint = t === en ? c.en : c.fr;
      expect(diagnostics[0]?.message).toContain(hint);
      expect(diagnostics[0]?.message).toMatch(t === en ? /^YAML syntax error: / : /^Erreur de/);
      const at = positionOf(text, c.at);
      expect(diagnostics[0]?.line).toBe(at.line);
      expect(diagnostics[0]?.column).toBeGreaterThanOrEqual(at.column);
    }
    // the fix the hint gives makes the file valid
    const fix = /: (description: .*|)$/.exec(c.en)?.[1] ?? '';
    const fixed = text.replace(c.line, fix === '' ? c.line.replace(/\t/g, '  ') : `  ${fix}`);
    expect(fixed).not.toBe(text);
    expect(loadText(fixed)).toStrictEqual([]);
  });

  it.each([
    ['name: &Usine', 'Expected a string, found nothing (null).', 'name: "&Usine"'],
    ['kind: &server', 'Invalid value "null"', 'kind: "&server"'],
  ])('explains a %s that YAML read as an anchor', (line, problem, fix) => {
    const text = `${ORGANISATION}zones:\n  - id: lan\n    kind: user\n    ${line}\n`.replace(
      '    kind: user\n    kind',
      '    kind',
    );
    // located at the anchor's name, the value YAML saw
    const at = positionOf(text, line.slice(line.indexOf('&') + 1));
    const [diagnostic, ...others] = loadText(text);
    expect(others).toStrictEqual([]);
    expect(diagnostic).toMatchObject(at);
    expect(diagnostic?.message).toContain(problem);
    expect(diagnostic?.message).toContain(
      `Hint: an unquoted value cannot start with "&" (YAML reserves it); put the whole value in quotes: ${fix}`,
    );
    expect(loadText(text, fr)[0]?.message).toContain(
      `mettez toute la valeur entre guillemets : ${fix}`,
    );
  });

  it('explains a list item that " : " turned into a mapping', () => {
    const text = `${ORGANISATION}zones:\n  - id: lan\n    kind: user\n    tags:\n      - Accès : VPN\n`;
    for (const [t, hint] of [
      [en, 'Hint: the value contains ": ", which YAML takes for the start of another key'],
      [fr, 'Astuce : la valeur contient « : »'],
    ] as const) {
      const [diagnostic, ...others] = loadText(text, t);
      expect(others).toStrictEqual([]);
      expect(diagnostic).toMatchObject({ code: 'schema-type', ...positionOf(text, 'Accès') });
      expect(diagnostic?.message).toContain(hint);
      expect(diagnostic?.message).toMatch(/: - "Accès : VPN"$/);
    }
    expect(loadText(text.replace('- Accès : VPN', '- "Accès : VPN"'))).toStrictEqual([]);
  });

  it('gives no hint when the cause is something else', () => {
    const [diagnostic, ...others] = loadText(`${ORGANISATION}  tags: [a, b\n`);
    expect(others).toStrictEqual([]);
    expect(diagnostic?.code).toBe('yaml-syntax');
    expect(diagnostic?.message).not.toMatch(/Hint/);
  });
});

const flowWith = (field: string): string =>
  `${ORGANISATION}zones:\n  - { id: a, kind: user }\n  - { id: b, kind: server }\nflows:\n  - id: f\n    from: a\n    to: b\n    protocol: https\n    ${field}\n`;
const assetWith = (fields: string): string =>
  `${ORGANISATION}assets:\n  - id: srv\n    kind: server\n${fields}`;

describe('an invalid enumeration value', () => {
  it.each([
    ['TLS 1.3', 'tls1.3', flowWith('encryption: TLS 1.3'), ENCRYPTIONS],
    ['TLS_1_2', 'tls1.2', flowWith('encryption: TLS_1_2'), ENCRYPTIONS],
    [
      'Active-Passive',
      'active-passive',
      assetWith('    redundancy:\n      mode: Active-Passive\n'),
      REDUNDANCY_MODES,
    ],
    [
      'wpa2 psk',
      'wpa2-psk',
      assetWith('    wifi:\n      security: wpa2 psk\n'),
      ['open', 'wep', 'wpa2-psk', 'wpa2-enterprise', 'wpa3-sae', 'wpa3-enterprise'],
    ],
  ])('%s: suggests %s and lists every allowed value', (written, suggestion, text, allowed) => {
    const [diagnostic, ...others] = loadText(text);
    expect(others).toStrictEqual([]);
    expect(diagnostic).toMatchObject({ code: 'schema-enum', ...positionOf(text, written) });
    expect(diagnostic?.message).toBe(
      `Invalid value "${written}" (did you mean "${suggestion}"?); expected one of: ${allowed.join(', ')}.`,
    );
    expect(loadText(text, fr)[0]?.message).toBe(
      `Valeur « ${written} » invalide (vouliez-vous dire « ${suggestion} » ?) ; valeurs possibles : ${allowed.join(', ')}.`,
    );
  });

  it('names the closest values of a long list, with "did you mean"', () => {
    const text = assetWith('').replace('kind: server', 'kind: Serveur');
    expect(ASSET_KINDS.length).toBeGreaterThan(16);
    const [diagnostic] = loadText(text);
    expect(diagnostic).toMatchObject({ code: 'schema-enum', ...positionOf(text, 'Serveur') });
    const closest = /are: (.*)\.$/.exec(diagnostic?.message ?? '')?.[1]?.split(', ') ?? [];
    expect(closest).toHaveLength(6);
    expect(closest[0]).toBe('server');
    for (const kind of closest) expect(ASSET_KINDS).toContain(kind);
    expect(diagnostic?.message).toBe(
      `Invalid value "Serveur" (did you mean "server"?); the closest of the ${String(ASSET_KINDS.length)} allowed values are: ${closest.join(', ')}.`,
    );
    expect(loadText(text, fr)[0]?.message).toBe(
      `Valeur « Serveur » invalide (vouliez-vous dire « server » ?) ; les plus proches des ${String(ASSET_KINDS.length)} valeurs possibles sont : ${closest.join(', ')}.`,
    );
  });

  it('calls a missing enumeration value missing, not "undefined"', () => {
    const text = `${ORGANISATION}assets:\n  - id: srv\n`;
    expect(loadText(text)).toMatchObject([
      { code: 'schema-required', message: 'Missing required property "kind".' },
    ]);
  });
});

describe('a scalar where a mapping or a list is expected', () => {
  it('names the keys of the expected mapping', () => {
    const text = assetWith('    os: Windows 10\n');
    const expected = { file: 'model.yaml', ...positionOf(text, 'Windows'), path: 'assets[srv].os' };
    expect(loadText(text)).toStrictEqual([
      {
        code: 'schema-type',
        severity: 'error',
        message:
          'Expected a mapping with keys name, version, supportEnd (required: name), found a string; write for example os: { name: Windows 10 }.',
        ...expected,
      },
    ]);
    expect(loadText(text, fr)).toMatchObject([
      {
        message:
          'Dictionnaire attendu, avec les clés name, version, supportEnd (obligatoires : name) ; trouvé : une chaîne de caractères ; écrivez par exemple os: { name: Windows 10 }.',
        ...expected,
      },
    ]);
  });

  it('names the required keys first when the mapping has many', () => {
    const text = `${ORGANISATION}assets:\n  - srv-erp\n`;
    const [diagnostic] = loadText(text);
    expect(diagnostic).toMatchObject({ code: 'schema-type', ...positionOf(text, 'srv-erp') });
    expect(diagnostic?.message).toMatch(
      /^Expected a mapping with keys id, kind, .*, … \(required: id, kind\), found a string\.$/,
    );
  });

  it('says a list is expected, with the list to write', () => {
    const text = assetWith('    addresses: 10.0.0.1\n');
    const at = { ...positionOf(text, '10.0.0.1'), path: 'assets[srv].addresses' };
    expect(loadText(text)).toMatchObject([
      {
        code: 'schema-type',
        message: 'Expected a list, found a string; write for example addresses: [10.0.0.1].',
        ...at,
      },
    ]);
    expect(loadText(text, fr)).toMatchObject([
      {
        message:
          'Liste attendue ; trouvé : une chaîne de caractères ; écrivez par exemple addresses: [10.0.0.1].',
        ...at,
      },
    ]);
  });

  it('says how to write the items of a section written as a mapping', () => {
    const text = `${ORGANISATION}zones:\n  id: lan\n  kind: user\n`;
    for (const [, t] of LOCALES) {
      const [diagnostic, ...others] = loadText(text, t);
      expect(others).toStrictEqual([]);
      expect(diagnostic).toMatchObject({ code: 'schema-type', path: 'zones' });
      expect(diagnostic?.message).toContain(t === en ? 'start each item' : 'commencez chaque');
    }
  });
});
