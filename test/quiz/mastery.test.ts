import { TrueFalseQuestion, type BankQuestion } from '../../src/knowledge/quiz-bank';
import {
  Scheduler,
  dueToday,
  masteryByCompetency,
  streak,
  type Attempt,
  type CardRecord,
  type LearnerRecord,
  type QuizGrade,
} from '../../src/quiz';

/** Thursday 26 November 2026, 14:30 (jest runs in Europe/Paris). */
const NOW = new Date(2026, 10, 26, 14, 30);
const DAY = 24 * 60 * 60 * 1000;
const scheduler = new Scheduler();

function question(id: string, competency: string): BankQuestion {
  const q = TrueFalseQuestion.parse({
    id,
    type: 'true-false',
    difficulty: 1,
    prompt: { fr: `Affirmation ${id}` },
    relies_on: [{ referentiel: competency }],
    answer: true,
    why: { fr: 'Parce que.' },
  });
  return { ...q, competency, ccp: 'ccp2' };
}

const COMPETENCIES = [
  { id: 'ensure-safety', ccp: 'ccp2' },
  { id: 'uphold-rules', ccp: 'ccp2' },
  { id: 'address-a-group', ccp: 'ccp3' },
];
const QUESTIONS = [question('s1', 'ensure-safety'), question('s2', 'ensure-safety'), question('r1', 'uphold-rules')];
const cards = (c: Record<string, CardRecord>): Pick<LearnerRecord, 'cards'> => ({ cards: c });
type Progress = Pick<LearnerRecord, 'cards' | 'attempts'>;
const NOTHING: Progress = { cards: {}, attempts: [] };

/** The record after answering question `id` with `score` at `at`, graded `grade`. */
function answer(record: Progress, id: string, score: number, grade: QuizGrade, at = NOW): Progress {
  const q = QUESTIONS.find((x) => x.id === id)!;
  const attempt: Attempt = {
    question: id,
    competency: q.competency,
    session: 'session-1',
    mode: 'practice',
    score,
    at: at.toISOString(),
    response_ms: 15000,
  };
  return {
    cards: { ...record.cards, [id]: scheduler.review(record.cards[id], grade, at) },
    attempts: [...record.attempts, attempt],
  };
}
const mastery = (record: Progress | undefined, now = NOW) =>
  masteryByCompetency(COMPETENCIES, QUESTIONS, record, scheduler, now);
const safety = (record: Progress, now = NOW) => mastery(record, now)[0]!;

describe('masteryByCompetency', () => {
  it('gives 0 to a learner who answered nothing, in the order of the competencies', () => {
    expect(mastery(undefined)).toEqual([
      { competency: 'ensure-safety', ccp: 'ccp2', mastery: 0, answered: 0, total: 2 },
      { competency: 'uphold-rules', ccp: 'ccp2', mastery: 0, answered: 0, total: 1 },
      { competency: 'address-a-group', ccp: 'ccp3', mastery: 0, answered: 0, total: 0 },
    ]);
    expect(mastery(NOTHING)).toEqual(mastery(undefined));
  });

  it('rises with right answers, a question never answered counting 0', () => {
    const one = answer(NOTHING, 's1', 1, 'good');
    expect(safety(one)).toMatchObject({ answered: 1, total: 2 });
    // Retrievability is 1 right after a review: (1 × 1 + 0) / 2.
    expect(safety(one).mastery).toBeCloseTo(0.5, 5);

    const both = answer(one, 's2', 1, 'good');
    expect(safety(both)).toMatchObject({ answered: 2, mastery: 1 });
    expect(mastery(both)[1]).toMatchObject({ mastery: 0, answered: 0 });
  });

  it('drops when the last answer to a question is wrong, and counts partial credit', () => {
    const right = answer(NOTHING, 's1', 1, 'good');
    const later = new Date(NOW.getTime() + 3 * DAY);
    const wrong = answer(right, 's1', 0, 'again', later);
    expect(safety(wrong, later).mastery).toBeLessThan(safety(right, later).mastery);
    expect(safety(wrong, later)).toMatchObject({ mastery: 0, answered: 1 });
    expect(safety(answer(NOTHING, 's1', 0.5, 'again')).mastery).toBeCloseTo(0.25, 5);
  });

  it('fades with time', () => {
    const record = answer(answer(NOTHING, 's1', 1, 'good'), 's2', 1, 'easy');
    const nextMonth = safety(record, new Date(NOW.getTime() + 30 * DAY)).mastery;
    expect(nextMonth).toBeLessThan(safety(record).mastery);
    expect(nextMonth).toBeGreaterThan(0);
  });
});

describe('streak', () => {
  const at = (iso: string) => ({ at: iso });
  /** Attempts at 10:00 in Paris on these days of November 2026. */
  const onDays = (...days: number[]) => days.map((d) => at(new Date(2026, 10, d, 10, 0).toISOString()));

  it('counts consecutive days up to today, several answers a day counting once', () => {
    expect(streak(onDays(24, 25, 26, 26, 26), NOW)).toBe(3);
    expect(streak(onDays(26), NOW)).toBe(1);
  });

  it('still counts a streak that ended yesterday, and not one that ended before', () => {
    expect(streak(onDays(23, 24, 25), NOW)).toBe(3);
    expect(streak(onDays(22, 23, 24), NOW)).toBe(0);
    expect(streak([], NOW)).toBe(0);
  });

  it('starts again after a day without answers', () => {
    expect(streak(onDays(20, 21, 22, 24, 25, 26), NOW)).toBe(3);
  });

  it('counts calendar days in Paris: 23:30 and 00:30 are two days', () => {
    // 22:30 and 23:30 UTC, on the same UTC day.
    const attempts = [at('2026-11-25T23:30:00+01:00'), at('2026-11-26T00:30:00+01:00')];
    expect(streak(attempts, new Date('2026-11-26T08:00:00+01:00'))).toBe(2);
    // Summer time: 21:30 and 22:30 UTC.
    const july = [at('2026-07-14T23:30:00+02:00'), at('2026-07-15T00:30:00+02:00')];
    expect(streak(july, new Date('2026-07-15T09:00:00+02:00'))).toBe(2);
  });
});

describe('dueToday', () => {
  const card = scheduler.review(undefined, 'good', NOW);
  const dueAt = (iso: string): CardRecord => ({ ...card, due: new Date(iso).toISOString() });
  const ids = (qs: readonly BankQuestion[]) => qs.map((q) => q.id);

  it('lists answered questions due today or earlier, even later today, and no others', () => {
    const record = cards({
      s1: dueAt('2026-11-26T22:00:00+01:00'),
      s2: dueAt('2026-11-27T09:00:00+01:00'),
      r1: dueAt('2026-11-20T09:00:00+01:00'),
    });
    expect(ids(dueToday(QUESTIONS, record, NOW))).toEqual(['s1', 'r1']);
  });

  it('lists nothing for a learner who answered nothing', () => {
    expect(dueToday(QUESTIONS, undefined, NOW)).toEqual([]);
    expect(dueToday(QUESTIONS, cards({}), NOW)).toEqual([]);
  });

  it('takes the day in Paris: a card due at 00:30 tomorrow is not due today, though it is still today in UTC', () => {
    const record = cards({ s1: dueAt('2026-11-27T00:30:00+01:00'), s2: dueAt('2026-11-26T23:59:00+01:00') });
    expect(ids(dueToday(QUESTIONS, record, new Date('2026-11-26T23:00:00+01:00')))).toEqual(['s2']);
  });
});
