import { readdirSync } from 'node:fs';
import type { ContentIssue } from './content-error';

/** The *.yaml file names of a content folder, sorted; an unreadable folder becomes an issue on `file`. */
export function yamlFiles(dir: string, file: string, issues: ContentIssue[]): string[] {
  try {
    return readdirSync(dir)
      .filter((name) => name.endsWith('.yaml'))
      .sort();
  } catch (error) {
    issues.push({ file, path: '', message: `cannot read folder (${(error as Error).message})` });
    return [];
  }
}
