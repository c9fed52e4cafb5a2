import type { Locale } from '../content';
import type { Messages, QuizBank } from '../knowledge';
import { ITEM_CSV_COLUMNS, itemStatisticsCsv, type ItemCsvColumn, type QuizCoach } from '../quiz';

/** What the trainer's signed link opens: the item statistics of a team's trainees, as CSV. */
export class QuizPages {
  constructor(
    private readonly coach: QuizCoach,
    private readonly bank: QuizBank,
    private readonly messages: Messages,
  ) {}

  async itemsCsv(team: string, locale: Locale): Promise<string> {
    const view = await this.coach.group(team);
    const t = (key: string) => this.messages.text(locale, key);
    return itemStatisticsCsv(this.bank.questions, view.items, locale, {
      columns: Object.fromEntries(ITEM_CSV_COLUMNS.map((c) => [c, t(`quiz.csv.${c}`)])) as Record<
        ItemCsvColumn,
        string
      >,
      flag: (flag) => t(`quiz.group.flags.${flag}`),
      competency: (id) => this.bank.competencies.find((c) => c.id === id)?.short[locale] ?? id,
    });
  }
}
