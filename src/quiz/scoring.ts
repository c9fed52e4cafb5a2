import type { BankQuestion, Question } from '../knowledge/quiz-bank';

/** What the learner answered: option indexes, true or false, or the steps' indexes in the order given. */
export type QuizAnswer = { choices: readonly number[] } | { value: boolean } | { order: readonly number[] };

/**
 * The score of an answer, from 0 to 1. Single choice, scenario and true/false: 1 or 0. Multiple choice: right picks
 * minus wrong picks, over the number of right options, never below 0. Ordering: the share of steps in their place.
 * An answer of the wrong shape scores 0.
 */
export function scoreAnswer(question: Question, answer: QuizAnswer): number {
  switch (question.type) {
    case 'single-choice':
    case 'scenario': {
      if (!('choices' in answer) || answer.choices.length !== 1) return 0;
      return question.options[answer.choices[0]!]?.correct ? 1 : 0;
    }
    case 'multiple-choice': {
      if (!('choices' in answer)) return 0;
      const picked = new Set(answer.choices);
      const right = question.options.filter((o, i) => o.correct && picked.has(i)).length;
      const wrong = question.options.filter((o, i) => !o.correct && picked.has(i)).length;
      const total = question.options.filter((o) => o.correct).length;
      return Math.max(0, (right - wrong) / total);
    }
    case 'true-false':
      return 'value' in answer && answer.value === question.answer ? 1 : 0;
    case 'ordering': {
      if (!('order' in answer) || answer.order.length !== question.steps.length) return 0;
      const inPlace = answer.order.filter((step, position) => step === position).length;
      return inPlace / question.steps.length;
    }
  }
}

/** The number of words a question asks the learner to read (for the response-time grading). */
export function wordCount(question: BankQuestion, locale: 'fr' | 'en'): number {
  const texts = [question.prompt];
  if (question.type === 'scenario') texts.push(question.scene);
  if ('options' in question) texts.push(...question.options.map((o) => o.text));
  if (question.type === 'ordering') texts.push(...question.steps);
  return texts.reduce((n, t) => n + (t[locale] ?? t.fr).split(/\s+/).length, 0);
}
