import { z } from 'zod';

export const LOCALES = ['fr', 'en'] as const;
export const Locale = z.enum(LOCALES);
export type Locale = z.infer<typeof Locale>;

/** A user-facing sentence in every supported locale. */
export const LocalisedText = z.strictObject({
  fr: z.string().trim().min(1),
  en: z.string().trim().min(1),
});
export type LocalisedText = z.infer<typeof LocalisedText>;

/** Maps an activity locale ("fr-FR", "en-US", "EN", undefined) to a supported locale; French by default. */
export function toLocale(activityLocale: string | undefined | null): Locale {
  return activityLocale?.trim().toLowerCase().startsWith('en') ? 'en' : 'fr';
}

/** Replaces {{name}} placeholders; unknown placeholders are left visible so that tests catch them. */
export function fill(template: string, vars: Readonly<Record<string, string | number>> = {}): string {
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
}
