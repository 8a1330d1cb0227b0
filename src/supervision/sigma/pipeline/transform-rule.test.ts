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
  const compiled = compileRule(transformRule(r, PIPELINE).rule);
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

  describe('a mapping with too many combinations', () => {
    // every field F0…F<n-1> maps to two names: 2^n alternatives
    const wide = (fields: number) => {
      const names = Array.from({ length: fields }, (_, i) => `F${String(i)}`);
      const mapping = names.map((n) => `${n}: [${n}a, ${n}b]`).join(', ');
      const pipeline = parsePipeline(
        `name: wide\ntransformations:\n  - type: field_name_mapping\n    mapping: { ${mapping} }\n`,
        'wide.yml',
      ).pipeline;
      expect(pipeline).toBeDefined();
      const text = `title: t\nid: 5d1b7b5e-4a4c-4b8e-9a7a-1f0f3c2d9e11\nlogsource: {product: windows}\ndetection:\n  sel:\n${names.map((n) => `    ${n}: x`).join('\n')}\n  condition: sel\n`;
      return { pipeline: applyPipeline(pipeline ?? (undefined as never)), text };
    };

    it('expands up to the limit without a diagnostic', () => {
      const { pipeline, text } = wide(8); // 256
      const parsed = parseSigmaFile(text, 'r.yml').documents[0] as SigmaRule;
      const { rule: mapped, diagnostics } = transformRule(parsed, pipeline);
      expect(diagnostics).toEqual([]);
      const search = mapped.detection.searches.get('sel');
      expect(search?.kind === 'anyOf' ? search.alternatives.length : 0).toBe(256);
    });

    it('keeps the first target of each field above it, with a located warning', () => {
      const { pipeline, text } = wide(9); // 512
      const prepared = prepareRules([{ file: 'r.yml', text }], { pipeline });
      expect(prepared.diagnostics).toEqual([
        expect.objectContaining({
          code: 'pipeline-mapping-truncated',
          severity: 'warning',
          file: 'r.yml',
          line: 6,
          column: 5,
          path: 'detection.sel.F0',
        }),
      ]);
      expect(prepared.diagnostics[0]?.message.en).toContain('512 combinations');
      expect(prepared.diagnostics[0]?.message.fr).toContain('512 combinaisons');
      const rule = prepared.rules[0];
      const event = Object.fromEntries(
        Array.from({ length: 9 }, (_, i) => [`F${String(i)}${i === 0 ? 'b' : 'a'}`, 'x']),
      );
      // F0 is read from F0a only: the event naming it F0b is missed (what the warning says)
      expect(rule?.matcher(event)).toBe(false);
      expect(rule?.matcher({ ...event, F0a: 'x' })).toBe(true);
    });
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
