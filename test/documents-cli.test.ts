/**
 * Issue 4 acceptance on the demo: the DAT and the analysis report in all four formats, in French
 * and in English, through the CLI. Content (every zone, asset and flow in the DAT), PDF page count
 * and extractable text (poppler), DOCX converted by LibreOffice without error, HTML without any
 * external reference.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { exampleModel } from './support/model.js';
import { root, vigie } from './support/cli.js';

const demo = join(root, 'examples', 'forges-de-l-est');
const scratch = mkdtempSync(join(tmpdir(), 'vigie-documents-'));
afterAll(() => {
  rmSync(scratch, { recursive: true, force: true });
});

const model = exampleModel('forges-de-l-est').model;
const DATE = '2026-11-28';

async function write(
  kind: 'dat' | 'analysis',
  lang: 'en' | 'fr',
  format: 'md' | 'html' | 'pdf' | 'docx',
): Promise<{ file: string; stderr: string }> {
  const file = join(scratch, `${kind}-${lang}.${format}`);
  const args = kind === 'dat' ? ['dat', demo] : ['report', 'analysis', demo];
  const out = await vigie([
    ...args,
    '--format',
    format,
    '-o',
    file,
    '--date',
    DATE,
    '--lang',
    lang,
  ]);
  expect(out.stderr).not.toMatch(/error/i);
  expect(out.code).toBe(0);
  expect(existsSync(file)).toBe(true);
  return { file, stderr: out.stderr };
}

function pdfText(file: string): string {
  return execFileSync('pdftotext', ['-layout', file, '-'], {
    encoding: 'utf8',
    maxBuffer: 1 << 26,
  });
}

function pdfPages(file: string): number {
  const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
  return Number(/Pages:\s+(\d+)/.exec(info)?.[1]);
}

/** Resources an HTML page would load from elsewhere (hyperlinks in text are not loads). */
function externalReferences(html: string): string[] {
  const found: string[] = [];
  for (const m of html.matchAll(
    /<(script|link|iframe|object|embed|img|source|video|audio)\b[^>]*>/gi,
  )) {
    const tag = m[0];
    if (/^<(script|link|iframe|object|embed)/i.test(tag)) found.push(tag);
    const src = /\ssrc\s*=\s*["']?([^"'\s>]+)/i.exec(tag)?.[1];
    if (src !== undefined && !src.startsWith('data:') && !src.startsWith('#')) found.push(tag);
  }
  for (const m of html.matchAll(/url\(\s*["']?([^"')]+)/gi))
    if (!(m[1] ?? '').startsWith('data:') && !(m[1] ?? '').startsWith('#')) found.push(m[0]);
  if (/@import/i.test(html)) found.push('@import');
  return found;
}

describe.each(['fr', 'en'] as const)('the demo DAT in %s', (lang) => {
  it('lists every zone, asset and flow in Markdown and HTML', async () => {
    for (const format of ['md', 'html'] as const) {
      const text = readFileSync((await write('dat', lang, format)).file, 'utf8');
      const missing = [...model.zones, ...model.assets, ...model.flows]
        .map((e) => e.id)
        .filter((id) => !text.includes(id));
      expect(missing).toEqual([]);
    }
  });

  it('writes a self-contained HTML file', async () => {
    const html = readFileSync((await write('dat', lang, 'html')).file, 'utf8');
    expect(html).toMatch(new RegExp(`<html[^>]*lang="${lang}`));
    expect(externalReferences(html)).toEqual([]);
  });

  it('writes a PDF with the pages it reports and extractable text', async () => {
    const { file, stderr } = await write('dat', lang, 'pdf');
    const reported = Number(/(\d+) pages/.exec(stderr)?.[1]);
    const pages = pdfPages(file);
    expect(pages).toBe(reported);
    expect(pages).toBeGreaterThan(10);
    const text = pdfText(file);
    expect(text).toContain(model.organisation?.name ?? 'missing organisation');
    expect(text).toContain(lang === 'fr' ? 'Matrice des flux' : 'Flow matrix');
    for (const asset of model.assets.slice(0, 20)) expect(text).toContain(asset.id);
  });
});

describe('DOCX', () => {
  it('is converted by LibreOffice without error (DAT in French, analysis report in English)', async () => {
    const lo = spawnSync('soffice', ['--version'], { encoding: 'utf8' });
    expect(lo.status, 'LibreOffice (soffice) must be installed: .ci/run installs it').toBe(0);
    for (const [kind, lang] of [
      ['dat', 'fr'],
      ['analysis', 'en'],
    ] as const) {
      const { file } = await write(kind, lang, 'docx');
      const outdir = join(scratch, `lo-${kind}`);
      const result = spawnSync(
        'soffice',
        [
          `-env:UserInstallation=file://${join(scratch, `lo-profile-${kind}`)}`,
          '--headless',
          '--convert-to',
          'pdf',
          '--outdir',
          outdir,
          file,
        ],
        { encoding: 'utf8', timeout: 180_000 },
      );
      expect(result.status, result.stderr).toBe(0);
      const pdf = join(outdir, `${kind}-${lang}.pdf`);
      expect(existsSync(pdf)).toBe(true);
      expect(pdfPages(pdf)).toBeGreaterThan(3);
      expect(pdfText(pdf)).toContain(model.organisation?.name ?? 'missing organisation');
    }
  }, 400_000);
});

describe('the analysis report', () => {
  it('is written in every format and both languages', async () => {
    for (const lang of ['fr', 'en'] as const) {
      for (const format of ['md', 'html', 'pdf'] as const) await write('analysis', lang, format);
      const md = readFileSync(join(scratch, `analysis-${lang}.md`), 'utf8');
      expect(md).toContain('unsupported-os@ews-automatisme');
      const text = pdfText(join(scratch, `analysis-${lang}.pdf`));
      expect(text).toContain(lang === 'fr' ? 'Chemins d’attaque' : 'Attack paths');
    }
  }, 120_000);
});

describe('document commands refuse bad input', () => {
  it('needs -o for binary formats, a real date, a known report, a valid model', async () => {
    expect((await vigie(['dat', demo, '--format', 'pdf'])).code).toBe(2);
    expect((await vigie(['dat', demo, '--date', '2026-13-45'])).code).toBe(2);
    expect((await vigie(['dat', demo, '--doc-version', '1.0; rm -rf'])).code).toBe(2);
    const unknown = await vigie(['report', 'audit', demo]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('analysis');
    const broken = await vigie(['dat', join(root, 'test', 'fixtures', 'yaml')]);
    expect(broken.code).toBe(2);
    const unwritable = await vigie(['dat', demo, '-o', join(scratch, 'no', 'such', 'dir', 'x.md')]);
    expect(unwritable.code).toBe(2);
    expect(unwritable.stderr).toMatch(/cannot write/);
  });

  it('prints Markdown on standard output by default, the same for the same date', async () => {
    const a = await vigie(['dat', demo, '--date', DATE]);
    const b = await vigie(['dat', demo, '--date', DATE]);
    expect(a.code).toBe(0);
    expect(a.stdout.length).toBeGreaterThan(10_000);
    expect(a.stdout).toBe(b.stdout);
  });
});
