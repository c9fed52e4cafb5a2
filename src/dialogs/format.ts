import type { Locale } from '../content';

/** The BCP 47 tag used to format dates and times for a locale. */
export function localeTag(locale: Locale): string {
  return locale === 'fr' ? 'fr-FR' : 'en-GB';
}

/** "26 novembre 2026" / "26 November 2026" from a YYYY-MM-DD date. */
export function longDate(locale: Locale, isoDate: string): string {
  const [y = 0, m = 1, d = 1] = isoDate.split('-').map(Number);
  return new Intl.DateTimeFormat(localeTag(locale), { dateStyle: 'long' }).format(new Date(y, m - 1, d));
}
