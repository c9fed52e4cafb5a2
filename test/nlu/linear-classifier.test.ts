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
    const model = new LinearClassifier(labels, examples);
    const gas = model.probabilities(['fuite', 'odeur']);
    const lift = model.probabilities(['panne', 'cabine']);
    expect(gas[0]).toBeGreaterThan(0.8);
    expect(lift[1]).toBeGreaterThan(0.8);
  });

  it('gives probabilities that sum to 1', () => {
    const p = new LinearClassifier(labels, examples).probabilities(['hall']);
    expect(p[0]! + p[1]!).toBeCloseTo(1, 10);
  });

  it('ignores features it never saw, falling back to the prior', () => {
    const model = new LinearClassifier(labels, examples);
    expect(model.knows('pizza')).toBe(false);
    const p = model.probabilities(['pizza']);
    expect(p[0]).toBeCloseTo(0.5, 1);
  });

  it('trains the same model from the same seed, and a different one from another seed', () => {
    const a = new LinearClassifier(labels, examples, { seed: 7, epochs: 3 }).probabilities(['hall', 'gaz']);
    const b = new LinearClassifier(labels, examples, { seed: 7, epochs: 3 }).probabilities(['hall', 'gaz']);
    const c = new LinearClassifier(labels, examples, { seed: 8, epochs: 3 }).probabilities(['hall', 'gaz']);
    expect([...a]).toEqual([...b]);
    expect([...a]).not.toEqual([...c]);
  });

  it('weights examples: a heavier class wins a shared feature', () => {
    const shared = [
      { features: ['quai'], label: 'gas' as const, weight: 3 },
      { features: ['quai'], label: 'lift' as const, weight: 1 },
    ];
    expect(new LinearClassifier(labels, shared).probabilities(['quai'])[0]).toBeGreaterThan(0.6);
  });

  it('refuses an example whose label is not declared', () => {
    expect(() => new LinearClassifier(labels, [{ features: ['x'], label: 'fire' as 'gas' }])).toThrow(
      /unknown label "fire"/,
    );
  });
});
