import { escapeRegExp, foldCommand } from './normalise';

/** A key and the words that name it in a message (lowercase, no accents). */
export interface CueEntry<K extends string> {
  key: K;
  cues: readonly string[];
}

/**
 * Finds which keys a message names by their cue words or phrases, matched as whole words on the folded text
 * ("hall" matches "dans le hall" but not "halloween"). Used for the context, place and audience of a rule question.
 */
export class CueMatcher<K extends string> {
  private readonly patterns: { key: K; pattern: RegExp }[];

  constructor(entries: readonly CueEntry<K>[]) {
    this.patterns = entries.flatMap(({ key, cues }) =>
      cues
        .map((cue) => words(cue))
        .filter((cue) => cue.length > 0)
        .map((cue) => ({ key, pattern: new RegExp(`(?:^| )${escapeRegExp(cue)}(?= |$)`) })),
    );
  }

  /** The keys the text names, in the order they first appear in it; each once. */
  match(text: string): K[] {
    const folded = words(text);
    const found = new Map<K, number>();
    for (const { key, pattern } of this.patterns) {
      const at = pattern.exec(folded)?.index;
      if (at !== undefined && at < (found.get(key) ?? Infinity)) found.set(key, at);
    }
    return [...found.entries()].sort((a, b) => a[1] - b[1]).map(([key]) => key);
  }
}

/** Folded words separated by single spaces: "l'immeuble ?" → "l immeuble". */
function words(text: string): string {
  return foldCommand(text).replace(/[?']/g, ' ').replace(/\s+/g, ' ').trim();
}
