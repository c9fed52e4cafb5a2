import type { Locale } from '../content';
import type { EmergencyTriggers } from '../knowledge/emergency-triggers';
import { INTENTS, type IntentName } from '../knowledge/intents';
import { EmergencyDetector } from './emergency-detector';
import { Featuriser, type Features } from './featuriser';
import type { LinearClassifierOptions } from './linear-classifier';
import { MODEL_FORMAT, type ClassifierPair, type RecognizerSnapshot } from './model-snapshot';
import { MAX_NLU_CHARS, foldCommand } from './normalise';
import type { IntentScore, Recognition, Recognizer, RuleScore, SituationScore } from './recognizer';
import { TextClassifier, type Classification, type Scored } from './text-classifier';

type Examples<L extends string> = Readonly<Record<Locale, Readonly<Record<L, readonly string[]>>>>;

export interface NaturalRecognizerCorpus {
  /** Training utterances of the top-level intents (knowledge/intents). */
  intents: Examples<IntentName>;
  /** Training utterances of the field situations (knowledge/situations), by situation id. */
  situations?: Examples<string>;
  /** Training utterances of rules, role limits and guidance cards (knowledge/rules, limits, guidance), by id. */
  rules?: Examples<string>;
  /** Phrases that signal immediate danger (knowledge/emergency-triggers.yaml). */
  triggers?: EmergencyTriggers;
}

/** Below this share of known words, the other language's model is tried as well. */
const LANGUAGE_SWITCH_COVERAGE = 0.5;
/** How many situations, and how many rules, a recognition reports. */
const CANDIDATES = 5;
/** Score given to orientation when the text signals immediate danger: danger talk is always orientation. */
const EMERGENCY_SCORE = 0.99;

/**
 * The recogniser, on natural's tokenisers, stemmers and spell-checker: an intent, a situation and a rule model per
 * language, trained at start-up from content (or restored from a ModelCache), plus the emergency trigger phrases. The
 * models of a language share one featuriser, which knows the words of all three corpora: a message is featurised
 * (and its typos corrected) once per language, not once per model.
 * - What the intent model does not know counts towards `none`, so gibberish is never routed.
 * - What the intent model does not know but the situation model recognises is a situation: that share
 *   of `none` goes to `orientation` ("l'eau coule du plafond" needs no orientation phrasing to be one).
 * - Trigger phrases of immediate danger put `orientation` first, whatever else the text says.
 */
export class NaturalRecognizer implements Recognizer {
  private readonly intentModels: Record<Locale, TextClassifier<IntentName>>;
  private readonly situationModels: Record<Locale, TextClassifier<string>> | undefined;
  private readonly ruleModels: Record<Locale, TextClassifier<string>> | undefined;
  private readonly exact: Record<Locale, Map<string, IntentName>>;
  private readonly emergencies: EmergencyDetector | undefined;
  private readonly featurisers: Record<Locale, Featuriser>;

  /**
   * Trains every model on the corpus, or, given a snapshot of models trained on this very corpus (see ModelCache),
   * restores them without training. Throws when the snapshot does not fit the corpus.
   */
  constructor(corpus: NaturalRecognizerCorpus, snapshot?: RecognizerSnapshot) {
    const { intents, situations, rules, triggers } = corpus;
    const featuriser = (locale: Locale) => {
      const result = new Featuriser(locale);
      if (snapshot) result.know(snapshot.vocabulary[locale]);
      else result.learn([intents, situations, rules].flatMap((examples) => texts(examples?.[locale])));
      return result;
    };
    this.featurisers = { fr: featuriser('fr'), en: featuriser('en') };
    const train = <L extends string>(examples: Examples<L>, saved: ClassifierPair | undefined, settings: Training) =>
      models(this.featurisers, examples, saved, settings);
    this.intentModels = train(intents, snapshot && snapshot.intents, INTENT_TRAINING);
    this.situationModels =
      situations && train(situations, snapshot && saved(snapshot.situations, 'situations'), ENTRY_TRAINING);
    this.ruleModels = rules && train(rules, snapshot && saved(snapshot.rules, 'rules'), ENTRY_TRAINING);
    this.exact = { fr: exactIndex(intents.fr), en: exactIndex(intents.en) };
    this.emergencies = triggers && new EmergencyDetector(triggers);
  }

  /** Every trained model, as plain JSON-able data: `new NaturalRecognizer(corpus, snapshot)` recognises identically. */
  snapshot(): RecognizerSnapshot {
    return {
      format: MODEL_FORMAT,
      vocabulary: { fr: this.featurisers.fr.knownWords(), en: this.featurisers.en.knownWords() },
      intents: pair(this.intentModels),
      ...(this.situationModels ? { situations: pair(this.situationModels) } : {}),
      ...(this.ruleModels ? { rules: pair(this.ruleModels) } : {}),
    };
  }

  recognize(input: string, locale: Locale): Recognition {
    const text = input.slice(0, MAX_NLU_CHARS);
    const emergencies = this.emergencies?.detect(text) ?? [];
    const featurised: Partial<Record<Locale, Features>> = {};
    const features = (l: Locale): Features => (featurised[l] ??= this.featurisers[l].featurise(text));
    const key = exactKey(text);
    for (const candidate of [locale, other(locale)]) {
      const known = this.exact[candidate].get(key);
      if (!known) continue;
      const intents = emergencies.length > 0 ? withEmergency(exactScores(known)) : exactScores(known);
      const [situations, rules] = [
        this.ranked(this.situationModels, features(candidate), candidate),
        this.ranked(this.ruleModels, features(candidate), candidate),
      ];
      return {
        text,
        locale: candidate,
        intents,
        situations: situations.map(asSituation),
        rules: rules.map(asRule),
        emergencies,
      };
    }

    let used = locale;
    let result = this.intentModels[locale].classifyFeatures(features(locale));
    if (result.coverage < LANGUAGE_SWITCH_COVERAGE) {
      const alternative = this.intentModels[other(locale)].classifyFeatures(features(other(locale)));
      if (alternative.coverage > result.coverage + 0.25) {
        result = alternative;
        used = other(locale);
      }
    }
    const situations = this.ranked(this.situationModels, features(used), used).map(asSituation);
    const rules = this.ranked(this.ruleModels, features(used), used).map(asRule);
    let intents = withSituation(withNone(result), situations[0]?.score ?? 0);
    intents = withRules(intents, rules[0]?.score ?? 0, situations[0]?.score ?? 0);
    if (emergencies.length > 0) intents = withEmergency(intents);
    return { text, locale: used, intents, situations, rules, emergencies };
  }

  private ranked(
    models: Record<Locale, TextClassifier<string>> | undefined,
    features: Features,
    locale: Locale,
  ): Scored<string>[] {
    if (!models) return [];
    return models[locale]
      .classifyFeatures(features)
      .ranking.slice(0, CANDIDATES)
      .filter((s) => s.score > 0);
  }
}

interface Training {
  balance: boolean;
  options: LinearClassifierOptions;
}

/**
 * The intent model: classes balanced (a few intents have many more phrasings), the linear model's default settings,
 * whose probabilities the dialogs' thresholds ("ask instead of guessing", leaving a quiz) were set against.
 */
const INTENT_TRAINING: Training = { balance: true, options: {} };

/**
 * Situations and rules: many classes with near-twins (lift out of order / person trapped in it), which the defaults
 * under-fit. Larger steps with a stronger L2 penalty, chosen by 5-fold cross-validation on the training utterances
 * (situations top-1 76.8 → 80.8 %, rules 45.0 → 45.7 %; docs/adr/0006-nlu-linear-classifier.md), in 20 epochs.
 */
const ENTRY_TRAINING: Training = { balance: false, options: { epochs: 20, learningRate: 4, l2: 1e-3 } };

/** One model per language, on that language's featuriser: restored from `saved` when given, trained otherwise. */
function models<L extends string>(
  featurisers: Record<Locale, Featuriser>,
  examples: Examples<L>,
  saved: ClassifierPair | undefined,
  { balance, options }: Training,
): Record<Locale, TextClassifier<L>> {
  const model = (locale: Locale) => {
    const labels = Object.keys(examples[locale]) as L[];
    return saved
      ? TextClassifier.restore(saved[locale], featurisers[locale], labels)
      : TextClassifier.train(featurisers[locale], examples[locale], balance, options);
  };
  return { fr: model('fr'), en: model('en') };
}

function texts(examples: Readonly<Record<string, readonly string[]>> | undefined): string[] {
  return examples ? Object.values(examples).flat() : [];
}

function saved(pair: ClassifierPair | undefined, name: string): ClassifierPair {
  if (!pair) throw new Error(`the snapshot has no ${name} models`);
  return pair;
}

function pair<L extends string>(models: Record<Locale, TextClassifier<L>>): ClassifierPair {
  return { fr: models.fr.snapshot(), en: models.en.snapshot() };
}

function asSituation({ label, score }: Scored<string>): SituationScore {
  return { situation: label, score };
}

function asRule({ label, score }: Scored<string>): RuleScore {
  return { rule: label, score };
}

function other(locale: Locale): Locale {
  return locale === 'fr' ? 'en' : 'fr';
}

function exactIndex(intents: Readonly<Record<IntentName, readonly string[]>>): Map<string, IntentName> {
  const index = new Map<string, IntentName>();
  for (const intent of INTENTS) for (const utterance of intents[intent]) index.set(exactKey(utterance), intent);
  return index;
}

/** How a message is matched to a training utterance word for word: folded, without trailing question marks. */
function exactKey(text: string): string {
  return foldCommand(text).replace(/(?<=[^\s?])\s*\?+$/, '');
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

/** Moves the share `situationScore` of `none` to `orientation`. */
function withSituation(intents: IntentScore[], situationScore: number): IntentScore[] {
  const none = intents.find((i) => i.intent === 'none')?.score ?? 0;
  const moved = none * situationScore;
  return intents
    .map(({ intent, score }) => ({
      intent,
      score: intent === 'none' ? score - moved : intent === 'orientation' ? score + moved : score,
    }))
    .sort((a, b) => b.score - a.score);
}

/**
 * Situations and rules are evidence for their capabilities. When the text matches a rule better than any situation
 * ("un mec fume dans le bus": a clear rule, no situation), the lead moves that share of `orientation`, `none` and
 * `help` ("c'est quoi la méthode DESC ?" asks about mediation, not about Relais) to `rules`; when it matches a
 * situation better ("un gars inerte sur le quai"), that share of `rules` goes to `orientation`.
 */
function withRules(intents: IntentScore[], ruleScore: number, situationScore: number): IntentScore[] {
  const lead = ruleScore - situationScore;
  if (lead === 0) return intents;
  const [to, from]: [IntentName, IntentName[]] =
    lead > 0 ? ['rules', ['orientation', 'none', 'help']] : ['orientation', ['rules']];
  const share = Math.abs(lead);
  let moved = 0;
  return intents
    .map(({ intent, score }) => {
      if (!from.includes(intent)) return { intent, score };
      moved += score * share;
      return { intent, score: score * (1 - share) };
    })
    .map(({ intent, score }) => ({ intent, score: intent === to ? score + moved : score }))
    .sort((a, b) => b.score - a.score);
}

function withEmergency(intents: IntentScore[]): IntentScore[] {
  const rest = intents.filter((i) => i.intent !== 'orientation');
  const total = rest.reduce((sum, i) => sum + i.score, 0) || 1;
  return [
    { intent: 'orientation', score: EMERGENCY_SCORE },
    ...rest.map((i) => ({ intent: i.intent, score: (i.score / total) * (1 - EMERGENCY_SCORE) })),
  ];
}
