import { join, relative } from 'node:path';
import { ContentError, readContentFile, yamlFiles, type ContentIssue } from '../content';
import { CATEGORIES_FILE, loadCategories, type CategoriesFile } from './categories';
import { Directory } from './directory';
import { EmergencyTriggersFile, type EmergencyNumbers, type EmergencyTriggers } from './emergency-triggers';
import { NumbersFile, type NationalNumber } from './numbers';
import { Situation } from './situations';

export interface Orientation {
  numbers: readonly NationalNumber[];
  situations: readonly Situation[];
  triggers: EmergencyTriggers;
  /** Numbers to call first per kind of danger (ids of `numbers`). */
  emergencyNumbers: EmergencyNumbers;
  directory: Directory;
  /** Labels and search keywords of the local categories, and the filler words of directory search queries. */
  categories: CategoriesFile;
  /** Where each part was read, relative to rootDir (for messages and staleEntries). */
  files: { numbers: string; situations: string; triggers: string; directory: string; categories: string };
}

export interface StaleEntry {
  file: string;
  id: string;
  date: string;
}

/**
 * Loads and validates knowledge/numbers.yaml, knowledge/situations/*.yaml, knowledge/emergency-triggers.yaml,
 * knowledge/categories.yaml and the one territory file in knowledge/directory/, with their cross-references;
 * throws a ContentError listing every problem.
 */
export function loadOrientation(knowledgeDir: string, rootDir: string): Orientation {
  const issues: ContentIssue[] = [];
  const rel = (path: string) => relative(rootDir, path) || path;
  const files = {
    numbers: rel(join(knowledgeDir, 'numbers.yaml')),
    situations: rel(join(knowledgeDir, 'situations')),
    triggers: rel(join(knowledgeDir, 'emergency-triggers.yaml')),
    directory: rel(join(knowledgeDir, 'directory')),
    categories: rel(join(knowledgeDir, CATEGORIES_FILE)),
  };

  const numbersFile = readContentFile(join(knowledgeDir, 'numbers.yaml'), NumbersFile, rootDir);
  if (!numbersFile.ok) issues.push(...numbersFile.issues);
  const numberIds = numbersFile.ok ? new Set(numbersFile.data.numbers.map((n) => n.id)) : undefined;

  const situations: Situation[] = [];
  const situationsDir = join(knowledgeDir, 'situations');
  for (const name of yamlFiles(situationsDir, files.situations, issues)) {
    const expectedId = name.replace(/\.yaml$/, '');
    // Cross-references go into the schema, so that readContentFile locates them by line like any other issue.
    const schema = Situation.superRefine((situation, ctx) => {
      if (situation.id !== expectedId)
        ctx.addIssue({ code: 'custom', path: ['id'], message: `must be "${expectedId}" to match the file name` });
      if (!numberIds) return; // numbers.yaml is invalid: its own issues are reported instead.
      situation.contacts.forEach((contact, index) => {
        if (contact.number !== undefined && !numberIds.has(contact.number))
          ctx.addIssue({
            code: 'custom',
            path: ['contacts', index, 'number'],
            message: `unknown number "${contact.number}": not an id in ${files.numbers}`,
          });
      });
    });
    const result = readContentFile(join(situationsDir, name), schema, rootDir);
    if (result.ok) situations.push(result.data);
    else issues.push(...result.issues);
  }

  const triggersSchema = EmergencyTriggersFile.superRefine((file, ctx) => {
    if (!numberIds) return;
    for (const [kind, ids] of Object.entries(file.numbers)) {
      ids.forEach((id, index) => {
        if (!numberIds.has(id))
          ctx.addIssue({
            code: 'custom',
            path: ['numbers', kind, index],
            message: `unknown number "${id}": not an id in ${files.numbers}`,
          });
      });
    }
  });
  const triggersFile = readContentFile(join(knowledgeDir, 'emergency-triggers.yaml'), triggersSchema, rootDir);
  if (!triggersFile.ok) issues.push(...triggersFile.issues);

  const directoryDir = join(knowledgeDir, 'directory');
  const directoryFiles = yamlFiles(directoryDir, files.directory, issues);
  let directory: Directory | undefined;
  if (directoryFiles.length !== 1) {
    issues.push({
      file: files.directory,
      path: '',
      message: `must hold exactly one territory file (*.yaml), found ${directoryFiles.length}`,
    });
  } else {
    const path = join(directoryDir, directoryFiles[0]!);
    files.directory = rel(path);
    const result = readContentFile(path, Directory, rootDir);
    if (result.ok) directory = result.data;
    else issues.push(...result.issues);
  }

  const categoriesFile = loadCategories(knowledgeDir, rootDir);
  if (!categoriesFile.ok) issues.push(...categoriesFile.issues);

  if (issues.length > 0 || !numbersFile.ok || !triggersFile.ok || !directory || !categoriesFile.ok)
    throw new ContentError(issues);
  return {
    numbers: numbersFile.data.numbers,
    situations,
    triggers: triggersFile.data.triggers,
    emergencyNumbers: triggersFile.data.numbers,
    directory,
    categories: categoriesFile.data,
    files,
  };
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** Days from a YYYY-MM-DD date to the calendar day of `now` in local time. */
function ageInDays(date: string, now: Date): number {
  const [year = 0, month = 1, day = 1] = date.split('-').map(Number);
  return Math.round(
    (Date.UTC(now.getFullYear(), now.getMonth(), now.getDate()) - Date.UTC(year, month - 1, day)) / DAY_MS,
  );
}

/** Entries are stale when checked more than this many days ago (about six months). */
export const STALE_AFTER_DAYS = 183;

/** Whether a verification or update date (YYYY-MM-DD) is more than maxAgeDays before `now`. */
export function isStale(date: string, now: Date, maxAgeDays = STALE_AFTER_DAYS): boolean {
  return ageInDays(date, now) > maxAgeDays;
}

/** Entries whose verification or update date is more than maxAgeDays old (183 days: about six months). */
export function staleEntries(orientation: Orientation, now: Date, maxAgeDays = STALE_AFTER_DAYS): StaleEntry[] {
  const { files, directory } = orientation;
  const entries: StaleEntry[] = [
    ...orientation.numbers.map((n) => ({ file: files.numbers, id: n.id, date: n.verified_on })),
    ...orientation.situations.map((s) => ({
      file: join(files.situations, `${s.id}.yaml`),
      id: s.id,
      date: s.verified_on,
    })),
    ...directory.structures.map((s) => ({ file: files.directory, id: s.id, date: s.date_maj })),
    ...directory.services.map((s) => ({ file: files.directory, id: s.id, date: s.date_maj })),
    ...directory.contacts_urgence.map((c) => ({ file: files.directory, id: c.id, date: c.date_verification })),
  ];
  return entries.filter((entry) => isStale(entry.date, now, maxAgeDays));
}
