/** Parses the `correlation:` section of a correlation rule (Sigma correlation specification 2.1). */
import { type Document } from 'yaml';
import { z } from 'zod';
import { nodeAt, locationOf, pathText, report, type DiagnosticSink } from './diagnostics.js';
import { issueText } from './meta-schema.js';
import {
  SIGMA_CORRELATION_TYPES,
  type SigmaCorrelation,
  type SigmaCorrelationCondition,
  type SigmaMeta,
} from './types.js';

const TIMESPAN = /^(\d+)([smhdwMy])$/;
const UNIT_MS: Readonly<Record<string, number>> = {
  s: 1000,
  m: 60_000,
  h: 3_600_000,
  d: 86_400_000,
  w: 604_800_000,
  M: 2_592_000_000,
  y: 31_536_000_000,
};

const textList = z
  .union([z.string(), z.array(z.string())])
  .transform((v) => (typeof v === 'string' ? [v] : v));

const ConditionSchema = z
  .strictObject({
    gt: z.number().optional(),
    gte: z.number().optional(),
    lt: z.number().optional(),
    lte: z.number().optional(),
    eq: z.number().optional(),
    neq: z.number().optional(),
    field: textList.optional(),
    percentile: z.number().min(0).max(100).optional(),
  })
  .refine((c) => [c.gt, c.gte, c.lt, c.lte, c.eq, c.neq].some((v) => v !== undefined), {
    error: 'needs a bound',
  });

const CorrelationSchema = z.looseObject({
  type: z.enum(SIGMA_CORRELATION_TYPES),
  rules: textList,
  'group-by': textList.optional(),
  timespan: z.union([z.string(), z.number()]),
  condition: ConditionSchema.optional(),
  aliases: z.record(z.string(), z.record(z.string(), z.string())).optional(),
  generate: z.boolean().optional(),
});

/** Milliseconds of a timespan such as `90m`, or undefined when malformed. */
export function parseTimespan(value: string | number): number | undefined {
  if (typeof value === 'number') return value > 0 ? value * 1000 : undefined;
  const m = TIMESPAN.exec(value.trim());
  if (m === null) return undefined;
  const unit = UNIT_MS[m[2] ?? ''];
  const n = Number(m[1]);
  return unit === undefined || n <= 0 ? undefined : n * unit;
}

const NEEDS_FIELD = new Set(['value_count', 'value_sum', 'value_avg', 'value_percentile']);

export function parseCorrelation(
  sink: DiagnosticSink,
  doc: Document,
  raw: unknown,
  meta: SigmaMeta,
  generateRaw: unknown,
): SigmaCorrelation | undefined {
  const parsed = CorrelationSchema.safeParse(raw);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const path = [
        'correlation',
        ...issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p)),
      ];
      const text =
        issue.code === 'custom'
          ? {
              en: 'The correlation condition needs gt, gte, lt, lte, eq or neq.',
              fr: 'La condition de corrélation demande gt, gte, lt, lte, eq ou neq.',
            }
          : issueText(issue, pathText(path));
      report(
        sink,
        'error',
        'sigma.correlation.invalid',
        text,
        locationOf(sink, nodeAt(doc, path), pathText(path)),
      );
    }
    return undefined;
  }
  const c = parsed.data;
  const here = (key: string) =>
    locationOf(sink, nodeAt(doc, ['correlation', key]), `correlation.${key}`);
  let valid = true;
  const timespanMs = parseTimespan(c.timespan);
  if (timespanMs === undefined) {
    valid = false;
    report(
      sink,
      'error',
      'sigma.correlation.bad-timespan',
      {
        en: `The timespan "${String(c.timespan)}" must be a number followed by s, m, h or d (e.g. 90m).`,
        fr: `La fenêtre « ${String(c.timespan)} » doit être un nombre suivi de s, m, h ou d (ex. 90m).`,
      },
      here('timespan'),
    );
  }
  const temporal = c.type === 'temporal' || c.type === 'temporal_ordered';
  if (c.condition === undefined && !temporal) {
    valid = false;
    report(
      sink,
      'error',
      'sigma.correlation.missing-condition',
      {
        en: `A ${c.type} correlation needs a condition.`,
        fr: `Une corrélation ${c.type} demande une condition.`,
      },
      here('type'),
    );
  }
  if (NEEDS_FIELD.has(c.type) && c.condition !== undefined && c.condition.field === undefined) {
    valid = false;
    report(
      sink,
      'error',
      'sigma.correlation.missing-field',
      {
        en: `A ${c.type} correlation needs "field" in its condition.`,
        fr: `Une corrélation ${c.type} demande « field » dans sa condition.`,
      },
      here('condition'),
    );
  }
  if (c.rules.length === 0) {
    valid = false;
    report(
      sink,
      'error',
      'sigma.correlation.no-rules',
      {
        en: 'A correlation must name at least one rule.',
        fr: 'Une corrélation doit nommer au moins une règle.',
      },
      here('rules'),
    );
  }
  if (!valid || timespanMs === undefined) return undefined;
  const condition =
    c.condition === undefined ? { gte: c.rules.length } : stripUndefined(c.condition);
  return {
    kind: 'correlation',
    meta,
    type: c.type,
    rules: c.rules,
    groupBy: c['group-by'] ?? [],
    timespan: String(c.timespan),
    timespanMs,
    condition,
    aliases: c.aliases ?? {},
    generate: (typeof generateRaw === 'boolean' ? generateRaw : undefined) ?? c.generate ?? false,
    location: locationOf(sink, nodeAt(doc, ['correlation']), 'correlation'),
  };
}

function stripUndefined(c: object): SigmaCorrelationCondition {
  return Object.fromEntries(Object.entries(c).filter(([, v]) => v !== undefined));
}
