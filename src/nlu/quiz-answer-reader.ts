import type { Locale } from '../content';
import { FuzzyMatcher } from './fuzzy-matcher';
import { fold, foldCommand } from './normalise';

/** What a question expects, as shown: its options or steps in display order. */
export type QuizAnswerShape =
  | { kind: 'single'; options: readonly string[] }
  | { kind: 'multiple'; options: readonly string[] }
  | { kind: 'true-false' }
  | { kind: 'ordering'; steps: readonly string[] };

/** What was read: display positions (0-based) of the options picked or of the steps in the order given; or a truth. */
export type QuizTypedAnswer = { positions: number[] } | { value: boolean };

export interface QuizAnswerWords {
  /** Words typed around an answer that say nothing ("réponse", "la", "answer"). */
  filler: Readonly<Record<Locale, readonly string[]>>;
  true: Readonly<Record<Locale, readonly string[]>>;
  false: Readonly<Record<Locale, readonly string[]>>;
}

const OPTION_MIN_SCORE = 0.6;
const LIST_SEPARATOR = /\s*(?:[,;+/\n]|\bet\b|\band\b|&)\s*/i;

/**
 * Reads a typed quiz answer: letters ("B", "b)", "a et c", "BDAC"), numbers ("2", "1 3", "2413"), true/false words,
 * or the words of an option (typos tolerated). Undefined when the text is not an answer of that shape, so that
 * the dialog can explain how to answer.
 */
export class QuizAnswerReader {
  private readonly filler: Set<string>;
  private readonly truth: Map<string, boolean>;

  constructor(words: QuizAnswerWords) {
    this.filler = new Set([...words.filler.fr, ...words.filler.en].map(foldCommand));
    this.truth = new Map([
      ...[...words.true.fr, ...words.true.en].map((w) => [foldCommand(w), true] as const),
      ...[...words.false.fr, ...words.false.en].map((w) => [foldCommand(w), false] as const),
    ]);
  }

  read(shape: QuizAnswerShape, input: string): QuizTypedAnswer | undefined {
    // Elisions go first ("c'est b", "l'option a"), so that a lone letter is always an answer letter.
    const tokens = foldCommand(input.slice(0, 300))
      .replace(/\b[cdjlmnst]'/g, ' ')
      .replace(/'/g, ' ')
      .split(' ')
      .filter((t) => t.length > 0 && !this.filler.has(t));
    if (tokens.length === 0) return undefined;
    switch (shape.kind) {
      case 'true-false':
        return this.trueFalse(tokens);
      case 'single': {
        // Several letters for one answer is not an answer; words are tried only when the text is not codes.
        const positions = codes(tokens, shape.options.length) ?? this.byWords(input, shape.options, false);
        return positions?.length === 1 ? { positions } : undefined;
      }
      case 'multiple': {
        const positions = codes(tokens, shape.options.length) ?? this.byWords(input, shape.options, true);
        return positions && positions.length > 0
          ? { positions: [...new Set(positions)].sort((a, b) => a - b) }
          : undefined;
      }
      case 'ordering': {
        const positions = codes(tokens, shape.steps.length);
        const n = shape.steps.length;
        return positions?.length === n && new Set(positions).size === n ? { positions } : undefined;
      }
    }
  }

  private trueFalse(tokens: string[]): QuizTypedAnswer | undefined {
    const joined = tokens.join(' ');
    const whole = this.truth.get(joined);
    if (whole !== undefined) return { value: whole };
    const first = this.truth.get(tokens[0]!);
    if (first !== undefined && tokens.length <= 3) return { value: first };
    const code = codes(tokens, 2);
    return code?.length === 1 ? { value: code[0] === 0 } : undefined;
  }

  /** Options named by their words: one, or several separated by commas or "et". */
  private byWords(input: string, options: readonly string[], several: boolean): number[] | undefined {
    const matcher = new FuzzyMatcher(
      options.map((text, position) => ({ text: fold(text), position })),
      ['text'],
    );
    const parts = several ? input.split(LIST_SEPARATOR).filter((p) => p.trim().length > 0) : [input];
    const picked: number[] = [];
    for (const part of parts) {
      const key = fold(part);
      const exact = options.findIndex((o) => fold(o) === key);
      const found = exact >= 0 ? exact : matcher.best(part, OPTION_MIN_SCORE)?.position;
      if (found === undefined) return undefined;
      picked.push(found);
    }
    return picked;
  }
}

/**
 * Letters or numbers naming positions among `n`: "b", "a c", "bdac", "2", "1 3", "2413". Undefined when the
 * tokens are not all codes within range.
 */
function codes(tokens: readonly string[], n: number): number[] | undefined {
  const letters = 'abcdefghij'.slice(0, n);
  const one = (t: string): number[] | undefined => {
    if (/^[a-j]+$/.test(t) && [...t].every((c) => letters.includes(c))) return [...t].map((c) => letters.indexOf(c));
    if (/^\d+$/.test(t)) {
      const digits = n < 10 && t.length > 1 ? [...t] : [t];
      const numbers = digits.map(Number);
      return numbers.every((d) => d >= 1 && d <= n) ? numbers.map((d) => d - 1) : undefined;
    }
    return undefined;
  };
  const out: number[] = [];
  for (const token of tokens) {
    const positions = one(token);
    if (!positions) return undefined;
    out.push(...positions);
  }
  return out;
}
