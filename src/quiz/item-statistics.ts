import type { LearnerRecord } from './progress';

export interface ItemStatistics {
  question: string;
  competency: string;
  attempts: number;
  /** Facility index (Moodle): the mean score on the question, 0 to 1. Low means hard. */
  facility: number;
  /**
   * Discrimination index (Moodle): the correlation, -1 to 1, between the score on this question and the score on
   * the rest of the same session, over sessions with at least MIN_OTHERS other answers. Undefined with too few.
   */
  discrimination: number | undefined;
  /** What a trainer should look at, if anything. */
  flag: ItemFlag | undefined;
}

export type ItemFlag = 'negative-discrimination' | 'weak-discrimination' | 'too-hard' | 'too-easy';

/** A session counts for discrimination when it holds this many other answers besides the question's. */
export const MIN_OTHERS = 2;
/** Below this many attempts, a question is not flagged: the figures would be noise. */
export const MIN_ATTEMPTS_TO_FLAG = 5;
/** Thresholds of the flags (facility as a share, discrimination as a correlation). */
export const FLAG_THRESHOLDS = { tooHard: 0.2, tooEasy: 0.9, weakDiscrimination: 0.2 } as const;

/**
 * Item statistics over every learner's answers, question by question, as Moodle's quiz statistics report them:
 * facility index and discrimination index, with a flag on questions worth reviewing (negative or weak
 * discrimination first, then facility out of range). Questions nobody answered are left out.
 */
export function itemStatistics(records: readonly Pick<LearnerRecord, 'attempts'>[]): ItemStatistics[] {
  const sessions = new Map<string, { question: string; score: number }[]>();
  const byQuestion = new Map<string, { competency: string; scores: number[]; pairs: [number, number][] }>();
  for (const record of records) {
    for (const a of record.attempts) {
      // Sessions are per learner; the learner's id is not needed, their session ids are unique.
      sessions.set(a.session, [...(sessions.get(a.session) ?? []), { question: a.question, score: a.score }]);
      const entry = byQuestion.get(a.question) ?? { competency: a.competency, scores: [], pairs: [] };
      entry.scores.push(a.score);
      byQuestion.set(a.question, entry);
    }
  }
  for (const answers of sessions.values()) {
    if (answers.length < MIN_OTHERS + 1) continue;
    const total = answers.reduce((s, a) => s + a.score, 0);
    for (const a of answers) {
      const rest = (total - a.score) / (answers.length - 1);
      byQuestion.get(a.question)!.pairs.push([a.score, rest]);
    }
  }
  return [...byQuestion.entries()].map(([question, { competency, scores, pairs }]) => {
    const facility = mean(scores);
    const discrimination = pairs.length >= 3 ? correlation(pairs) : undefined;
    return {
      question,
      competency,
      attempts: scores.length,
      facility,
      discrimination,
      flag: flagOf(scores.length, facility, discrimination),
    };
  });
}

function flagOf(attempts: number, facility: number, discrimination: number | undefined): ItemFlag | undefined {
  if (attempts < MIN_ATTEMPTS_TO_FLAG) return undefined;
  if (discrimination !== undefined && discrimination < 0) return 'negative-discrimination';
  if (discrimination !== undefined && discrimination < FLAG_THRESHOLDS.weakDiscrimination) return 'weak-discrimination';
  if (facility < FLAG_THRESHOLDS.tooHard) return 'too-hard';
  if (facility > FLAG_THRESHOLDS.tooEasy) return 'too-easy';
  return undefined;
}

function mean(values: readonly number[]): number {
  return values.reduce((s, v) => s + v, 0) / values.length;
}

/** Pearson's correlation; undefined when either side does not vary. */
function correlation(pairs: readonly [number, number][]): number | undefined {
  const mx = mean(pairs.map((p) => p[0]));
  const my = mean(pairs.map((p) => p[1]));
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (const [x, y] of pairs) {
    sxy += (x - mx) * (y - my);
    sxx += (x - mx) ** 2;
    syy += (y - my) ** 2;
  }
  return sxx === 0 || syy === 0 ? undefined : sxy / Math.sqrt(sxx * syy);
}
