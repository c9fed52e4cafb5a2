import { z } from 'zod';
import { LocalisedText, distinctArray } from '../content';
import { ContentId, IsoDate, SourceUrl, VerificationStatus } from './numbers';

/**
 * The trainee quiz's content (knowledge/quiz/): the référentiel of the AMIS title (3 CCP, 13 competencies, in the
 * wording the quiz follows) and the question bank, one file per competency.
 */

/** A text every question has in French; English is optional, but a question is either fully in English or not. */
export const QuizText = z.strictObject({
  fr: z.string().trim().min(1),
  en: z.string().trim().min(1).optional(),
});
export type QuizText = z.infer<typeof QuizText>;

export const Competency = z.strictObject({
  id: ContentId,
  title: LocalisedText.describe('fr: the verbatim wording of the version the quiz follows'),
  short: LocalisedText.describe('a few words for buttons and charts'),
  keywords: z
    .strictObject({ fr: z.array(z.string().min(2)).min(1), en: z.array(z.string().min(2)).min(1) })
    .describe('words a learner types to name the competency ("sécurité", "premiers gestes"), without accents'),
});
export type Competency = z.infer<typeof Competency>;

export const Ccp = z.strictObject({
  id: z.enum(['ccp1', 'ccp2', 'ccp3']),
  title: LocalisedText,
  short: LocalisedText,
  /** The bloc of the current version (2016 REAC, RNCP37722) that covers this CCP. */
  current_bloc: z.strictObject({
    code: z.string().regex(/^BC0\d$/),
    title: LocalisedText,
    status: VerificationStatus,
    sources: distinctArray(SourceUrl, 'source').min(1),
  }),
  competencies: z.array(Competency).min(1),
});
export type Ccp = z.infer<typeof Ccp>;

/** knowledge/quiz/referentiel.yaml */
export const Referentiel = z.strictObject({
  version: z.strictObject({
    wording: z.string().min(1),
    /** Shown to trainees: which version of the référentiel the questions follow. */
    statement: LocalisedText,
    sources: distinctArray(SourceUrl, 'source').min(1),
    status: VerificationStatus,
    verified_on: IsoDate,
  }),
  ccps: z.array(Ccp).length(3),
});
export type Referentiel = z.infer<typeof Referentiel>;

/** The knowledge item a question relies on: the question must stay true to it. */
export const Reliance = z.union([
  z.strictObject({ number: ContentId.describe('an id in knowledge/numbers.yaml') }),
  z.strictObject({ rule: ContentId.describe('a file in knowledge/rules/') }),
  z.strictObject({ limit: ContentId.describe('a file in knowledge/limits/') }),
  z.strictObject({ guidance: ContentId.describe('a file in knowledge/guidance/') }),
  z.strictObject({ situation: ContentId.describe('a file in knowledge/situations/') }),
  z.strictObject({ referentiel: ContentId.describe('a competency id: the référentiel wording itself') }),
]);
export type Reliance = z.infer<typeof Reliance>;

export const QuizOption = z.strictObject({
  text: QuizText,
  correct: z.boolean(),
  why: QuizText.describe('why this option is right or wrong'),
});
export type QuizOption = z.infer<typeof QuizOption>;

const Base = {
  id: ContentId,
  difficulty: z.int().min(1).max(3).describe('1 easy, 2 medium, 3 hard'),
  prompt: QuizText,
  relies_on: z.array(Reliance).min(1),
};

const exactlyOneCorrect = (options: QuizOption[]) => options.filter((o) => o.correct).length === 1;

export const SingleChoiceQuestion = z.strictObject({
  ...Base,
  type: z.literal('single-choice'),
  options: z.array(QuizOption).min(3).max(5).refine(exactlyOneCorrect, 'needs exactly one correct option'),
});

/** A "mise en situation": a short scene, then the best action. */
export const ScenarioQuestion = z.strictObject({
  ...Base,
  type: z.literal('scenario'),
  scene: QuizText,
  options: z.array(QuizOption).min(3).max(5).refine(exactlyOneCorrect, 'needs exactly one correct option'),
});

export const MultipleChoiceQuestion = z.strictObject({
  ...Base,
  type: z.literal('multiple-choice'),
  options: z
    .array(QuizOption)
    .min(4)
    .max(6)
    .refine((options) => options.filter((o) => o.correct).length >= 2, 'needs at least two correct options')
    .refine((options) => options.some((o) => !o.correct), 'needs at least one wrong option'),
});

export const TrueFalseQuestion = z.strictObject({
  ...Base,
  type: z.literal('true-false'),
  answer: z.boolean(),
  why: QuizText.describe('why the statement is true or false'),
});

/** Steps to put in order; they are written in the right order and shown shuffled. */
export const OrderingQuestion = z.strictObject({
  ...Base,
  type: z.literal('ordering'),
  steps: z.array(QuizText).min(3).max(6),
  why: QuizText.describe('why this order'),
});

export const Question = z.discriminatedUnion('type', [
  SingleChoiceQuestion,
  ScenarioQuestion,
  MultipleChoiceQuestion,
  TrueFalseQuestion,
  OrderingQuestion,
]);
export type Question = z.infer<typeof Question>;
export type QuestionType = Question['type'];
export type ChoiceQuestion = Extract<Question, { options: unknown }>;

/** knowledge/quiz/questions/<competency>.yaml */
export const QuestionFile = z.strictObject({
  competency: ContentId,
  questions: z.array(Question).min(1),
});
export type QuestionFile = z.infer<typeof QuestionFile>;

/** A question with the competency and CCP it belongs to. */
export type BankQuestion = Question & { competency: string; ccp: Ccp['id'] };

/** Every text of a question, with its path, for checks that look at all of them (English completeness). */
export function questionTexts(q: Question): { path: (string | number)[]; text: QuizText }[] {
  const texts: { path: (string | number)[]; text: QuizText }[] = [{ path: ['prompt'], text: q.prompt }];
  if (q.type === 'scenario') texts.push({ path: ['scene'], text: q.scene });
  if ('options' in q)
    q.options.forEach((o, i) => {
      texts.push({ path: ['options', i, 'text'], text: o.text });
      texts.push({ path: ['options', i, 'why'], text: o.why });
    });
  if (q.type === 'true-false' || q.type === 'ordering') texts.push({ path: ['why'], text: q.why });
  if (q.type === 'ordering') q.steps.forEach((s, i) => texts.push({ path: ['steps', i], text: s }));
  return texts;
}

/** Whether a question can be asked in English: every one of its texts has an English version. */
export function hasEnglish(q: Question): boolean {
  return questionTexts(q).every((t) => t.text.en !== undefined);
}
