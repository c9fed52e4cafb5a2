import { FuzzyMatcher } from '../../src/nlu';

const matcher = new FuzzyMatcher(
  [
    { name: 'Réviser (quiz)' },
    { name: 'Qui appeler ?' },
    { name: 'Rédiger une fiche' },
    { name: 'Centre communal d’action sociale' },
  ],
  ['name'],
);

describe('FuzzyMatcher', () => {
  it.each([
    ['reviser', 'Réviser (quiz)'],
    ['qui apeler', 'Qui appeler ?'],
    ['rediger une fich', 'Rédiger une fiche'],
  ])('matches "%s" despite accents and typos', (query, expected) => {
    expect(matcher.best(query, 0.5)?.name).toBe(expected);
  });

  it('finds nothing for unrelated or empty text', () => {
    expect(matcher.best('pizza margherita', 0.6)).toBeUndefined();
    expect(matcher.search('   ')).toEqual([]);
  });
});
