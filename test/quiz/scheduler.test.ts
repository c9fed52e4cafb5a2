import { CardRecord, Scheduler, isDue, type QuizGrade } from '../../src/quiz';

/** Thursday 26 November 2026, 14:30 (jest runs in Europe/Paris). */
const NOW = new Date(2026, 10, 26, 14, 30);
const DAY = 24 * 60 * 60 * 1000;
const later = (date: Date, ms: number) => new Date(date.getTime() + ms);
const scheduler = new Scheduler();
const dueOf = (grade: QuizGrade) => Date.parse(scheduler.review(undefined, grade, NOW).due);

describe('Scheduler', () => {
  it('schedules a first "good" later than a first "again", and "easy" later than "good"', () => {
    expect(dueOf('again')).toBeGreaterThan(NOW.getTime());
    expect(dueOf('good')).toBeGreaterThan(dueOf('again'));
    expect(dueOf('easy')).toBeGreaterThan(dueOf('good'));
  });

  it('pushes the next review further back after a second right answer', () => {
    const first = scheduler.review(undefined, 'good', NOW);
    const second = scheduler.review(first, 'good', new Date(first.due));
    const gap = (card: CardRecord, from: number) => Date.parse(card.due) - from;
    expect(gap(second, Date.parse(first.due))).toBeGreaterThan(gap(first, NOW.getTime()));
    expect(second.reps).toBe(2);
  });

  it('gives 0 retrievability to a question never answered', () => {
    expect(scheduler.retrievability(undefined, NOW)).toBe(0);
  });

  it('gives a retrievability close to 1 right after a review, and lower 30 days later', () => {
    const card = scheduler.review(undefined, 'good', NOW);
    const now = scheduler.retrievability(card, NOW);
    const month = scheduler.retrievability(card, later(NOW, 30 * DAY));
    expect(now).toBeGreaterThan(0.99);
    expect(now).toBeLessThanOrEqual(1);
    expect(month).toBeLessThan(now);
    expect(month).toBeGreaterThan(0);
  });

  it('says a card is due from its due date on, and a question never answered never is', () => {
    const card = scheduler.review(undefined, 'good', NOW);
    const due = new Date(card.due);
    expect(isDue(card, later(due, -1))).toBe(false);
    expect(isDue(card, due)).toBe(true);
    expect(isDue(card, later(due, DAY))).toBe(true);
    expect(isDue(undefined, later(NOW, 365 * DAY))).toBe(false);
  });

  it('gives the same card for the same answers at the same times (no fuzz)', () => {
    const run = (s: Scheduler) => {
      let card = s.review(undefined, 'good', NOW);
      card = s.review(card, 'again', later(NOW, 3 * DAY));
      return s.review(card, 'easy', later(NOW, 10 * DAY));
    };
    expect(run(new Scheduler())).toEqual(run(new Scheduler()));
    expect(run(scheduler)).toEqual(run(scheduler));
  });

  it('stores cards as valid JSON records that give the same schedule after a round trip', () => {
    const card = scheduler.review(scheduler.review(undefined, 'good', NOW), 'hard', later(NOW, 2 * DAY));
    const stored = CardRecord.parse(JSON.parse(JSON.stringify(card)));
    expect(stored).toEqual(card);
    const at = later(NOW, 9 * DAY);
    expect(scheduler.review(stored, 'good', at)).toEqual(scheduler.review(card, 'good', at));
    expect(scheduler.retrievability(stored, at)).toBe(scheduler.retrievability(card, at));
  });
});
