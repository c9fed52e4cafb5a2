import { PorterStemmer, PorterStemmerFr } from 'natural/lib/natural/stemmers';
import { AggressiveTokenizer, AggressiveTokenizerFr } from 'natural/lib/natural/tokenizers';
import { Spellcheck } from 'natural/lib/natural/spellcheck';
import { words as stopwordsFr } from 'natural/lib/natural/util/stopwords_fr';
import { words as stopwordsEn } from 'natural/lib/natural/util/stopwords';
import type { Locale } from '../content';
import { MAX_NLU_CHARS, fold } from './normalise';

// Words that carry meaning for us although the generic stop-word lists drop them.
const KEEP = new Set(['ne', 'pas', 'plus', 'personne', 'rien', 'not', 'no', 'nobody', 'help', 'stop', 'seul', 'alone']);

const LANGUAGE = {
  fr: { tokenizer: new AggressiveTokenizerFr(), stemmer: PorterStemmerFr, stop: new Set(stopwordsFr.map(fold)) },
  en: { tokenizer: new AggressiveTokenizer(), stemmer: PorterStemmer, stop: new Set(stopwordsEn.map(fold)) },
} as const;

export interface Features {
  /** Stems of the words that carry meaning (stop words dropped, typos corrected), in order. */
  stems: string[];
  /** Character n-grams of each of those words (same order as `stems`). */
  grams: string[][];
  /** What the classifier sees: the stems, pairs of neighbouring stems, and character n-grams of the words. */
  features: string[];
}

/** Character n-gram sizes: they let "ascenceur", "acsenseur" and "ascenseur" share most of their features. */
const MIN_GRAM = 3;
const MAX_GRAM = 5;

/**
 * Turns text into classifier features for one language: fold accents, tokenise, drop stop words,
 * correct typos against the training vocabulary (one edit away), stem, add neighbouring pairs and
 * character n-grams of each word.
 */
export class Featuriser {
  /** How often each training word was seen, in the order words were first seen. */
  private readonly vocabulary = new Map<string, number>();
  private spellcheck: Spellcheck | undefined;
  private readonly corrections = new Map<string, string | null>();

  constructor(readonly locale: Locale) {}

  /** Learns the words of the training texts, so that misspellings of them can be corrected. */
  learn(texts: Iterable<string>): void {
    const counts = new Map<string, number>();
    for (const text of texts) for (const word of this.words(text)) counts.set(word, (counts.get(word) ?? 0) + 1);
    this.know(counts);
  }

  /**
   * Learns words and how often each was seen (the vocabulary of a snapshot), without the texts they came from. Of two
   * corrections of a typo, the more frequent word wins.
   */
  know(counts: Iterable<readonly [string, number]>): void {
    for (const [word, count] of counts) this.vocabulary.set(word, (this.vocabulary.get(word) ?? 0) + count);
    const list: string[] = [];
    for (const [word, count] of this.vocabulary) for (let i = 0; i < count; i++) list.push(word);
    this.spellcheck = new Spellcheck(list);
    this.corrections.clear();
  }

  /** The words learnt so far and their counts, in the order first seen: what `know` needs to rebuild this featuriser. */
  knownWords(): [string, number][] {
    return [...this.vocabulary];
  }

  words(text: string): string[] {
    const { tokenizer, stop } = LANGUAGE[this.locale];
    return tokenizer
      .tokenize(fold(text.slice(0, MAX_NLU_CHARS)))
      .filter((w) => w.length > 0 && (KEEP.has(w) || !stop.has(w)) && !/^\d+$/.test(w));
  }

  featurise(text: string): Features {
    const { stemmer } = LANGUAGE[this.locale];
    const words = this.words(text);
    const stems = words.map((w) => stemmer.stem(this.correct(w)));
    const features = [...stems];
    for (let i = 1; i < stems.length; i++) features.push(`${stems[i - 1]}_${stems[i]}`);
    const grams = words.map(charGrams);
    for (const list of grams) features.push(...list);
    return { stems, grams, features };
  }

  private correct(word: string): string {
    // Spelling suggestions cost the square of a word's length: a "word" longer than any real one is left as is.
    if (!this.spellcheck || word.length < 4 || word.length > MAX_CORRECTED_LENGTH || this.vocabulary.has(word))
      return word;
    let fixed = this.corrections.get(word);
    if (fixed === undefined) {
      fixed = this.spellcheck.getCorrections(word, 1)[0] ?? null;
      if (this.corrections.size > 10_000) this.corrections.clear();
      this.corrections.set(word, fixed);
    }
    return fixed ?? word;
  }
}

/** The longest word typos are corrected in ("anticonstitutionnellement" has 25 letters). */
const MAX_CORRECTED_LENGTH = 25;

function charGrams(word: string): string[] {
  if (word.length < MIN_GRAM) return [];
  const padded = `<${word}>`;
  const grams: string[] = [];
  for (let n = MIN_GRAM; n <= MAX_GRAM; n++) {
    for (let i = 0; i + n <= padded.length; i++) grams.push(`#${padded.slice(i, i + n)}`);
  }
  return grams;
}
