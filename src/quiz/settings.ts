import { z } from 'zod';

/** How sessions are made and graded (dialogs/quiz.yaml, `flow.settings`). */
export const QuizSettings = z.strictObject({
  practice_size: z.int().min(1).max(50).describe('questions in a practice session'),
  review_max: z.int().min(1).max(100).describe('most questions in one daily review'),
  exam: z.strictObject({
    per_ccp: z.strictObject({ ccp1: z.int().min(1), ccp2: z.int().min(1), ccp3: z.int().min(1) }),
    pass: z.number().min(0).max(1).describe('score needed in each CCP to pass it'),
  }),
  weak_spot: z.strictObject({
    competencies: z.int().min(1).max(13).describe('how many of the weakest competencies a drill covers'),
    size: z.int().min(1).max(50),
  }),
  grading: z.strictObject({
    fast_seconds: z.number().positive(),
    slow_seconds: z.number().positive(),
    away_seconds: z.number().positive(),
  }),
  retention: z.number().min(0.7).max(0.99).describe('FSRS requested retention'),
});
export type QuizSettings = z.infer<typeof QuizSettings>;
