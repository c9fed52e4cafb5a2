import { gradeAnswer } from '../../src/quiz';

/** The thresholds of dialogs/quiz.yaml. */
const T = { fastSeconds: 8, slowSeconds: 40, awaySeconds: 600 };
const SHORT = 12;
const s = (seconds: number) => seconds * 1000;

describe('gradeAnswer', () => {
  it.each([
    ['a wrong answer, even a quick one', 0, 3],
    ['a partly right answer', 0.5, 20],
    ['a nearly right answer given after the learner was away', 0.75, 900],
  ])('grades %s "again"', (_, score, seconds) => {
    expect(gradeAnswer(score, s(seconds), SHORT, T)).toBe('again');
  });

  it('grades a right answer "easy" when fast, "good" in between and "hard" when slow', () => {
    expect(gradeAnswer(1, s(3), SHORT, T)).toBe('easy');
    expect(gradeAnswer(1, s(20), SHORT, T)).toBe('good');
    expect(gradeAnswer(1, s(55), SHORT, T)).toBe('hard');
  });

  it('grades a right answer "good" when the learner was away: the time says nothing', () => {
    expect(gradeAnswer(1, s(601), SHORT, T)).toBe('good');
    expect(gradeAnswer(1, s(3 * 3600), SHORT, T)).toBe('good');
  });

  it('gives long questions more time, both to be quick and to be slow', () => {
    // 60 words: 40 beyond the first 20, a quarter of a second each, so 10 more seconds on both thresholds.
    expect(gradeAnswer(1, s(45), SHORT, T)).toBe('hard');
    expect(gradeAnswer(1, s(45), 60, T)).toBe('good');
    expect(gradeAnswer(1, s(12), SHORT, T)).toBe('good');
    expect(gradeAnswer(1, s(12), 60, T)).toBe('easy');
  });

  it('gives no extra time to questions of 20 words or fewer', () => {
    expect(gradeAnswer(1, s(45), 20, T)).toBe('hard');
    expect(gradeAnswer(1, s(45), 1, T)).toBe('hard');
  });
});
