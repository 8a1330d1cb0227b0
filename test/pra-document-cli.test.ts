/**
 * Issue 14: `vigie pra <model> --format html|pdf|docx|md -o file` writes the disaster recovery
 * plan of the demo in both languages and the four formats; bad input exits 2.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { root, vigie } from './support/cli.js';
import { exampleModel } from './support/model.js';

const demo = join(root, 'examples', 'forges-de-l-est');
const scratch = mkdtempSync(join(tmpdir(), 'vigie-pra-document-'));
afterAll(() => {
  rmSync(scratch, { recursive: true, force: true });
});

const model = exampleModel('forges-de-l-est').model;
const TODAY = '2026-11-28';

/** Section titles of the plan, as each language writes them. */
const TITLES = {
  fr: [
    'Plan de reprise d’activité informatique',
    'Bilan d’impact sur l’activité',
    'Organisation de crise et rôles',
    'Critères de déclenchement et escalade',
    'Ordre de reprise et planning',
    'Sauvegardes',
    'Exercices',
    'Hypothèses',
  ],
  en: [
    'IT disaster recovery plan',
    'Business impact analysis',
    'Crisis organisation and roles',
    'Activation criteria and escalation',
    'Recovery order and schedule',
    'Backups',
    'Exercises',
    'Assumptions',
  ],
} as const;

async function write(lang: 'fr' | 'en', format: 'md' | 'html' | 'pdf' | 'docx'): Promise<string> {
  const file = join(scratch, `pra-${lang}.${format}`);
  const out = await vigie([
    'pra',
    demo,
    '--format',
    format,
    '-o',
    file,
    '--today',
    TODAY,
    '--lang',
    lang,
  ]);
  expect(out.stderr).not.toMatch(/error/i);
  expect(out.code).toBe(0);
  expect(existsSync(file)).toBe(true);
  return file;
}

const pdfText = (file: string): string =>
  execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8', maxBuffer: 1 << 26 });

/** The text of a DOCX's main part, read with the system's `unzip`. */
function docxText(file: string): string {
  const xml = execFileSync('unzip', ['-p', file, 'word/document.xml'], {
    encoding: 'utf8',
    maxBuffer: 1 << 28,
  });
  return xml
    .replace(/<w:tab\/>/g, ' ')
    .replace(/<[^>]+>/g, '')
    .replace(/&amp;/g, '&')
    .replace(/&apos;/g, "'")
    .replace(/&quot;/g, '"');
}

describe.each(['fr', 'en'] as const)('the PRA of the demo in %s', (lang) => {
  it('lists every process and the sections of the plan in Markdown and HTML', async () => {
    for (const format of ['md', 'html'] as const) {
      const text = readFileSync(await write(lang, format), 'utf8');
      for (const title of TITLES[lang]) expect(text).toContain(title);
      for (const process of model.processes) expect(text).toContain(process.id);
      for (const backup of model.backups) expect(text).toContain(backup.id);
      if (format === 'html') expect(text).toMatch(new RegExp(`<html[^>]*lang="${lang}`));
    }
  }, 120_000);

  it('writes a PDF whose text holds the plan', async () => {
    const text = pdfText(await write(lang, 'pdf'));
    expect(text).toContain(model.organisation?.name ?? 'missing organisation');
    for (const title of TITLES[lang].slice(1)) expect(text).toContain(title);
    for (const process of model.processes.slice(0, 3)) expect(text).toContain(process.id);
  }, 120_000);

  it('writes a DOCX whose main part holds the plan', async () => {
    const file = await write(lang, 'docx');
    expect(readFileSync(file).subarray(0, 2).toString()).toBe('PK');
    const text = docxText(file);
    for (const title of TITLES[lang]) expect(text).toContain(title);
    for (const process of model.processes) expect(text).toContain(process.id);
  }, 120_000);
});

describe('vigie pra <model> as a document', () => {
  it('speaks the language of the model when --lang is not given', async () => {
    const file = join(scratch, 'pra-model-language.md');
    const out = await vigie(['pra', demo, '-o', file, '--today', TODAY], { LANG: 'en_GB.UTF-8' });
    expect(out.code).toBe(0);
    const text = readFileSync(file, 'utf8');
    expect(text).toContain(TITLES.fr[0]);
    expect(text).not.toContain(TITLES.en[0]);
  }, 60_000);

  it('plans with the declared teams, or with --teams', async () => {
    // the demo declares three teams running 2, 2 and 1 tasks at a time
    const declared = (model.organisation?.continuity?.teams ?? []).reduce(
      (sum, team) => sum + (team.parallel ?? 1),
      0,
    );
    expect(declared).toBe(5);
    const file = join(scratch, 'pra-teams.md');
    const out = await vigie(['pra', demo, '-o', file, '--today', TODAY]);
    expect(out.code).toBe(0);
    expect(readFileSync(file, 'utf8')).toContain('to recover with 5 team(s)');
    const one = await vigie(['pra', demo, '-o', file, '--today', TODAY, '--teams', '1']);
    expect(one.code).toBe(0);
    expect(readFileSync(file, 'utf8')).toContain('to recover with 1 team(s)');
  }, 60_000);

  it('refuses a format that is not a document, a binary format without -o, a bad date', async () => {
    const xls = await vigie(['pra', demo, '--format', 'xls', '-o', join(scratch, 'x.xls')]);
    expect(xls.code).toBe(2);
    const table = await vigie(['pra', demo, '--format', 'table', '-o', join(scratch, 'x.txt')]);
    expect(table.code).toBe(2);
    expect(table.stderr).toContain('pdf');
    const pdf = await vigie(['pra', demo, '--format', 'pdf']);
    expect(pdf.code).toBe(2);
    expect(pdf.stderr).not.toMatch(/\n\s+at /);
    const docx = await vigie(['pra', demo, '--format', 'docx']);
    expect(docx.code).toBe(2);
    const date = await vigie(['pra', demo, '--format', 'md', '--today', '2026-13-45']);
    expect(date.code).toBe(2);
    const teams = await vigie(['pra', demo, '--format', 'md', '--teams', '0']);
    expect(teams.code).toBe(2);
    const scenario = await vigie(['pra', demo, '--format', 'md', '--scenario', 'directory']);
    expect(scenario.code).toBe(2);
    expect(scenario.stderr).toContain('simulate');
  });

  it('still needs a model after an action, and refuses a missing model', async () => {
    expect((await vigie(['pra', 'analyze'])).code).toBe(2);
    const missing = await vigie(['pra', join(scratch, 'no-such-model'), '--format', 'md']);
    expect(missing.code).toBe(2);
  });
});
