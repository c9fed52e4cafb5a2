import {
  MultipleChoiceQuestion,
  OrderingQuestion,
  ScenarioQuestion,
  SingleChoiceQuestion,
  TrueFalseQuestion,
  type ChoiceQuestion,
  type Question,
} from '../../src/knowledge/quiz-bank';
import { scoreAnswer, type QuizAnswer } from '../../src/quiz';

const text = (fr: string) => ({ fr });
const option = (fr: string, correct: boolean) => ({ text: text(fr), correct, why: text('Parce que.') });
const base = (id: string) => ({
  id,
  difficulty: 1,
  prompt: text('Que faire ?'),
  relies_on: [{ referentiel: 'ensure-safety' }],
});

// Validated with the content schemas, so each question is one the bank could hold.
const single = SingleChoiceQuestion.parse({
  ...base('single'),
  type: 'single-choice',
  options: [option('Crier', false), option('Appeler le 15', true), option('Partir', false)],
});
const scenario = ScenarioQuestion.parse({
  ...base('scenario'),
  type: 'scenario',
  scene: text('Un homme est allongé sur le trottoir.'),
  options: [option('Le laisser', false), option('Passer plus tard', false), option('Lui parler', true)],
});
const multiple = MultipleChoiceQuestion.parse({
  ...base('multiple'),
  type: 'multiple-choice',
  options: [option('A', true), option('B', true), option('C', false), option('D', false)],
});
const trueFalse = TrueFalseQuestion.parse({
  ...base('true-false'),
  type: 'true-false',
  answer: true,
  why: text('Oui.'),
});
const ordering = OrderingQuestion.parse({
  ...base('ordering'),
  type: 'ordering',
  steps: [text('Observer'), text('Se présenter'), text('Écouter'), text('Orienter')],
  why: text('Dans cet ordre.'),
});

const choices = (...c: number[]): QuizAnswer => ({ choices: c });
const order = (...o: number[]): QuizAnswer => ({ order: o });
const value = (v: boolean): QuizAnswer => ({ value: v });

describe('scoreAnswer', () => {
  it.each<[string, ChoiceQuestion]>([
    ['single choice', single],
    ['scenario', scenario],
  ])('scores a %s 1 for the right option and 0 otherwise', (_, question) => {
    const right = question.options.findIndex((o) => o.correct);
    const wrong = right === 0 ? 1 : 0;
    expect(scoreAnswer(question, choices(right))).toBe(1);
    expect(scoreAnswer(question, choices(wrong))).toBe(0);
    expect(scoreAnswer(question, choices(right, wrong))).toBe(0);
    expect(scoreAnswer(question, choices())).toBe(0);
    expect(scoreAnswer(question, choices(7))).toBe(0);
  });

  it('gives partial credit to a multiple choice: right picks minus wrong ones, over the right options', () => {
    expect(scoreAnswer(multiple, choices(0, 1))).toBe(1);
    expect(scoreAnswer(multiple, choices(1, 0))).toBe(1);
    expect(scoreAnswer(multiple, choices(0))).toBe(0.5);
    expect(scoreAnswer(multiple, choices(0, 1, 2))).toBe(0.5);
    expect(scoreAnswer(multiple, choices(0, 2))).toBe(0);
    expect(scoreAnswer(multiple, choices())).toBe(0);
  });

  it('never scores a multiple choice below 0, and counts a repeated pick once', () => {
    expect(scoreAnswer(multiple, choices(2, 3))).toBe(0);
    expect(scoreAnswer(multiple, choices(0, 2, 3))).toBe(0);
    expect(scoreAnswer(multiple, choices(0, 0))).toBe(0.5);
  });

  it('scores true/false 1 for the right truth and 0 for the other', () => {
    expect(scoreAnswer(trueFalse, value(true))).toBe(1);
    expect(scoreAnswer(trueFalse, value(false))).toBe(0);
    const falseOne = TrueFalseQuestion.parse({ ...trueFalse, answer: false });
    expect(scoreAnswer(falseOne, value(false))).toBe(1);
    expect(scoreAnswer(falseOne, value(true))).toBe(0);
  });

  it('scores an ordering by the share of steps in their place', () => {
    expect(scoreAnswer(ordering, order(0, 1, 2, 3))).toBe(1);
    expect(scoreAnswer(ordering, order(1, 0, 2, 3))).toBe(0.5);
    expect(scoreAnswer(ordering, order(0, 2, 3, 1))).toBe(0.25);
    expect(scoreAnswer(ordering, order(3, 2, 1, 0))).toBe(0);
  });

  it('scores an ordering with too few or too many steps 0', () => {
    expect(scoreAnswer(ordering, order(0, 1, 2))).toBe(0);
    expect(scoreAnswer(ordering, order(0, 1, 2, 3, 4))).toBe(0);
  });

  it.each<[string, Question, QuizAnswer]>([
    ['a single choice answered true', single, value(true)],
    ['a single choice answered with an order', single, order(1)],
    ['a scenario answered with an order', scenario, order(2)],
    ['a multiple choice answered true', multiple, value(true)],
    ['a multiple choice answered with an order', multiple, order(0, 1)],
    ['a true/false answered with a choice', trueFalse, choices(0)],
    ['a true/false answered with an order', trueFalse, order(0)],
    ['an ordering answered with choices', ordering, choices(0, 1, 2, 3)],
    ['an ordering answered true', ordering, value(true)],
  ])('scores an answer of the wrong shape 0: %s', (_, question, answer) => {
    expect(scoreAnswer(question, answer)).toBe(0);
  });
});
