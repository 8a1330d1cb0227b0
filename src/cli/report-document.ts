import type { ReportDocument } from '../design/cp1/report-document.js';
import { paint, type CommandContext } from './context.js';
import { renderTable } from './table.js';

/** Prints a report document on a terminal: headings, paragraphs, aligned tables, bullets. */
export function documentToText(ctx: CommandContext, document: ReportDocument): string {
  const lines = [
    paint(ctx, 'bold', document.title),
    '═'.repeat(Math.min(80, document.title.length)),
  ];
  for (const section of document.sections) {
    lines.push('', paint(ctx, 'bold', section.heading));
    for (const paragraph of section.paragraphs ?? []) lines.push(paragraph);
    if (section.table !== undefined && section.table.length > 1)
      lines.push(renderTable(section.table));
    for (const bullet of section.bullets ?? []) lines.push(`  • ${bullet}`);
  }
  return `${lines.join('\n')}\n`;
}
