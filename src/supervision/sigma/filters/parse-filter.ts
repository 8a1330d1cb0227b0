/** Parses a Sigma filter document (`filter:` with `rules`, search identifiers and `condition`). */
import { isMap, isSeq, isScalar, type Document } from 'yaml';
import { parseDetection } from '../rule/parse-detection.js';
import { locationOf, nodeAt, report, type DiagnosticSink } from '../rule/diagnostics.js';
import type { SigmaFilter, SigmaLogsource, SigmaMeta } from '../rule/types.js';

const FILTER_RESERVED: ReadonlySet<string> = new Set(['rules']);

export function parseFilter(
  sink: DiagnosticSink,
  doc: Document,
  meta: SigmaMeta,
  logsource: SigmaLogsource,
): SigmaFilter | undefined {
  const node = doc.getIn(['filter'], true);
  const rulesNode = isMap(node) ? node.get('rules', true) : undefined;
  const rules: string[] = [];
  const items = isSeq(rulesNode) ? rulesNode.items : rulesNode === undefined ? [] : [rulesNode];
  for (const item of items) {
    if (isScalar(item) && typeof item.value === 'string' && item.value !== '')
      rules.push(item.value);
    else
      report(
        sink,
        'error',
        'sigma.filter.bad-rule-reference',
        {
          en: 'A filter names rules by id or name (text).',
          fr: 'Un filtre désigne des règles par identifiant ou nom (texte).',
        },
        locationOf(sink, item, 'filter.rules'),
      );
  }
  if (isMap(node) && rules.length === 0 && items.length === 0) {
    report(
      sink,
      'error',
      'sigma.filter.no-rules',
      {
        en: 'A filter must name at least one rule in "filter.rules".',
        fr: 'Un filtre doit nommer au moins une règle dans « filter.rules ».',
      },
      locationOf(sink, nodeAt(doc, ['filter', 'rules']), 'filter.rules'),
    );
  }
  const detection = parseDetection(sink, node, 'filter', FILTER_RESERVED);
  if (detection === undefined || rules.length === 0) return undefined;
  return {
    kind: 'filter',
    meta,
    logsource,
    rules,
    detection,
    location: locationOf(sink, node, 'filter'),
  };
}
