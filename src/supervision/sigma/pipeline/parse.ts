/**
 * Parses a processing pipeline from YAML text into a validated pipeline, collecting every
 * problem (YAML syntax, schema) as diagnostics with line and column. Pure.
 */
import { isNode, LineCounter, parseDocument, type Document } from 'yaml';
import type { z } from 'zod';
import type { SigmaDiagnostic, SigmaText } from '../types.js';
import { pipelineSchema, type ProcessingPipeline } from './schema.js';

/** The pipeline when it is valid, and every problem found. */
export interface PipelineParseResult {
  readonly pipeline?: ProcessingPipeline;
  readonly diagnostics: readonly SigmaDiagnostic[];
}

type Issue = z.core.$ZodIssue;

function position(
  doc: Document,
  counter: LineCounter,
  path: readonly PropertyKey[],
): { line: number; column: number } {
  // The deepest node that exists along the path (a missing key is reported at its parent).
  for (let depth = path.length; depth >= 0; depth--) {
    const node: unknown = depth === 0 ? doc.contents : doc.getIn(path.slice(0, depth), true);
    if (isNode(node) && node.range !== undefined && node.range !== null) {
      const { line, col } = counter.linePos(node.range[0]);
      return { line, column: col };
    }
  }
  return { line: 1, column: 1 };
}

function issueText(issue: Issue): SigmaText {
  switch (issue.code) {
    case 'invalid_type':
      return {
        en: `Expected ${issue.expected}.`,
        fr: `Attendu : ${issue.expected}.`,
      };
    case 'unrecognized_keys':
      return {
        en: `Unknown key${issue.keys.length > 1 ? 's' : ''}: ${issue.keys.join(', ')}.`,
        fr: `Clé${issue.keys.length > 1 ? 's' : ''} inconnue${issue.keys.length > 1 ? 's' : ''} : ${issue.keys.join(', ')}.`,
      };
    case 'invalid_union':
      return 'discriminator' in issue
        ? {
            en: 'Unknown transformation type (expected field_name_mapping, field_name_prefix, field_name_suffix, add_condition or drop_detection_item).',
            fr: 'Type de transformation inconnu (attendu : field_name_mapping, field_name_prefix, field_name_suffix, add_condition ou drop_detection_item).',
          }
        : { en: 'Value of the wrong kind.', fr: 'Valeur d’un type inattendu.' };
    case 'invalid_value':
      return {
        en: `Expected one of: ${issue.values.map(String).join(', ')}.`,
        fr: `Attendu l’une des valeurs : ${issue.values.map(String).join(', ')}.`,
      };
    case 'too_small':
      return { en: 'Must not be empty.', fr: 'Ne doit pas être vide.' };
    default:
      return { en: issue.message, fr: `Valeur invalide : ${issue.message}` };
  }
}

function diagnostic(
  file: string,
  code: string,
  message: SigmaText,
  at: { line: number; column: number },
  path: string,
): SigmaDiagnostic {
  return { code, severity: 'error', message, file, line: at.line, column: at.column, path };
}

/** Parses and validates a pipeline YAML document; diagnostics come sorted by position. */
export function parsePipeline(text: string, file: string): PipelineParseResult {
  const counter = new LineCounter();
  const doc = parseDocument(text, { lineCounter: counter, prettyErrors: false });
  const diagnostics: SigmaDiagnostic[] = [];
  for (const error of doc.errors) {
    const { line, col } = counter.linePos(error.pos[0]);
    diagnostics.push(
      diagnostic(
        file,
        'pipeline-yaml-syntax',
        {
          en: `YAML syntax error: ${error.message}`,
          fr: `Erreur de syntaxe YAML : ${error.message}`,
        },
        { line, column: col },
        '',
      ),
    );
  }
  if (diagnostics.length > 0) return { diagnostics };
  const parsed = pipelineSchema.safeParse(doc.toJS());
  if (parsed.success) return { pipeline: parsed.data, diagnostics };
  for (const issue of parsed.error.issues) {
    const path = issue.path;
    diagnostics.push(
      diagnostic(
        file,
        'pipeline-invalid',
        issueText(issue),
        position(doc, counter, path),
        path.map(String).join('.'),
      ),
    );
  }
  diagnostics.sort((a, b) => a.line - b.line || a.column - b.column);
  return { diagnostics };
}
