/**
 * French overseas departments and collectivities dial their national numbers under their own country code, not +33:
 * 0262 12 34 56 in La Réunion is +262 262 12 34 56. Keyed by the first four digits of the national number.
 */
const OVERSEAS_PREFIXES: Readonly<Record<string, string>> = {
  '0262': '262', // La Réunion
  '0263': '262',
  '0692': '262',
  '0693': '262',
  '0269': '262', // Mayotte
  '0639': '262',
  '0590': '590', // Guadeloupe, Saint-Martin, Saint-Barthélemy
  '0690': '590',
  '0691': '590',
  '0594': '594', // Guyane
  '0694': '594',
  '0596': '596', // Martinique
  '0696': '596',
  '0697': '596',
  '0508': '508', // Saint-Pierre-et-Miquelon
};

const OVERSEAS_CODES = new Set(Object.values(OVERSEAS_PREFIXES));

/** Separators people put inside one number: spaces (also non-breaking), dots, dashes, brackets. */
const SEPARATORS = /[\s.\-()]/g;

/**
 * One French phone number in E.164 form, or undefined when `raw` is not exactly one French number.
 * Accepts national writing ("01 23 45 67 89", "01.23.45.67.89"), "+33 1 23 45 67 89", "+33 (0)1 …", "0033 1 …",
 * and E.164 numbers of the overseas country codes. Short numbers ("115", "3949") and foreign numbers give undefined.
 */
export function toFrenchE164(raw: string): string | undefined {
  const compact = raw.replace(SEPARATORS, '');
  const international = /^(?:\+|00)330?([1-9]\d{8})$/.exec(compact);
  const national = international ? `0${international[1]}` : /^0[1-9]\d{8}$/.test(compact) ? compact : undefined;
  if (national !== undefined) {
    const code = OVERSEAS_PREFIXES[national.slice(0, 4)] ?? '33';
    return `+${code}${national.slice(1)}`;
  }
  const overseas = /^(?:\+|00)(\d{3})([1-9]\d{8})$/.exec(compact);
  if (overseas && OVERSEAS_CODES.has(overseas[1]!)) return `+${overseas[1]}${overseas[2]}`;
  return undefined;
}
