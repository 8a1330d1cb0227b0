import { describe, expect, it } from 'vitest';
import { applyPipeline } from './apply.js';
import { loadBuiltinPipeline, BUILTIN_PIPELINE_NAMES } from './builtin/index.js';
import { parsePipeline } from './parse.js';
import type { ProcessingPipeline } from './schema.js';

function pipeline(text: string): ProcessingPipeline {
  const r = parsePipeline(text, 't.yml');
  if (r.pipeline === undefined) throw new Error(JSON.stringify(r.diagnostics));
  return r.pipeline;
}

const PROC = { product: 'windows', category: 'process_creation' };
const FILE = { product: 'windows', category: 'file_event' };

describe('applyPipeline', () => {
  it('maps fields only for rules of the named logsource', () => {
    const p = applyPipeline(
      pipeline(`name: a
transformations:
  - type: field_name_mapping
    mapping: { Image: NewProcessName, User: [SubjectUserName, TargetUserName] }
    rule_conditions: [{ type: logsource, category: process_creation }]
`),
    );
    expect(p.fieldMapping('Image', PROC)).toBe('NewProcessName');
    expect(p.fieldMapping('Image', FILE)).toBe('Image');
    expect(p.fieldMappings('User', PROC)).toEqual(['SubjectUserName', 'TargetUserName']);
    expect(p.fieldMapping('CommandLine', PROC)).toBe('CommandLine');
  });

  it('chains transformations and pipelines by priority', () => {
    const late = pipeline(`name: late
priority: 50
transformations:
  - type: field_name_suffix
    suffix: .keyword
    field_name_conditions: [{ type: exclude_fields, fields: [EventID] }]
`);
    const early = pipeline(`name: early
priority: 10
transformations:
  - type: field_name_prefix
    prefix: winlog.event_data.
    field_name_conditions: [{ type: include_fields, fields: [Image] }]
`);
    const p = applyPipeline([late, early]);
    expect(p.fieldMapping('Image', PROC)).toBe('winlog.event_data.Image.keyword');
    expect(p.fieldMapping('EventID', PROC)).toBe('EventID');
    expect(p.fieldMapping('User', PROC)).toBe('User.keyword');
  });

  it('combines rule conditions with or, and negates field conditions', () => {
    const p = applyPipeline(
      pipeline(`name: c
transformations:
  - type: field_name_prefix
    prefix: x.
    rule_cond_op: or
    rule_conditions:
      - { type: logsource, category: process_creation }
      - { type: logsource, category: file_event }
    field_name_conditions: [{ type: include_fields, fields: [Keep] }]
    field_name_cond_not: true
`),
    );
    expect(p.fieldMapping('A', PROC)).toBe('x.A');
    expect(p.fieldMapping('A', FILE)).toBe('x.A');
    expect(p.fieldMapping('Keep', FILE)).toBe('Keep');
    expect(p.fieldMapping('A', { product: 'linux' })).toBe('A');
  });

  it('exposes added conditions and dropped detection items', () => {
    const p = applyPipeline(
      pipeline(`name: d
transformations:
  - type: add_condition
    conditions: { EventID: 4688, Channel: [Security] }
    rule_conditions: [{ type: logsource, category: process_creation }]
  - type: drop_detection_item
    field_name_conditions: [{ type: include_fields, fields: [Hashes] }]
`),
    );
    expect(p.addedConditions(PROC)).toEqual([{ EventID: 4688, Channel: ['Security'] }]);
    expect(p.addedConditions(FILE)).toEqual([]);
    expect(p.isDropped('Hashes', FILE)).toBe(true);
    expect(p.isDropped('Image', FILE)).toBe(false);
  });
});

describe('built-in pipelines', () => {
  it.each(BUILTIN_PIPELINE_NAMES)('%s parses without diagnostics', (name) => {
    const r = loadBuiltinPipeline(name);
    expect(r.diagnostics).toEqual([]);
    expect(r.pipeline?.name).toBe(name);
  });

  it('sysmon is the identity', () => {
    const { pipeline: p } = loadBuiltinPipeline('sysmon');
    if (p === undefined) throw new Error('missing');
    expect(applyPipeline(p).fieldMapping('Image', PROC)).toBe('Image');
  });

  it('windows-security reads process_creation rules from 4688 names', () => {
    const { pipeline: p } = loadBuiltinPipeline('windows-security');
    if (p === undefined) throw new Error('missing');
    const applied = applyPipeline(p);
    expect(
      ['Image', 'ParentImage', 'CommandLine', 'User'].map((f) => applied.fieldMapping(f, PROC)),
    ).toEqual(['NewProcessName', 'ParentProcessName', 'CommandLine', 'SubjectUserName']);
    expect(applied.fieldMapping('Image', FILE)).toBe('Image');
  });

  it('ecs-winlogbeat maps to ECS names, by category where they differ', () => {
    const { pipeline: p } = loadBuiltinPipeline('ecs-winlogbeat');
    if (p === undefined) throw new Error('missing');
    const applied = applyPipeline(p);
    expect(applied.fieldMapping('Image', PROC)).toBe('process.executable');
    expect(applied.fieldMapping('ParentCommandLine', PROC)).toBe('process.parent.command_line');
    expect(
      applied.fieldMapping('ImageLoaded', { product: 'windows', category: 'image_load' }),
    ).toBe('dll.path');
    expect(applied.fieldMapping('TargetFilename', FILE)).toBe('file.path');
    expect(applied.fieldMapping('EventID', FILE)).toBe('winlog.event_id');
  });

  it('reports an unknown built-in name in both languages', () => {
    const r = loadBuiltinPipeline('nope');
    expect(r.pipeline).toBeUndefined();
    expect(r.diagnostics.map((d) => d.code)).toEqual(['pipeline-unknown']);
    expect(r.diagnostics[0]?.message.en).toContain('sysmon, windows-security, ecs-winlogbeat');
    expect(r.diagnostics[0]?.message.fr).toContain('Aucun pipeline');
  });
});
