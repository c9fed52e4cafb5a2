import * as chrono from 'chrono-node';
import type { Locale } from '../content';
import type { Place } from '../knowledge/directory';
import type { AnswerValue, Choice, Field, Reference } from '../reports';
import { FuzzyMatcher } from './fuzzy-matcher';
import { fold, foldCommand } from './normalise';

/** The words of yes and no per language (dialogs/report.yaml). */
export type YesNoWords = Readonly<Record<Locale, { yes: readonly string[]; no: readonly string[] }>>;

export interface AnswerReaderSources {
  words: YesNoWords;
  /** The territory's places: a typed place is matched against their names and aliases. */
  places: readonly Place[];
  /** A typed service name → the directory entry it names, if any (DirectorySearch plus the directory's names). */
  service: (text: string) => Reference | undefined;
}

/** A choice must match at least this well (fuse.js, 1 = exact) to be taken for a typed answer. */
const CHOICE_MIN_SCORE = 0.6;
const PLACE_MIN_SCORE = 0.65;
/** Separators between the choices of a multiple-choice answer typed as text. */
const LIST_SEPARATOR = /\s*(?:[,;+/\n]|\bet\b|\band\b|&)\s*/i;

/**
 * Reads what an agent typed into the value a form field wants: yes/no words, numbers, a date and time in French or
 * English ("hier 22h", "il y a 20 minutes", "yesterday 10pm", with chrono-node), a choice by number, word or typo,
 * several choices in one line, a territory place or a directory service. Undefined means "not understood": the
 * dialog then shows the field's help. Free text is returned as typed; the form engine checks constraints.
 */
export class AnswerReader {
  private readonly places: FuzzyMatcher<{ place: Place; name: string }>;
  private readonly choiceMatchers = new WeakMap<Field, FuzzyMatcher<{ choice: Choice; name: string }>>();

  constructor(private readonly sources: AnswerReaderSources) {
    this.places = new FuzzyMatcher(
      sources.places.flatMap((place) => [place.name, ...(place.aliases ?? [])].map((name) => ({ place, name }))),
      ['name'],
    );
  }

  read(field: Field, input: string, locale: Locale, now: Date): AnswerValue | undefined {
    const text = input.trim();
    if (text.length === 0) return undefined;
    switch (field.type) {
      case 'text':
      case 'long-text':
        return text;
      case 'number':
        return readNumber(text);
      case 'yes-no':
        return this.yesNo(text, locale);
      case 'datetime':
        return readDateTime(text, locale, now)?.toISOString();
      case 'single-choice':
        return this.choice(field, text);
      case 'multiple-choice':
        return this.choices(field, text);
      case 'place':
        return this.place(text);
      case 'service':
        return this.sources.service(text) ?? { text };
    }
  }

  yesNo(text: string, locale: Locale): boolean | undefined {
    const key = foldCommand(text);
    const first = key.split(' ')[0] ?? '';
    for (const l of [locale, locale === 'fr' ? 'en' : 'fr'] as const) {
      const { yes, no } = this.sources.words[l];
      if (yes.some((w) => foldCommand(w) === key || foldCommand(w) === first)) return true;
      if (no.some((w) => foldCommand(w) === key || foldCommand(w) === first)) return false;
    }
    return undefined;
  }

  /** One choice: its number in the list, its id, label or a synonym (typos tolerated), else free text if allowed. */
  choice(field: Field, text: string): string | undefined {
    const choices = field.choices ?? [];
    const position = /^\s*(\d{1,2})\s*[.)]?\s*$/.exec(text);
    if (position) return choices[Number(position[1]) - 1]?.id;
    const key = fold(text);
    const exact = choices.find((c) => names(c).some((n) => fold(n) === key));
    if (exact) return exact.id;
    const fuzzy = this.choiceMatcher(field).best(text, CHOICE_MIN_SCORE);
    if (fuzzy) return fuzzy.choice.id;
    return field.other ? text : undefined;
  }

  /** Several choices typed on one line ("1, 3", "dialogue et rappel de la règle"); undefined if one is not understood. */
  choices(field: Field, text: string): string[] | undefined {
    const parts = /^[\d\s,;]+$/.test(text) ? text.split(/[\s,;]+/) : text.split(LIST_SEPARATOR);
    const picked: string[] = [];
    for (const part of parts.filter((p) => p.trim().length > 0)) {
      const one = this.choice(field, part);
      if (one === undefined) return undefined;
      if (!picked.includes(one)) picked.push(one);
    }
    return picked.length > 0 ? picked : undefined;
  }

  place(text: string): Reference {
    const found = this.places.best(text, PLACE_MIN_SCORE);
    return found ? { id: found.place.id, text: found.place.name } : { text };
  }

  private choiceMatcher(field: Field): FuzzyMatcher<{ choice: Choice; name: string }> {
    let matcher = this.choiceMatchers.get(field);
    if (!matcher) {
      matcher = new FuzzyMatcher(
        (field.choices ?? []).flatMap((choice) => names(choice).map((name) => ({ choice, name }))),
        ['name'],
      );
      this.choiceMatchers.set(field, matcher);
    }
    return matcher;
  }
}

function names(choice: Choice): string[] {
  return [choice.id, choice.label.fr, choice.label.en, ...(choice.synonyms ?? [])];
}

/** The first number in the text, French decimal comma allowed ("3", "environ 12", "2,5"). */
export function readNumber(text: string): number | undefined {
  const match = /-?\d+(?:[.,]\d+)?/.exec(text);
  return match ? Number(match[0].replace(',', '.')) : undefined;
}

/** A date and time in the past or present, read in the text's language first; chrono-node does the reading. */
export function readDateTime(text: string, locale: Locale, now: Date): Date | undefined {
  const parsers = locale === 'fr' ? [chrono.fr, chrono.en] : [chrono.en, chrono.fr];
  for (const parser of parsers) {
    const date = parser.parseDate(text, now, { forwardDate: false });
    if (date) return date;
  }
  return undefined;
}
