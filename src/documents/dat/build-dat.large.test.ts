import { dump } from 'js-yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import { BUILTIN_RULES } from '../../design/rules/index.js';
import { createTranslator } from '../../i18n/index.js';
import { generateModel } from '../../model/generate.js';
import { loadModel } from '../../model/load.js';
import type { DiagramProvider } from '../../presentation/diagram-provider.js';
import { prepareDocumentInput, type DocumentInput } from '../../presentation/input.js';
import { plainText, type Block, type ReportDocument } from '../model.js';
import { buildDat } from './build-dat.js';
import { MAX_FAMILY_FINDINGS } from './common.js';
import { MAX_LISTED_FINDINGS } from './findings.js';

const SVG = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"/>';

type Table = Extract<Block, { kind: 'table' }>;
const allBlocks = (blocks: readonly Block[]): Block[] =>
  blocks.flatMap((b) => (b.kind === 'section' ? [b, ...allBlocks(b.children)] : [b]));
const tables = (doc: ReportDocument): Table[] =>
  allBlocks(doc.blocks).filter((b): b is Table => b.kind === 'table');
const firstColumn = (table: Table): string[] => table.rows.map((row) => plainText(row[0] ?? []));

describe('buildDat on the 10,000-asset / 50,000-flow model', () => {
  let input: DocumentInput;
  let doc: ReportDocument;
  let elapsed = 0;
  const calls: string[] = [];

  beforeAll(async () => {
    const files = generateModel({ assets: 10_000, flows: 50_000, seed: 7 });
    const sources = Object.entries(files).map(([file, content]) => ({
      file,
      text: dump(content, { lineWidth: -1, noRefs: true }),
    }));
    const { graph } = loadModel(sources, { t: createTranslator('en') });
    // attack paths are the slow analysis and are not the builder's: skipped here
    input = prepareDocumentInput(graph, BUILTIN_RULES, { locale: 'en', today: '2026-11-28', k: 0 });
    const diagram = { svg: SVG, width: 10, height: 10, title: '', alt: '' };
    const diagrams: DiagramProvider = {
      zones: (view) => {
        calls.push(`zones:${view?.siteId ?? '*'}`);
        return Promise.resolve(diagram);
      },
      process: () => Promise.resolve(diagram),
      attackPath: () => Promise.resolve(diagram),
    };
    const start = performance.now();
    doc = await buildDat(input, diagrams, {
      version: '1.0',
      date: '2026-11-28',
      author: 'Vigie',
      classification: 'Restricted',
    });
    elapsed = performance.now() - start;
  }, 300_000);

  it('builds in less than 10 seconds', () => {
    expect(elapsed).toBeLessThan(10_000);
  });

  it('lists every asset and every flow', () => {
    const inventory = tables(doc)
      .filter((t) => (t.id ?? '').startsWith('table-inventory-'))
      .flatMap(firstColumn);
    expect(inventory).toHaveLength(input.model.assets.length);
    expect(new Set(inventory)).toEqual(new Set(input.model.assets.map((a) => a.id)));
    const flows = tables(doc).find((t) => t.id === 'table-flows');
    expect(flows?.rows).toHaveLength(50_000);
  });

  it('draws the zone-level overview and one diagram per site', () => {
    expect(calls).toEqual(['zones:*', ...input.model.sites.map((s) => `zones:${s.id}`)]);
  });

  it('caps the finding tables and says where the rest is', () => {
    const open = input.findings.filter((f) => f.status === 'open').length;
    expect(open).toBeGreaterThan(MAX_LISTED_FINDINGS);
    const listed = tables(doc).find((t) => t.id === 'table-findings-open');
    expect(listed?.rows).toHaveLength(MAX_LISTED_FINDINGS);
    expect(listed?.columns.map((c) => c.title)).not.toContain('Remediation');
    const rules = tables(doc).find((t) => t.id === 'table-findings-rules');
    const counted = rules?.rows.reduce(
      (sum, row) => sum + Number(plainText(row[2] ?? []).replace(/\D/g, '')),
      0,
    );
    expect(counted).toBe(open);
    for (const id of ['table-logging-findings', 'table-administration-findings'])
      expect(tables(doc).find((t) => t.id === id)?.rows.length).toBe(MAX_FAMILY_FINDINGS);
  });

  it('says that attack paths were not computed', () => {
    const section = allBlocks(doc.blocks).find(
      (b) => b.kind === 'section' && b.id === 'residual-paths',
    );
    expect(section?.kind === 'section' ? section.children[0] : undefined).toMatchObject({
      kind: 'callout',
      tone: 'info',
    });
  });
});
