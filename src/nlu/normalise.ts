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
