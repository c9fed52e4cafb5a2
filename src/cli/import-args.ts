import { parseArgs } from 'node:util';
import { isDepartementCode } from '../knowledge/data-inclusion-area';

export const IMPORT_USAGE = [
  'usage: npm run import -- data-inclusion FILE... [--territory-id ID] [--territory-name NAME] [--departement CODE]',
  '                         [--out PATH | --replace] [--dry-run]',
  '  FILE               data·inclusion JSON: structures.json, services.json, an API page {"items": [...]}',
  '                     or {"structures": [...], "services": [...]}',
  '  --territory-id     kebab-case id of the territory (default: the current non-demo territory)',
  '  --territory-name   its name (default: the current territory name when the id is the same)',
  '  --departement CODE keep only the structures and services of this département (01–95, 2A, 2B, 971–976)',
  '  --out PATH         write the territory YAML there',
  '  --replace          write knowledge/directory/<territory-id>.yaml and remove the current territory file',
  '  --dry-run          validate and report, write nothing',
].join('\n');

export interface ImportArgs {
  source: 'data-inclusion';
  files: string[];
  territoryId?: string;
  territoryName?: string;
  /** Keep only the records of this département (upper case). */
  departement?: string;
  out?: string;
  replace: boolean;
  dryRun: boolean;
}

export type ParsedImportArgs = { ok: true; args: ImportArgs } | { ok: false; message: string };

export function parseImportArgs(argv: readonly string[]): ParsedImportArgs {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: {
        'territory-id': { type: 'string' },
        'territory-name': { type: 'string' },
        departement: { type: 'string' },
        out: { type: 'string' },
        replace: { type: 'boolean', default: false },
        'dry-run': { type: 'boolean', default: false },
      },
    });
  } catch (error) {
    return { ok: false, message: (error as Error).message };
  }
  const [source, ...files] = parsed.positionals;
  const { values } = parsed;
  if (source !== 'data-inclusion')
    return {
      ok: false,
      message: `unknown source ${source === undefined ? '(none)' : `"${source}"`}: only "data-inclusion"`,
    };
  if (files.length === 0) return { ok: false, message: 'no FILE given' };
  if (values.departement !== undefined && !isDepartementCode(values.departement))
    return {
      ok: false,
      message: `--departement "${values.departement}" is not a département code (01–95, 2A, 2B, 971–976)`,
    };
  if (values.out !== undefined && values.replace)
    return { ok: false, message: '--out and --replace exclude each other' };
  return {
    ok: true,
    args: {
      source,
      files,
      territoryId: values['territory-id'],
      territoryName: values['territory-name'],
      departement: values.departement?.toUpperCase(),
      out: values.out,
      replace: values.replace,
      dryRun: values['dry-run'],
    },
  };
}
