import { spreadsheetCsv, type Locale } from '../content';
import { display, formatDateTime } from './form-engine';
import type { Field, Form } from './form';
import type { Report, ReportStatus } from './report';

/** The fixed columns of an export, before one column per form field. */
export const CSV_COLUMNS = [
  'id',
  'form',
  'status',
  'author',
  'team',
  'created',
  'submitted',
  'place',
  'review',
  'reviewComment',
  'reviewedBy',
] as const;
export type CsvColumn = (typeof CSV_COLUMNS)[number];

/** The words of an export, from content (knowledge/messages). */
export interface CsvWords {
  columns: Record<CsvColumn, string>;
  status: Record<ReportStatus, string>;
  yes: string;
  no: string;
}

/**
 * Reports as CSV for a spreadsheet (spreadsheetCsv: BOM, `;` in French, formulas defused). One row per report:
 * the fixed columns, then one column per field of the forms present, named after the form when there are several.
 * Values that a spreadsheet would run as a formula are prefixed with an apostrophe.
 */
export function reportsToCsv(
  reports: readonly Report[],
  forms: readonly Form[],
  locale: Locale,
  words: CsvWords,
): string {
  const present = forms.filter((form) => reports.some((r) => r.form === form.id));
  const fieldColumns = present.flatMap((form) =>
    form.fields.map((field) => ({
      form,
      field,
      title: present.length > 1 ? `${form.title[locale]} – ${name(field, locale)}` : name(field, locale),
    })),
  );
  const header = [...CSV_COLUMNS.map((c) => words.columns[c]), ...fieldColumns.map((c) => c.title)];
  const rows = reports.map((report) => {
    const fixed: Record<CsvColumn, string> = {
      id: report.id,
      form: forms.find((f) => f.id === report.form)?.title[locale] ?? report.form,
      status: words.status[report.status],
      author: report.author.name ?? report.author.id,
      team: report.team,
      created: formatDateTime(report.created_at, locale),
      submitted: report.submitted_at ? formatDateTime(report.submitted_at, locale) : '',
      place: report.place?.text ?? '',
      review: report.review ? words.status[report.review.status] : '',
      reviewComment: report.review?.comment ?? '',
      reviewedBy: report.review ? (report.review.by.name ?? report.review.by.id) : '',
    };
    const answers = fieldColumns.map(({ form, field }) => {
      const value = report.form === form.id ? report.answers[field.id] : undefined;
      return value === undefined ? '' : display(field, value, locale, words);
    });
    return [...CSV_COLUMNS.map((c) => fixed[c]), ...answers];
  });
  return spreadsheetCsv([header, ...rows], locale);
}

function name(field: Field, locale: Locale): string {
  return (field.short ?? field.label)[locale];
}
