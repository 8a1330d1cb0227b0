/** Display width of a cell, in code points (good enough for Latin text). */
const width = (text: string): number => Array.from(text).length;

/** Renders rows as an aligned text table (first row is the header). */
export function renderTable(
  rows: readonly (readonly string[])[],
  align: readonly ('l' | 'r')[] = [],
): string {
  const widths: number[] = [];
  for (const row of rows) {
    row.forEach((cell, index) => {
      widths[index] = Math.max(widths[index] ?? 0, width(cell));
    });
  }
  return rows
    .map((row, rowIndex) => {
      const line = row
        .map((cell, index) => {
          const pad = ' '.repeat((widths[index] ?? 0) - width(cell));
          return align[index] === 'r' ? pad + cell : cell + pad;
        })
        .join('  ')
        .trimEnd();
      return rowIndex === 0 ? `${line}\n${widths.map((w) => '─'.repeat(w)).join('  ')}` : line;
    })
    .join('\n');
}
