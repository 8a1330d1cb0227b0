import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { vigie } from './support/cli.js';

const scratch = mkdtempSync(join(tmpdir(), 'vigie-serve-limits-'));
afterAll(() => {
  rmSync(scratch, { recursive: true, force: true });
});

describe('vigie serve: limits from the environment are checked before anything starts', () => {
  const dataDir = join(scratch, 'never-created');

  it('refuses a malformed limit with exit 2, in the user’s language', async () => {
    const en = await vigie(['serve', '--port', '0'], {
      VIGIE_DATA: dataDir,
      VIGIE_MAX_MODEL_BYTES: '32MB',
    });
    expect(en.code).toBe(2);
    expect(en.stderr).toContain(
      'VIGIE_MAX_MODEL_BYTES expects a whole number from 65,536 to 1,073,741,824 (got "32MB").',
    );
    const fr = await vigie(['serve', '--port', '0'], {
      LANG: 'fr_FR.UTF-8',
      VIGIE_DATA: dataDir,
      VIGIE_DOCUMENT_JOBS_PER_HOUR: '0',
    });
    expect(fr.code).toBe(2);
    expect(fr.stderr).toContain('VIGIE_DOCUMENT_JOBS_PER_HOUR attend un nombre entier de 1 à');
    expect(fr.stderr).not.toMatch(/\n\s+at /);
    expect(existsSync(dataDir)).toBe(false);
  });

  it('refuses an upload limit below the model limit', async () => {
    const outcome = await vigie(['serve', '--port', '0'], {
      VIGIE_DATA: dataDir,
      VIGIE_MAX_MODEL_BYTES: '1000000',
      VIGIE_MAX_UPLOAD_BYTES: '999999',
    });
    expect(outcome.code).toBe(2);
    expect(outcome.stderr).toContain(
      'VIGIE_MAX_UPLOAD_BYTES (999999) must be at least VIGIE_MAX_MODEL_BYTES (1,000,000)',
    );
    expect(existsSync(dataDir)).toBe(false);
  });
});
