import { z } from 'zod';

const Words = z.array(z.string().trim().min(1)).min(1);

/**
 * knowledge/personal-data.yaml: the words the personal-data guard of reports looks for besides phone numbers,
 * e-mail addresses and licence plates (which are patterns): titles and first names that start a person's name,
 * and health words that belong only in the fields made for them.
 */
export const PersonalDataTerms = z.strictObject({
  $schema: z.string().optional(),
  titles: Words.describe('words before a surname: "M.", "Mme", "Monsieur", "Mr"'),
  first_names: Words.describe('common first names: one followed by a capitalised word looks like a full name'),
  not_names: z
    .array(z.string().trim().min(1))
    .default([])
    .describe('capitalised words that follow a first name without being a surname ("Saint", "Gare")'),
  health: Words.describe('health words (diagnoses, treatments) kept out of free text'),
  sources: z.array(z.string().min(1)).min(1),
  verified_on: z.iso.date(),
});
export type PersonalDataTerms = z.infer<typeof PersonalDataTerms>;
