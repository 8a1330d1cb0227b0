/**
 * The dependency direction is enforced by `npm run lint`: the repository's ESLint config is run
 * on fixtures as if they were files of src/design or of the Sigma engine. Type-aware rules are
 * switched off (the fixtures are not in the TypeScript project); `no-restricted-imports` is not
 * type-aware, so the direction rules are the ones `eslint .` applies.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import tseslint from 'typescript-eslint';
import { beforeAll, describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const DESIGN_FILE = 'src/design/rules/lint-fixture.ts';
const SIGMA_FILE = 'src/supervision/sigma/compile/lint-fixture.ts';

const fixture = (name: string): string =>
  readFileSync(new URL(`fixtures/lint/${name}.ts.txt`, import.meta.url), 'utf8');

let eslint: ESLint;

beforeAll(() => {
  eslint = new ESLint({ cwd: ROOT, overrideConfig: [tseslint.configs.disableTypeChecked] });
});

async function lint(name: string, filePath: string): Promise<readonly string[]> {
  const [result] = await eslint.lintText(fixture(name), { filePath: `${ROOT}${filePath}` });
  return (result?.messages ?? []).map((m) => `${m.ruleId ?? 'fatal'}: ${m.message}`);
}

describe('dependency direction (eslint.config.js)', () => {
  it.each([
    ['design-imports-platform', DESIGN_FILE, 'src/design (rules, analyses)'],
    ['design-reads-files', DESIGN_FILE, 'receive I/O as parameters'],
    ['sigma-imports-model', SIGMA_FILE, 'nothing outside src/supervision/sigma'],
  ])('refuses %s', async (name, filePath, message) => {
    const messages = await lint(name, filePath);
    expect(messages).toHaveLength(1);
    expect(messages[0]).toContain('no-restricted-imports');
    expect(messages[0]).toContain(message);
  });

  it.each([
    ['design-imports-model', DESIGN_FILE],
    ['sigma-imports-sigma', SIGMA_FILE],
  ])('accepts %s', async (name, filePath) => {
    expect(await lint(name, filePath)).toEqual([]);
  });

  it('resolves imports from where the file is', async () => {
    // `../rule/…` stays inside the engine from compile/, and leaves it from the engine's root
    const messages = await lint('sigma-imports-sigma', 'src/supervision/sigma/lint-fixture.ts');
    expect(messages).toHaveLength(2);
    for (const message of messages) expect(message).toContain('nothing outside');
  });
});
