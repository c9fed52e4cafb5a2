import { join } from 'node:path';
import { z } from 'zod';
import { LocalisedText, distinctArray, readContentFile, type ParseResult } from '../content';
import { LocalCategory } from './situations';

const Phrase = z.string().trim().min(1).max(80);

/** Phrases in one locale, each once. */
const PhraseList = distinctArray(Phrase, 'phrase').min(1);

export const LocalisedPhrases = z.strictObject({ fr: PhraseList, en: PhraseList });
export type LocalisedPhrases = z.infer<typeof LocalisedPhrases>;

/** One local category: the label shown to users and the words people type to look for it. */
export const CategoryEntry = z.strictObject(
  { label: LocalisedText, keywords: LocalisedPhrases },
  {
    error: (issue) =>
      issue.input === undefined
        ? 'missing: every local category needs an entry with a label and keywords'
        : 'must be an object with `label` and `keywords`',
  },
);
export type CategoryEntry = z.infer<typeof CategoryEntry>;

/**
 * knowledge/categories.yaml: exactly one entry per LocalCategory (a missing or unknown category is an error), and
 * the filler words removed from directory search queries ("numéro", "c'est où", "phone number").
 */
export const CategoriesFile = z.strictObject({
  categories: z.record(LocalCategory, CategoryEntry),
  query_fillers: LocalisedPhrases,
});
export type CategoriesFile = z.infer<typeof CategoriesFile>;

export const CATEGORIES_FILE = 'categories.yaml';

/** Reads and validates knowledge/categories.yaml; problems name the file, the field and the line. */
export function loadCategories(knowledgeDir: string, rootDir = process.cwd()): ParseResult<CategoriesFile> {
  return readContentFile(join(knowledgeDir, CATEGORIES_FILE), CategoriesFile, rootDir);
}
