import { QuizFlow } from '../../src/dialogs/quiz-flow';
import { QuizAnswerReader, type QuizAnswerShape } from '../../src/nlu/quiz-answer-reader';
import { content } from '../helpers';

const { words } = QuizFlow.parse(content().catalogue.capabilities.find((c) => c.id === 'quiz')?.flow);
const reader = new QuizAnswerReader({ filler: words.filler, true: words.true, false: words.false });

const OPTIONS = ['Appeler le 15', 'Prévenir le bailleur', 'Ignorer la situation', 'Sécuriser les lieux'];
const single: QuizAnswerShape = { kind: 'single', options: OPTIONS };
const multiple: QuizAnswerShape = { kind: 'multiple', options: OPTIONS };
const trueFalse: QuizAnswerShape = { kind: 'true-false' };
const ordering: QuizAnswerShape = { kind: 'ordering', steps: ['Observer', 'Se présenter', 'Écouter', 'Orienter'] };
/** 5000 characters of letters, digits, punctuation and emoji, the same on every run. */
const JUNK = Array.from({ length: 5000 }, (_, i) => 'xq7#é!😀 ,;-zk'[(i * 7) % 14]).join('');

describe('QuizAnswerReader', () => {
  it.each([
    ['B', 1],
    ['b)', 1],
    ['2', 1],
    ['réponse c', 2],
    ["c'est la b", 1],
    ['la réponse est D', 3],
    ['  A.  ', 0],
    ['prevenir le baileur', 1],
    ['sécuriser les lieu', 3],
    ['appeler le 15', 0],
  ])('reads "%s" as the single choice %i', (text, position) => {
    expect(reader.read(single, text)).toEqual({ positions: [position] });
  });

  it.each(['a c', 'A, C', '1 3', 'ac', 'a et c', 'C A', 'c, a, a', 'réponse a et c'])(
    'reads "%s" as the multiple choice a and c, sorted and without repeats',
    (text) => {
      expect(reader.read(multiple, text)).toEqual({ positions: [0, 2] });
    },
  );

  it('reads options named by their words in a multiple choice', () => {
    expect(reader.read(multiple, 'Sécuriser les lieux et appeler le 15')).toEqual({ positions: [0, 3] });
    expect(reader.read(multiple, 'b')).toEqual({ positions: [1] });
  });

  it.each<[string, boolean]>([
    ['vrai', true],
    ['Faux', false],
    ['true', true],
    ['false', false],
    ['F', false],
    ['V', true],
    ['A', true],
    ['B', false],
    ["c'est vrai", true],
    ['non', false],
  ])('reads "%s" as %s', (text, value) => {
    expect(reader.read(trueFalse, text)).toEqual({ value });
  });

  it.each(['B D A C', 'bdac', '2 4 1 3', '2-4-1-3', '2413', "d'abord b puis d ensuite a enfin c"])(
    'reads "%s" as the order b d a c',
    (text) => {
      expect(reader.read(ordering, text)).toEqual({ positions: [1, 3, 0, 2] });
    },
  );

  it.each<[string, QuizAnswerShape, string]>([
    ['several letters for a single choice', single, 'a c'],
    ['a letter beyond the options', single, 'E'],
    ['a number beyond the options', single, '5'],
    ['a greeting', single, 'bonjour'],
    ['a letter beyond the options of a multiple choice', multiple, 'a e'],
    ['a greeting as a truth', trueFalse, 'bonjour'],
    ['a letter beyond A and B as a truth', trueFalse, 'c'],
    ['an order with a step missing', ordering, 'B D A'],
    ['an order with a step repeated', ordering, 'B D A A'],
    ['an order with a step too many', ordering, 'B D A C A'],
    ['an order in words', ordering, 'observer puis écouter'],
  ])('refuses %s', (_, shape, text) => {
    expect(reader.read(shape, text)).toBeUndefined();
  });

  it.each<[string, QuizAnswerShape]>([
    ['single', single],
    ['multiple', multiple],
    ['true-false', trueFalse],
    ['ordering', ordering],
  ])('refuses an empty answer, filler only and 5000 characters of junk (%s)', (_, shape) => {
    expect(reader.read(shape, '')).toBeUndefined();
    expect(reader.read(shape, '   ')).toBeUndefined();
    expect(reader.read(shape, 'la réponse est')).toBeUndefined();
    expect(reader.read(shape, JUNK)).toBeUndefined();
  });
});
