/**
 * zod schemas of the rule, correlation and filter attributes (specification and its JSON
 * schemas). Detection content is walked on the YAML nodes instead (parse-detection.ts), to keep
 * positions and the order of search identifiers.
 */
import { z } from 'zod';
import type { SigmaText } from '../types.js';
import { SIGMA_LEVELS, SIGMA_RELATION_TYPES, SIGMA_STATUSES } from './types.js';

const text = z.string();
/** A string or a list of strings (several attributes are written either way in the wild). */
const textList = z.union([text, z.array(text)]).transform((v) => (typeof v === 'string' ? [v] : v));

export const LogsourceSchema = z.looseObject({
  category: text.optional(),
  product: text.optional(),
  service: text.optional(),
  definition: text.optional(),
});

export const MetaSchema = z.looseObject({
  title: z.string().min(1).max(256),
  id: text.optional(),
  name: text.optional(),
  status: z.enum(SIGMA_STATUSES).optional(),
  description: z.string().max(65535).optional(),
  license: text.optional(),
  author: text.optional(),
  references: textList.optional(),
  date: text.optional(),
  modified: text.optional(),
  tags: z.array(text).optional(),
  level: z.enum(SIGMA_LEVELS).optional(),
  falsepositives: textList.optional(),
  fields: z.array(text).optional(),
  related: z.array(z.object({ id: text, type: z.enum(SIGMA_RELATION_TYPES) })).optional(),
  scope: textList.optional(),
  taxonomy: text.optional(),
});

export type MetaInput = z.output<typeof MetaSchema>;

/** Attributes the specification defines, for the custom-attribute check. */
export const KNOWN_KEYS = [
  'title',
  'id',
  'name',
  'status',
  'description',
  'license',
  'author',
  'references',
  'date',
  'modified',
  'tags',
  'level',
  'falsepositives',
  'fields',
  'related',
  'scope',
  'taxonomy',
  'logsource',
  'detection',
  'correlation',
  'filter',
  'generate',
] as const;

export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const DATE = /^\d{4}-(0[1-9]|1[012])-(0[1-9]|[12]\d|3[01])$/;

/** A bilingual message for a zod issue (zod's own messages are English only). */
export function issueText(issue: z.core.$ZodIssue, path: string): SigmaText {
  const where = path === '' ? 'the document' : `"${path}"`;
  const ou = path === '' ? 'le document' : `« ${path} »`;
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined) {
        return { en: `${where} is required.`, fr: `${ou} est obligatoire.` };
      }
      return {
        en: `${where} must be a ${issue.expected}.`,
        fr: `${ou} doit être de type ${issue.expected}.`,
      };
    case 'invalid_value':
      return {
        en: `${where} must be one of: ${issue.values.map(String).join(', ')}.`,
        fr: `${ou} doit valoir l’une de ces valeurs : ${issue.values.map(String).join(', ')}.`,
      };
    case 'too_big':
      return {
        en: `${where} is too long (at most ${String(issue.maximum)}).`,
        fr: `${ou} est trop long (au plus ${String(issue.maximum)}).`,
      };
    case 'too_small':
      return { en: `${where} must not be empty.`, fr: `${ou} ne doit pas être vide.` };
    default:
      return { en: `${where} is invalid.`, fr: `${ou} n’est pas valide.` };
  }
}
