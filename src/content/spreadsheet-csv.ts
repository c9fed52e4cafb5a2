import { stringify } from 'csv-stringify/sync';
import type { Locale } from './localised';

/**
 * Rows as CSV for a spreadsheet: UTF-8 with a byte-order mark so that Excel shows French accents, `;` between
 * values in French (the list separator of a French Excel) and `,` in English, CRLF line ends. Cells that a
 * spreadsheet would run as a formula are prefixed with an apostrophe (CSV injection).
 */
export function spreadsheetCsv(rows: readonly (readonly string[])[], locale: Locale): string {
  return stringify(
    rows.map((row) => row.map(defuse)),
    { bom: true, delimiter: locale === 'fr' ? ';' : ',', record_delimiter: 'windows' },
  );
}

/** A cell that starts like a formula (=, +, @, or - then no space) is shown as text, not run. */
function defuse(cell: string): string {
  return /^(?:[=+@\t\r]|-(?! ))/.test(cell) ? `'${cell}` : cell;
}
