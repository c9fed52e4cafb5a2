import { EMERGENCY_KINDS, type EmergencyKind, type EmergencyTriggers } from '../knowledge/emergency-triggers';
import { MAX_NLU_CHARS, fold } from './normalise';

/**
 * Spots words that signal immediate danger (knowledge/emergency-triggers.yaml), in French and English
 * whatever the conversation's language: a visitor may type in either. Phrases match as substrings of the
 * folded text, so "ne respire plus" also matches "il ne respire plus du tout".
 */
export class EmergencyDetector {
  private readonly phrases: { kind: EmergencyKind; phrase: string }[];

  constructor(triggers: EmergencyTriggers) {
    this.phrases = EMERGENCY_KINDS.flatMap((kind) => {
      const lists = triggers[kind];
      return lists ? [...lists.fr, ...lists.en].map((phrase) => ({ kind, phrase })) : [];
    });
  }

  /** The kinds of danger the text signals, in the order of EMERGENCY_KINDS; empty when none. */
  detect(text: string): EmergencyKind[] {
    const folded = ` ${fold(text.slice(0, MAX_NLU_CHARS))
      .replace(/[^\p{L}\p{N}' ]+/gu, ' ')
      .replace(/\s+/g, ' ')} `;
    const found = new Set<EmergencyKind>();
    for (const { kind, phrase } of this.phrases) if (!found.has(kind) && folded.includes(phrase)) found.add(kind);
    return EMERGENCY_KINDS.filter((kind) => found.has(kind));
  }
}
