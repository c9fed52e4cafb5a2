import { z } from 'zod';

/**
 * What Relais remembers of one learner: the FSRS memory state of each question they have answered, every answer
 * (for mastery, streaks and the trainer's item statistics) and the session in progress, if any.
 */

const IsoDateTime = z.iso.datetime({ offset: true });

export const QUIZ_MODES = ['practice', 'review', 'exam', 'weak-spot'] as const;
export const QuizMode = z.enum(QUIZ_MODES);
export type QuizMode = z.infer<typeof QuizMode>;

/** A ts-fsrs card as stored: dates as ISO strings. */
export const CardRecord = z.strictObject({
  due: IsoDateTime,
  stability: z.number().min(0),
  difficulty: z.number().min(0),
  elapsed_days: z.number().min(0),
  scheduled_days: z.number().min(0),
  learning_steps: z.number().int().min(0),
  reps: z.number().int().min(0),
  lapses: z.number().int().min(0),
  /** 0 new, 1 learning, 2 review, 3 relearning (ts-fsrs State). */
  state: z.number().int().min(0).max(3),
  last_review: IsoDateTime.optional(),
});
export type CardRecord = z.infer<typeof CardRecord>;

/** One answer to one question. */
export const Attempt = z.strictObject({
  question: z.string().min(1),
  competency: z.string().min(1),
  session: z.string().min(1),
  mode: QuizMode,
  /** 0 to 1: partial credit for multiple choice and ordering. */
  score: z.number().min(0).max(1),
  at: IsoDateTime,
  response_ms: z.number().int().min(0),
});
export type Attempt = z.infer<typeof Attempt>;

/** What a session covers: a CCP, a competency, or the competencies a weak-spot drill picked. */
export const QuizScope = z.strictObject({
  ccp: z.string().optional(),
  competencies: z.array(z.string()).optional(),
});
export type QuizScope = z.infer<typeof QuizScope>;

export const SessionQuestion = z.strictObject({
  id: z.string().min(1),
  /** For ordering questions: the steps' indexes in the order they are shown. */
  shown: z.array(z.number().int().min(0)).optional(),
});
export type SessionQuestion = z.infer<typeof SessionQuestion>;

export const QuizSession = z.strictObject({
  id: z.string().min(1),
  mode: QuizMode,
  scope: QuizScope,
  locale: z.enum(['fr', 'en']),
  questions: z.array(SessionQuestion).min(1),
  /** Scores of the questions answered so far, in order. */
  scores: z.array(z.number().min(0).max(1)),
  started_at: IsoDateTime,
  /** When the current question was shown: the response time runs from here. */
  asked_at: IsoDateTime.optional(),
});
export type QuizSession = z.infer<typeof QuizSession>;

export const Learner = z.strictObject({
  id: z.string().min(1),
  name: z.string().optional(),
  team: z.string().optional(),
});
export type Learner = z.infer<typeof Learner>;

export const LearnerRecord = z.strictObject({
  learner: Learner,
  cards: z.record(z.string(), CardRecord),
  attempts: z.array(Attempt),
  session: QuizSession.optional(),
});
export type LearnerRecord = z.infer<typeof LearnerRecord>;

export function emptyRecord(learner: Learner): LearnerRecord {
  return { learner, cards: {}, attempts: [] };
}

/**
 * Where learners' progress is kept. `update` applies a change to one learner's record atomically: concurrent
 * updates of the same learner run one after the other, so no answer is lost.
 */
export interface QuizStore {
  get(learnerId: string): Promise<LearnerRecord | undefined>;
  update(learner: Learner, change: (record: LearnerRecord) => LearnerRecord): Promise<LearnerRecord>;
  /** Every learner's record, or those of one team. */
  list(filter?: { team?: string }): Promise<LearnerRecord[]>;
}
