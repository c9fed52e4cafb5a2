import { z } from 'zod';
import { QUIZ_REQUEST_WORDS } from '../nlu/quiz-request-reader';
import { QuizSettings } from '../quiz/settings';

const Words = z.strictObject({
  fr: z.array(z.string().trim().min(1)).min(1),
  en: z.array(z.string().trim().min(1)).min(1),
});

const RequestWords = z.strictObject(
  Object.fromEntries(QUIZ_REQUEST_WORDS.map((w) => [w, Words])) as Record<
    (typeof QUIZ_REQUEST_WORDS)[number],
    typeof Words
  >,
);

/** The `flow` block of dialogs/quiz.yaml: how sessions are made and graded, and the words the quiz understands. */
export const QuizFlow = z.strictObject({
  settings: QuizSettings,
  words: RequestWords.extend({
    filler: Words.describe('words typed around an answer that say nothing ("réponse", "la")'),
    true: Words,
    false: Words,
  }),
});
export type QuizFlow = z.infer<typeof QuizFlow>;
