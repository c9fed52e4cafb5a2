import { decodeDoubles, encodeDoubles, type LinearSnapshot } from './model-snapshot';

export interface LabelledExample<L extends string> {
  features: readonly string[];
  label: L;
  /** How much this example counts in training (default 1); used to balance classes of very different sizes. */
  weight?: number;
}

export interface LinearClassifierOptions {
  /** Passes over the training set (default 30). */
  epochs?: number;
  /** Initial step size; it decays as 1 / (1 + 0.1 × epoch) (default 0.5). */
  learningRate?: number;
  /** L2 penalty applied to the weights an example touches (default 1e-4). */
  l2?: number;
  /** Seed of the shuffling order, so that a model is the same from one start to the next (default 1). */
  seed?: number;
}

/** A training example as the model sees it: feature ids, label index, weight. */
interface Doc {
  ids: number[];
  y: number;
  weight: number;
}

/** Gradients smaller than this are skipped: after a few epochs most labels are already right for most examples. */
const MIN_GRADIENT = 1e-3;

/**
 * Multinomial logistic regression over sparse binary features, trained by stochastic gradient descent.
 *
 * Why not natural's classifiers (docs/adr/0006-nlu-linear-classifier.md): natural's LogisticRegression takes
 * seconds to minutes to train on our corpus, and its BayesClassifier is both less accurate and slower per
 * message once character n-grams are added. This model trains in well under a second, scores a message in
 * microseconds, and its probabilities are calibrated enough to drive "ask instead of guessing".
 */
export class LinearClassifier<L extends string> {
  private constructor(
    readonly labels: readonly L[],
    private readonly index: Map<string, number>,
    private readonly weights: Float64Array,
    private readonly bias: Float64Array,
  ) {}

  /** Trains a model on the examples (deterministic: the same examples and options give the same model). */
  static train<L extends string>(
    labels: readonly L[],
    examples: readonly LabelledExample<L>[],
    options: LinearClassifierOptions = {},
  ): LinearClassifier<L> {
    const labelIndex = new Map(labels.map((label, i) => [label, i]));
    const index = new Map<string, number>();
    const idOf = (feature: string) => {
      let id = index.get(feature);
      if (id === undefined) {
        id = index.size;
        index.set(feature, id);
      }
      return id;
    };
    const docs: Doc[] = [];
    for (const example of examples) {
      const y = labelIndex.get(example.label);
      if (y === undefined) throw new Error(`unknown label "${example.label}"`);
      const ids = [...new Set(example.features)].map(idOf);
      if (ids.length > 0) docs.push({ ids, y, weight: example.weight ?? 1 });
    }
    const model = new LinearClassifier(
      labels,
      index,
      new Float64Array(index.size * labels.length),
      new Float64Array(labels.length),
    );
    model.fit(docs, options);
    return model;
  }

  /** The model saved by `snapshot()`, without training; throws when the snapshot is inconsistent. */
  static restore<L extends string>(snapshot: LinearSnapshot, labels: readonly L[]): LinearClassifier<L> {
    if (snapshot.labels.length !== labels.length || snapshot.labels.some((label, i) => label !== labels[i]))
      throw new Error('the snapshot was trained on other labels');
    const index = new Map(snapshot.features.map((feature, i) => [feature, i]));
    if (index.size !== snapshot.features.length) throw new Error('the snapshot repeats a feature');
    const weights = decodeDoubles(snapshot.weights, index.size * labels.length, 'weights');
    return new LinearClassifier(labels, index, weights, decodeDoubles(snapshot.bias, labels.length, 'bias'));
  }

  /** The trained state, as plain JSON-able data; `restore` gives back a model with exactly the same outputs. */
  snapshot(): LinearSnapshot {
    return {
      labels: [...this.labels],
      features: [...this.index.keys()],
      weights: encodeDoubles(this.weights),
      bias: encodeDoubles(this.bias),
    };
  }

  /** Whether a feature was seen in training. */
  knows(feature: string): boolean {
    return this.index.has(feature);
  }

  /** Probability of each label (same order as `labels`), from the features the model knows. */
  probabilities(features: readonly string[]): Float64Array {
    const ids: number[] = [];
    for (const f of new Set(features)) {
      const id = this.index.get(f);
      if (id !== undefined) ids.push(id);
    }
    return this.softmax(ids);
  }

  private softmax(ids: readonly number[]): Float64Array {
    const n = this.labels.length;
    const out = Float64Array.from(this.bias);
    const scale = 1 / Math.sqrt(Math.max(1, ids.length));
    for (const id of ids) {
      const row = id * n;
      for (let c = 0; c < n; c++) out[c]! += this.weights[row + c]! * scale;
    }
    let max = -Infinity;
    for (let c = 0; c < n; c++) max = Math.max(max, out[c]!);
    let total = 0;
    for (let c = 0; c < n; c++) {
      out[c] = Math.exp(out[c]! - max);
      total += out[c]!;
    }
    for (let c = 0; c < n; c++) out[c]! /= total;
    return out;
  }

  private fit(docs: readonly Doc[], options: LinearClassifierOptions): void {
    const { epochs = 30, learningRate = 0.5, l2 = 1e-4, seed = 1 } = options;
    const n = this.labels.length;
    const random = parkMiller(seed);
    const order = docs.map((_, i) => i);
    for (let epoch = 0; epoch < epochs; epoch++) {
      shuffle(order, random);
      const rate = learningRate / (1 + 0.1 * epoch);
      for (const i of order) {
        const { ids, y, weight } = docs[i]!;
        const p = this.softmax(ids);
        const scale = 1 / Math.sqrt(Math.max(1, ids.length));
        for (let c = 0; c < n; c++) {
          const gradient = (p[c]! - (c === y ? 1 : 0)) * weight;
          if (Math.abs(gradient) < MIN_GRADIENT) continue; // nothing to learn for this label: skip (L2 is lazy)
          this.bias[c]! -= rate * gradient * 0.1;
          for (const id of ids) {
            const k = id * n + c;
            this.weights[k]! -= rate * (gradient * scale + l2 * this.weights[k]!);
          }
        }
      }
    }
  }
}

/** A small deterministic PRNG (Park–Miller), so that training does not depend on Math.random. */
function parkMiller(seed: number): () => number {
  let state = Math.max(1, Math.floor(seed) % 2147483647);
  return () => {
    state = (state * 16807) % 2147483647;
    return (state - 1) / 2147483646;
  };
}

function shuffle(items: number[], random: () => number): void {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [items[i], items[j]] = [items[j]!, items[i]!];
  }
}
