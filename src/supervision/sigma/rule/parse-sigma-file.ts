/**
 * Entry point of rule parsing: one YAML file (possibly several `---` documents) → detection
 * rules, correlation rules and filters, with every problem located. Never throws.
 */
import { LineCounter, isMap, parseAllDocuments, type Document } from 'yaml';
import { parseFilter } from '../filters/parse-filter.js';
import type { z } from 'zod';
import type { SigmaDiagnostic } from '../types.js';
import {
  locationOf,
  nodeAt,
  pathText,
  positionOf,
  report,
  type DiagnosticSink,
} from './diagnostics.js';
import { DATE, KNOWN_KEYS, LogsourceSchema, MetaSchema, UUID, issueText } from './meta-schema.js';
import { parseCorrelation } from './parse-correlation.js';
import { parseDetection } from './parse-detection.js';
import type { SigmaDocument, SigmaLogsource, SigmaMeta } from './types.js';

export interface ParseSigmaFileResult {
  readonly documents: readonly SigmaDocument[];
  readonly diagnostics: readonly SigmaDiagnostic[];
}

const KNOWN: ReadonlySet<string> = new Set(KNOWN_KEYS);

function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0] ?? 0;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = row[j] ?? 0;
      row[j] = Math.min(
        (row[j] ?? 0) + 1,
        (row[j - 1] ?? 0) + 1,
        prev + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
      prev = tmp;
    }
  }
  return row[b.length] ?? 0;
}

function zodIssues(
  sink: DiagnosticSink,
  doc: Document,
  issues: readonly z.core.$ZodIssue[],
  prefix: readonly (string | number)[],
  code: string,
): void {
  for (const issue of issues) {
    const path = [...prefix, ...issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p))];
    report(
      sink,
      'error',
      code,
      issueText(issue, pathText(path)),
      locationOf(sink, nodeAt(doc, path), pathText(path)),
    );
  }
}

function parseMeta(
  sink: DiagnosticSink,
  doc: Document,
  js: Record<string, unknown>,
): SigmaMeta | undefined {
  const parsed = MetaSchema.safeParse(js);
  if (!parsed.success) {
    zodIssues(sink, doc, parsed.error.issues, [], 'sigma.rule.invalid-attribute');
    return undefined;
  }
  const m = parsed.data;
  const warn = (key: string, en: string, fr: string): void => {
    report(
      sink,
      'warning',
      'sigma.rule.format',
      { en, fr },
      locationOf(sink, nodeAt(doc, [key]), key),
    );
  };
  if (m.id !== undefined && !UUID.test(m.id))
    warn('id', 'The id should be a UUID.', 'L’identifiant devrait être un UUID.');
  for (const key of ['date', 'modified'] as const) {
    const v = m[key];
    if (v !== undefined && !DATE.test(v))
      warn(
        key,
        `"${key}" should be written YYYY-MM-DD.`,
        `« ${key} » devrait s’écrire AAAA-MM-JJ.`,
      );
  }
  const custom: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(js)) {
    if (KNOWN.has(key)) continue;
    custom[key] = value;
    const near = KNOWN_KEYS.find((k) => editDistance(k, key) <= 2 && k.length > 3);
    if (near !== undefined) {
      report(
        sink,
        'warning',
        'sigma.rule.unknown-attribute',
        {
          en: `Unknown attribute "${key}": did you mean "${near}"?`,
          fr: `Attribut « ${key} » inconnu : vouliez-vous dire « ${near} » ?`,
        },
        locationOf(sink, nodeAt(doc, [key]), key),
      );
    }
  }
  return {
    title: m.title,
    ...(m.id !== undefined && { id: m.id }),
    ...(m.name !== undefined && { name: m.name }),
    ...(m.status !== undefined && { status: m.status }),
    ...(m.description !== undefined && { description: m.description }),
    ...(m.license !== undefined && { license: m.license }),
    ...(m.author !== undefined && { author: m.author }),
    references: m.references ?? [],
    ...(m.date !== undefined && { date: m.date }),
    ...(m.modified !== undefined && { modified: m.modified }),
    tags: m.tags ?? [],
    ...(m.level !== undefined && { level: m.level }),
    falsepositives: m.falsepositives ?? [],
    fields: m.fields ?? [],
    related: m.related ?? [],
    scope: m.scope ?? [],
    ...(m.taxonomy !== undefined && { taxonomy: m.taxonomy }),
    custom,
  };
}

function parseLogsource(
  sink: DiagnosticSink,
  doc: Document,
  raw: unknown,
  required: boolean,
): SigmaLogsource | undefined {
  if (raw === undefined) {
    if (!required) return {};
    report(
      sink,
      'error',
      'sigma.rule.missing-logsource',
      {
        en: 'The rule has no "logsource".',
        fr: 'La règle n’a pas de « logsource ».',
      },
      locationOf(sink, doc.contents, 'logsource'),
    );
    return undefined;
  }
  const parsed = LogsourceSchema.safeParse(raw);
  if (!parsed.success) {
    zodIssues(sink, doc, parsed.error.issues, ['logsource'], 'sigma.rule.invalid-logsource');
    return undefined;
  }
  const l = parsed.data;
  return {
    ...(l.category !== undefined && { category: l.category }),
    ...(l.product !== undefined && { product: l.product }),
    ...(l.service !== undefined && { service: l.service }),
    ...(l.definition !== undefined && { definition: l.definition }),
  };
}

function parseDocumentBody(sink: DiagnosticSink, doc: Document): SigmaDocument | undefined {
  if (!isMap(doc.contents)) {
    report(
      sink,
      'error',
      'sigma.rule.not-a-map',
      {
        en: 'A Sigma document must be a map of attributes.',
        fr: 'Un document Sigma doit être une table d’attributs.',
      },
      locationOf(sink, doc.contents, ''),
    );
    return undefined;
  }
  let js: unknown;
  try {
    js = doc.toJS({ maxAliasCount: 100 });
  } catch {
    report(
      sink,
      'error',
      'sigma.yaml.aliases',
      {
        en: 'The document uses too many YAML aliases.',
        fr: 'Le document utilise trop d’alias YAML.',
      },
      locationOf(sink, doc.contents, ''),
    );
    return undefined;
  }
  const obj = js as Record<string, unknown>;
  const meta = parseMeta(sink, doc, obj);
  if ('correlation' in obj) {
    const correlation = parseCorrelation(
      sink,
      doc,
      obj['correlation'],
      meta ?? placeholderMeta(),
      obj['generate'],
    );
    return meta === undefined ? undefined : correlation;
  }
  const isFilter = 'filter' in obj;
  const logsource = parseLogsource(sink, doc, obj['logsource'], true);
  if (isFilter) {
    const filter = parseFilter(sink, doc, meta ?? placeholderMeta(), logsource ?? {});
    return meta === undefined || logsource === undefined ? undefined : filter;
  }
  const detectionNode = doc.getIn(['detection'], true);
  if (detectionNode === undefined) {
    report(
      sink,
      'error',
      'sigma.rule.missing-detection',
      {
        en: 'The rule has no "detection".',
        fr: 'La règle n’a pas de « detection ».',
      },
      locationOf(sink, doc.contents, 'detection'),
    );
    return undefined;
  }
  const detection = parseDetection(sink, detectionNode, 'detection');
  if (meta === undefined || logsource === undefined || detection === undefined) return undefined;
  return { kind: 'rule', meta, logsource, detection, location: locationOf(sink, doc.contents, '') };
}

function placeholderMeta(): SigmaMeta {
  return {
    title: '',
    references: [],
    tags: [],
    falsepositives: [],
    fields: [],
    related: [],
    scope: [],
    custom: {},
  };
}

/** Parses one rule file. `file` is only used in diagnostics and locations. */
export function parseSigmaFile(text: string, file: string): ParseSigmaFileResult {
  const lineCounter = new LineCounter();
  const sink: DiagnosticSink = { file, lineCounter, diagnostics: [] };
  const documents: SigmaDocument[] = [];
  const parsed = parseAllDocuments(text, { lineCounter, uniqueKeys: true, prettyErrors: false });
  const docs = Array.isArray(parsed) ? parsed : [];
  for (const doc of docs) {
    for (const problem of [...doc.errors, ...doc.warnings]) {
      const severity = doc.errors.includes(problem) ? 'error' : 'warning';
      report(
        sink,
        severity,
        'sigma.yaml.syntax',
        {
          en: `YAML: ${problem.message.split('\n')[0] ?? ''}`,
          fr: `YAML : ${problem.message.split('\n')[0] ?? ''}`,
        },
        { ...positionOf(sink, problem.pos[0]), path: '' },
      );
    }
    if (doc.errors.length > 0 || doc.contents === null) continue;
    const document = parseDocumentBody(sink, doc);
    if (document !== undefined) documents.push(document);
  }
  if (docs.length === 0 || (documents.length === 0 && sink.diagnostics.length === 0)) {
    report(
      sink,
      'error',
      'sigma.rule.empty',
      {
        en: 'The file contains no Sigma document.',
        fr: 'Le fichier ne contient aucun document Sigma.',
      },
      { line: 0, column: 0, path: '' },
    );
  }
  return { documents, diagnostics: sink.diagnostics };
}
