import type { Features, Featuriser } from './featuriser';
import { LinearClassifier, type LabelledExample, type LinearClassifierOptions } from './linear-classifier';
import type { ClassifierSnapshot } from './model-snapshot';

export interface Scored<L extends string> {
  label: L;
  score: number;
}

export interface Classification<L extends string> {
  /** Labels by decreasing score; scores are in [0, 1] and sum to at most 1. */
  ranking: Scored<L>[];
  /** Share of the message's meaningful words that the model has seen in training (0..1). */
  coverage: number;
}

/** Most features looked at per message: a pasted essay costs no more than a long message. */
const MAX_FEATURES = 400;
/** Share of a word's character n-grams the model must know for an unknown word to count as a typo of a known one. */
const KNOWN_GRAMS_SHARE = 0.7;

/**
 * A text classifier for one language: a Featuriser's features (natural's tokeniser, stemmer and spell-checker) fed to
 * a LinearClassifier, trained from examples or restored from a snapshot. Several classifiers of one language share
 * one featuriser, so that a message is featurised once for all of them. Scores are the model's probabilities scaled
 * by √coverage, so a message made mostly of unknown words is never scored high.
 */
export class TextClassifier<L extends string> {
  readonly labels: readonly L[];

  private constructor(
    private readonly featuriser: Featuriser,
    private readonly model: LinearClassifier<L>,
    private readonly knownStems: ReadonlySet<string>,
  ) {
    this.labels = model.labels;
  }

  /**
   * Trains a classifier on examples of each label.
   * @param featuriser the language's featuriser; it should have learnt the examples' words (`Featuriser.learn`).
   * @param balance weight examples so that every label counts about as much in training, whatever its
   *   number of examples (the square root of the ratio: large classes stay a little likelier).
   * @param options training settings of the linear model (defaults suit our corpora).
   */
  static train<L extends string>(
    featuriser: Featuriser,
    examples: Readonly<Record<L, readonly string[]>>,
    balance = false,
    options: LinearClassifierOptions = {},
  ): TextClassifier<L> {
    const labels = Object.keys(examples) as L[];
    const total = labels.reduce((sum, label) => sum + examples[label].length, 0);
    const mean = total / Math.max(1, labels.length);
    const knownStems = new Set<string>();
    const training: LabelledExample<L>[] = [];
    for (const label of labels) {
      const weight = balance ? Math.sqrt(mean / Math.max(1, examples[label].length)) : 1;
      for (const text of examples[label]) {
        const { stems, features } = featuriser.featurise(text);
        stems.forEach((s) => knownStems.add(s));
        training.push({ features, label, weight });
      }
    }
    return new TextClassifier(featuriser, LinearClassifier.train(labels, training, options), knownStems);
  }

  /**
   * The classifier saved by `snapshot()`, without training: given the featuriser it was trained with (restored from
   * the same vocabulary), it classifies exactly as the saved one did. Throws when the snapshot is of other labels, or
   * inconsistent.
   */
  static restore<L extends string>(
    snapshot: ClassifierSnapshot,
    featuriser: Featuriser,
    labels: readonly L[],
  ): TextClassifier<L> {
    return new TextClassifier(
      featuriser,
      LinearClassifier.restore(snapshot.model, labels),
      new Set(snapshot.knownStems),
    );
  }

  /** The trained state as plain JSON-able data, without the shared featuriser's (see ModelCache). */
  snapshot(): ClassifierSnapshot {
    return { knownStems: [...this.knownStems], model: this.model.snapshot() };
  }

  classify(text: string): Classification<L> {
    return this.classifyFeatures(this.featuriser.featurise(text));
  }

  /** Classifies a message already featurised by this classifier's featuriser. */
  classifyFeatures({ stems, grams, features }: Features): Classification<L> {
    const coverage =
      stems.length === 0 ? 0 : stems.filter((stem, i) => this.isKnown(stem, grams[i] ?? [])).length / stems.length;
    const known = features.filter((f) => this.model.knows(f)).slice(0, MAX_FEATURES);
    if (known.length === 0 || coverage === 0) {
      return { ranking: this.labels.map((label) => ({ label, score: 0 })), coverage: 0 };
    }
    const probabilities = this.model.probabilities(known);
    const scale = Math.sqrt(coverage);
    const ranking = this.labels
      .map((label, i) => ({ label, score: (probabilities[i] ?? 0) * scale }))
      .sort((a, b) => b.score - a.score);
    return { ranking, coverage };
  }

  /** A word is known when its stem was seen in training, or most of its letters' n-grams were (a typo). */
  private isKnown(stem: string, grams: readonly string[]): boolean {
    if (this.knownStems.has(stem)) return true;
    if (grams.length === 0) return false;
    return grams.filter((g) => this.model.knows(g)).length / grams.length >= KNOWN_GRAMS_SHARE;
  }
}
