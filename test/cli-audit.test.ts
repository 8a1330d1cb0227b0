/**
 * `vigie audit` from the command line, against a loopback web server (127.0.0.98, ports
 * 28500–28599): a campaign, a one-off check, the report, and bad inputs — a scope file with
 * errors (located), a target outside the scope (refused before any packet), a corrupt results
 * file (located).
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseResults } from '../src/audit/campaign/results.js';
import { vigie } from './support/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'vigie-cli-audit-'));
const file = (name: string, text: string): string => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};
let server: Server;
let hits = 0;

beforeAll(async () => {
  server = createServer((_req, res) => {
    hits += 1;
    res.writeHead(200, { server: 'Apache/2.4.62' });
    res.end('<html>hello</html>');
  });
  await new Promise<void>((resolve) => {
    server.listen(28500, '127.0.0.98', resolve);
  });
});
afterAll(async () => {
  await new Promise<void>((resolve) => {
    server.close(() => {
      resolve();
    });
  });
  rmSync(dir, { recursive: true, force: true });
});

// the model declares HTTP on web:80, reached on the lab's 28500 (the scope's map)
const model = join(dir, 'model');
mkdirSync(model);
writeFileSync(
  join(model, 'model.yaml'),
  'organisation: { name: Lab }\nassets:\n  - { id: web, kind: server, addresses: [10.0.0.1], services: [{ port: 80, transport: tcp, protocol: http }] }\n',
);
const scope = file(
  'scope.yaml',
  'name: Lab\nmodel: mapped\nports: declared\ntargets:\n  - { host: 127.0.0.98, asset: web, map: { 80: 28500 }, ports: [28501] }\nexclude: [{ port: 28501 }]\nlimits: { timeout: 800ms }\n',
);
const results = join(dir, 'results.json');

describe('vigie audit run', () => {
  it('runs a campaign, writes results and shows progress and a summary', async () => {
    const out = await vigie([
      'audit',
      'run',
      '--scope',
      scope,
      '--model',
      model,
      '-o',
      results,
      '--today',
      '2026-12-08',
    ]);
    expect(out.code).toBe(0);
    expect(out.stderr).toContain('Scanning');
    expect(out.stderr).toContain('Audit "Lab": 1 hosts, 1 open ports');
    const read = parseResults(readFileSync(results, 'utf8'), results);
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    expect(read.results.hosts[0]?.open.map((o) => o.port)).toEqual([28500]);
    expect(read.results.findings.length).toBeGreaterThan(0);
    expect(read.results.findings.every((f) => f.entities.includes('web'))).toBe(true);
    // the table of findings goes to standard output when the results go to a file
    expect(out.stdout).toContain('http-');
  });

  it('exits 1 with --fail-on when a finding reaches the threshold', async () => {
    const out = await vigie([
      'audit',
      'run',
      '--scope',
      scope,
      '--model',
      model,
      '-o',
      join(dir, 'r2.json'),
      '--fail-on',
      'info',
    ]);
    expect(out.code).toBe(1);
  });

  it('refuses a scope file with errors, located, before sending anything', async () => {
    const bad = file(
      'bad.yaml',
      'targets:\n  - { host: 127.0.0.98 }\nexclude: [127.0.0.300]\nlimits: { timeout: 1y }\n',
    );
    const before = hits;
    const out = await vigie(['audit', 'run', '--scope', bad]);
    expect(out.code).toBe(2);
    expect(out.stderr).toMatch(
      new RegExp(`${bad.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:3:\\d+ error`),
    );
    expect(out.stderr).toMatch(/bad\.yaml:4:\d+ error/);
    expect(out.stderr).toContain('nothing was sent');
    expect(hits).toBe(before);
  });

  it('refuses an unknown vantage zone and a missing scope', async () => {
    expect((await vigie(['audit', 'run'])).stderr).toContain('--scope');
    const out = await vigie([
      'audit',
      'run',
      '--scope',
      scope,
      '--vantage',
      'nowhere',
      '--model',
      'examples/forges-de-l-est',
    ]);
    expect(out.code).toBe(2);
    expect(out.stderr).toContain('--vantage nowhere');
  });
});

describe('vigie audit <probe> <target>', () => {
  it('checks one web endpoint and prints its findings', async () => {
    const out = await vigie(['audit', 'http', '127.0.0.98:28500', '--today', '2026-12-08']);
    expect(out.code).toBe(0);
    expect(out.stdout).toContain('127.0.0.98: open 28500');
    expect(out.stdout).toContain('http-');
  });

  it('refuses a target outside --scope before any packet', async () => {
    const before = hits;
    const plain = file('plain.yaml', 'targets:\n  - { host: 127.0.0.98 }\nports: [28500]\n');
    const out = await vigie(['audit', 'http', '127.0.0.98:28501', '--scope', plain]);
    expect(out.code).toBe(2);
    expect(out.stderr).toContain('127.0.0.98:28501 is out of scope');
    expect(hits).toBe(before);
  });

  it('refuses a malformed target and an unknown action', async () => {
    expect((await vigie(['audit', 'tls', '127.0.0.98:99999'])).code).toBe(2);
    const out = await vigie(['audit', 'scan', 'x']);
    expect(out.code).toBe(2);
    expect(out.stderr).toContain('"scan" is not an audit action');
  });
});

describe('vigie audit host', () => {
  it('audits this host read-only and writes a results file the report reads', async () => {
    const out = join(dir, 'host.json');
    const run = await vigie(['audit', 'host', '-o', out]);
    expect([0, 1]).toContain(run.code);
    expect(run.stdout).toMatch(/Hardening index \d+\/100/);
    const parsed = parseResults(readFileSync(out, 'utf8'), out, 'en');
    expect(parsed.ok).toBe(true);
    const extra = await vigie(['audit', 'host', 'somewhere']);
    expect(extra.code).toBe(2);
  }, 120_000);
});

describe('vigie audit report', () => {
  it('writes SARIF and CSV from a results file', async () => {
    const sarif = join(dir, 'out.sarif');
    expect((await vigie(['audit', 'report', results, '--format', 'sarif', '-o', sarif])).code).toBe(
      0,
    );
    expect((JSON.parse(readFileSync(sarif, 'utf8')) as { version: string }).version).toBe('2.1.0');
    const csv = await vigie(['audit', 'report', results, '--format', 'csv']);
    expect(csv.code).toBe(0);
    expect(csv.stdout.split('\n').length).toBeGreaterThan(2);
  });

  it('writes JSON with the action plan and the comparison with --previous', async () => {
    const out = await vigie([
      'audit',
      'report',
      results,
      '--format',
      'json',
      '--previous',
      results,
    ]);
    expect(out.code).toBe(0);
    const data = JSON.parse(out.stdout) as {
      plan: { status: string }[];
      comparison: { added: unknown[] };
    };
    expect(data.plan.length).toBeGreaterThan(0);
    expect(data.plan.every((a) => a.status === 'open')).toBe(true);
    expect(data.comparison.added).toEqual([]);
    expect(out.stderr).toContain('0 new, 0 fixed');
  });

  it('refuses a corrupt results file with located diagnostics', async () => {
    const text = readFileSync(results, 'utf8').replace(/"severity": "\w+"/, '"severity": 42');
    const corrupt = file('corrupt.json', text);
    const line = text.split('\n').findIndex((l) => l.includes('"severity": 42')) + 1;
    const out = await vigie(['audit', 'report', corrupt, '--format', 'csv']);
    expect(out.code).toBe(2);
    expect(out.stderr).toContain('is not a usable audit results file');
    expect(out.stderr).toContain(`corrupt.json:${line}:`);
    expect(out.stderr).toContain('findings[0].severity');
    const foreign = await vigie([
      'audit',
      'report',
      file('package.json', '{"name": "x"}'),
      '--format',
      'csv',
    ]);
    expect(foreign.code).toBe(2);
    expect(foreign.stderr).toContain('not a Vigie audit results file');
  });

  it('writes the report document as PDF and Markdown, in French when asked', async () => {
    const pdf = join(dir, 'r.pdf');
    const out = await vigie([
      'audit',
      'report',
      results,
      '--format',
      'pdf',
      '-o',
      pdf,
      '--model',
      model,
    ]);
    expect(out.code, out.stderr).toBe(0);
    expect(readFileSync(pdf).subarray(0, 5).toString()).toBe('%PDF-');
    const md = await vigie(['audit', 'report', results, '--format', 'md', '--lang', 'fr']);
    expect(md.code, md.stderr).toBe(0);
    expect(md.stdout).toContain('Rapport d’audit technique de sécurité');
    expect(md.stdout).toContain('Plan d’action');
    expect(md.stdout).toContain('127.0.0.98');
    // a binary format needs a file
    const refused = await vigie(['audit', 'report', results, '--format', 'docx']);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('-o');
  });
});
