import { describe, expect, it } from 'vitest';
import { BUILTIN_RULES } from '../../design/rules/index.js';
import { prepareDocumentInput } from '../../presentation/input.js';
import { demoInput } from '../../../test/support/documents.js';
import { modelFrom } from '../../../test/support/model.js';
import { plainText, type Block, type ReportDocument } from '../model.js';
import { buildPra, PRA_SECTION_IDS, type PraOptions } from './build-pra.js';
import { defaultScenarioPicks } from './context.js';
import type { GanttDrawer } from './engines.js';
import { PRA_TEXTS } from './texts.js';

const OPTIONS: PraOptions = {
  version: '1.0',
  date: '2026-11-28',
  author: 'Vigie',
  classification: 'Internal',
};

/** Every block of a document, depth first. */
function blocksOf(blocks: readonly Block[]): Block[] {
  return blocks.flatMap((b) => (b.kind === 'section' ? [b, ...blocksOf(b.children)] : [b]));
}

/** The text a reader sees in a block (captions and column titles included). */
function textOf(block: Block): string[] {
  switch (block.kind) {
    case 'section':
      return [block.title];
    case 'paragraph':
    case 'callout':
    case 'quote':
      return [plainText(block.content)];
    case 'list':
      return block.items.map(plainText);
    case 'table':
      return [
        plainText(block.caption ?? []),
        ...block.columns.map((c) => c.title),
        ...block.rows.flatMap((row) => row.map(plainText)),
      ];
    case 'figure':
      return [plainText(block.caption)];
    case 'toc':
    case 'pagebreak':
      return [];
  }
}

const todos = (doc: ReportDocument): string[] =>
  blocksOf(doc.blocks)
    .filter((b) => b.kind === 'callout' && b.tone === 'todo')
    .map((b) => (b.kind === 'callout' ? plainText(b.content) : ''));

/**
 * A small model with no continuity organisation, no backup, and a process without objectives:
 * a site, a user zone with two workstations (ws-b in the user zone, ws-a outside any zone), a
 * directory and a SaaS.
 */
const BARE = `
organisation: { name: Acme }
sites: [{ id: s1, name: Head office, kind: head-office }]
zones:
  - { id: lan, kind: user, site: s1 }
  - { id: srv, kind: server, site: s1 }
assets:
  - { id: ws-a, kind: workstation }
  - { id: ws-b, kind: workstation, zone: lan }
  - { id: dc, kind: directory, zone: srv }
  - { id: app, kind: server, zone: srv }
  - { id: payroll, kind: saas }
flows:
  - { id: f1, from: app, to: dc, protocol: ldap }
processes:
  - { id: sales, assets: [app, payroll] }
`;

function bareDocument(locale: 'en' | 'fr', gantt?: GanttDrawer): ReportDocument {
  const { graph } = modelFrom(BARE);
  const input = prepareDocumentInput(graph, BUILTIN_RULES, { locale, today: '2026-11-28', k: 0 });
  return buildPra(input, gantt === undefined ? OPTIONS : { ...OPTIONS, gantt });
}

describe('buildPra on the demo', () => {
  const gantt: { calls: number; draw: GanttDrawer } = {
    calls: 0,
    draw: (plan, options) => {
      gantt.calls += 1;
      const title = options.title ?? '';
      return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 640 ${String(20 + 10 * plan.tasks.length)}"><title>${title}</title></svg>`;
    },
  };
  const doc = buildPra(demoInput('en'), { ...OPTIONS, gantt: gantt.draw });
  const all = blocksOf(doc.blocks);
  const ids = new Set(all.flatMap((b) => (b.kind === 'section' ? [b.id] : [])));

  it('has every top-level section in order, the appendices last', () => {
    const top = doc.blocks.flatMap((b) => (b.kind === 'section' ? [b.id] : []));
    expect(top).toEqual([...PRA_SECTION_IDS]);
    const appendices = doc.blocks.filter((b) => b.kind === 'section' && b.appendix === true);
    expect(appendices.map((b) => (b.kind === 'section' ? b.id : ''))).toEqual([
      'appendix-assets',
      'appendix-flags',
      'glossary',
    ]);
    expect(doc.meta.title).toBe('IT disaster recovery plan');
  });

  it('has a scenario section with its runbook and a Gantt chart for each saved scenario', () => {
    const saved = demoInput('en').model.organisation?.continuity?.scenarios ?? [];
    expect(saved.length).toBeGreaterThan(0);
    for (const s of saved) {
      expect(ids.has(`scenario-${s.id}`)).toBe(true);
      expect(ids.has(`scenario-${s.id}-runbook`)).toBe(true);
      expect(ids.has(`order-${s.id}`)).toBe(true);
    }
    const figures = all.flatMap((b) => (b.kind === 'figure' ? [b] : []));
    // the whole information system, then one chart per saved scenario
    expect(figures.map((f) => f.id)).toEqual([
      'figure-gantt-whole',
      ...saved.map((s) => `figure-gantt-${s.id}`),
    ]);
    expect(gantt.calls).toBe(1 + saved.length);
    expect(figures[0]?.width).toBe(640);
  });

  it('lists each process in the BIA table with its impact at the five points', () => {
    const impact = all.find((b) => b.kind === 'table' && b.id === 'table-bia-impact');
    expect(impact?.kind).toBe('table');
    if (impact?.kind !== 'table') return;
    expect(impact.columns).toHaveLength(6);
    expect(impact.rows).toHaveLength(demoInput('en').model.processes.length);
  });

  it('sets the escalation and activation thresholds at a quarter and half of the RTO', () => {
    const table = all.find((b) => b.kind === 'table' && b.id === 'table-activation');
    if (table?.kind !== 'table') throw new Error('no activation table');
    // the demo's mail process has an RTO of 4 h: escalate after 1 h, decide after 2 h
    const mail = table.rows.find((row) => plainText(row[1] ?? []) === '4 h');
    expect(mail?.slice(2, 4).map(plainText)).toEqual(['1 h', '2 h']);
  });

  it('gathers what the scenarios lack in an appendix, each gap once', () => {
    const table = all.find((b) => b.kind === 'table' && b.id === 'table-appendix-flags');
    if (table?.kind !== 'table') throw new Error('no appendix of gaps');
    const rows = table.rows.map((row) => `${plainText(row[1] ?? [])} | ${plainText(row[2] ?? [])}`);
    expect(new Set(rows).size).toBe(rows.length);
    // the demo's ransomware leaves data with no surviving backup
    expect(rows.some((row) => row.includes('no-surviving-backup'))).toBe(true);
  });

  it('says the Gantt charts are missing when no drawer is given', () => {
    const bare = buildPra(demoInput('en'), OPTIONS);
    const blocks = blocksOf(bare.blocks);
    expect(blocks.some((b) => b.kind === 'figure')).toBe(false);
    expect(
      blocks.some(
        (b) => b.kind === 'callout' && plainText(b.content) === PRA_TEXTS.ganttMissing.en,
      ),
    ).toBe(true);
  });
});

describe('buildPra on a model without continuity data', () => {
  const doc = bareDocument('en');
  const items = todos(doc);
  const has = (where: string): boolean => items.some((t) => t.includes(where));

  it('lists what is to be completed, with where to declare it', () => {
    expect(has('processes.yaml → processes[].rto, rpo, mtpd')).toBe(true);
    expect(has('processes.yaml → processes[].mbco')).toBe(true);
    expect(has('organisation.continuity.crisisRoles')).toBe(true);
    expect(has('organisation.continuity.teams')).toBe(true);
    expect(has('organisation.continuity.contacts')).toBe(true);
    expect(has('organisation.continuity.exercises')).toBe(true);
    expect(has('organisation.continuity.scenarios')).toBe(true);
    expect(has('backups.yaml → backups')).toBe(true);
    // every crisis role is missing, by name
    const roles = items.find((t) => t.startsWith(PRA_TEXTS.todoRoles.en)) ?? '';
    for (const role of ['crisis-director', 'it-lead', 'communication', 'dpo'])
      expect(roles).toContain(role);
  });

  it('simulates the default scenarios picked from the model', () => {
    const { graph } = modelFrom(BARE);
    const picks = defaultScenarioPicks(graph).map((p) =>
      p.target === undefined ? p.kind : `${p.kind}:${p.target}`,
    );
    // ws-b is the first workstation in a user zone (ws-a is in no zone)
    expect(picks).toEqual(['site-loss:s1', 'ransomware:ws-b', 'directory', 'provider:payroll']);
    const sections = blocksOf(doc.blocks).flatMap((b) =>
      b.kind === 'section' && /^scenario-default-\d+$/.test(b.id) ? [b.id] : [],
    );
    expect(sections).toHaveLength(4);
  });

  it('recommends an exercise for the process never exercised', () => {
    const plan = blocksOf(doc.blocks).find(
      (b) => b.kind === 'table' && b.id === 'table-exercise-plan',
    );
    if (plan?.kind !== 'table') throw new Error('no exercise plan');
    expect(plan.rows).toHaveLength(1);
    expect(plainText(plan.rows[0]?.[2] ?? [])).toBe('never');
    // no RTO: within six months of the analysis date
    expect(plainText(plan.rows[0]?.[4] ?? [])).toBe('2027-05-28');
  });
});

describe('the PRA in French and in English', () => {
  /** Sentences (four words or more) a document writes itself, in reading order. */
  const sentences = (doc: ReportDocument): string[] =>
    blocksOf(doc.blocks)
      .flatMap(textOf)
      .filter((t) => t.split(/\s+/).filter((w) => /^[\p{L}’']{2,}[,.;:]?$/u.test(w)).length >= 4);

  it('shares no sentence between the two languages on a model without names', () => {
    const en = new Set(sentences(bareDocument('en')));
    const same = sentences(bareDocument('fr')).filter((t) => en.has(t));
    expect(same).toEqual([]);
  });

  it('shares no sentence between the two languages on the demo, model text aside', () => {
    const draw: GanttDrawer = () =>
      '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"></svg>';
    const model = demoInput('en').model;
    // text the model writes (names, descriptions, MBCO, procedures, contacts) is in one language
    const own: string[] = [];
    const collect = (value: unknown): void => {
      if (typeof value === 'string') {
        if (value.length >= 6) own.push(value);
      } else if (typeof value === 'object' && value !== null)
        for (const child of Object.values(value)) collect(child);
    };
    collect(model);
    const en = new Set(sentences(buildPra(demoInput('en'), { ...OPTIONS, gantt: draw })));
    const same = sentences(buildPra(demoInput('fr'), { ...OPTIONS, gantt: draw })).filter(
      (t) => en.has(t) && !own.some((s) => t.includes(s)),
    );
    expect(same).toEqual([]);
  });

  it('translates every text of the document', () => {
    const untranslated: string[] = [];
    const visit = (value: unknown, path: string): void => {
      if (typeof value === 'function') {
        visit((value as (...args: string[]) => unknown)('X', 'Y', 'Z', 'W', 'V'), path);
        return;
      }
      if (typeof value !== 'object' || value === null) return;
      const entry = value as { en?: unknown; fr?: unknown };
      if (typeof entry.en === 'string' && typeof entry.fr === 'string') {
        // acronyms and single words that both languages spell alike
        if (entry.en === entry.fr && !/^[\w-]+$/u.test(entry.en) && entry.en !== '3 copies')
          untranslated.push(`${path}: ${entry.en}`);
        return;
      }
      for (const [key, child] of Object.entries(value)) visit(child, `${path}.${key}`);
    };
    visit(PRA_TEXTS, 'PRA_TEXTS');
    expect(untranslated).toEqual([]);
  });
});
