import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { root, vigie } from './support/cli.js';

const regression = join(root, 'test', 'fixtures', 'sigma', 'regression');
const scratch = mkdtempSync(join(tmpdir(), 'vigie-hunt-'));
afterAll(() => {
  rmSync(scratch, { recursive: true, force: true });
});

const RULE_ID = '271de298-cc0e-4842-acd8-079a0a99ea65';
const CASE =
  'rules-emerging-threats/2025/Exploits/CVE-2025-55182/proc_creation_win_exploit_cve_2025_55182_susp_nodejs_server_child_process';
const rule = join(regression, 'rules', `${CASE}.yml`);
const events = join(regression, 'regression_data', CASE, `${RULE_ID}.json`);
const evtx = join(regression, 'regression_data', CASE, `${RULE_ID}.evtx`);

/** Sysmon process creation events as JSON lines, with a user and a time. */
function processEvent(user: string, time: string, image: string): string {
  return JSON.stringify({
    Event: {
      System: {
        Provider: { '#attributes': { Name: 'Microsoft-Windows-Sysmon' } },
        EventID: 1,
        Channel: 'Microsoft-Windows-Sysmon/Operational',
        Computer: 'pc-01',
        TimeCreated: { '#attributes': { SystemTime: time } },
      },
      EventData: { Image: image, CommandLine: `${image} /c whoami`, User: user },
    },
  });
}

describe('vigie hunt', () => {
  it('reports detections as JSON lines with the rule author, exit 1', async () => {
    const out = await vigie(['hunt', '--rules', rule, '--format', 'jsonl', events]);
    expect(out.code).toBe(1);
    const lines = out.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines.length).toBeGreaterThanOrEqual(1);
    expect(lines[0]).toMatchObject({ ruleId: RULE_ID, level: 'high', file: events, line: 1 });
    expect(typeof lines[0]?.author).toBe('string');
    expect(lines[0]?.tags).toContain('attack.execution');
    expect(out.stderr).toMatch(/1 events? from 1 file\(s\)/);
  });

  it('reads EVTX files too', async () => {
    const out = await vigie(['hunt', '--rules', rule, '--format', 'jsonl', evtx]);
    expect(out.code).toBe(1);
    expect(out.stdout).toContain(RULE_ID);
  });

  it('exits 0 when nothing is detected, 2 on unusable input', async () => {
    const quiet = join(scratch, 'quiet.jsonl');
    writeFileSync(
      quiet,
      `${processEvent('bob', '2026-01-01T10:00:00Z', 'C:\\Windows\\notepad.exe')}\n`,
    );
    expect((await vigie(['hunt', '--rules', rule, quiet])).code).toBe(0);
    expect((await vigie(['hunt', '--rules', join(scratch, 'none'), quiet])).code).toBe(2);
    expect((await vigie(['hunt', '--rules', rule, join(scratch, 'missing.log')])).code).toBe(2);
    expect((await vigie(['hunt', quiet])).code).toBe(2);
  });

  it('skips a garbage line and a broken rule without losing the rest of the run, exit 2 since a record was not read', async () => {
    const rules = join(scratch, 'rules');
    mkdirSync(rules);
    writeFileSync(
      join(rules, 'broken.yml'),
      'title: Broken\nlogsource: { product: windows }\ndetection:\n  selection:\n    Image|nosuchmodifier: x\n  condition: selection\n',
    );
    writeFileSync(
      join(rules, 'whoami.yml'),
      `title: Whoami
id: 00000000-0000-4000-8000-000000000001
author: Vigie tests
level: medium
tags: [attack.discovery]
logsource: { category: process_creation, product: windows }
detection:
  selection:
    CommandLine|contains: whoami
  condition: selection
`,
    );
    const log = join(scratch, 'mixed.jsonl');
    writeFileSync(
      log,
      [
        processEvent('bob', '2026-01-01T10:00:00Z', 'C:\\Windows\\System32\\cmd.exe'),
        '{ not json',
        processEvent('eve', '2026-01-01T10:00:05Z', 'C:\\Windows\\System32\\cmd.exe'),
      ].join('\n') + '\n',
    );
    const out = await vigie(['hunt', '--rules', rules, '--format', 'jsonl', log]);
    // detections are printed, but a skipped record means the hunt is incomplete: not "found"
    expect(out.code).toBe(2);
    expect(out.stderr).toMatch(/broken\.yml:5:\d+ error/);
    expect(out.stderr).toMatch(/mixed\.jsonl:2/);
    expect(out.stderr).toMatch(/Incomplete hunt: 1 input problem\(s\) in 1 file\(s\)/);
    const hits = out.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { line: number });
    expect(hits.map((h) => h.line)).toEqual([1, 3]);
  });

  it('reports a correlation with its contributing lines and group', async () => {
    const rules = join(scratch, 'correlation');
    mkdirSync(rules);
    writeFileSync(
      join(rules, 'rules.yml'),
      `title: Whoami
id: 00000000-0000-4000-8000-000000000002
name: whoami_run
author: Vigie tests
level: low
logsource: { category: process_creation, product: windows }
detection:
  selection:
    CommandLine|contains: whoami
  condition: selection
---
title: Many whoami by one user
id: 00000000-0000-4000-8000-000000000003
author: Vigie tests
level: high
correlation:
  type: event_count
  rules: [whoami_run]
  group-by: [User]
  timespan: 1m
  condition: { gte: 3 }
`,
    );
    const log = join(scratch, 'burst.jsonl');
    const cmd = 'C:\\Windows\\System32\\cmd.exe';
    writeFileSync(
      log,
      [
        processEvent('bob', '2026-01-01T10:00:00Z', cmd),
        processEvent('eve', '2026-01-01T10:00:01Z', cmd),
        processEvent('bob', '2026-01-01T10:00:10Z', cmd),
        processEvent('bob', '2026-01-01T10:00:20Z', cmd),
        processEvent('eve', '2026-01-01T10:05:00Z', cmd),
      ].join('\n') + '\n',
    );
    const out = await vigie(['hunt', '--rules', rules, '--format', 'jsonl', log]);
    expect(out.code).toBe(1);
    const alerts = out.stdout
      .trim()
      .split('\n')
      .map(
        (l) =>
          JSON.parse(l) as {
            ruleId: string;
            lines?: { line: number }[];
            group?: Record<string, unknown>;
          },
      );
    const correlation = alerts.filter((a) => a.ruleId === '00000000-0000-4000-8000-000000000003');
    expect(correlation).toHaveLength(1);
    expect(correlation[0]?.group).toEqual({ User: 'bob' });
    expect(correlation[0]?.lines?.map((l) => l.line)).toEqual([1, 3, 4]);
    // generate is false by default: the base rule does not alert on its own
    expect(alerts.some((a) => a.ruleId === '00000000-0000-4000-8000-000000000002')).toBe(false);
  });

  it('writes csv, json, sarif and a table', async () => {
    const csv = await vigie(['hunt', '--rules', rule, '--format', 'csv', events]);
    expect(csv.stdout.split('\r\n')[0]).toBe('ruleId,title,level,author,tags,file,line,time');
    const json = JSON.parse(
      (await vigie(['hunt', '--rules', rule, '--format', 'json', events])).stdout,
    ) as unknown[];
    expect(json.length).toBeGreaterThanOrEqual(1);
    const sarif = JSON.parse(
      (await vigie(['hunt', '--rules', rule, '--format', 'sarif', events])).stdout,
    ) as { version: string; runs: { results: unknown[] }[] };
    expect(sarif.version).toBe('2.1.0');
    expect(sarif.runs[0]?.results.length).toBeGreaterThanOrEqual(1);
    expect((await vigie(['hunt', '--rules', rule, events])).stdout).toContain(
      'Suspicious Child Process',
    );
  });
});

describe('vigie sigma check', () => {
  it('lists every problem with its location and exits 1, 0 when clean', async () => {
    const dir = join(scratch, 'check');
    mkdirSync(dir);
    writeFileSync(
      join(dir, 'bad.yml'),
      'title: Bad\nlogsource: { product: windows }\ndetection:\n  selection:\n    Image|endswith: x\n  condition: selection and missing\nlevel: extreme\n',
    );
    const out = await vigie(['sigma', 'check', dir]);
    expect(out.code).toBe(1);
    const errors = out.stdout.split('\n').filter((l) => l.includes(' error '));
    expect(errors.length).toBeGreaterThanOrEqual(2);
    expect(out.stdout).toMatch(/bad\.yml:6:\d+ error/);
    expect(out.stdout).toMatch(/bad\.yml:7:\d+ error/);
    expect((await vigie(['sigma', 'check', rule])).code).toBe(0);
    expect((await vigie(['sigma', 'lint', rule])).code).toBe(2);
  });
});

describe('vigie hunt --pipeline', () => {
  const cmdRule = join(scratch, 'cmd.yml');
  const security = join(scratch, 'security.jsonl');
  writeFileSync(
    cmdRule,
    "title: cmd started\nid: r-cmd\nauthor: test\nlevel: high\nlogsource: {product: windows, category: process_creation}\ndetection:\n  sel:\n    Image|endswith: '\\\\cmd.exe'\n  condition: sel\n",
  );
  writeFileSync(
    security,
    `${JSON.stringify({
      Event: {
        System: {
          Provider: { '#attributes': { Name: 'Microsoft-Windows-Security-Auditing' } },
          EventID: 4688,
          Channel: 'Security',
          Computer: 'pc-01',
        },
        EventData: { NewProcessName: 'C:\\Windows\\System32\\cmd.exe', SubjectUserName: 'bob' },
      },
    })}\n`,
  );

  it('maps Sysmon field names onto Security 4688 events with the built-in pipeline', async () => {
    expect((await vigie(['hunt', '--rules', cmdRule, '--format', 'jsonl', security])).code).toBe(0);
    const out = await vigie([
      'hunt',
      '--rules',
      cmdRule,
      '--pipeline',
      'windows-security',
      '--format',
      'jsonl',
      security,
    ]);
    expect(out.code).toBe(1);
    expect(JSON.parse(out.stdout.trim())).toMatchObject({ ruleId: 'r-cmd', line: 1 });
  });

  it('reads a pipeline from a YAML file, and refuses a broken or unknown one with exit 2', async () => {
    const file = join(scratch, 'pipeline.yml');
    writeFileSync(
      file,
      'name: mine\ntransformations:\n  - type: field_name_mapping\n    mapping: { Image: NewProcessName }\n',
    );
    expect(
      (await vigie(['hunt', '--rules', cmdRule, '--pipeline', file, '--format', 'jsonl', security]))
        .code,
    ).toBe(1);
    const broken = join(scratch, 'broken-pipeline.yml');
    writeFileSync(broken, 'name: broken\ntransformations:\n  - type: rename_everything\n');
    const bad = await vigie(['hunt', '--rules', cmdRule, '--pipeline', broken, security]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/broken-pipeline\.yml:3:\d+ error/);
    const unknown = await vigie(['hunt', '--rules', cmdRule, '--pipeline', 'nope', security]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('windows-security');
  });

  it('says where a mapping has too many combinations to expand (hunt and sigma check)', async () => {
    const names = Array.from({ length: 9 }, (_, i) => `F${String(i)}`);
    const wide = join(scratch, 'wide.yml');
    writeFileSync(
      wide,
      `name: wide\ntransformations:\n  - type: field_name_mapping\n    mapping: { ${names.map((n) => `${n}: [${n}a, ${n}b]`).join(', ')} }\n`,
    );
    const wideRule = join(scratch, 'wide-rule.yml');
    writeFileSync(
      wideRule,
      `title: wide\nid: 5d1b7b5e-4a4c-4b8e-9a7a-1f0f3c2d9e11\nlogsource: {product: windows}\ndetection:\n  sel:\n${names.map((n) => `    ${n}: x`).join('\n')}\n  condition: sel\n`,
    );
    const warning = /wide-rule\.yml:6:5 warning pipeline-mapping-truncated .*512 combinations/;
    const hunted = await vigie(['hunt', '--rules', wideRule, '--pipeline', wide, security]);
    expect(hunted.code).toBe(0);
    expect(hunted.stderr).toMatch(warning);
    const checked = await vigie(['sigma', 'check', '--pipeline', wide, wideRule]);
    expect(checked.code).toBe(0);
    expect(checked.stdout).toMatch(warning);
    expect((await vigie(['sigma', 'check', wideRule])).stdout).not.toContain('truncated');
  });

  it('reads Elastic Common Schema events with the ecs-winlogbeat pipeline', async () => {
    const ecs = join(scratch, 'ecs.jsonl');
    writeFileSync(
      ecs,
      `${JSON.stringify({
        '@timestamp': '2026-11-28T10:00:00.000Z',
        host: { name: 'pc-01' },
        winlog: {
          channel: 'Microsoft-Windows-Sysmon/Operational',
          event_id: 1,
          provider_name: 'Microsoft-Windows-Sysmon',
        },
        process: { executable: 'C:\\Windows\\System32\\cmd.exe', command_line: 'cmd /c whoami' },
      })}\n`,
    );
    const plain = await vigie(['hunt', '--rules', cmdRule, '--format', 'jsonl', ecs]);
    expect(plain.code).toBe(0);
    const out = await vigie([
      'hunt',
      '--rules',
      cmdRule,
      '--pipeline',
      'ecs-winlogbeat',
      '--format',
      'jsonl',
      ecs,
    ]);
    expect(out.stderr).toBe(out.stderr.replace(/error/g, ''));
    expect(out.code).toBe(1);
    expect(JSON.parse(out.stdout.trim())).toMatchObject({ ruleId: 'r-cmd', line: 1 });
  });
});
