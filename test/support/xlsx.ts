/** Small XLSX workbooks for tests, written with the repository's zip writer. */
import { writeZip } from '../../src/documents/render/docx-zip.js';

const escapeXml = (s: string): string =>
  s
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;');

function columnName(index: number): string {
  let name = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) {
    name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  }
  return name;
}

export interface SheetSpec {
  readonly name: string;
  readonly rows: readonly (readonly (string | number)[])[];
}

/**
 * A workbook of these sheets: text in shared strings, numbers as numbers. `extra` parts are
 * added or replace generated ones (for hostile fixtures).
 */
export function xlsxOf(
  sheets: readonly SheetSpec[],
  extra: Readonly<Record<string, string>> = {},
): Buffer {
  const shared: string[] = [];
  const sharedIndex = (s: string): number => {
    const at = shared.indexOf(s);
    if (at >= 0) return at;
    shared.push(s);
    return shared.length - 1;
  };
  const parts: Record<string, string> = {};
  sheets.forEach((sheet, s) => {
    const rows = sheet.rows
      .map((row, r) => {
        const cells = row
          .map((value, c) => {
            const ref = `${columnName(c)}${String(r + 1)}`;
            if (value === '') return '';
            return typeof value === 'number'
              ? `<c r="${ref}"><v>${String(value)}</v></c>`
              : `<c r="${ref}" t="s"><v>${String(sharedIndex(value))}</v></c>`;
          })
          .join('');
        return `<row r="${String(r + 1)}">${cells}</row>`;
      })
      .join('');
    parts[`xl/worksheets/sheet${String(s + 1)}.xml`] =
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${rows}</sheetData></worksheet>`;
  });
  parts['xl/sharedStrings.xml'] =
    `<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="${String(shared.length)}">${shared.map((s) => `<si><t xml:space="preserve">${escapeXml(s)}</t></si>`).join('')}</sst>`;
  parts['xl/workbook.xml'] =
    `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>${sheets.map((sheet, s) => `<sheet name="${escapeXml(sheet.name)}" sheetId="${String(s + 1)}" r:id="rId${String(s + 1)}"/>`).join('')}</sheets></workbook>`;
  parts['xl/_rels/workbook.xml.rels'] =
    `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${sheets.map((_, s) => `<Relationship Id="rId${String(s + 1)}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet${String(s + 1)}.xml"/>`).join('')}</Relationships>`;
  parts['[Content_Types].xml'] =
    '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>';
  Object.assign(parts, extra);
  return writeZip(
    Object.entries(parts).map(([name, text]) => ({ name, data: Buffer.from(text, 'utf8') })),
    '2026-01-01',
  );
}
