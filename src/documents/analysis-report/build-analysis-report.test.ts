import { beforeAll, describe, expect, it } from 'vitest';
import type { AttackPath } from '../../design/attack/analyze-paths.js';
import { SEVERITIES, type Finding } from '../../design/findings.js';
import { demoInput } from '../../../test/support/documents.js';
import type { DiagramProvider } from '../../presentation/diagram-provider.js';
import type { DocumentInput } from '../../presentation/input.js';
import { plainText, type Block, type Inline, type ReportDocument } from '../model.js';
import { MAX_FIGURES } from './attack-paths-section.js';
import { buildAnalysisReport, type ReportOptions } from './build-analysis-report.js';
import { TABLE_LIMIT } from './findings-section.js';
import { COST_CLASS_LABELS } from '../../design/attack/remedies.js';

const SVG =
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 20 10"><rect width="20" height="10"/></svg>';

/** A diagram provider that draws a tiny SVG and records the paths it was asked for. */
function fakeDiagrams(): DiagramProvider & { readonly paths: AttackPath[] } {
  const paths: AttackPath[] = [];
  const diagram = { svg: SVG, width: 20, height: 10, title: 'test', alt: 'a test drawing' };
  return {
    paths,
    zones: () => Promise.resolve(diagram),
    process: () => Promise.resolve(diagram),
    attackPath: (path) => {
      paths.push(path);
      return Promise.resolve({ ...diagram, alt: `${path.source} → ${path.target}` });
    },
  };
}

const OPTIONS: ReportOptions = {
  version: '1.0',
  date: '2026-11-28',
  author: 'Vigie',
  classification: 'Diffusion restreinte',
};

type Section = Extract<Block, { kind: 'section' }>;

function sections(
  blocks: readonly Block[],
  into = new Map<string, Section>(),
): Map<string, Section> {
  for (const block of blocks) {
    if (block.kind !== 'section') continue;
    into.set(block.id, block);
    sections(block.children, into);
  }
  return into;
}

function inlinesOf(block: Block): Inline[] {
  switch (block.kind) {
    case 'section':
      return [block.title, ...block.children.flatMap(inlinesOf)];
    case 'paragraph':
      return [...block.content];
    case 'list':
      return block.items.flat();
    case 'table':
      return [
        ...(block.caption ?? []),
        ...block.columns.map((c) => c.title),
        ...block.rows.flat(2),
      ];
    case 'figure':
      return [...block.caption, block.alt];
    case 'callout':
      return [block.title ?? '', ...block.content];
    case 'quote':
      return [...block.content, ...(block.source ?? [])];
    case 'toc':
    case 'pagebreak':
      return [];
  }
}

const textOf = (blocks: readonly Block[]): string =>
  blocks.map((b) => plainText(inlinesOf(b))).join('\n');

/** Finding ids written as code in these blocks. */
function findingIds(blocks: readonly Block[], all: ReadonlySet<string>): Set<string> {
  const ids = new Set<string>();
  for (const inline of blocks.flatMap(inlinesOf))
    if (typeof inline !== 'string' && inline.kind === 'text' && all.has(inline.text))
      ids.add(inline.text);
  return ids;
}

function blocksOf(blocks: readonly Block[], kind: Block['kind']): Block[] {
  return blocks.flatMap((b) =>
    b.kind === 'section' ? blocksOf(b.children, kind) : b.kind === kind ? [b] : [],
  );
}

function section(document: ReportDocument, id: string): Section {
  const found = sections(document.blocks).get(id);
  if (found === undefined) throw new Error(`no section ${id}`);
  return found;
}

const TOP_SECTIONS = [
  'summary',
  'scope',
  'needs',
  'findings',
  'findings-critical',
  'findings-high',
  'findings-medium',
  'findings-low',
  'attack-paths',
  'choke-points',
  'decisions',
  'appendix-findings',
  'appendix-rules',
  'appendix-glossary',
];

describe('buildAnalysisReport on the demo', () => {
  let en: DocumentInput;
  let fr: DocumentInput;
  let docEn: ReportDocument;
  let docFr: ReportDocument;
  let diagrams: ReturnType<typeof fakeDiagrams>;

  beforeAll(async () => {
    en = demoInput('en');
    fr = demoInput('fr');
    diagrams = fakeDiagrams();
    docEn = await buildAnalysisReport(en, diagrams, OPTIONS);
    docFr = await buildAnalysisReport(fr, fakeDiagrams(), OPTIONS);
  });

  it('has every section in both languages, with different titles', () => {
    const idsEn = sections(docEn.blocks);
    const idsFr = sections(docFr.blocks);
    for (const id of TOP_SECTIONS) {
      expect(idsEn.get(id), id).toBeDefined();
      expect(idsFr.get(id), id).toBeDefined();
      expect(idsFr.get(id)?.title, id).not.toBe(idsEn.get(id)?.title);
    }
    expect([...idsEn.keys()]).toEqual([...idsFr.keys()]);
    expect(docEn.blocks[0]?.kind).toBe('toc');
    const appendices = docEn.blocks.filter((b) => b.kind === 'section' && b.appendix === true);
    expect(appendices.map((b) => (b.kind === 'section' ? b.id : ''))).toEqual([
      'appendix-findings',
      'appendix-rules',
      'appendix-glossary',
    ]);
  });

  it('takes its meta from the options and the model, not from the clock', () => {
    expect(docEn.meta).toMatchObject({
      title: 'Architecture security analysis',
      organisation: "Forges de l'Est",
      version: '1.0',
      date: '2026-11-28',
      author: 'Vigie',
      classification: 'Diffusion restreinte',
      lang: 'en',
    });
    expect(docFr.meta.title).toBe('Analyse de sécurité de l’architecture');
    expect(docEn.meta.history).toEqual([
      { version: '1.0', date: '2026-11-28', author: 'Vigie', changes: 'First issue' },
    ]);
  });

  it('details every open finding in the findings section and lists every finding in appendix A', () => {
    const all = new Set(en.findings.map((f) => f.id));
    const open = en.findings.filter((f) => f.status === 'open').map((f) => f.id);
    expect(open.length).toBeGreaterThan(100);
    const inFindings = findingIds([section(docEn, 'findings')], all);
    expect([...inFindings].sort()).toEqual([...open].sort());
    const inAppendix = findingIds([section(docEn, 'appendix-findings')], all);
    expect(inAppendix.size).toBe(en.findings.length);
  });

  it('lists in each severity subsection the open findings of that severity only', () => {
    const all = new Set(en.findings.map((f) => f.id));
    for (const severity of SEVERITIES) {
      const expected = en.findings
        .filter((f) => f.status === 'open' && f.severity === severity)
        .map((f) => f.id)
        .sort();
      const listed = findingIds([section(docEn, `findings-${severity}`)], all);
      expect([...listed].sort(), severity).toEqual(expected);
    }
  });

  it('counts open and decided findings by severity in the summary', () => {
    const table = blocksOf([section(docEn, 'summary')], 'table')[0];
    if (table?.kind !== 'table') throw new Error('no summary table');
    SEVERITIES.forEach((severity, i) => {
      const row = table.rows[i]?.map((cell) => plainText(cell));
      const open = en.findings.filter((f) => f.severity === severity && f.status === 'open');
      const decided = en.findings.filter((f) => f.severity === severity && f.status !== 'open');
      expect(row).toEqual([
        severity.charAt(0).toUpperCase() + severity.slice(1),
        String(open.length),
        String(decided.length),
        String(open.length + decided.length),
      ]);
    });
    expect(plainText(table.rows[4]?.[3] ?? [])).toBe(String(en.findings.length));
    // one weakness breaking several rules counts once
    const causes = new Set(en.findings.map((f) => f.rootCause)).size;
    expect(causes).toBeLessThan(en.findings.length);
    expect(textOf([section(docEn, 'summary')])).toContain(
      `They come from ${String(causes)} root causes`,
    );
  });

  it('names the five most severe open findings in the summary, with a danger callout', () => {
    const summary = section(docEn, 'summary');
    const list = summary.children.find((b) => b.kind === 'list');
    if (list?.kind !== 'list') throw new Error('no list');
    expect(list.items).toHaveLength(5);
    const critical = new Set(
      en.findings.filter((f) => f.severity === 'critical' && f.status === 'open').map((f) => f.id),
    );
    for (const item of list.items) {
      const id = item.find((i) => typeof i !== 'string' && i.kind === 'ref');
      expect(critical.has(id !== undefined && typeof id !== 'string' ? id.text : '')).toBe(true);
    }
    const callout = summary.children.find((b) => b.kind === 'callout');
    expect(callout).toMatchObject({ kind: 'callout', tone: 'danger' });
    expect(textOf([summary])).toContain('srv-tse');
  });

  it('draws the most likely path of the most exposed crown jewels, at most ten', () => {
    const attack = en.attack;
    if (attack === undefined) throw new Error('no attack paths');
    expect(diagrams.paths.length).toBe(MAX_FIGURES);
    expect(diagrams.paths[0]).toBe(attack.paths[0]);
    // one figure per crown jewel, each its most likely path
    const targets = diagrams.paths.map((p) => p.target);
    expect(new Set(targets).size).toBe(targets.length);
    for (const path of diagrams.paths) {
      const best = attack.paths.find((p) => p.target === path.target);
      expect(path).toBe(best);
    }
    const figures = blocksOf(docEn.blocks, 'figure');
    expect(figures).toHaveLength(MAX_FIGURES);
    expect(figures.every((f) => f.kind === 'figure' && f.svg === SVG)).toBe(true);
    const paths = section(docEn, 'attack-paths');
    expect(section(docEn, 'attack-target-srv-tse').title).toContain('srv-tse');
    const text = textOf([paths]);
    expect(text).toContain('T1133 External Remote Services');
    expect(text).toContain('internet → srv-tse');
    // every crown jewel is in the exposure table
    for (const target of attack.targets) expect(text).toContain(target.id);
  });

  it('lists the choke points with their action and the crown jewels they protect', () => {
    const attack = en.attack;
    if (attack === undefined) throw new Error('no attack paths');
    const choke = section(docEn, 'choke-points');
    const table = choke.children.find((b) => b.kind === 'table');
    if (table?.kind !== 'table') throw new Error('no choke point table');
    const first = attack.chokePoints[0];
    if (first === undefined) throw new Error('no choke point');
    expect(plainText(table.rows[0]?.[1] ?? [])).toBe(first.entity);
    expect(plainText(table.rows[0]?.[3] ?? [])).toBe(first.action.en);
    expect(plainText(table.rows[0]?.[4] ?? [])).toBe(COST_CLASS_LABELS[first.cost].en);
    expect(plainText(table.rows[0]?.[5] ?? [])).toBe(String(first.pathsCut));
    expect(plainText(table.rows[0]?.[6] ?? [])).toContain(first.targets[0] ?? '—');
    const actions = textOf([section(docEn, 'summary')]);
    for (const point of attack.chokePoints.slice(0, 3)) expect(actions).toContain(point.action.en);
  });

  it('shows each decision with its justification and flags the one past its review date', () => {
    const decisions = section(docEn, 'decisions');
    const text = textOf([decisions]);
    const decided = en.findings.filter((f) => f.decision !== undefined);
    expect(decided).toHaveLength(3);
    for (const finding of decided) {
      expect(text).toContain(finding.id);
      expect(text).toContain(finding.decision?.justification);
    }
    const quotes = blocksOf([decisions], 'quote');
    expect(quotes).toHaveLength(3);
    const table = decisions.children.find((b) => b.kind === 'table');
    if (table?.kind !== 'table') throw new Error('no decisions table');
    const reopened = table.rows.filter((row) => plainText(row[6] ?? []).includes('REOPENED'));
    expect(reopened.map((row) => plainText(row[0] ?? []))).toEqual([
      'unsupported-os@ews-automatisme',
    ]);
    const callout = decisions.children.find((b) => b.kind === 'callout');
    expect(callout).toMatchObject({ kind: 'callout', tone: 'warning' });
    expect(callout !== undefined && textOf([callout])).toContain('dec-ews-windows7');
    // the reopened finding is back among the open high findings, flagged
    const high = textOf([section(docEn, 'findings-high-unsupported-os')]);
    expect(high).toContain('unsupported-os@ews-automatisme');
    expect(high).toContain('due for review since 2025-06-30');
  });

  it('cites references with links and turns backquoted identifiers into code', () => {
    const group = section(docEn, 'findings-critical-internet-exposed-admin-service');
    const inlines = group.children.flatMap(inlinesOf);
    const links = inlines.filter((i) => typeof i !== 'string' && i.kind === 'link');
    expect(links.map((l) => (typeof l === 'string' ? '' : l.text))).toEqual(
      expect.arrayContaining(['ANSSI hygiene guide', 'CWE-284', 'T1133']),
    );
    expect(inlines).toContainEqual({ kind: 'text', text: 'via', code: true });
    expect(textOf([group])).not.toContain('`');
  });

  it('writes French in French', () => {
    const textFr = textOf(docFr.blocks);
    const textEn = textOf(docEn.blocks);
    expect(textFr).not.toBe(textEn);
    expect(textFr).toContain('Constats critiques');
    expect(textFr).toContain('Points de coupure');
    expect(textFr).toContain('Décisions dont la date de revue est dépassée');
    for (const english of ['Executive summary', 'Why it matters', 'Remediation', 'Crown jewel'])
      expect(textFr).not.toContain(english);
    expect(textEn).not.toContain('Remédiation');
  });

  it('points every cross-reference at a block of the document', () => {
    const ids = new Set<string>();
    const collect = (blocks: readonly Block[]): void => {
      for (const b of blocks) {
        if (b.kind === 'section') {
          ids.add(b.id);
          collect(b.children);
        } else if ((b.kind === 'table' || b.kind === 'figure') && b.id !== undefined) ids.add(b.id);
      }
    };
    collect(docEn.blocks);
    const refs = docEn.blocks
      .flatMap(inlinesOf)
      .filter((i) => typeof i !== 'string' && i.kind === 'ref');
    expect(refs.length).toBeGreaterThan(5);
    for (const r of refs) expect(ids).toContain(r.target);
  });

  it('has unique block ids', () => {
    const ids: string[] = [];
    const collect = (blocks: readonly Block[]): void => {
      for (const b of blocks) {
        if (b.kind === 'section') {
          ids.push(b.id);
          collect(b.children);
        } else if ((b.kind === 'table' || b.kind === 'figure') && b.id !== undefined)
          ids.push(b.id);
      }
    };
    collect(docFr.blocks);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('is deterministic', async () => {
    const again = await buildAnalysisReport(en, fakeDiagrams(), OPTIONS);
    expect(JSON.stringify(again)).toBe(JSON.stringify(docEn));
  });
});

/** The input as if attack paths had not been computed. */
function withoutAttack(input: DocumentInput): DocumentInput {
  const { attack, ...rest } = input;
  expect(attack).toBeDefined();
  return rest;
}

describe('buildAnalysisReport on edge cases', () => {
  it('says attack paths were not computed, and draws nothing, without attack analysis', async () => {
    const rest = withoutAttack(demoInput('en'));
    const diagrams = fakeDiagrams();
    const document = await buildAnalysisReport(rest, diagrams, OPTIONS);
    expect(diagrams.paths).toHaveLength(0);
    expect(textOf([section(document, 'attack-paths')])).toContain('not computed');
    expect(textOf([section(document, 'choke-points')])).toContain('No choke point');
    expect(blocksOf(document.blocks, 'figure')).toHaveLength(0);
  });

  it('gives a success verdict when no serious finding is open', async () => {
    const input = demoInput('fr');
    const mild = input.findings.filter(
      (f) => (f.severity === 'medium' || f.severity === 'low') && f.decision === undefined,
    );
    const rest = withoutAttack(input);
    const document = await buildAnalysisReport(
      { ...rest, findings: mild },
      fakeDiagrams(),
      OPTIONS,
    );
    const callout = section(document, 'summary').children.find((b) => b.kind === 'callout');
    expect(callout).toMatchObject({
      tone: 'success',
      title: 'Aucune faiblesse sérieuse n’est ouverte',
    });
    expect(textOf([section(document, 'findings-critical')])).toContain(
      'Aucun constat ouvert de cette gravité.',
    );
  });

  it('puts many findings of one rule in a bounded table, and all of them in appendix A', async () => {
    const input = demoInput('en');
    const model = input.findings.find(
      (f) => f.ruleId === 'asset-without-logs' && f.severity === 'medium',
    );
    if (model === undefined) throw new Error('no finding to copy');
    const many: Finding[] = Array.from({ length: 3000 }, (_, i) => ({
      ...model,
      id: `asset-without-logs@generated-${String(i).padStart(4, '0')}`,
      subjects: [`generated-${String(i).padStart(4, '0')}`],
    }));
    const findings = [...input.findings.filter((f) => f.ruleId !== 'asset-without-logs'), ...many];
    const started = performance.now();
    const document = await buildAnalysisReport({ ...input, findings }, fakeDiagrams(), OPTIONS);
    expect(performance.now() - started).toBeLessThan(2000);
    const group = section(document, 'findings-medium-asset-without-logs');
    const table = group.children.find((b) => b.kind === 'table');
    if (table?.kind !== 'table') throw new Error('no table');
    expect(table.rows).toHaveLength(TABLE_LIMIT);
    expect(textOf([group])).toContain(`The first ${TABLE_LIMIT} of 3000 findings`);
    const appendix = section(document, 'appendix-findings');
    const all = appendix.children.find((b) => b.kind === 'table');
    expect(all?.kind === 'table' && all.rows.length).toBe(findings.length);
  });
});
