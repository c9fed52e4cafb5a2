import type { QuizGrade } from './scheduler';

export interface GradingThresholds {
  /** A right answer faster than this is "easy". */
  fastSeconds: number;
  /** A right answer slower than this is "hard". */
  slowSeconds: number;
  /** Past this, the learner was away: the time says nothing and a right answer is "good". */
  awaySeconds: number;
}

/**
 * The FSRS grade of an answer, from its correctness and response time: a wrong or partly wrong answer is "again";
 * a right one is "easy" when quick, "hard" when slow, "good" otherwise. Longer questions give more time: both
 * thresholds grow by a quarter of a second per word to read beyond the first 20.
 */
export function gradeAnswer(score: number, responseMs: number, words: number, t: GradingThresholds): QuizGrade {
  if (score < 1) return 'again';
  const seconds = responseMs / 1000;
  if (seconds > t.awaySeconds) return 'good';
  const reading = Math.max(0, words - 20) / 4; // about 4 words a second on a phone
  if (seconds < t.fastSeconds + reading) return 'easy';
  if (seconds > t.slowSeconds + reading) return 'hard';
  return 'good';
}
