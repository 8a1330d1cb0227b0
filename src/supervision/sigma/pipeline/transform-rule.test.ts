import { describe, expect, it } from 'vitest';
import { Hunter, prepareRules } from '../engine/hunt.js';
import { compileRule } from '../compile/compile-rule.js';
import { parseSigmaFile } from '../rule/parse-sigma-file.js';
import type { SigmaRule } from '../rule/types.js';
import type { InputRecord, SigmaEvent } from '../types.js';
import { applyPipeline } from './apply.js';
import { loadBuiltinPipeline } from './builtin/index.js';
import { parsePipeline } from './parse.js';
import { transformRule } from './transform-rule.js';

const PIPELINE = applyPipeline(
  parsePipeline(
    `name: test
transformations:
  - type: field_name_mapping
    mapping: { Image: NewProcessName, User: [SubjectUserName, TargetUserName] }
    rule_conditions: [{ type: logsource, category: process_creation }]
  - type: drop_detection_item
    field_name_conditions: [{ type: include_fields, fields: [Hashes] }]
  - type: add_condition
    conditions: { Channel: Security, EventID: [4688] }
    rule_conditions: [{ type: logsource, category: process_creation }]
`,
    'p.yml',
  ).pipeline ?? (undefined as never),
);

function rule(detection: string, category = 'process_creation'): SigmaRule {
  const parsed = parseSigmaFile(
    `title: t\nid: r-1\nlogsource: {product: windows, category: ${category}}\ndetection:\n${detection}`,
    'r.yml',
  );
  const document = parsed.documents[0];
  if (document?.kind !== 'rule') throw new Error(JSON.stringify(parsed.diagnostics));
  return document;
}

const matches = (r: SigmaRule, event: SigmaEvent): boolean => {
  const compiled = compileRule(transformRule(r, PIPELINE));
  expect(compiled.diagnostics).toEqual([]);
  return compiled.matcher(event);
};

describe('transformRule', () => {
  const detection =
    "  sel:\n    Image|endswith: '\\\\cmd.exe'\n    User|contains: admin\n    Hashes|contains: 'MD5='\n  condition: sel";
  const security = {
    Channel: 'Security',
    EventID: 4688,
    NewProcessName: 'C:\\Windows\\System32\\cmd.exe',
  };

  it('maps fields, reads a multi-field mapping as "any of them", drops items, adds conditions', () => {
    const r = rule(detection);
    expect(matches(r, { ...security, SubjectUserName: 'ADMIN-1' })).toBe(true);
    expect(matches(r, { ...security, TargetUserName: 'admin-2' })).toBe(true);
    expect(matches(r, { ...security, SubjectUserName: 'bob' })).toBe(false);
    // the added conditions hold too
    expect(matches(r, { ...security, EventID: 1, SubjectUserName: 'admin' })).toBe(false);
    // the Sysmon names are no longer read for this logsource
    expect(
      matches(r, { Channel: 'Security', EventID: 4688, Image: 'x\\cmd.exe', User: 'admin' }),
    ).toBe(false);
  });

  it('leaves other logsources mapped only by the transformations that apply to them', () => {
    const r = rule(
      "  sel:\n    Image|endswith: '\\\\cmd.exe'\n    Hashes|contains: 'MD5='\n  condition: sel",
      'image_load',
    );
    // no mapping, no added condition; Hashes dropped everywhere
    expect(matches(r, { Image: 'c:\\cmd.exe' })).toBe(true);
    expect(matches(r, { NewProcessName: 'c:\\cmd.exe' })).toBe(false);
  });

  it('keeps the condition structure (not, or) and does not touch the given rule', () => {
    const r = rule(
      "  sel:\n    Image|endswith: '\\\\cmd.exe'\n  filter:\n    User: system\n  condition: sel and not filter",
    );
    const before = JSON.stringify([...r.detection.searches]);
    expect(matches(r, { ...security, SubjectUserName: 'SYSTEM' })).toBe(false);
    expect(matches(r, { ...security, SubjectUserName: 'alice' })).toBe(true);
    expect(JSON.stringify([...r.detection.searches])).toBe(before);
  });

  it('lets the built-in windows-security pipeline read Security 4688 events in a hunt', () => {
    const text = `title: cmd\nid: r-cmd\nlogsource: {product: windows, category: process_creation}\ndetection:\n  sel:\n    Image|endswith: '\\\\cmd.exe'\n  condition: sel\n`;
    const record: InputRecord = {
      event: security,
      file: 'security.jsonl',
      line: 1,
      source: { product: 'windows', channel: 'Security', eventId: 4688 },
    };
    const plain = new Hunter(prepareRules([{ file: 'r.yml', text }]));
    expect(plain.process(record)).toEqual([]);
    const builtin = loadBuiltinPipeline('windows-security').pipeline;
    expect(builtin).toBeDefined();
    const mapped = new Hunter(
      prepareRules([{ file: 'r.yml', text }], {
        ...(builtin === undefined ? {} : { pipeline: applyPipeline(builtin) }),
      }),
    );
    expect(mapped.process(record).map((d) => d.ruleId)).toEqual(['r-cmd']);
  });
});
