import type { SigmaLocale } from '../types.js';
import type { Detection } from './detection.js';
import { TACTICS, tacticsOf } from './tactics.js';

/** One JSON object per detection, the `--format jsonl` contract. */
export function detectionJson(detection: Detection): Record<string, unknown> {
  return {
    ruleId: detection.ruleId,
    title: detection.title,
    level: detection.level,
    author: detection.author ?? null,
    tags: detection.tags,
    file: detection.file,
    line: detection.line,
    ...(detection.time === undefined ? {} : { time: new Date(detection.time).toISOString() }),
    ...(detection.kind === 'correlation'
      ? { correlation: true, lines: detection.lines ?? [], group: detection.group ?? {} }
      : {}),
    ruleFile: detection.ruleFile,
  };
}

const csvField = (value: string | number | undefined): string => {
  let text = value === undefined ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};

export const CSV_HEADER = ['ruleId', 'title', 'level', 'author', 'tags', 'file', 'line', 'time'];

/** One CSV row (RFC 4180, defused against formula injection). */
export function detectionCsv(detection: Detection): string {
  return [
    detection.ruleId,
    detection.title,
    detection.level,
    detection.author,
    detection.tags.join(' '),
    detection.file,
    detection.line,
    detection.time === undefined ? '' : new Date(detection.time).toISOString(),
  ]
    .map(csvField)
    .join(',');
}

export const LEVEL_ORDER = ['critical', 'high', 'medium', 'low', 'informational'] as const;

/** Counts by level and by ATT&CK tactic, for the end-of-run summary. */
export class HuntSummary {
  readonly byLevel = new Map<string, number>();
  readonly byTactic = new Map<string, number>();
  readonly byRule = new Map<string, { title: string; level: string; count: number }>();
  total = 0;

  add(detection: Detection): void {
    this.total += 1;
    this.byLevel.set(detection.level, (this.byLevel.get(detection.level) ?? 0) + 1);
    for (const tactic of tacticsOf(detection.tags)) {
      this.byTactic.set(tactic, (this.byTactic.get(tactic) ?? 0) + 1);
    }
    const rule = this.byRule.get(detection.ruleId);
    if (rule === undefined) {
      this.byRule.set(detection.ruleId, {
        title: detection.title,
        level: detection.level,
        count: 1,
      });
    } else {
      rule.count += 1;
    }
  }

  /** Level and tactic counts as `[label, count]` rows, in a stable order. */
  rows(locale: SigmaLocale): { levels: [string, number][]; tactics: [string, number][] } {
    const levels = LEVEL_ORDER.filter((level) => this.byLevel.has(level)).map(
      (level): [string, number] => [level, this.byLevel.get(level) ?? 0],
    );
    const tactics = Object.keys(TACTICS)
      .filter((tactic) => this.byTactic.has(tactic))
      .map((tactic): [string, number] => [
        TACTICS[tactic]?.[locale] ?? tactic,
        this.byTactic.get(tactic) ?? 0,
      ]);
    return { levels, tactics };
  }
}
