import type { Locale } from '../content';
import { DamerauLevenshteinDistance } from 'natural/lib/natural/distance';
import { escapeRegExp, fold } from './normalise';

/** What a quiz request can ask for, beyond a plain "quiz". */
export const QUIZ_REQUEST_WORDS = [
  'practice',
  'review',
  'exam',
  'weakSpot',
  'progress',
  'group',
  'export',
  'resume',
  'fresh',
  'stop',
] as const;
export type QuizRequestWord = (typeof QUIZ_REQUEST_WORDS)[number];

export interface QuizRequestSources {
  words: Readonly<Record<QuizRequestWord, Readonly<Record<Locale, readonly string[]>>>>;
  /** Competencies with the words a learner may type to name them (knowledge/quiz/referentiel.yaml `keywords`). */
  competencies: readonly { id: string; keywords: readonly string[] }[];
}

export interface QuizRequest {
  /** The words found, in the order of QUIZ_REQUEST_WORDS. */
  asks: QuizRequestWord[];
  ccp?: string;
  competency?: string;
}

/** A misspelt word of at least this many letters may name a competency: one edit away from a keyword, two from 8 letters. */
const TYPO_MIN_LENGTH = 5;

/**
 * Reads what a learner asks the quiz for, in French or English: a mode ("révision du jour", "examen blanc",
 * "points faibles"), "mon bilan", the trainer's "stats du groupe" and "export", "reprendre" or "nouvelle session",
 * and a scope: a CCP ("ccp 2", "bloc 2", "BC02") or a competency by its keywords ("la sécurité", "orienter",
 * typos tolerated). A competency is named only when one scores better than all others.
 */
export class QuizRequestReader {
  private readonly patterns: [QuizRequestWord, RegExp][];
  private readonly keywords: { id: string; pattern: RegExp; weight: number }[];
  private readonly typos: { id: string; word: string }[];

  constructor(sources: QuizRequestSources) {
    this.patterns = QUIZ_REQUEST_WORDS.map((word) => [
      word,
      phrases([...sources.words[word].fr, ...sources.words[word].en]),
    ]);
    this.keywords = sources.competencies.flatMap((c) =>
      c.keywords.map((k) => ({ id: c.id, pattern: phrases([k], true), weight: fold(k).split(' ').length })),
    );
    this.typos = sources.competencies.flatMap((c) =>
      c.keywords
        .map(fold)
        .filter((k) => !k.includes(' ') && k.length >= TYPO_MIN_LENGTH)
        .map((word) => ({ id: c.id, word })),
    );
  }

  read(text: string): QuizRequest {
    const key = fold(text);
    const asks = this.patterns.filter(([, pattern]) => pattern.test(key)).map(([word]) => word);
    const ccp = /\b(?:ccp|bloc|bc)\s*0?([123])\b/.exec(key)?.[1];
    const request: QuizRequest = { asks, ...(ccp ? { ccp: `ccp${ccp}` } : {}) };
    // Keywords inside the request words do not name a competency ("stats du groupe" is not "s'adresser à un groupe").
    const rest = this.patterns.reduce((t, [, pattern]) => t.replace(new RegExp(pattern.source, 'gu'), ' '), key);
    const competency = ccp ? undefined : this.competencyIn(rest);
    return competency ? { ...request, competency } : request;
  }

  private competencyIn(key: string): string | undefined {
    const scores = new Map<string, number>();
    for (const k of this.keywords) if (k.pattern.test(key)) scores.set(k.id, (scores.get(k.id) ?? 0) + k.weight);
    if (scores.size === 0) {
      for (const word of key.split(/[^\p{L}\p{N}]+/u).filter((w) => w.length >= TYPO_MIN_LENGTH)) {
        // Whole words only: "titre" is not a typo of "transmettre", though fuse.js finds one inside the other.
        const allowed = word.length >= 8 ? 2 : 1;
        for (const id of new Set(
          this.typos
            .filter((t) => DamerauLevenshteinDistance(word, t.word, { restricted: true }) <= allowed)
            .map((t) => t.id),
        ))
          scores.set(id, (scores.get(id) ?? 0) + 1);
      }
    }
    const ranked = [...scores.entries()].sort((a, b) => b[1] - a[1]);
    const [first, second] = ranked;
    return first && (!second || first[1] > second[1]) ? first[0] : undefined;
  }
}

/** One pattern for several phrases, each matched as whole words (optionally with a plural s). */
function phrases(list: readonly string[], plural = false): RegExp {
  const alternatives = list.map((w) => escapeRegExp(fold(w)) + (plural ? 's?' : ''));
  return new RegExp(`(?:^|[^\\p{L}\\p{N}])(?:${alternatives.join('|')})(?=$|[^\\p{L}\\p{N}])`, 'u');
}
