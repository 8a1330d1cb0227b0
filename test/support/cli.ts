import { fileURLToPath } from 'node:url';
import { run } from '../../src/cli/main.js';

/** The repository root. */
export const root = fileURLToPath(new URL('../..', import.meta.url));

export interface Outcome {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * Runs `vigie` in process, not on a terminal, in English unless `args` or `env` say otherwise:
 * `--lang en` is added when neither gives a language, since the demo models ask for French.
 */
export async function vigie(args: string[], env: Record<string, string> = {}): Promise<Outcome> {
  let stdout = '';
  let stderr = '';
  const chosen = args.some((arg) => arg === '--lang' || arg.startsWith('--lang=')) || 'LANG' in env;
  const code = await run(chosen || args.length === 0 ? args : [...args, '--lang', 'en'], {
    stdout: (text) => (stdout += text),
    stderr: (text) => (stderr += text),
    env: { LANG: 'en_GB.UTF-8', ...env },
    cwd: root,
    isTTY: false,
  });
  return { code, stdout, stderr };
}
