import { describe, expect, it } from 'vitest';
import { createTranslator, LOCALES } from '../i18n/index.js';
import { FILE_PROBLEMS, FileAccessError } from '../io/file-access.js';
import { UsageError, type CommandContext } from './context.js';
import { EXIT, fileErrorMessage, reportFailure } from './failure.js';

function context(locale: 'en' | 'fr', debug = false): CommandContext & { err: () => string } {
  let err = '';
  return {
    stdout: () => undefined,
    stderr: (text) => (err += text),
    env: {},
    cwd: '/',
    isTTY: false,
    t: createTranslator(locale),
    locale,
    color: false,
    debug,
    err: () => err,
  };
}

describe('fileErrorMessage', () => {
  it('names the path and the problem for every problem, in both languages', () => {
    for (const locale of LOCALES) {
      const t = createTranslator(locale);
      for (const problem of FILE_PROBLEMS) {
        for (const mode of ['read', 'write'] as const) {
          const text = fileErrorMessage(
            t,
            new FileAccessError(problem, '/data/out.txt', mode, 'EXXX', 2 * 1_048_576),
          );
          expect(text, `${locale} ${problem}`).toContain('/data/out.txt');
          expect(text, `${locale} ${problem}`).toContain('EXXX');
          expect(text, `${locale} ${problem}`).not.toMatch(/[{}]/);
        }
      }
    }
  });

  it('reads as a sentence', () => {
    const t = createTranslator('en');
    expect(
      fileErrorMessage(t, new FileAccessError('no-directory', '/a/b/c.md', 'write', 'ENOENT')),
    ).toBe('cannot write /a/b/c.md: the directory /a/b does not exist (ENOENT).');
    expect(
      fileErrorMessage(
        t,
        new FileAccessError('too-large', '/x.yaml', 'read', undefined, 1_048_576),
      ),
    ).toBe('cannot read /x.yaml: larger than the limit of 1 MB.');
    expect(
      fileErrorMessage(
        createTranslator('fr'),
        new FileAccessError('no-space', '/dev/full', 'write', 'ENOSPC'),
      ),
    ).toMatch(
      /^impossible d’écrire \/dev\/full\s: plus de place sur le périphérique \(ENOSPC\)\.$/,
    );
  });
});

describe('reportFailure: one mapping from failures to exit codes', () => {
  it('gives 2 to bad usage (with a pointer to the help) and to files, 70 to the rest', () => {
    const usage = context('en');
    expect(reportFailure(usage, new UsageError('bad'), 'vigie x --help')).toBe(EXIT.bad);
    expect(usage.err()).toBe('error: bad\nSee "vigie x --help".\n');

    const file = context('en');
    const error = new FileAccessError('special-file', '/dev/zero', 'read');
    expect(reportFailure(file, error, 'vigie x --help')).toBe(EXIT.bad);
    expect(file.err()).toMatch(/^error: cannot read \/dev\/zero: it is a device/);

    const bug = context('en');
    expect(reportFailure(bug, new TypeError('oops'), 'vigie x --help')).toBe(EXIT.internal);
    expect(bug.err()).not.toMatch(/\n\s+at /);
    const debug = context('en', true);
    reportFailure(debug, new TypeError('oops'), 'vigie x --help');
    expect(debug.err()).toMatch(/\n\s+at /);
  });
});
