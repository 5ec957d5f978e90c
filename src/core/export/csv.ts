import type { Table } from '../adapter/table';

/**
 * Text a spreadsheet would run as a formula: one of `= + - @` as the first character after any whitespace
 * (spreadsheets skip leading spaces and no-break spaces), or a leading tab or carriage return.
 */
const FORMULA = /^(?:[\t\r]|\s*[=+\-@])/;
/** Fields holding a quote, a separator (`,`, or `;` and tab in locales that split on them) or a line break. */
const NEEDS_QUOTES = /[",;\t\r\n]/;

function cell(value: unknown, isDate: boolean): string {
  if (value === null || value === undefined) return '';
  let text = isDate && typeof value === 'number' ? new Date(value).toISOString() : String(value);
  // Only text is neutralised: a number such as -5 must stay a number.
  if (typeof value === 'string' && FORMULA.test(text)) text = `'${text}`;
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * The table as RFC 4180 CSV: a header of column labels, then one line per row. Dates are ISO 8601,
 * numbers unformatted (so a spreadsheet reads them as numbers), and text that a spreadsheet would run
 * as a formula (`=`, `+`, `-`, `@` after any leading whitespace, or a leading tab or carriage return) is
 * prefixed with an apostrophe. Fields holding `"`, `,`, `;`, a tab or a line break are quoted, so that
 * spreadsheets that split on `;` or tabs do not cut a field into cells.
 */
export function tableToCSV(table: Table): string {
  const lines = [table.columns.map((c) => cell(c.label, false)).join(',')];
  for (let row = 0; row < table.rowCount; row++) {
    lines.push(table.columns.map((c) => cell(c.values[row], c.type === 'date')).join(','));
  }
  return `${lines.join('\r\n')}\r\n`;
}
