import type { Locale } from '../content';

/** Longest text the recognisers look at; the rest of a very long message is ignored. */
export const MAX_NLU_CHARS = 600;

/** Lower case, no accents, straight apostrophes, single spaces: how typed French is compared. */
export function fold(text: string): string {
  return text
    .slice(0, MAX_NLU_CHARS * 2)
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/œ/g, 'oe')
    .replace(/æ/g, 'ae')
    .replace(/[’‘`´]/g, "'")
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

/** fold() and then strip punctuation: for matching whole commands such as "annuler" or "menu". */
export function foldCommand(text: string): string {
  return fold(text)
    .replace(/[^\p{L}\p{N}?' ]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Lists of words in every language, each folded as a command: for matching a whole message to one of them. */
export function commandSets<K extends string>(
  lists: Readonly<Record<K, Readonly<Record<Locale, readonly string[]>>>>,
): Record<K, Set<string>> {
  const sets = {} as Record<K, Set<string>>;
  for (const key of Object.keys(lists) as K[])
    sets[key] = new Set([...lists[key].fr, ...lists[key].en].map(foldCommand));
  return sets;
}

/** Text to match literally inside a regular expression. */
export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
