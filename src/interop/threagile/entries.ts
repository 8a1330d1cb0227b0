import type { z } from 'zod';
import type { DocPath } from '../../model/locator.js';
import { schemaProblems } from '../../model/schema-diagnostics.js';
import { keysAt } from '../../model/schema-keys.js';
import type { ImportContext } from './context.js';

/** One valid entry of a Threagile section: its title (the mapping key), value and place. */
export interface Entry<T> {
  readonly title: string;
  readonly value: T;
  readonly raw: Readonly<Record<string, unknown>>;
  readonly path: DocPath;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

/**
 * Validates every entry of a section (a mapping of title → object); invalid entries are
 * reported (located, translated) and skipped, the others returned in file order.
 */
export function readEntries<S extends z.ZodType>(
  context: ImportContext,
  section: Readonly<Record<string, unknown>>,
  base: DocPath,
  schema: S,
  sectionName: string,
): Entry<z.infer<S>>[] {
  const entries: Entry<z.infer<S>>[] = [];
  for (const [title, raw] of Object.entries(section)) {
    const path: DocPath = [...base, title];
    const parsed = schema.safeParse(raw);
    if (parsed.success && isRecord(raw)) {
      entries.push({ title, value: parsed.data, raw, path });
      continue;
    }
    const issues = parsed.success ? [] : parsed.error.issues;
    const details = schemaProblems(context.t, issues, raw, path, (p) => keysAt(schema, p));
    const detail =
      details.length === 0
        ? context.message('not-threagile')
        : details.map((problem) => context.t(problem.key, problem.params)).join(' ');
    const first = details[0];
    context.report(
      'entry-skipped',
      'error',
      context.message('entry-skipped', { section: sectionName, title, detail }),
      first?.path ?? path,
      first?.atKey ?? false,
    );
  }
  return entries;
}

/** Non-empty values of fields the converter does not read, for the "dropped" report. */
export function droppedFields(
  entries: readonly Entry<unknown>[],
  used: readonly string[],
): string[] {
  const dropped = new Set<string>();
  for (const { raw } of entries) {
    for (const [key, value] of Object.entries(raw)) {
      if (used.includes(key) || isEmpty(value)) continue;
      dropped.add(key);
    }
  }
  return [...dropped].sort();
}

function isEmpty(value: unknown): boolean {
  if (value === null || value === undefined || value === false || value === '') return true;
  if (Array.isArray(value)) return value.length === 0;
  return isRecord(value) && Object.keys(value).length === 0;
}
