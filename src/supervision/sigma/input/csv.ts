/**
 * Incremental CSV (RFC 4180) record assembly over lines: quoted fields, doubled quotes, commas
 * and newlines inside quotes. Pure; the reader feeds it one line at a time.
 */

/** Assembles CSV records from lines; a quoted field may span several lines. */
export class CsvAssembler {
  private fields: string[] = [];
  private field = '';
  private inQuotes = false;
  private size = 0;

  /** True while a quoted field is open at the end of the last line fed. */
  get isOpen(): boolean {
    return this.inQuotes;
  }

  /** Characters held for the open record. */
  get pendingSize(): number {
    return this.size;
  }

  /** Feeds one line; returns the record's fields when the line completes one. */
  push(line: string): string[] | undefined {
    this.size += line.length + 1;
    if (this.inQuotes) this.field += '\n';
    let i = 0;
    while (i < line.length) {
      const ch = line[i];
      if (this.inQuotes) {
        const quote = line.indexOf('"', i);
        if (quote < 0) {
          this.field += line.slice(i);
          return undefined;
        }
        this.field += line.slice(i, quote);
        if (line[quote + 1] === '"') {
          this.field += '"';
          i = quote + 2;
        } else {
          this.inQuotes = false;
          i = quote + 1;
        }
      } else if (ch === ',') {
        this.fields.push(this.field);
        this.field = '';
        i++;
      } else if (ch === '"' && this.field.trim() === '') {
        this.field = '';
        this.inQuotes = true;
        i++;
      } else {
        const next = nextSpecial(line, i);
        this.field += line.slice(i, next);
        i = next;
      }
    }
    if (this.inQuotes) return undefined;
    const record = this.fields;
    record.push(this.field);
    this.reset();
    return record;
  }

  /** Drops the open record (after an error). */
  reset(): void {
    this.fields = [];
    this.field = '';
    this.inQuotes = false;
    this.size = 0;
  }
}

function nextSpecial(line: string, from: number): number {
  const comma = line.indexOf(',', from);
  const quote = line.indexOf('"', from + 1);
  const stops = [comma, quote].filter((n) => n >= 0);
  return stops.length === 0 ? line.length : Math.min(...stops);
}
