/** Maps a parsed correlation rule (`rule/types.ts`) to the engine's `CorrelationDefinition`. */
import type { SigmaCorrelation } from '../rule/types.js';
import type { CorrelationCondition, CorrelationDefinition } from './types.js';

export function toCorrelationDefinition(parsed: SigmaCorrelation): CorrelationDefinition {
  const { meta, condition: c } = parsed;
  const [firstField] = c.field ?? [];
  const field = c.field === undefined ? undefined : c.field.length === 1 ? firstField : c.field;
  const condition: CorrelationCondition = {
    ...(c.gt === undefined ? {} : { gt: c.gt }),
    ...(c.gte === undefined ? {} : { gte: c.gte }),
    ...(c.lt === undefined ? {} : { lt: c.lt }),
    ...(c.lte === undefined ? {} : { lte: c.lte }),
    ...(c.eq === undefined ? {} : { eq: c.eq }),
    ...(c.neq === undefined ? {} : { neq: c.neq }),
    ...(field === undefined ? {} : { field }),
    ...(c.percentile === undefined ? {} : { percentile: c.percentile }),
  };
  return {
    ...(meta.id === undefined ? {} : { id: meta.id }),
    ...(meta.name === undefined ? {} : { name: meta.name }),
    title: meta.title,
    type: parsed.type,
    rules: parsed.rules,
    groupBy: parsed.groupBy,
    timespanMs: parsed.timespanMs,
    condition,
    aliases: parsed.aliases,
    generate: parsed.generate,
    ...(meta.level === undefined ? {} : { level: meta.level }),
    tags: meta.tags,
    ...(meta.author === undefined ? {} : { author: meta.author }),
    source: {
      file: parsed.location.file,
      line: parsed.location.line,
      column: parsed.location.column,
    },
  };
}
