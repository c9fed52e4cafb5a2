import { MIN_ATTEMPTS_TO_FLAG, itemStatistics, type Attempt, type ItemStatistics } from '../../src/quiz';

/** Session id → question id → score. */
type Sessions = Record<string, Record<string, number>>;

/** One learner's record: every answer of each of their sessions. */
function learner(sessions: Sessions): { attempts: Attempt[] } {
  return {
    attempts: Object.entries(sessions).flatMap(([session, scores]) =>
      Object.entries(scores).map(([question, score]) => ({
        question,
        competency: 'ensure-safety',
        session,
        mode: 'practice' as const,
        score,
        at: '2026-11-26T10:00:00+01:00',
        response_ms: 15000,
      })),
    ),
  };
}

const statsOf = (stats: ItemStatistics[], question: string) => stats.find((s) => s.question === question)!;

/**
 * Two learners, four sessions of three questions. For q (x) against the mean of the two others (y):
 *   A: x=1, y=(1+1)/2=1   B: x=1, y=(1+0)/2=0.5   C: x=0, y=(0+0)/2=0   D: x=0, y=(1+0)/2=0.5
 * mean x = 0.5, mean y = 0.5; deviations x: .5 .5 -.5 -.5, y: .5 0 -.5 0
 * Sxy = .25 + 0 + .25 + 0 = 0.5, Sxx = 1, Syy = .25 + .25 = 0.5, r = 0.5 / √(1 × 0.5) = 1/√2 ≈ 0.7071.
 */
const FOUR_SESSIONS = [
  learner({ A: { q: 1, o1: 1, o2: 1 }, B: { q: 1, o1: 1, o2: 0 } }),
  learner({ C: { q: 0, o1: 0, o2: 0 }, D: { q: 0, o1: 1, o2: 0 } }),
];

/**
 * Five learners of falling ability on a, b and c; the trap is missed by the two best and got by the three weakest.
 * trap (x) against the mean of a, b, c (y):  x = 0 0 1 1 1,  y = 1 1 2/3 1/3 0
 * mean x = 3/5, mean y = 3/5; deviations x: -3/5 -3/5 2/5 2/5 2/5, y: 2/5 2/5 1/15 -4/15 -3/5
 * Sxy = 2 × (-6/25) + 2/5 × (1/15 - 4/15 - 9/15) = -12/25 - 8/25 = -4/5
 * Sxx = 2 × 9/25 + 3 × 4/25 = 6/5,  Syy = (36 + 36 + 1 + 16 + 81)/225 = 34/45
 * r = (-4/5) / √(6/5 × 34/45) = -12/√204 ≈ -0.8402.
 */
const TRAP_SESSIONS: Sessions[] = [
  { s1: { a: 1, b: 1, c: 1, trap: 0 } },
  { s2: { a: 1, b: 1, c: 1, trap: 0 } },
  { s3: { a: 1, b: 0, c: 1, trap: 1 } },
  { s4: { a: 0, b: 0, c: 1, trap: 1 } },
  { s5: { a: 0, b: 0, c: 0, trap: 1 } },
];

describe('itemStatistics', () => {
  it('gives each question its attempts and facility: the mean score, partial credit included', () => {
    const stats = itemStatistics([
      learner({ s1: { q: 1 }, s2: { q: 0.5 } }),
      learner({ s3: { q: 0.25, other: 1 } }),
      learner({ s4: { q: 0 } }),
    ]);
    expect(statsOf(stats, 'q')).toMatchObject({ competency: 'ensure-safety', attempts: 4, facility: 0.4375 });
    expect(statsOf(stats, 'other')).toMatchObject({ attempts: 1, facility: 1 });
    expect(stats.map((s) => s.question).sort()).toEqual(['other', 'q']);
  });

  it('computes discrimination as the correlation between the item and the rest of its session', () => {
    const q = statsOf(itemStatistics(FOUR_SESSIONS), 'q');
    expect(q.facility).toBe(0.5);
    expect(q.discrimination).toBeCloseTo(1 / Math.SQRT2, 10);
  });

  it('leaves discrimination undefined when sessions are too short to compare with the rest', () => {
    const stats = itemStatistics([
      learner({ s1: { q: 1, o: 1 }, s2: { q: 0, o: 0 }, s3: { q: 1, o: 0 }, s4: { q: 0, o: 1 } }),
    ]);
    expect(statsOf(stats, 'q').discrimination).toBeUndefined();
  });

  it('gives a negative discrimination and its flag to a question good learners miss and weak ones get', () => {
    const trap = statsOf(itemStatistics(TRAP_SESSIONS.map(learner)), 'trap');
    expect(trap.attempts).toBe(5);
    expect(trap.facility).toBeCloseTo(0.6, 10);
    expect(trap.discrimination).toBeCloseTo(-12 / Math.sqrt(204), 10);
    expect(trap.flag).toBe('negative-discrimination');
  });

  it('does not flag a question answered fewer than MIN_ATTEMPTS_TO_FLAG times', () => {
    const few = TRAP_SESSIONS.slice(0, MIN_ATTEMPTS_TO_FLAG - 1);
    const trap = statsOf(itemStatistics(few.map(learner)), 'trap');
    expect(trap.attempts).toBe(MIN_ATTEMPTS_TO_FLAG - 1);
    expect(trap.discrimination).toBeLessThan(0);
    expect(trap.flag).toBeUndefined();
  });

  it('flags a question everybody gets right as too easy and one nobody gets as too hard', () => {
    const sessions: Sessions[] = [1, 1, 0.5, 0, 0].map((level, n) => ({
      [`s${n}`]: { easy: 1, hard: 0, x: level, y: level },
    }));
    const stats = itemStatistics(sessions.map(learner));
    expect(statsOf(stats, 'easy')).toMatchObject({
      attempts: 5,
      facility: 1,
      discrimination: undefined,
      flag: 'too-easy',
    });
    expect(statsOf(stats, 'hard')).toMatchObject({
      attempts: 5,
      facility: 0,
      discrimination: undefined,
      flag: 'too-hard',
    });
    expect(statsOf(stats, 'x').flag).toBeUndefined();
  });

  it('leaves discrimination undefined when the rest of the session does not vary', () => {
    const sessions: Sessions[] = [1, 0, 1, 0, 1].map((score, n) => ({ [`s${n}`]: { q: score, o1: 1, o2: 0 } }));
    const q = statsOf(itemStatistics(sessions.map(learner)), 'q');
    expect(q.facility).toBeCloseTo(0.6, 10);
    expect(q.discrimination).toBeUndefined();
    expect(q.flag).toBeUndefined();
  });

  it('leaves out questions nobody answered', () => {
    expect(itemStatistics([])).toEqual([]);
    expect(itemStatistics([learner({})])).toEqual([]);
  });
});
