import { Featuriser } from '../../src/nlu/featuriser';

describe('Featuriser', () => {
  it('corrects a typo to the training word one edit away, preferring the word seen more often', () => {
    const featuriser = new Featuriser('fr');
    featuriser.learn(['la porte est bloquée', 'le poste de police', 'appelle le poste', 'va au poste']);
    // "poxte" is one edit from both "porte" (seen once, and first in alphabetical order) and "poste" (3 times).
    expect(featuriser.featurise('poxte').stems).toEqual(featuriser.featurise('poste').stems);
    expect(featuriser.featurise('porrte').stems).toEqual(featuriser.featurise('porte').stems);
  });

  it('rebuilt from its known words and counts, featurises exactly as the one that learnt the texts', () => {
    const learnt = new Featuriser('en');
    learnt.learn(['the lift is stuck', 'lift stuck again', 'someone is stuck in the lift', 'a list of numbers']);
    const rebuilt = new Featuriser('en');
    rebuilt.know(learnt.knownWords());
    expect(rebuilt.knownWords()).toEqual(learnt.knownWords());
    expect(learnt.knownWords()).toContainEqual(['lift', 3]);
    for (const text of ['the lit is stuk', 'lisst', 'stuck in the lft'])
      expect(rebuilt.featurise(text)).toEqual(learnt.featurise(text));
  });

  it('leaves unknown words, digits-only tokens and stop words out of the stems, but keeps negations', () => {
    const featuriser = new Featuriser('fr');
    featuriser.learn(['il ne respire pas']);
    const { stems } = featuriser.featurise('il ne respire pas 112');
    expect(stems).toContain('ne');
    expect(stems).toContain('pas');
    expect(stems.some((s) => /\d/.test(s))).toBe(false);
    expect(stems).not.toContain('il');
  });
});
