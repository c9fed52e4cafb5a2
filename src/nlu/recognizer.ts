import type { Locale } from '../content';
import type { IntentName } from '../knowledge/intents';

export interface IntentScore {
  intent: IntentName;
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
  /** Named things found in the text (situations, services, places…), by entity type. */
  entities: Record<string, unknown[]>;
}

export interface Recognizer {
  recognize(text: string, locale: Locale): Recognition;
}

export function topIntent(recognition: Recognition): IntentScore {
  return recognition.intents[0] ?? { intent: 'none', score: 1 };
}
