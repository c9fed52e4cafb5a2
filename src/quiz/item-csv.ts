import { spreadsheetCsv, type Locale } from '../content';
import type { BankQuestion } from '../knowledge/quiz-bank';
import type { ItemStatistics } from './item-statistics';

export const ITEM_CSV_COLUMNS = [
  'question',
  'competency',
  'ccp',
  'type',
  'difficulty',
  'attempts',
  'facility',
  'discrimination',
  'flag',
  'prompt',
] as const;
export type ItemCsvColumn = (typeof ITEM_CSV_COLUMNS)[number];

export interface ItemCsvWords {
  columns: Record<ItemCsvColumn, string>;
  flag: (flag: NonNullable<ItemStatistics['flag']>) => string;
  competency: (id: string) => string;
}

/**
 * Item statistics as a spreadsheet, one row per question of the bank (those never answered too, with 0 answers),
 * flagged questions first, then by competency. Facility in percent, discrimination as a correlation (2 decimals,
 * decimal comma in French).
 */
export function itemStatisticsCsv(
  questions: readonly BankQuestion[],
  items: readonly ItemStatistics[],
  locale: Locale,
  words: ItemCsvWords,
): string {
  const byId = new Map(items.map((i) => [i.question, i]));
  const number = (n: number, digits: number) => {
    const text = n.toFixed(digits);
    return locale === 'fr' ? text.replace('.', ',') : text;
  };
  const rows = questions
    .map((q, order) => ({ q, stats: byId.get(q.id), order }))
    .sort((a, b) => Number(b.stats?.flag !== undefined) - Number(a.stats?.flag !== undefined) || a.order - b.order)
    .map(({ q, stats }) => [
      q.id,
      words.competency(q.competency),
      q.ccp.toUpperCase(),
      q.type,
      String(q.difficulty),
      String(stats?.attempts ?? 0),
      stats ? number(stats.facility * 100, 0) : '',
      stats?.discrimination === undefined ? '' : number(stats.discrimination, 2),
      stats?.flag ? words.flag(stats.flag) : '',
      q.prompt[locale] ?? q.prompt.fr,
    ]);
  return spreadsheetCsv([ITEM_CSV_COLUMNS.map((c) => words.columns[c]), ...rows], locale);
}
