import { fileURLToPath } from 'node:url';
import { run } from '../../src/cli/main.js';

/** The repository root. */
export const root = fileURLToPath(new URL('../..', import.meta.url));

export interface Outcome {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs `vigie` in process, not on a terminal, in English unless `env` says otherwise. */
export async function vigie(args: string[], env: Record<string, string> = {}): Promise<Outcome> {
  let stdout = '';
  let stderr = '';
  const code = await run(args, {
    stdout: (text) => (stdout += text),
    stderr: (text) => (stderr += text),
    env: { LANG: 'en_GB.UTF-8', ...env },
    cwd: root,
    isTTY: false,
  });
  return { code, stdout, stderr };
}
