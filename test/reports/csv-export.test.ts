import { parse } from 'csv-parse/sync';
import { CSV_COLUMNS, REPORT_STATUSES, reportsToCsv, reviewReport, type CsvWords } from '../../src/reports';
import { content } from '../helpers';
import { intervention, report } from './sample-reports';

const { catalogue } = content();
const AT = new Date(2026, 10, 25, 18, 0);
const words: CsvWords = {
  columns: Object.fromEntries(CSV_COLUMNS.map((c) => [c, `col:${c}`])) as CsvWords['columns'],
  status: Object.fromEntries(REPORT_STATUSES.map((s) => [s, `st:${s}`])) as CsvWords['status'],
  yes: 'Oui',
  no: 'Non',
};

describe('reportsToCsv', () => {
  it('writes UTF-8 with a BOM, ";" in French, a row per report and a column per field of each form present', () => {
    const reviewed = reviewReport(intervention(1, AT), { status: 'validated', by: { id: 's', name: 'Claire' } }, AT);
    const log = report(2, { at: AT, answers: { event: 'ronde', description: 'Ronde au parc; rien à "signaler".' } });
    const csv = reportsToCsv([reviewed, log], catalogue.forms, 'fr', words);
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const rows: string[][] = parse(csv.slice(1), { delimiter: ';' });
    expect(rows).toHaveLength(3);
    const [header, first, second] = rows as [string[], string[], string[]];
    expect(header.slice(0, CSV_COLUMNS.length)).toEqual(CSV_COLUMNS.map((c) => `col:${c}`));
    const column = (title: string) => header.indexOf(title);
    expect(column("Fiche d'intervention – Services alertés")).toBeGreaterThan(-1);
    expect(first[column("Fiche d'intervention – Services alertés")]).toBe('17 (police / gendarmerie), Aucun');
    expect(first[column("Fiche d'intervention – Suivi nécessaire")]).toBe('Oui');
    expect(first[column('col:review')]).toBe('st:validated');
    expect(first[column('col:reviewedBy')]).toBe('Claire');
    expect(first[column('col:created')]).toBe('25/11/2026 18:00');
    expect(second[column('Main courante – Description')]).toBe('Ronde au parc; rien à "signaler".');
    expect(second[column("Fiche d'intervention – Services alertés")]).toBe('');
    expect(csv).toContain('\r\n');
  });

  it('uses "," in English, names columns by field alone for one form, and defuses formulas', () => {
    const log = report(1, { at: AT, answers: { event: 'ronde', description: '=HYPERLINK("http://x")' } });
    const csv = reportsToCsv([log], catalogue.forms, 'en', words);
    const [header, row] = parse(csv.slice(1), { delimiter: ',' }) as [string[], string[]];
    expect(header).toContain('Description');
    expect(row[header.indexOf('Description')]).toBe(`'=HYPERLINK("http://x")`);
    expect(row[header.indexOf('col:created')]).toBe('25/11/2026, 18:00');
  });

  it('writes only the header when there is no report', () => {
    const csv = reportsToCsv([], catalogue.forms, 'fr', words);
    expect(parse(csv.slice(1), { delimiter: ';' })).toEqual([CSV_COLUMNS.map((c) => `col:${c}`)]);
  });
});
