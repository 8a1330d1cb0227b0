import { load } from 'js-yaml';
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../domain/diagnostic.js';
import { SECTION_NAMES, type Asset, type Model } from '../domain/model/index.js';
import { createTranslator, type Locale, type Translator } from '../i18n/index.js';
import { loadModel, type LoadResult, type ModelSource } from './load.js';

const en = createTranslator('en');
const fr = createTranslator('fr');

const DEMO_DIR = 'examples/forges-de-l-est';

/** The demo model's files, read from the repository, named as the CLI would name them. */
function demoSources(): ModelSource[] {
  const dir = new URL(`../../${DEMO_DIR}/`, import.meta.url);
  return readdirSync(dir)
    .filter((name) => name.endsWith('.yaml'))
    .sort()
    .map((name) => ({
      file: `${DEMO_DIR}/${name}`,
      text: readFileSync(new URL(name, dir), 'utf8'),
    }));
}

/** Replaces the first occurrence of `from` in one file of `sources`; fails if it is absent. */
function edit(sources: readonly ModelSource[], file: string, from: string, to: string) {
  return sources.map((source) => {
    if (source.file !== `${DEMO_DIR}/${file}`) return source;
    expect(source.text).toContain(from);
    return { ...source, text: source.text.replace(from, to) };
  });
}

/** 1-based line and column of `needle` inside the first occurrence of `context` in `text`. */
function positionOf(text: string, context: string, needle = context) {
  const start = text.indexOf(context);
  expect(start, `"${context}" is in the text`).toBeGreaterThanOrEqual(0);
  const offset = start + context.indexOf(needle);
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return { line, column: offset - (before.lastIndexOf('\n') + 1) + 1 };
}

const errorsOf = (result: LoadResult): Diagnostic[] =>
  result.diagnostics.filter((d) => d.severity === 'error');

const loadText = (text: string, t: Translator = en, file = 'model.yaml'): LoadResult =>
  loadModel([{ file, text }], { t });

describe.each<[Locale, Translator]>([
  ['en', en],
  ['fr', fr],
])('the demo model (%s)', (_locale, t) => {
  const sources = demoSources();
  const result = loadModel(sources, { t });

  it('loads valid, with no error', () => {
    expect(errorsOf(result)).toStrictEqual([]);
    expect(result.valid).toBe(true);
    expect(result.files).toStrictEqual(sources.map((s) => s.file));
  });

  it('holds every entity written in its files', () => {
    const written = Object.fromEntries(SECTION_NAMES.map((section) => [section, 0]));
    let organisations = 0;
    for (const { text } of sources) {
      const file = load(text) as Record<string, unknown>;
      if (file.organisation !== undefined) organisations += 1;
      for (const section of SECTION_NAMES) {
        const list = file[section];
        if (Array.isArray(list)) written[section] = (written[section] ?? 0) + list.length;
      }
    }
    expect(organisations).toBe(1);
    const counts = Object.fromEntries(SECTION_NAMES.map((s) => [s, result.model[s].length]));
    expect(counts).toStrictEqual(written);
    expect(result.model.organisation?.id).toBe('forges-de-l-est');
    const total = Object.values(written).reduce((a, b) => a + b, 0);
    expect(total).toBeGreaterThan(100);
    for (const section of SECTION_NAMES) {
      for (const { id } of result.model[section]) {
        expect(result.origins.get(id)?.section, id).toBe(section);
      }
    }
    expect(result.origins.get('fw-siege')).toStrictEqual({
      file: `${DEMO_DIR}/assets-siege.yaml`,
      section: 'assets',
      index: 0,
    });
  });

  it('sorts every entity list by id', () => {
    for (const section of SECTION_NAMES) {
      const ids = result.model[section].map((entity) => entity.id);
      expect(ids, section).toStrictEqual([...ids].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
    }
    // the files are not written in id order, so the sort did something
    const written = sources.flatMap((s) =>
      ((load(s.text) as { assets?: { id: string }[] }).assets ?? []).map((a) => a.id),
    );
    expect(written).not.toStrictEqual(result.model.assets.map((a) => a.id));
  });

  it('freezes the model deeply', () => {
    const { model } = result;
    const asset = model.assets.find((a) => a.id === 'fw-siege');
    expect(Object.isFrozen(model)).toBe(true);
    expect(Object.isFrozen(model.organisation)).toBe(true);
    expect(Object.isFrozen(model.assets)).toBe(true);
    expect(Object.isFrozen(asset)).toBe(true);
    expect(Object.isFrozen(asset?.addresses)).toBe(true);
    expect(Object.isFrozen(asset?.adminInterfaces?.[0])).toBe(true);
    expect(() => {
      (model.assets as Asset[]).push({ id: 'x', kind: 'server' });
    }).toThrow(TypeError);
    expect(() => {
      (model as { -readonly [K in keyof Model]: Model[K] }).organisation = undefined;
    }).toThrow(TypeError);
  });
});

describe('a copy of the demo with three mistakes in three files', () => {
  let sources = demoSources();
  sources = edit(sources, 'flows.yaml', '    to: web-vitrine\n', '    to: web-vitrin\n');
  sources = edit(
    sources,
    'processes.yaml',
    'needs: { availability: 4,',
    'needs: { availability: high,',
  );
  sources = edit(
    sources,
    'measures.yaml',
    '    status: implemented\n',
    '    status: implemented: yes\n',
  );
  const text = (file: string): string =>
    sources.find((s) => s.file === `${DEMO_DIR}/${file}`)?.text ?? '';
  const flows = positionOf(text('flows.yaml'), 'to: web-vitrin\n', 'web-vitrin');
  const process = positionOf(text('processes.yaml'), 'availability: high', 'high');
  const measure = positionOf(text('measures.yaml'), 'status: implemented: yes', 'implemented');

  it.each<[Locale, Translator, readonly string[]]>([
    [
      'en',
      en,
      [
        'YAML syntax error: Nested mappings are not allowed in compact mappings. Hint: the value contains ": ", which YAML takes for the start of another key; put the whole value in quotes: status: "implemented: yes"',
        'Unknown reference "web-vitrin": no asset or zone has this id (did you mean "web-vitrine"?).',
        'Expected a number, found a string.',
      ],
    ],
    [
      'fr',
      fr,
      [
        'Erreur de syntaxe YAML : Nested mappings are not allowed in compact mappings. Astuce : la valeur contient « : » (deux-points suivi d’une espace), que YAML prend pour le début d’une autre clé ; mettez toute la valeur entre guillemets : status: "implemented: yes"',
        'Référence inconnue « web-vitrin » : aucun(e) actif ou zone ne porte cet identifiant (vouliez-vous dire « web-vitrine » ?).',
        'Type attendu : un nombre ; trouvé : une chaîne de caractères.',
      ],
    ],
  ])(
    'reports all three, the syntax error first, each at its place (%s)',
    (_locale, t, messages) => {
      const result = loadModel(sources, { t });
      expect(result.valid).toBe(false);
      expect(result.diagnostics).toStrictEqual([
        {
          code: 'yaml-syntax',
          severity: 'error',
          message: messages[0],
          file: `${DEMO_DIR}/measures.yaml`,
          ...measure,
          path: '',
        },
        {
          code: 'unknown-reference',
          severity: 'error',
          message: messages[1],
          file: `${DEMO_DIR}/flows.yaml`,
          ...flows,
          path: 'flows[flux-rp-site-web].to',
        },
        {
          code: 'schema-type',
          severity: 'error',
          message: messages[2],
          file: `${DEMO_DIR}/processes.yaml`,
          ...process,
          path: 'processes[proc-production].needs.availability',
        },
      ]);
    },
  );

  it('keeps the valid part of the model', () => {
    const result = loadModel(sources, { t: en });
    const demo = loadModel(demoSources(), { t: en });
    // the flow and the process are invalid, the unparsable measures file is lost
    expect(result.model.flows).toHaveLength(demo.model.flows.length);
    expect(result.model.processes.map((p) => p.id)).not.toContain('proc-production');
    expect(result.model.processes).toHaveLength(demo.model.processes.length - 1);
    expect(result.model.measures).toStrictEqual([]);
    expect(result.model.assets).toStrictEqual(demo.model.assets);
  });
});

describe('diagnostics', () => {
  it('are sorted by file, line and column', () => {
    // files in reverse order; schema problems are found before reference problems
    const result = loadModel(
      [
        { file: 'b.yaml', text: 'zones:\n  - id: z\n    kind: nowhere\n    tags: oops\n' },
        {
          file: 'a.yaml',
          text: 'assets:\n  - id: s\n    kind: server\n    zone: nope\n  - id: t\n    kind: server\n    hostnme: x\n',
        },
      ],
      { t: en, root: 'model' },
    );
    expect(result.diagnostics.map((d) => [d.file, d.line, d.column, d.code])).toStrictEqual([
      ['a.yaml', 4, 11, 'unknown-reference'],
      ['a.yaml', 7, 5, 'schema-unknown-key'],
      ['b.yaml', 3, 11, 'schema-enum'],
      ['b.yaml', 4, 11, 'schema-type'],
      ['model', 0, 0, 'missing-organisation'],
    ]);
  });
});

describe('model-level problems', () => {
  it('names both places of an id used twice across files', () => {
    const result = loadModel(
      [
        { file: 'a.yaml', text: 'organisation:\n  name: A\nzones:\n  - id: lan\n    kind: user\n' },
        {
          file: 'b.yaml',
          text: 'zones:\n  - id: wifi\n    kind: wifi\n  - id: lan\n    kind: server\n',
        },
      ],
      { t: en },
    );
    expect(result.diagnostics).toStrictEqual([
      {
        code: 'duplicate-id',
        severity: 'error',
        message: 'The id "lan" is already used at a.yaml:4; ids are unique across the model.',
        file: 'b.yaml',
        line: 4,
        column: 9,
        path: 'zones[lan].id',
      },
    ]);
    // the first definition wins
    expect(result.model.zones.map((z) => [z.id, z.kind])).toStrictEqual([
      ['lan', 'user'],
      ['wifi', 'wifi'],
    ]);
  });

  it('reports an organisation defined twice', () => {
    const result = loadModel(
      [
        { file: 'a.yaml', text: '# first\norganisation:\n  name: A\n' },
        { file: 'b.yaml', text: 'organisation:\n  name: B\n' },
      ],
      { t: fr },
    );
    expect(result.diagnostics).toStrictEqual([
      {
        code: 'duplicate-organisation',
        severity: 'error',
        message: 'L’organisation est définie deux fois (aussi en a.yaml:3).',
        file: 'b.yaml',
        line: 1,
        column: 1,
        path: 'organisation',
      },
    ]);
    expect(result.model.organisation?.name).toBe('A');
  });

  it.each([
    ['the first file', undefined, 'a.yaml'],
    ['the root given', 'my-model', 'my-model'],
  ])('reports a missing organisation on %s', (_name, root, file) => {
    const result = loadModel(
      [
        { file: 'a.yaml', text: 'zones:\n  - id: lan\n    kind: user\n' },
        { file: 'b.yaml', text: '# nothing\n' },
      ],
      { t: en, ...(root === undefined ? {} : { root }) },
    );
    expect(result.diagnostics).toStrictEqual([
      {
        code: 'missing-organisation',
        severity: 'error',
        message: 'The model has no organisation section.',
        file,
        line: 0,
        column: 0,
        path: '',
      },
    ]);
    expect(result.valid).toBe(false);
  });

  it('reports nothing for no files at all', () => {
    const result = loadModel([], { t: en });
    expect(result.diagnostics).toStrictEqual([]);
    expect(result.model.organisation).toBeUndefined();
  });

  it('suggests the closest known property for an unknown one', () => {
    const text =
      'organisation:\n  name: A\nzone:\n  - id: lan\nassets:\n  - id: srv\n    kind: server\n    hostnme: x\n';
    expect(loadText(text).diagnostics).toStrictEqual([
      {
        code: 'schema-unknown-key',
        severity: 'error',
        message: 'Unknown property "zone" (did you mean "zones"?).',
        file: 'model.yaml',
        line: 3,
        column: 1,
        path: 'zone',
      },
      {
        code: 'schema-unknown-key',
        severity: 'error',
        message: 'Unknown property "hostnme" (did you mean "hostname"?).',
        file: 'model.yaml',
        line: 8,
        column: 5,
        path: 'assets[srv].hostnme',
      },
    ]);
    expect(loadText(text, fr).diagnostics[1]?.message).toBe(
      'Propriété inconnue « hostnme » (vouliez-vous dire « hostname » ?).',
    );
  });

  const WRONG_KIND =
    'organisation:\n  name: A\nassets:\n  - id: srv-a\n    kind: server\n    zone: srv-b\n  - id: srv-b\n    kind: server\n    hostedOn: srv-a\n';

  it('reports a reference to an entity of the wrong kind', () => {
    const [diagnostic, ...others] = loadText(WRONG_KIND).diagnostics;
    expect(others).toStrictEqual([]);
    expect(diagnostic).toMatchObject({
      code: 'wrong-reference-kind',
      severity: 'error',
      file: 'model.yaml',
      line: 6,
      column: 11,
      path: 'assets[srv-a].zone',
    });
    expect(loadText(WRONG_KIND, fr).diagnostics[0]?.message).toBe(
      '« srv-b » est de type actif ; attendu : zone.',
    );
  });

  // Bug: the English template is '"{id}" is a {actual}; expected a {expected}.'
  it('names the actual and expected kinds of a wrong reference', () => {
    expect(loadText(WRONG_KIND).diagnostics[0]?.message).toBe(
      '"srv-b" is of kind asset; expected: zone.',
    );
  });
});

// ---- semantic checks, each on a minimal model ----

type ExtraSection = 'sites' | 'zones' | 'assets' | 'flows' | 'processes' | 'backups';

const NEEDS = '    needs: { availability: 2, integrity: 2, confidentiality: 2, proof: 2 }\n';
const OBJECTIVES = '    rto: 4h\n    rpo: 1h\n    mtpd: 1d\n';

/** A small valid model; `extra` entries are appended to their section. */
function minimalModel(extra: Partial<Record<ExtraSection, string>> = {}): string {
  const base: Record<ExtraSection, string> = {
    sites: '  - id: s1\n',
    zones: '  - id: lan\n    kind: user\n    site: s1\n    subnets: [10.0.0.0/24]\n',
    assets: '  - id: srv\n    kind: server\n    zone: lan\n    addresses: [10.0.0.10]\n',
    flows: '',
    processes: `  - id: p-base\n    assets: [srv]\n${OBJECTIVES}${NEEDS}`,
    backups: '',
  };
  let text = 'organisation:\n  name: Test\n';
  for (const section of Object.keys(base) as ExtraSection[]) {
    const body = base[section] + (extra[section] ?? '');
    if (body !== '') text += `${section}:\n${body}`;
  }
  return text;
}

interface CheckCase {
  readonly code: string;
  readonly severity: 'error' | 'warning';
  readonly extra: Partial<Record<ExtraSection, string>>;
  /** Where the diagnostic points: `needle` inside the first `context` of the text. */
  readonly context: string;
  readonly needle?: string;
  readonly path: string;
  readonly en: string;
  readonly fr: string;
}

const CHECK_CASES: readonly CheckCase[] = [
  {
    code: 'flow-self-loop',
    severity: 'error',
    extra: { flows: '  - id: f-loop\n    from: srv\n    to: srv\n    protocol: https\n' },
    context: 'to: srv',
    needle: 'srv',
    path: 'flows[f-loop].to',
    en: 'The flow goes from "srv" to itself.',
    fr: 'Le flux va de « srv » vers lui-même.',
  },
  {
    code: 'rto-exceeds-mtpd',
    severity: 'error',
    extra: {
      processes: `  - id: p-late\n    assets: [srv]\n    rto: 2d\n    rpo: 1h\n    mtpd: 1d\n${NEEDS}`,
    },
    context: 'rto: 2d',
    needle: '2d',
    path: 'processes[p-late].rto',
    en: 'RTO 2d exceeds the maximum tolerable period of disruption 1d: the process cannot be recovered in time.',
    fr: 'La DMIA (RTO) 2d dépasse la durée maximale d’interruption admissible 1d : le processus ne peut pas être repris à temps.',
  },
  {
    code: 'backup-on-protected-asset',
    severity: 'warning',
    extra: { backups: '  - id: b-self\n    protects: [srv]\n    target: srv\n' },
    context: 'target: srv',
    needle: 'srv',
    path: 'backups[b-self].target',
    en: 'The backup is stored on "srv", which is (or hosts) "srv" that it protects: losing one loses both.',
    fr: 'La sauvegarde est stockée sur « srv », qui est (ou héberge) « srv » qu’elle protège : perdre l’un fait perdre les deux.',
  },
  {
    code: 'asset-site-mismatch',
    severity: 'error',
    extra: {
      sites: '  - id: s2\n',
      assets:
        '  - id: pc\n    kind: workstation\n    zone: lan\n    site: s2\n    addresses: [10.0.0.20]\n',
    },
    context: 'site: s2',
    needle: 's2',
    path: 'assets[pc].site',
    en: 'The asset is declared on site "s2" but its zone "lan" is on site "s1".',
    fr: 'L’actif est déclaré sur le site « s2 » mais sa zone « lan » est sur le site « s1 ».',
  },
  {
    code: 'process-without-assets',
    severity: 'warning',
    extra: { processes: `  - id: p-empty\n${OBJECTIVES}${NEEDS}` },
    context: 'id: p-empty',
    needle: 'id',
    path: 'processes[p-empty]',
    en: 'The process rests on no supporting asset.',
    fr: 'Le processus ne repose sur aucun actif support.',
  },
  {
    code: 'zone-parent-cycle',
    severity: 'error',
    extra: {
      zones:
        '  - id: z1\n    kind: user\n    parent: z2\n  - id: z2\n    kind: user\n    parent: z1\n',
    },
    context: 'parent: z2',
    needle: 'z2',
    path: 'zones[z1].parent',
    en: 'Zones enclose each other in a loop: z1 → z2 → z1.',
    fr: 'Des zones s’englobent mutuellement en boucle : z1 → z2 → z1.',
  },
  {
    code: 'hosting-cycle',
    severity: 'error',
    extra: {
      assets:
        '  - id: vm-a\n    kind: virtual-machine\n    hostedOn: vm-b\n  - id: vm-b\n    kind: virtual-machine\n    hostedOn: vm-a\n',
    },
    context: 'hostedOn: vm-b',
    needle: 'vm-b',
    path: 'assets[vm-a].hostedOn',
    en: 'Assets run on each other in a loop: vm-a → vm-b → vm-a.',
    fr: 'Des actifs s’hébergent mutuellement en boucle : vm-a → vm-b → vm-a.',
  },
  {
    code: 'address-outside-zone',
    severity: 'warning',
    extra: {
      assets: '  - id: pc\n    kind: workstation\n    zone: lan\n    addresses: [10.0.1.5]\n',
    },
    context: '10.0.1.5',
    path: 'assets[pc].addresses[0]',
    en: 'Address 10.0.1.5 is outside the subnets of zone "lan" (10.0.0.0/24).',
    fr: 'L’adresse 10.0.1.5 est hors des sous-réseaux de la zone « lan » (10.0.0.0/24).',
  },
  {
    // reported on the asset whose id sorts last, here the one written first
    code: 'duplicate-address',
    severity: 'warning',
    extra: {
      assets: '  - id: nas\n    kind: storage\n    zone: lan\n    addresses: [10.0.0.10]\n',
    },
    context: '10.0.0.10',
    path: 'assets[srv].addresses[0]',
    en: 'Address 10.0.0.10 is also declared by asset "nas".',
    fr: 'L’adresse 10.0.0.10 est aussi déclarée par l’actif « nas ».',
  },
];

describe('semantic checks on a minimal model', () => {
  it('the minimal model itself raises nothing', () => {
    const result = loadText(minimalModel());
    expect(result.diagnostics).toStrictEqual([]);
    expect(result.model.assets.map((a) => a.id)).toStrictEqual(['srv']);
  });

  it.each(CHECK_CASES.map((c) => [c.code, c] as const))('%s fires at its place', (_code, c) => {
    const text = minimalModel(c.extra);
    for (const [t, message] of [
      [en, c.en],
      [fr, c.fr],
    ] as const) {
      const result = loadText(text, t);
      expect(result.diagnostics.filter((d) => d.code === c.code)).toStrictEqual([
        {
          code: c.code,
          severity: c.severity,
          message,
          file: 'model.yaml',
          ...positionOf(text, c.context, c.needle),
          path: c.path,
        },
      ]);
      expect(result.valid).toBe(c.severity !== 'error');
    }
  });

  it('writes French messages in French', () => {
    for (const c of CHECK_CASES) {
      const message = loadText(minimalModel(c.extra), fr).diagnostics.find(
        (d) => d.code === c.code,
      )?.message;
      expect(message).not.toBe(c.en);
      expect(message, c.code).toMatch(/[«’]|processus/);
    }
  });
});
