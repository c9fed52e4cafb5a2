import { CueMatcher } from '../../src/nlu/cue-matcher';

const matcher = new CueMatcher([
  { key: 'housing', cues: ['hall', "cage d'escalier", 'immeuble'] },
  { key: 'transport', cues: ['bus', 'gare routiere'] },
]);

describe('CueMatcher', () => {
  it('matches whole words and phrases, case, accents and punctuation ignored', () => {
    expect(matcher.match('Des jeunes dans le HALL.')).toEqual(['housing']);
    expect(matcher.match('on peut fumer dans le bus?')).toEqual(['transport']);
    expect(matcher.match('à la gare routière')).toEqual(['transport']);
    expect(matcher.match("dans la cage d’escalier de l'immeuble")).toEqual(['housing']);
  });

  it('does not match inside a longer word', () => {
    expect(matcher.match('soirée halloween, un autobus')).toEqual([]);
  });

  it('gives each key once, in the order the text names them', () => {
    expect(matcher.match('du bus jusqu’au hall, puis le bus')).toEqual(['transport', 'housing']);
    expect(matcher.match('hall puis bus')).toEqual(['housing', 'transport']);
  });

  it('finds nothing in an empty or unrelated text', () => {
    expect(matcher.match('')).toEqual([]);
    expect(matcher.match('recette de crêpes')).toEqual([]);
  });
});
