/**
 * CSV as spreadsheets read it (RFC 4180): fields quoted when they hold a comma, quote or line break, quotes doubled,
 * CRLF between records. Text that a spreadsheet would run as a formula (starting with =, +, -, @, tab or CR) is
 * prefixed with an apostrophe, unless it is a plain number, so an exported tag value cannot become a formula.
 */

export type CsvValue = string | number | boolean | null | undefined;

const formulaStart = /^[=+\-@\t\r]/;
const plainNumber = /^[+-]?\d+(\.\d+)?$/;

export function csvField(value: CsvValue): string {
  if (value === null || value === undefined) return '';
  let text = String(value);
  if (typeof value === 'string' && formulaStart.test(text) && !plainNumber.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function csvRecord(values: readonly CsvValue[]): string {
  return `${values.map(csvField).join(',')}\r\n`;
}

/** A whole file: a header and the rows, with a byte-order mark so spreadsheet programs read UTF-8 (Japanese names). */
export function toCsv(header: readonly string[], rows: Iterable<readonly CsvValue[]>): string {
  let out = `\uFEFF${csvRecord(header)}`;
  for (const row of rows) out += csvRecord(row);
  return out;
}

/** Reads CSV written by toCsv (and other RFC 4180 CSV) back into rows; used by tests and imports. */
export function parseCsv(text: string): string[][] {
  const source = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (quoted) {
      if (c === '"' && source[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && source[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

/** Offers text as a file download (an object URL; allowed by the CSP's img/blob rules, no network request). */
export function downloadText(text: string, fileName: string, type = 'text/csv;charset=utf-8'): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
