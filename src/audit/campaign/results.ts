/**
 * The results file of a campaign (`vigie audit run -o results.json`, format v1) read back: a zod
 * schema of `AuditResults` (types.ts) and `parseResults`, which refuses a corrupt or foreign
 * file with located diagnostics (line and column of the offending value, and its JSON path)
 * instead of a stack trace. Observations stay opaque here: each domain reads its own.
 */
import { isMap, isSeq, LineCounter, parseDocument, type Node } from 'yaml';
import { z } from 'zod';
import type { Diagnostic } from '../../domain/diagnostic.js';
import type { Locale } from '../../i18n/index.js';
import { AUDIT_DOMAINS, SEVERITIES, type AuditResults } from '../types.js';

const localized = z.object({ en: z.string(), fr: z.string() });
const reference = z.object({
  source: z.enum([
    'anssi',
    'mozilla',
    'owasp',
    'cis',
    'nist',
    'rfc',
    'cwe',
    'lynis',
    'ssh-audit',
    'iana',
    'other',
  ]),
  id: z.string(),
  title: z.string().optional(),
  url: z.string().optional(),
});
const proposal = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('update-entity'),
    section: z.enum(['assets', 'flows']),
    id: z.string(),
    fields: z.record(z.string(), z.unknown()),
  }),
  z.object({
    kind: z.literal('create-entity'),
    section: z.literal('assets'),
    fields: z.record(z.string(), z.unknown()),
  }),
]);
export const findingSchema = z.object({
  id: z.string().min(1),
  check: z.string().min(1),
  domain: z.enum(AUDIT_DOMAINS),
  severity: z.enum(SEVERITIES),
  cvss: z.object({ vector: z.string(), score: z.number().min(0).max(10) }),
  subject: z.string(),
  title: localized,
  detail: localized,
  evidence: z.string(),
  remediation: localized,
  references: z.array(reference),
  entities: z.array(z.string()),
  proposal: proposal.optional(),
});
const service = z.object({
  protocol: z.string(),
  tls: z.boolean(),
  starttls: z.boolean().optional(),
  product: z.string().optional(),
  version: z.string().optional(),
  banner: z.string().optional(),
  details: z.record(z.string(), z.string()).optional(),
});
const host = z.object({
  address: z.string(),
  hostnames: z.array(z.string()),
  entities: z.array(z.string()),
  reachable: z.boolean(),
  open: z.array(
    z.object({
      port: z.int().min(0).max(65535),
      transport: z.literal('tcp'),
      service: service.optional(),
    }),
  ),
  tried: z.int().min(0),
});
const endpointNote = z.object({ address: z.string(), port: z.int(), reason: z.string() });

/** The results file, version 1. */
export const auditResultsSchema = z.object({
  format: z.literal('vigie-audit-results'),
  version: z.literal(1),
  campaign: z.object({
    id: z.string(),
    name: z.string(),
    startedAt: z.string(),
    finishedAt: z.string(),
    vantage: z.string().nullable(),
    model: z.object({ name: z.string(), digest: z.string() }).nullable(),
    scope: z.object({ file: z.string().nullable(), targets: z.int().min(0), ports: z.string() }),
    tool: z.object({ name: z.literal('vigie'), version: z.string() }),
  }),
  hosts: z.array(host),
  observations: z.object({
    tls: z.array(z.unknown()),
    ssh: z.array(z.unknown()),
    http: z.array(z.unknown()),
    dns: z.array(z.unknown()),
    host: z.unknown(),
  }),
  findings: z.array(findingSchema),
  refused: z.array(endpointNote),
  errors: z.array(z.object({ target: z.string(), probe: z.string(), message: z.string() })),
  stats: z.object({ durationMs: z.number().min(0), connections: z.int().min(0) }),
});

export type ParseResultsOutcome =
  | { readonly ok: true; readonly results: AuditResults }
  | { readonly ok: false; readonly diagnostics: readonly Diagnostic[] };

/** At most this many field problems are listed (a foreign file would give hundreds). */
const MAX_DIAGNOSTICS = 20;

const MESSAGES = {
  'results-not-json': {
    en: 'not a JSON document: {detail}',
    fr: 'ce n’est pas un document JSON : {detail}',
  },
  'results-foreign': {
    en: 'not a Vigie audit results file (expected "format": "vigie-audit-results")',
    fr: 'ce n’est pas un fichier de résultats d’audit Vigie (attendu : "format": "vigie-audit-results")',
  },
  'results-version': {
    en: 'results format version {detail} is not supported (this Vigie reads version 1)',
    fr: 'la version {detail} du format de résultats n’est pas prise en charge (cette version de Vigie lit la version 1)',
  },
  'results-invalid': { en: '{path}: {detail}', fr: '{path} : {detail}' },
} as const;

function message(
  code: keyof typeof MESSAGES,
  locale: Locale,
  values: Record<string, string>,
): string {
  return MESSAGES[code][locale].replace(/\{(\w+)\}/g, (_, key: string) => values[key] ?? '');
}

/** `findings[3].severity` from a zod path. */
export function jsonPath(path: readonly PropertyKey[]): string {
  return path
    .map((part, i) =>
      typeof part === 'number' ? `[${part}]` : `${i === 0 ? '' : '.'}${String(part)}`,
    )
    .join('');
}

/** The deepest node of `path` that exists in the document (the offending value, or its parent). */
function nodeAt(root: Node | null, path: readonly PropertyKey[]): Node | null {
  let node = root;
  for (const part of path) {
    if (!isMap(node) && !isSeq(node)) break;
    const next = node.get(typeof part === 'number' ? part : String(part), true) as Node | undefined;
    if (next === undefined) break;
    node = next;
  }
  return node;
}

/** Position of a JSON.parse failure (`… at position 42`, or `(line 3 column 5)` on newer Node). */
function parseFailurePosition(error: Error, text: string): { line: number; column: number } {
  const line = /line (\d+) column (\d+)/.exec(error.message);
  if (line !== null) return { line: Number(line[1]), column: Number(line[2]) };
  const at = /position (\d+)/.exec(error.message);
  if (at === null) return { line: 1, column: 1 };
  const before = text.slice(0, Number(at[1])).split('\n');
  return { line: before.length, column: (before.at(-1)?.length ?? 0) + 1 };
}

/**
 * Reads a results file. A file that is not JSON, not a Vigie results file, of another version,
 * or with bad fields gives diagnostics located at the value (file, line, column, JSON path).
 */
export function parseResults(
  text: string,
  file: string,
  locale: Locale = 'en',
): ParseResultsOutcome {
  const at = (
    code: keyof typeof MESSAGES,
    line: number,
    column: number,
    path: string,
    values: Record<string, string>,
  ): Diagnostic => ({
    code,
    severity: 'error',
    message: message(code, locale, values),
    file,
    line,
    column,
    path,
  });
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    const err = error instanceof Error ? error : new Error(String(error));
    const { line, column } = parseFailurePosition(err, text);
    return {
      ok: false,
      diagnostics: [at('results-not-json', line, column, '', { detail: err.message })],
    };
  }
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter });
  const locate = (path: readonly PropertyKey[]): { line: number; column: number } => {
    const node = nodeAt(doc.contents, path);
    const offset = node?.range?.[0] ?? 0;
    const { line, col } = lineCounter.linePos(offset);
    return { line, column: col };
  };
  const record =
    typeof data === 'object' && data !== null && !Array.isArray(data)
      ? (data as Record<string, unknown>)
      : undefined;
  if (record?.format !== 'vigie-audit-results') {
    const { line, column } = locate(['format']);
    return { ok: false, diagnostics: [at('results-foreign', line, column, 'format', {})] };
  }
  if (record.version !== 1) {
    const { line, column } = locate(['version']);
    return {
      ok: false,
      diagnostics: [
        at('results-version', line, column, 'version', {
          detail: record.version === undefined ? 'undefined' : JSON.stringify(record.version),
        }),
      ],
    };
  }
  const parsed = auditResultsSchema.safeParse(data);
  if (parsed.success) return { ok: true, results: parsed.data as AuditResults };
  const diagnostics = parsed.error.issues.slice(0, MAX_DIAGNOSTICS).map((issue) => {
    const { line, column } = locate(issue.path);
    const path = jsonPath(issue.path);
    return at('results-invalid', line, column, path, {
      path: path || '(root)',
      detail: issue.message,
    });
  });
  return { ok: false, diagnostics };
}
