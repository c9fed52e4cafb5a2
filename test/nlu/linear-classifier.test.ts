import { LinearClassifier } from '../../src/nlu/linear-classifier';

const examples = [
  { features: ['gaz', 'odeur'], label: 'gas' as const },
  { features: ['gaz', 'fuite'], label: 'gas' as const },
  { features: ['odeur', 'gaz', 'hall'], label: 'gas' as const },
  { features: ['ascenseur', 'bloque'], label: 'lift' as const },
  { features: ['ascenseur', 'panne'], label: 'lift' as const },
  { features: ['cabine', 'bloque', 'hall'], label: 'lift' as const },
];
const labels = ['gas', 'lift'] as const;

describe('LinearClassifier', () => {
  it('learns which features point to which label', () => {
    const model = LinearClassifier.train(labels, examples);
    const gas = model.probabilities(['fuite', 'odeur']);
    const lift = model.probabilities(['panne', 'cabine']);
    expect(gas[0]).toBeGreaterThan(0.8);
    expect(lift[1]).toBeGreaterThan(0.8);
  });

  it('gives probabilities that sum to 1', () => {
    const p = LinearClassifier.train(labels, examples).probabilities(['hall']);
    expect(p[0]! + p[1]!).toBeCloseTo(1, 10);
  });

  it('ignores features it never saw, falling back to the prior', () => {
    const model = LinearClassifier.train(labels, examples);
    expect(model.knows('pizza')).toBe(false);
    const p = model.probabilities(['pizza']);
    expect(p[0]).toBeCloseTo(0.5, 1);
  });

  it('trains the same model from the same seed, and a different one from another seed', () => {
    const a = LinearClassifier.train(labels, examples, { seed: 7, epochs: 3 }).probabilities(['hall', 'gaz']);
    const b = LinearClassifier.train(labels, examples, { seed: 7, epochs: 3 }).probabilities(['hall', 'gaz']);
    const c = LinearClassifier.train(labels, examples, { seed: 8, epochs: 3 }).probabilities(['hall', 'gaz']);
    expect([...a]).toEqual([...b]);
    expect([...a]).not.toEqual([...c]);
  });

  it('weights examples: a heavier class wins a shared feature', () => {
    const shared = [
      { features: ['quai'], label: 'gas' as const, weight: 3 },
      { features: ['quai'], label: 'lift' as const, weight: 1 },
    ];
    expect(LinearClassifier.train(labels, shared).probabilities(['quai'])[0]).toBeGreaterThan(0.6);
  });

  it('refuses an example whose label is not declared', () => {
    expect(() => LinearClassifier.train(labels, [{ features: ['x'], label: 'fire' as 'gas' }])).toThrow(
      /unknown label "fire"/,
    );
  });

  it('restores from a snapshot, through JSON, a model with bit-identical probabilities', () => {
    const model = LinearClassifier.train(labels, examples, { epochs: 5 });
    const restored = LinearClassifier.restore(JSON.parse(JSON.stringify(model.snapshot())), labels);
    for (const features of [['gaz'], ['hall', 'cabine'], ['pizza'], ['odeur', 'bloque', 'fuite']])
      expect([...restored.probabilities(features)]).toEqual([...model.probabilities(features)]);
    expect(restored.knows('cabine')).toBe(true);
    expect(restored.knows('pizza')).toBe(false);
  });

  it('refuses a snapshot of other labels, or with the wrong number of weights', () => {
    const snapshot = LinearClassifier.train(labels, examples, { epochs: 1 }).snapshot();
    expect(() => LinearClassifier.restore(snapshot, ['lift', 'gas'])).toThrow(/other labels/);
    expect(() => LinearClassifier.restore({ ...snapshot, features: [...snapshot.features, 'extra'] }, labels)).toThrow(
      /weights: \d+ values, expected/,
    );
    expect(() =>
      LinearClassifier.restore(
        { ...snapshot, features: [snapshot.features[1]!, ...snapshot.features.slice(1)] },
        labels,
      ),
    ).toThrow(/repeats a feature/);
  });
});
