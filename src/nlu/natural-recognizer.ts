import type { Locale } from '../content';
import { INTENTS, type IntentName } from '../knowledge/intents';
import { MAX_NLU_CHARS, foldCommand } from './normalise';
import type { IntentScore, Recognition, Recognizer } from './recognizer';
import { TextClassifier, type Classification } from './text-classifier';

type Corpus = Readonly<Record<Locale, Readonly<Record<IntentName, readonly string[]>>>>;

/** Below this share of known words, the other language's model is tried as well. */
const LANGUAGE_SWITCH_COVERAGE = 0.5;

/**
 * Top-level intent recogniser on natural: one classifier per language, trained at start-up from
 * knowledge/intents. What the model does not know counts towards `none`, so gibberish is never routed.
 */
export class NaturalRecognizer implements Recognizer {
  private readonly classifiers: Record<Locale, TextClassifier<IntentName>>;
  private readonly exact: Record<Locale, Map<string, IntentName>>;

  constructor(corpus: Corpus) {
    this.classifiers = { fr: new TextClassifier('fr', corpus.fr), en: new TextClassifier('en', corpus.en) };
    this.exact = { fr: exactIndex(corpus.fr), en: exactIndex(corpus.en) };
  }

  recognize(input: string, locale: Locale): Recognition {
    const text = input.slice(0, MAX_NLU_CHARS);
    const key = foldCommand(text);
    for (const candidate of [locale, other(locale)]) {
      const known = this.exact[candidate].get(key);
      if (known) return { text, locale: candidate, intents: exactScores(known), entities: {} };
    }

    let used = locale;
    let result = this.classifiers[locale].classify(text);
    if (result.coverage < LANGUAGE_SWITCH_COVERAGE) {
      const alternative = this.classifiers[other(locale)].classify(text);
      if (alternative.coverage > result.coverage + 0.25) {
        result = alternative;
        used = other(locale);
      }
    }
    return { text, locale: used, intents: withNone(result), entities: {} };
  }
}

function other(locale: Locale): Locale {
  return locale === 'fr' ? 'en' : 'fr';
}

function exactIndex(intents: Readonly<Record<IntentName, readonly string[]>>): Map<string, IntentName> {
  const index = new Map<string, IntentName>();
  for (const intent of INTENTS) for (const utterance of intents[intent]) index.set(foldCommand(utterance), intent);
  return index;
}

function exactScores(intent: IntentName): IntentScore[] {
  return [{ intent, score: 0.99 }, ...INTENTS.filter((i) => i !== intent).map((i) => ({ intent: i, score: 0.01 / 7 }))];
}

/** What the model did not recognise is evidence for `none`. */
function withNone(result: Classification<IntentName>): IntentScore[] {
  const unknown = 1 - Math.sqrt(result.coverage);
  return result.ranking
    .map(({ label, score }) => ({ intent: label, score: label === 'none' ? Math.min(1, score + unknown) : score }))
    .sort((a, b) => b.score - a.score);
}
