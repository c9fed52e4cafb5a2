import { localDay } from '../content';
import type { BankQuestion } from '../knowledge/quiz-bank';
import type { Attempt, LearnerRecord } from './progress';
import type { Scheduler } from './scheduler';

export interface CompetencyMastery {
  competency: string;
  ccp: string;
  /**
   * 0 to 1: for each of the competency's questions, the score of the learner's last answer times the probability
   * of recalling it now (FSRS retrievability), averaged over all of them; a question never answered counts 0. It
   * rises with right answers, drops with wrong ones and fades with time.
   */
  mastery: number;
  /** How many of its questions the learner has answered at least once, out of `total`. */
  answered: number;
  total: number;
}

/** Mastery of each competency, in the order the competencies are given. */
export function masteryByCompetency(
  competencies: readonly { id: string; ccp: string }[],
  questions: readonly BankQuestion[],
  record: Pick<LearnerRecord, 'cards' | 'attempts'> | undefined,
  scheduler: Scheduler,
  now: Date,
): CompetencyMastery[] {
  const last = new Map<string, number>();
  for (const a of record?.attempts ?? []) last.set(a.question, a.score);
  return competencies.map(({ id, ccp }) => {
    const own = questions.filter((q) => q.competency === id);
    const cards = own.map((q) => record?.cards[q.id]);
    const sum = own.reduce((s, q) => s + (last.get(q.id) ?? 0) * scheduler.retrievability(record?.cards[q.id], now), 0);
    return {
      competency: id,
      ccp,
      mastery: own.length === 0 ? 0 : sum / own.length,
      answered: cards.filter((c) => c !== undefined).length,
      total: own.length,
    };
  });
}

/**
 * The streak: how many days in a row, up to today, the learner answered at least one question. A streak that
 * ended yesterday still counts (today is not over); one that ended before is 0.
 */
export function streak(attempts: readonly Pick<Attempt, 'at'>[], now: Date): number {
  const days = new Set(attempts.map((a) => localDay(new Date(a.at))));
  const cursor = new Date(now);
  if (!days.has(localDay(cursor))) cursor.setDate(cursor.getDate() - 1);
  let count = 0;
  while (days.has(localDay(cursor))) {
    count++;
    cursor.setDate(cursor.getDate() - 1);
  }
  return count;
}

/** Questions already answered whose next review falls today or earlier. */
export function dueToday(
  questions: readonly BankQuestion[],
  record: Pick<LearnerRecord, 'cards'> | undefined,
  now: Date,
) {
  const today = localDay(now);
  return questions.filter((q) => {
    const card = record?.cards[q.id];
    return card !== undefined && localDay(new Date(card.due)) <= today;
  });
}
