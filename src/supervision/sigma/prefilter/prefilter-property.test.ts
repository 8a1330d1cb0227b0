import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { Hunter, prepareRules, type PreparedRules } from '../engine/hunt.js';
import { isInputDiagnostic, readEvents } from '../input/index.js';
import type { InputRecord, SigmaEvent } from '../types.js';

/** SigmaHQ rules and regression events (Detection Rule License 1.1), under test/fixtures. */
const base = fileURLToPath(new URL('../../../../test/fixtures/sigma/regression/', import.meta.url));

function files(dir: string, suffix: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return files(path, suffix);
    return entry.name.endsWith(suffix) ? [path] : [];
  });
}

/** Rules written for this test: EventID requirements in the shapes the analysis must read. */
const synthetic = [
  ['list', 'sel:\n    EventID: [4688, 4624, 1]\n  condition: sel'],
  ['string', "sel:\n    EventID: '4104'\n  condition: sel"],
  ['word', "sel:\n    EventID: 'AbC'\n  condition: sel"],
  ['contains', "a:\n    EventID: 1\n  b:\n    EventID|contains: '1'\n  condition: 1 of a or b"],
  ['not', 'sel:\n    EventID: 1\n  condition: not sel'],
  [
    'anyof',
    'sel:\n    - EventID: 7\n    - EventID: 11\n      Image|endswith: .exe\n  condition: sel',
  ],
  ['and', 'a:\n    EventID: [1, 13]\n  b:\n    EventID: [13, 4688]\n  condition: a and b'],
  ['nullvalue', 'sel:\n    EventID: null\n  condition: sel'],
].map(([name, detection]) => ({
  file: `${String(name)}.yml`,
  text: `title: ${String(name)}\nid: synthetic-${String(name)}\nlogsource:\n  product: windows\ndetection:\n  ${String(detection)}\n`,
}));

let gated: PreparedRules;
let ungated: PreparedRules;
const records: InputRecord[] = [];

beforeAll(async () => {
  const sources = files(join(base, 'rules'), '.yml').map((file) => ({
    file,
    text: readFileSync(file, 'utf8'),
  }));
  gated = prepareRules([...sources, ...synthetic]);
  expect(gated.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  ungated = {
    ...gated,
    rules: gated.rules.map((rule) => ({
      rule: rule.rule,
      file: rule.file,
      ruleId: rule.ruleId,
      matcher: rule.matcher,
      compiled: rule.compiled,
    })),
  };
  for (const file of files(join(base, 'regression_data'), '.json')) {
    for await (const item of readEvents(file)) if (!isInputDiagnostic(item)) records.push(item);
  }
});

const ids = (hunter: Hunter, record: InputRecord): string[] =>
  hunter.process(record).map((d) => `${d.kind}:${d.ruleId}`);

/** Variations of an event's EventID (and of its case) the gate must treat as the matchers do. */
const eventIdVariant = fc.oneof(
  fc.constant<'keep'>('keep'),
  fc.constantFrom('string', 'padded', 'delete', 'null', 'array', 'object', 'upper', 'other'),
);

function vary(event: SigmaEvent, variant: string, other: number | string): SigmaEvent {
  const copy: Record<string, unknown> = { ...event };
  const id = copy['EventID'];
  switch (variant) {
    case 'string':
      copy['EventID'] = String(id);
      break;
    case 'padded':
      copy['EventID'] = ` ${String(id)}`;
      break;
    case 'delete':
      delete copy['EventID'];
      break;
    case 'null':
      copy['EventID'] = null;
      break;
    case 'array':
      copy['EventID'] = [other, id];
      break;
    case 'object':
      copy['EventID'] = { value: id };
      break;
    case 'upper':
      for (const [k, v] of Object.entries(copy))
        if (typeof v === 'string') copy[k] = v.toUpperCase();
      break;
    case 'other':
      copy['EventID'] = other;
      break;
  }
  return copy;
}

describe('EventID pre-filter', () => {
  it('finds required EventIDs in most fixture rules', () => {
    expect(gated.rules.length).toBe(210);
    const sets = new Map(
      gated.rules
        .filter((r) => r.ruleId.startsWith('synthetic-'))
        .map((r) => [r.ruleId, r.eventIds]),
    );
    expect(Object.fromEntries([...sets].map(([k, v]) => [k, v && [...v].sort()]))).toEqual({
      'synthetic-list': ['1', '4624', '4688'],
      'synthetic-string': ['4104'],
      'synthetic-word': ['abc'],
      'synthetic-contains': undefined,
      'synthetic-not': undefined,
      'synthetic-anyof': ['11', '7'],
      'synthetic-and': ['1', '13'],
      'synthetic-nullvalue': undefined,
    });
    expect(gated.rules.filter((r) => r.eventIds !== undefined).length).toBe(6 + 5);
  });

  it('reports the same detections as the unfiltered engine on the regression events', () => {
    const a = new Hunter(gated);
    const b = new Hunter(ungated);
    let detections = 0;
    for (const record of records) {
      const got = ids(a, record);
      expect(got).toEqual(ids(b, record));
      detections += got.length;
    }
    expect(detections).toBeGreaterThan(100);
  });

  it('reports the same detections for random variations of the events', () => {
    const a = new Hunter(gated);
    const b = new Hunter(ungated);
    fc.assert(
      fc.property(
        fc.nat({ max: records.length - 1 }),
        eventIdVariant,
        fc.constantFrom<number | string>(1, 4688, 4104, 7, 11, 13, 4624, 'ABC', 'abc', '4688'),
        (index, variant, other) => {
          const record = records[index];
          if (record === undefined) return;
          const varied = { ...record, event: vary(record.event, variant, other) };
          expect(ids(a, varied)).toEqual(ids(b, varied));
        },
      ),
      { numRuns: 2000, seed: 6 },
    );
  });
});

/** Variations of one string field's value the literal guards must treat as the matchers do. */
const valueVariant = fc.constantFrom(
  'upper',
  'lower',
  'drop-first',
  'drop-last',
  'array',
  'number',
  'delete',
  'null',
  'object',
  'rename-case',
);

function varyValue(event: SigmaEvent, pick: number, variant: string): SigmaEvent {
  const copy: Record<string, unknown> = { ...event };
  const keys = Object.keys(copy).filter((k) => typeof copy[k] === 'string');
  const key = keys[pick % Math.max(keys.length, 1)];
  if (key === undefined) return copy;
  const value = copy[key] as string;
  switch (variant) {
    case 'upper':
      copy[key] = value.toUpperCase();
      break;
    case 'lower':
      copy[key] = value.toLowerCase();
      break;
    case 'drop-first':
      copy[key] = value.slice(1);
      break;
    case 'drop-last':
      copy[key] = value.slice(0, -1);
      break;
    case 'array':
      copy[key] = ['other', value];
      break;
    case 'number':
      copy[key] = Number.isFinite(Number(value)) && value.trim() !== '' ? Number(value) : 7;
      break;
    case 'delete':
      Reflect.deleteProperty(copy, key);
      break;
    case 'null':
      copy[key] = null;
      break;
    case 'object':
      copy[key] = { value };
      break;
    case 'rename-case':
      Reflect.deleteProperty(copy, key);
      copy[key.toLowerCase()] = value;
      break;
  }
  return copy;
}

describe('literal guards (per-field index)', () => {
  it('derive a guard for most SigmaHQ fixture rules', () => {
    const guarded = gated.rules.filter((r) => r.guard !== undefined).length;
    expect(guarded / gated.rules.length).toBeGreaterThan(0.6);
  });

  it('report the same detections as the unguarded engine for random value variations', () => {
    const a = new Hunter(gated);
    const b = new Hunter(ungated);
    let detections = 0;
    fc.assert(
      fc.property(
        fc.nat({ max: records.length - 1 }),
        fc.nat({ max: 200 }),
        valueVariant,
        (index, pick, variant) => {
          const record = records[index];
          if (record === undefined) return;
          const varied = { ...record, event: varyValue(record.event, pick, variant) };
          const got = ids(a, varied);
          expect(got).toEqual(ids(b, varied));
          detections += got.length;
        },
      ),
      { numRuns: 3000, seed: 11 },
    );
    expect(detections).toBeGreaterThan(100);
  });
});
