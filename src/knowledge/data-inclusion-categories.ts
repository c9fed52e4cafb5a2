import { join } from 'node:path';
import { z } from 'zod';
import { distinctArray, readContentFile, type ParseResult } from '../content';
import { ContentId } from './numbers';
import { LocalCategory } from './situations';

const Thematique = z
  .string()
  .regex(/^[a-z-]+(--[a-z0-9-]+)?$/, 'must be a thématique "categorie" or "categorie--sous-thematique"');

function distinct<T extends z.ZodType>(item: T) {
  return distinctArray(item).min(1);
}

/**
 * One rule: the service gets `category` when every condition the rule states holds. `thematiques`: the service has
 * at least one of them (a bare "categorie" matches all its sous-thématiques). `reseaux_porteurs`: its structure is
 * carried by at least one of them.
 */
export const CategoryRule = z
  .strictObject({
    category: LocalCategory,
    thematiques: distinct(Thematique).optional(),
    reseaux_porteurs: distinct(ContentId).optional(),
  })
  .refine(
    (rule) => rule.thematiques !== undefined || rule.reseaux_porteurs !== undefined,
    'needs `thematiques`, `reseaux_porteurs` or both',
  );
export type CategoryRule = z.infer<typeof CategoryRule>;

/** knowledge/data-inclusion-categories.yaml: how `npm run import` derives the Relais `categories` of a service. */
export const DataInclusionCategoriesFile = z.strictObject({ rules: z.array(CategoryRule) });
export type DataInclusionCategoriesFile = z.infer<typeof DataInclusionCategoriesFile>;

export const DATA_INCLUSION_CATEGORIES_FILE = 'data-inclusion-categories.yaml';

/** Reads and validates knowledge/data-inclusion-categories.yaml; problems name the file, the field and the line. */
export function loadDataInclusionCategories(
  knowledgeDir: string,
  rootDir = process.cwd(),
): ParseResult<DataInclusionCategoriesFile> {
  return readContentFile(join(knowledgeDir, DATA_INCLUSION_CATEGORIES_FILE), DataInclusionCategoriesFile, rootDir);
}

function hasThematique(wanted: string, thematiques: readonly string[]): boolean {
  return thematiques.some((t) => t === wanted || (!wanted.includes('--') && t.startsWith(`${wanted}--`)));
}

/** The categories of every matching rule, in rule order, each once. */
export function categoriesFor(
  rules: readonly CategoryRule[],
  thematiques: readonly string[],
  reseauxPorteurs: readonly string[],
): LocalCategory[] {
  const categories: LocalCategory[] = [];
  for (const rule of rules) {
    const byThematique = rule.thematiques?.some((t) => hasThematique(t, thematiques)) ?? true;
    const byReseau = rule.reseaux_porteurs?.some((r) => reseauxPorteurs.includes(r)) ?? true;
    if (byThematique && byReseau && !categories.includes(rule.category)) categories.push(rule.category);
  }
  return categories;
}
