import type { Locale } from '../content';
import type { EmergencyKind } from '../knowledge/emergency-triggers';
import type { IntentName } from '../knowledge/intents';

export interface IntentScore {
  intent: IntentName;
  score: number;
}

export interface SituationScore {
  /** A situation id from knowledge/situations. */
  situation: string;
  score: number;
}

export interface RuleScore {
  /** An id of knowledge/rules, a local rule, a role limit or a guidance card. */
  rule: string;
  score: number;
}

/** What a recogniser understood of one message. Free of any bot framework. */
export interface Recognition {
  /** The text that was analysed (long messages are cut). */
  text: string;
  /** The language the text was analysed in (may differ from the conversation's when the text is clearly in the other). */
  locale: Locale;
  /** Every intent with its score, best first. */
  intents: IntentScore[];
  /** Field situations the text may describe, best first (a few at most; empty when the text is not about one). */
  situations: SituationScore[];
  /** Rules, role limits and guidance cards the text may be about, best first (a few at most). */
  rules: RuleScore[];
  /** Kinds of immediate danger the text signals (emergency trigger phrases); empty when none. */
  emergencies: EmergencyKind[];
}

export interface Recognizer {
  recognize(text: string, locale: Locale): Recognition;
}

export function topIntent(recognition: Recognition): IntentScore {
  return recognition.intents[0] ?? { intent: 'none', score: 1 };
}

export function topRule(recognition: Recognition): RuleScore | undefined {
  return recognition.rules[0];
}

export function topSituation(recognition: Recognition): SituationScore | undefined {
  return recognition.situations[0];
}
