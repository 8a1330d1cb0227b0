import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { COMMANDS } from '../src/cli/commands/index.js';
import { run } from '../src/cli/main.js';
import { root, vigie } from './support/cli.js';

const demo = join(root, 'examples', 'forges-de-l-est');
const scratch = mkdtempSync(join(tmpdir(), 'vigie-cli-'));
afterAll(() => {
  rmSync(scratch, { recursive: true, force: true });
});

/** 1-based line of the first line containing `needle`. */
function lineOf(file: string, needle: string): number {
  const index = readFileSync(file, 'utf8')
    .split('\n')
    .findIndex((line) => line.includes(needle));
  if (index === -1) throw new Error(`${needle} not in ${file}`);
  return index + 1;
}

describe('vigie validate', () => {
  it('accepts the demo organisation with exit 0', async () => {
    const out = await vigie(['validate', demo]);
    expect(out.code).toBe(0);
    expect(out.stdout).toMatch(/Valid model: 11 file\(s\), 0 error\(s\)/);
  });

  it('reports a dangling reference, a type error and a YAML syntax error together, exit 1', async () => {
    const copy = join(scratch, 'broken');
    cpSync(demo, copy, { recursive: true });
    const flows = join(copy, 'flows.yaml');
    const flowsText = readFileSync(flows, 'utf8');
    const firstTo = /^( *)to: (\S+)/m.exec(flowsText);
    if (firstTo?.[2] === undefined) throw new Error('no flow destination in the demo');
    writeFileSync(
      flows,
      flowsText.replace(firstTo[0], `${firstTo[1] ?? ''}to: srv-qui-n-existe-pas`),
    );
    const danglingLine = lineOf(flows, 'to: srv-qui-n-existe-pas');

    const processes = join(copy, 'processes.yaml');
    const processesText = readFileSync(processes, 'utf8');
    writeFileSync(processes, processesText.replace(/^( *)rto: \S+/m, '$1rto: [4h]'));
    const typeLine = lineOf(processes, 'rto: [4h]');

    const backups = join(copy, 'backups.yaml');
    writeFileSync(backups, `${readFileSync(backups, 'utf8')}\n  - id: broken\n    protects: [a\n`);
    const syntaxLine = lineOf(backups, 'protects: [a');

    const out = await vigie(['validate', copy]);
    expect(out.code).toBe(1);
    const lines = out.stdout.trim().split('\n');
    const find = (code: string): string | undefined => lines.find((l) => l.includes(` ${code} `));
    expect(find('unknown-reference')).toMatch(
      new RegExp(
        `^${flows.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:${danglingLine}:\\d+ error unknown-reference `,
      ),
    );
    expect(find('schema-type')).toContain(`processes.yaml:${typeLine}:`);
    const syntax = find('yaml-syntax');
    expect(syntax).toContain('backups.yaml:');
    const reported = Number(/backups\.yaml:(\d+):/.exec(syntax ?? '')?.[1]);
    // the parser may flag the unclosed bracket on its line or at the end of the file
    expect(reported).toBeGreaterThanOrEqual(syntaxLine);
    expect(out.stderr).toMatch(/Invalid model: \d+ error/);
  });

  it('prints { valid, diagnostics } as JSON', async () => {
    const out = await vigie(['validate', join(scratch, 'broken'), '--format', 'json']);
    const parsed = JSON.parse(out.stdout) as { valid: boolean; diagnostics: unknown[] };
    expect(Object.keys(parsed).sort()).toEqual(['diagnostics', 'valid']);
    expect(parsed.valid).toBe(false);
    expect(parsed.diagnostics.length).toBeGreaterThanOrEqual(3);
    expect(out.code).toBe(1);
  });

  it('exits 2 when the path cannot be read, without a stack trace', async () => {
    const out = await vigie(['validate', join(scratch, 'nope')]);
    expect(out.code).toBe(2);
    expect(out.stdout).toContain('path-not-found');
    expect(out.stdout + out.stderr).not.toMatch(/\n\s+at /);
  });

  it('speaks French with --lang fr and from LANG', async () => {
    const byFlag = await vigie(['validate', join(scratch, 'broken'), '--lang', 'fr']);
    expect(byFlag.stdout).toContain('Référence inconnue');
    const byEnv = await vigie(['validate', join(scratch, 'broken')], { LANG: 'fr_FR.UTF-8' });
    expect(byEnv.stdout).toContain('Référence inconnue');
  });
});

describe('vigie CLI conventions', () => {
  it('lists each command under the name and summary of the module it loads', async () => {
    for (const entry of COMMANDS) {
      const command = await entry.load();
      expect(command.name).toBe(entry.name);
      expect(command.summary).toBe(entry.summary);
    }
  });

  it('prints the version and help', async () => {
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string };
    expect((await vigie(['--version'])).stdout.trim()).toBe(pkg.version);
    const help = await vigie(['--help']);
    expect(help.code).toBe(0);
    for (const command of ['validate', 'summary', 'graph', 'schema', 'init', 'generate']) {
      expect(help.stdout).toContain(command);
      const sub = await vigie([command, '--help']);
      expect(sub.code).toBe(0);
      expect(sub.stdout).toContain(`vigie ${command}`);
    }
    expect((await vigie(['--help', '--lang', 'fr'])).stdout).toContain('Commandes');
  });

  it('rejects bad usage with exit 2 and a message', async () => {
    const unknown = await vigie(['frobnicate']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('unknown command "frobnicate"');
    const badFormat = await vigie(['validate', demo, '--format', 'xml']);
    expect(badFormat.code).toBe(2);
    expect(badFormat.stderr).toContain('--format');
    const badFlag = await vigie(['validate', demo, '--nope']);
    expect(badFlag.code).toBe(2);
    const missing = await vigie(['validate']);
    expect(missing.code).toBe(2);
  });

  it('uses colours only on a terminal', async () => {
    let stdout = '';
    await run(['validate', join(scratch, 'broken')], {
      stdout: (text) => (stdout += text),
      stderr: () => undefined,
      env: {},
      cwd: root,
      isTTY: true,
    });
    expect(stdout).toContain('\u001b[31m');
    expect((await vigie(['validate', join(scratch, 'broken')])).stdout).not.toContain('\u001b[');
  });
});

describe('vigie summary, schema, graph, init, generate', () => {
  it('summarises the demo as a table and as JSON', async () => {
    const table = await vigie(['summary', demo]);
    expect(table.code).toBe(0);
    expect(table.stdout).toContain("Forges de l'Est");
    const json = JSON.parse((await vigie(['summary', demo, '--format', 'json'])).stdout) as {
      counts: Record<string, number>;
      otAssets: number;
    };
    expect(json.counts.assets).toBeGreaterThanOrEqual(50);
    expect(json.counts.flows).toBeGreaterThanOrEqual(35);
    expect(json.otAssets).toBeGreaterThan(0);
  });

  it('prints the JSON Schema', async () => {
    const out = await vigie(['schema']);
    const schema = JSON.parse(out.stdout) as {
      $schema: string;
      properties: Record<string, unknown>;
    };
    expect(schema.$schema).toContain('2020-12');
    expect(Object.keys(schema.properties)).toContain('assets');
  });

  it('draws the graph in dot, mermaid and json', async () => {
    const dot = await vigie(['graph', demo, '--format', 'dot']);
    expect(dot.stdout.startsWith('digraph vigie {')).toBe(true);
    const mermaid = await vigie(['graph', demo, '--format', 'mermaid']);
    expect(mermaid.stdout.startsWith('flowchart LR')).toBe(true);
    const json = JSON.parse((await vigie(['graph', demo, '--format', 'json'])).stdout) as {
      nodes: unknown[];
      edges: unknown[];
    };
    expect(json.edges.length).toBeGreaterThan(30);
  });

  it('writes a starter model that validates, in French and English, and refuses to overwrite', async () => {
    for (const lang of ['fr', 'en']) {
      const dir = join(scratch, `init-${lang}`);
      expect((await vigie(['init', dir, '--lang', lang])).code).toBe(0);
      const text = readFileSync(join(dir, 'model.yaml'), 'utf8');
      expect(text.startsWith('# yaml-language-server: $schema=./vigie-model.schema.json')).toBe(
        true,
      );
      expect(text).toContain(lang === 'fr' ? 'Mon organisation' : 'My organisation');
      const out = await vigie(['validate', dir]);
      expect(out.code).toBe(0);
      expect(out.stdout).toContain('0 error(s), 0 warning(s)');
      const again = await vigie(['init', dir]);
      expect(again.code).toBe(2);
    }
  });

  it('generates a model that validates', async () => {
    const dir = join(scratch, 'generated');
    const out = await vigie(['generate', '--assets', '300', '--flows', '900', '-o', dir]);
    expect(out.code).toBe(0);
    const summary = JSON.parse((await vigie(['summary', dir, '--format', 'json'])).stdout) as {
      valid: boolean;
      counts: Record<string, number>;
    };
    expect(summary.valid).toBe(true);
    expect(summary.counts.assets).toBe(300);
    expect(summary.counts.flows).toBe(900);
    expect((await vigie(['generate', '--assets', '-3', '-o', dir])).code).toBe(2);
  });
});
