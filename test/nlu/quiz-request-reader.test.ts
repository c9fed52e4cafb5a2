import { QuizFlow } from '../../src/dialogs/quiz-flow';
import { QuizRequestReader, type QuizRequest } from '../../src/nlu/quiz-request-reader';
import { content } from '../helpers';

const { catalogue, quiz } = content();
const { words } = QuizFlow.parse(catalogue.capabilities.find((c) => c.id === 'quiz')?.flow);
// Wired as in src/index.ts: the référentiel's keywords and the short names, in both languages.
const reader = new QuizRequestReader({
  words,
  competencies: quiz.competencies.map((c) => ({
    id: c.id,
    keywords: [...c.keywords.fr, ...c.keywords.en, c.short.fr, c.short.en],
  })),
});

describe('QuizRequestReader', () => {
  it.each<[string, QuizRequest]>([
    ['examen blanc', { asks: ['exam'] }],
    ['Mock exam please', { asks: ['exam'] }],
    ['révision du jour', { asks: ['review'] }],
    ['daily review', { asks: ['review'] }],
    ['mes points faibles', { asks: ['weakSpot'] }],
    ['mon bilan', { asks: ['progress'] }],
    ['how am I doing?', { asks: ['progress'] }],
    ['reprendre', { asks: ['resume'] }],
    ['nouvelle session', { asks: ['fresh'] }],
    ['fin du quiz', { asks: ['stop'] }],
  ])('reads "%s" as %j', (text, expected) => {
    expect(reader.read(text)).toEqual(expected);
  });

  it.each<[string, string]>([
    ['quiz ccp2', 'ccp2'],
    ['quiz CCP 1', 'ccp1'],
    ['bloc 3', 'ccp3'],
    ['BC01', 'ccp1'],
    ['examen blanc du bloc 2', 'ccp2'],
  ])('reads the CCP of "%s"', (text, ccp) => {
    const request = reader.read(text);
    expect(request.ccp).toBe(ccp);
    expect(request.competency).toBeUndefined();
  });

  it('does not take other numbers for a CCP', () => {
    expect(reader.read('quiz ccp4').ccp).toBeUndefined();
    expect(reader.read('bloc 12').ccp).toBeUndefined();
  });

  it.each<[string, string]>([
    ['quiz sur la sécurité', 'ensure-safety'],
    ['quiz sur la securite', 'ensure-safety'],
    ['questions sur les premiers gestes', 'ensure-safety'],
    ['questions on partnership work', 'work-with-partners'],
    ['quiz désamorcer un conflit', 'defuse-with-teammates'],
    ['quiz sur la sécuritée', 'ensure-safety'],
  ])('reads the competency of "%s"', (text, competency) => {
    const request = reader.read(text);
    expect(request.competency).toBe(competency);
    expect(request.ccp).toBeUndefined();
  });

  it.each(["je veux m'entraîner pour le titre AMIS", 'faire un qcm', 'quiz de révision générale'])(
    'names no competency in "%s" (a word inside a keyword is not a typo of it)',
    (text) => {
      expect(reader.read(text).competency).toBeUndefined();
    },
  );

  it('reads a mode and a competency together', () => {
    expect(reader.read('questions on partnership work')).toEqual({
      asks: ['practice'],
      competency: 'work-with-partners',
    });
    expect(reader.read('points faibles en sécurité')).toEqual({ asks: ['weakSpot'], competency: 'ensure-safety' });
  });

  it("reads the trainer's group statistics and export, without taking the group for a competency", () => {
    expect(reader.read('stats du groupe')).toEqual({ asks: ['group'] });
    expect(reader.read('export csv')).toEqual({ asks: ['export'] });
    expect(reader.read('export csv des stats du groupe')).toEqual({ asks: ['group', 'export'] });
    // "groupe" names a competency only outside the request words.
    expect(reader.read('stats du groupe sur la sécurité')).toEqual({ asks: ['group'], competency: 'ensure-safety' });
    expect(reader.read('quiz parler à un groupe').competency).toBe('address-a-group');
  });

  it.each(['bonjour', 'quiz', '', 'merci beaucoup'])('finds nothing in "%s"', (text) => {
    expect(reader.read(text)).toEqual({ asks: [] });
  });
});
