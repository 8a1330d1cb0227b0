/** A section of a report: a heading and any of paragraphs, a table, a bullet list. */
export interface ReportSection {
  readonly heading: string;
  readonly paragraphs?: readonly string[];
  /** First row is the header. */
  readonly table?: readonly (readonly string[])[];
  readonly bullets?: readonly string[];
}

/** A report as plain data: the CLI prints its tables, Markdown is derived from it. */
export interface ReportDocument {
  readonly title: string;
  readonly sections: readonly ReportSection[];
}

const cell = (value: string): string => value.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');

function markdownTable(rows: readonly (readonly string[])[]): string[] {
  const [header, ...body] = rows;
  if (header === undefined) return [];
  const line = (row: readonly string[]): string => `| ${row.map(cell).join(' | ')} |`;
  return [line(header), `|${header.map(() => ' --- ').join('|')}|`, ...body.map(line)];
}

/** Renders a report document as GitHub-flavoured Markdown. */
export function toMarkdown(document: ReportDocument): string {
  const lines: string[] = [`# ${document.title}`];
  for (const section of document.sections) {
    lines.push('', `## ${section.heading}`);
    for (const paragraph of section.paragraphs ?? []) lines.push('', paragraph);
    if (section.table !== undefined && section.table.length > 1)
      lines.push('', ...markdownTable(section.table));
    if (section.bullets !== undefined && section.bullets.length > 0)
      lines.push('', ...section.bullets.map((b) => `- ${cell(b)}`));
  }
  return `${lines.join('\n')}\n`;
}
