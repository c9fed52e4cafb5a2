import type { PersonalDataTerms } from '../knowledge/personal-data-terms';

export const PERSONAL_DATA_KINDS = ['phone', 'email', 'plate', 'name', 'health'] as const;
export type PersonalDataKind = (typeof PERSONAL_DATA_KINDS)[number];

export interface PersonalDataHit {
  kind: PersonalDataKind;
  /** The text found, as typed. */
  text: string;
  start: number;
  end: number;
}

// French numbers in their usual shapes: 06 12 34 56 78, 06.12.34.56.78, 0612345678, +33 6 12 34 56 78, 0033…
const PHONE = /(?<![\d+])(?:(?:\+|00)33[\s.-]?(?:\(0\))?[\s.-]?[1-9]|0[1-9])(?:[\s.-]?\d{2}){4}(?!\d)/g;
const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}.-]+\.[\p{L}]{2,}/gu;
// SIV plates (since 2009): AB-123-CD, AB 123 CD, AB123CD; FNI plates (before): 1234 AB 56, 123 ABC 75.
const PLATE =
  /\b(?:[A-HJ-NP-TV-Z]{2}[\s-]?\d{3}[\s-]?[A-HJ-NP-TV-Z]{2}|\d{1,4}[\s-]?[A-Z]{1,3}[\s-]?(?:\d{2}|2[AB]|97\d))\b/g;
const CAPITALISED = /^\p{Lu}[\p{Ll}'’-]+$|^\p{Lu}{2,}$/u;

/**
 * Case and accents folded, one character for one (NFC text): hits found in the folded text keep their positions in
 * the text. The NLU's fold() also collapses spaces and cuts long texts, so it cannot be used here.
 */
function fold(word: string): string {
  return word
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();
}

/**
 * Finds what looks like personal data in free text (RGPD minimisation): phone numbers, e-mail addresses, licence
 * plates, what looks like a person's full name (a title or a common first name followed by a capitalised word),
 * and health words. It flags; the agent decides. It errs on the side of asking: a false alarm costs one tap.
 */
export class PersonalDataGuard {
  private readonly titles: Set<string>;
  private readonly firstNames: Set<string>;
  private readonly notNames: Set<string>;
  private readonly health: RegExp;

  constructor(terms: PersonalDataTerms) {
    this.titles = new Set(terms.titles.map((t) => fold(t).replace(/\.$/, '')));
    this.firstNames = new Set(terms.first_names.map(fold));
    this.notNames = new Set(terms.not_names.map(fold));
    const health = [...terms.health].sort((a, b) => b.length - a.length).map((w) => escape(fold(w)));
    this.health = new RegExp(`(?<![\\p{L}\\p{N}])(?:${health.join('|')})(?![\\p{L}\\p{N}])`, 'gu');
  }

  /** Everything found, in text order, without overlaps (the first kind found wins). */
  scan(text: string, options: { health?: boolean } = {}): PersonalDataHit[] {
    const hits: PersonalDataHit[] = [];
    const add = (kind: PersonalDataKind, start: number, found: string) => {
      const end = start + found.length;
      if (hits.some((h) => start < h.end && end > h.start)) return;
      hits.push({ kind, text: found, start, end });
    };
    for (const m of text.matchAll(EMAIL)) add('email', m.index, m[0]);
    for (const m of text.matchAll(PHONE)) add('phone', m.index, m[0]);
    for (const m of text.matchAll(PLATE)) if (/\d/.test(m[0]) && /[A-Z]/.test(m[0])) add('plate', m.index, m[0]);
    for (const name of this.names(text)) add('name', name.start, name.text);
    if (options.health !== false) {
      // Folding keeps the length of plain Latin text, so positions in the folded text are positions in the text.
      const folded = fold(text);
      if (folded.length === text.length)
        for (const m of folded.matchAll(this.health))
          add('health', m.index, text.slice(m.index, m.index + m[0].length));
    }
    return hits.sort((a, b) => a.start - b.start);
  }

  /** The text with each hit replaced by the mention for its kind. */
  redact(text: string, hits: readonly PersonalDataHit[], mention: (kind: PersonalDataKind) => string): string {
    let out = '';
    let at = 0;
    for (const hit of [...hits].sort((a, b) => a.start - b.start)) {
      out += text.slice(at, hit.start) + mention(hit.kind);
      at = hit.end;
    }
    return out + text.slice(at);
  }

  private *names(text: string): Generator<{ start: number; text: string }> {
    const words = [...text.matchAll(/[\p{L}][\p{L}'’.-]*/gu)].map((m) => ({ word: m[0], start: m.index }));
    for (let i = 0; i < words.length - 1; i++) {
      const first = words[i]!;
      const key = fold(first.word).replace(/\.$/, '');
      const isTitle = this.titles.has(key);
      const isFirstName = !isTitle && this.firstNames.has(key) && /^\p{Lu}/u.test(first.word);
      if (!isTitle && !isFirstName) continue;
      // The name: up to two capitalised words right after, that are not ordinary capitalised words.
      let j = i + 1;
      while (j < words.length && j <= i + 2) {
        const next = words[j]!;
        const gap = text.slice(words[j - 1]!.start + words[j - 1]!.word.length, next.start);
        if (!/^\s+$/.test(gap) || !CAPITALISED.test(next.word.replace(/\.$/, '')) || this.notNames.has(fold(next.word)))
          break;
        j++;
      }
      if (j === i + 1) continue;
      const last = words[j - 1]!;
      yield { start: first.start, text: text.slice(first.start, last.start + last.word.length).replace(/\.$/, '') };
      i = j - 1;
    }
  }
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
