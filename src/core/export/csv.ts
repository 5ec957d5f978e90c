import type { Table } from '../adapter/table';

/** Cells a spreadsheet would run as a formula start with one of these; they are prefixed with `'`. */
const FORMULA = /^[=+\-@\t\r]/;

function cell(value: unknown, isDate: boolean): string {
  if (value === null || value === undefined) return '';
  let text = isDate && typeof value === 'number' ? new Date(value).toISOString() : String(value);
  if (typeof value === 'string' && FORMULA.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * The table as RFC 4180 CSV: a header of column labels, then one line per row. Dates are ISO 8601,
 * numbers unformatted (so a spreadsheet reads them as numbers), and text that a spreadsheet would run
 * as a formula (`=`, `+`, `-`, `@`) is prefixed with an apostrophe.
 */
export function tableToCSV(table: Table): string {
  const lines = [table.columns.map((c) => cell(c.label, false)).join(',')];
  for (let row = 0; row < table.rowCount; row++) {
    lines.push(table.columns.map((c) => cell(c.values[row], c.type === 'date')).join(','));
  }
  return `${lines.join('\r\n')}\r\n`;
}
