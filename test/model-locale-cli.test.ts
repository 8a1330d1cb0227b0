import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { run } from '../src/cli/main.js';
import { root } from './support/cli.js';

const scratch = mkdtempSync(join(tmpdir(), 'vigie-locale-'));
afterAll(() => {
  rmSync(scratch, { recursive: true, force: true });
});

/** Runs `vigie` with exactly these arguments and environment (no language added). */
async function raw(args: string[], env: Record<string, string>) {
  let stdout = '';
  let stderr = '';
  const code = await run(args, {
    stdout: (text) => (stdout += text),
    stderr: (text) => (stderr += text),
    env,
    cwd: root,
    isTTY: false,
  });
  return { code, stdout, stderr };
}

/** The minimal example with `organisation.locale` set to `locale` (or removed). */
function modelIn(locale: 'fr' | 'en' | undefined): string {
  const dir = join(scratch, locale ?? 'none');
  cpSync(join(root, 'examples', 'minimal'), dir, { recursive: true });
  const file = join(dir, 'model.yaml');
  const text = readFileSync(file, 'utf8').replace(/^\s*locale:.*\n/m, '');
  writeFileSync(
    file,
    locale === undefined
      ? text
      : text.replace(/^organisation:\n/m, `organisation:\n  locale: ${locale}\n`),
  );
  return dir;
}

describe('organisation.locale sets the language of what is said about the model', () => {
  const args = (dir: string) => ['needs', dir, '--format', 'markdown', '--today', '2026-11-28'];

  it('speaks the model’s language when no --lang is given, whatever the environment', async () => {
    const fr = await raw(args(modelIn('fr')), { LANG: 'en_GB.UTF-8' });
    expect(fr.code).toBe(0);
    expect(fr.stdout).toMatch(/Besoins|besoins/);
    const en = await raw(args(modelIn('en')), { LANG: 'fr_FR.UTF-8' });
    expect(en.code).toBe(0);
    expect(en.stdout).toMatch(/Needs|needs/);
    expect(en.stdout).not.toMatch(/Besoins/);
  });

  it('lets --lang win over the model, and the environment decide for a model without locale', async () => {
    const flag = await raw([...args(modelIn('fr')), '--lang', 'en'], { LANG: 'fr_FR.UTF-8' });
    expect(flag.stdout).not.toMatch(/Besoins/);
    const env = await raw(args(modelIn(undefined)), { LANG: 'fr_FR.UTF-8' });
    expect(env.stdout).toMatch(/Besoins|besoins/);
  });
});
