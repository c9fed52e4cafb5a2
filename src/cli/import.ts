/**
 * npm run import -- data-inclusion FILE... [--territory-id ID] [--territory-name NAME] [--departement CODE]
 *                                          [--out PATH | --replace] [--dry-run]
 * Loads a data·inclusion export into a territory file of knowledge/directory/ (docs/adr/0005-data-inclusion-import.md),
 * prints what was kept and rejected, and writes the full report as JSON next to the territory file.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { formatIssue, readContentFile } from '../content';
import { loadDataInclusionCategories } from '../knowledge/data-inclusion-categories';
import { filterByDepartement } from '../knowledge/data-inclusion-area';
import { exportRecords } from '../knowledge/data-inclusion-export';
import { importDataInclusion } from '../knowledge/data-inclusion-import';
import { Directory, type ContactUrgence, type Territory } from '../knowledge/directory';
import { ContentId } from '../knowledge/numbers';
import { IMPORT_USAGE, parseImportArgs, type ImportArgs } from './import-args';
import { buildImportReport, recordName, reportLines, type ImportReport, type RecordOrigin } from './import-report';
import { territoryYaml } from './territory-yaml';

export interface ImportIo {
  /** The project root: knowledge/ is read and --replace writes there. */
  rootDir: string;
  /** Where FILE and --out paths are relative to. */
  cwd: string;
  now: Date;
  stdout: (line: string) => void;
  stderr: (line: string) => void;
}

/** A problem the user can fix: printed as is, without a stack trace. Exit code 2 for usage, 1 for input. */
class ImportFailure extends Error {
  constructor(
    message: string,
    readonly exitCode: 1 | 2,
  ) {
    super(message);
  }
}

interface CurrentTerritory {
  /** Every *.yaml of knowledge/directory/ (there should be exactly one). */
  files: string[];
  directory?: Directory;
  problem?: string;
}

interface ChosenTerritory {
  territory: Territory;
  contacts: ContactUrgence[];
  note: string;
}

export function runImport(argv: readonly string[], io: ImportIo): number {
  try {
    return importCommand(argv, io);
  } catch (error) {
    if (error instanceof ImportFailure) {
      io.stderr(error.message);
      return error.exitCode;
    }
    io.stderr(`import failed: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  }
}

function importCommand(argv: readonly string[], io: ImportIo): number {
  const parsed = parseImportArgs(argv);
  if (!parsed.ok) throw new ImportFailure(`${parsed.message}\n${IMPORT_USAGE}`, 2);
  const { args } = parsed;
  const knowledgeDir = join(io.rootDir, 'knowledge');
  const show = (path: string) => relative(io.cwd, path) || path;

  const rules = loadDataInclusionCategories(knowledgeDir, io.rootDir);
  if (!rules.ok) throw new ImportFailure(rules.issues.map(formatIssue).join('\n'), 1);
  const current = currentTerritory(join(knowledgeDir, 'directory'), io.rootDir);
  const chosen = chooseTerritory(args, current, io.now, show);
  const inputs = args.files.map((file) => ({ file, records: readExport(file, io.cwd) }));
  let origins: RecordOrigin[] = inputs.flatMap(({ file, records }) =>
    records.map((_, position) => ({ file, position })),
  );
  let records = inputs.flatMap((input) => input.records);
  let area: ImportReport['area'];
  if (args.departement !== undefined) {
    const filtered = filterByDepartement(records, args.departement);
    const left = new Set([...filtered.outside.structures, ...filtered.outside.services]);
    origins = origins.filter((_, index) => !left.has(index));
    records = filtered.kept;
    area = {
      departement: args.departement,
      outside: { structures: filtered.outside.structures.length, services: filtered.outside.services.length },
    };
  }

  const result = importDataInclusion(records, {
    categoryRules: rules.data.rules,
    placeIds: chosen.territory.places.map((place) => place.id),
    recordName: (index) => recordName(origins, index),
  });
  const checked = Directory.safeParse({
    territory: chosen.territory,
    structures: result.structures,
    services: result.services,
    contacts_urgence: chosen.contacts,
  });
  if (!checked.success)
    throw new ImportFailure(
      [
        'the imported directory does not validate:',
        ...checked.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`),
      ].join('\n'),
      1,
    );

  const defaultTarget = join(knowledgeDir, 'directory', `${chosen.territory.id}.yaml`);
  const target = args.out !== undefined ? resolve(io.cwd, args.out) : args.replace ? defaultTarget : undefined;
  const reportPath = target === undefined ? undefined : `${target.replace(/\.ya?ml$/i, '')}.import-report.json`;
  const report = buildImportReport(result, origins, {
    generated_at: io.now.toISOString(),
    inputs: inputs.map(({ file, records }) => ({ file, records: records.length })),
    territory: { id: chosen.territory.id, name: chosen.territory.name },
    output: args.dryRun || target === undefined ? null : show(target),
    contacts_urgence: chosen.note,
    area,
  });
  for (const line of reportLines(report)) io.stdout(line);
  io.stdout(chosen.note);

  if (args.dryRun) {
    io.stdout('dry run: nothing written');
    return 0;
  }
  if (result.structures.length === 0) throw new ImportFailure('no structure could be imported: nothing written', 1);
  if (target === undefined || reportPath === undefined) {
    const replaced = current.files.map(show).join(', ') || 'nothing';
    throw new ImportFailure(
      `nothing written: the territory file would be ${show(defaultTarget)}; pass --out PATH, or --replace to ` +
        `replace ${replaced} (knowledge/directory/ holds exactly one territory file)`,
      2,
    );
  }

  const header = yamlHeader(args, chosen, report.counts.rejected, result.warnings.length, basename(reportPath), io.now);
  write(target, territoryYaml(checked.data, header), show);
  write(reportPath, `${JSON.stringify(report, null, 2)}\n`, show);
  io.stdout(`wrote ${show(target)}`);
  io.stdout(`full report: ${show(reportPath)}`);
  if (args.replace) {
    for (const old of current.files.filter((file) => resolve(file) !== resolve(target))) {
      rmSync(old);
      const oldReport = `${old.replace(/\.ya?ml$/i, '')}.import-report.json`;
      if (existsSync(oldReport)) rmSync(oldReport);
      io.stdout(`removed ${show(old)}`);
    }
  }
  return 0;
}

function currentTerritory(directoryDir: string, rootDir: string): CurrentTerritory {
  let files: string[];
  try {
    files = readdirSync(directoryDir)
      .filter((name) => name.endsWith('.yaml'))
      .sort()
      .map((name) => join(directoryDir, name));
  } catch {
    return { files: [] };
  }
  if (files.length !== 1) return { files };
  const result = readContentFile(files[0]!, Directory, rootDir);
  if (result.ok) return { files, directory: result.data };
  return { files, problem: `${result.issues.length} problem(s), first: ${formatIssue(result.issues[0]!)}` };
}

/**
 * The territory of the new file. A non-demo current territory with the same id keeps its description, places and
 * contacts_urgence (hand-curated, absent from data·inclusion); a demo territory gives nothing: its numbers are fiction.
 */
function chooseTerritory(
  args: ImportArgs,
  current: CurrentTerritory,
  now: Date,
  show: (path: string) => string,
): ChosenTerritory {
  const existing = current.directory?.territory.demo === false ? current.directory : undefined;
  const id = args.territoryId ?? existing?.territory.id ?? (args.dryRun ? 'dry-run' : undefined);
  if (id === undefined)
    throw new ImportFailure(
      `--territory-id is required: ${current.directory ? 'the current territory is a demo' : 'there is no valid current territory file'}\n${IMPORT_USAGE}`,
      2,
    );
  if (!ContentId.safeParse(id).success)
    throw new ImportFailure(`--territory-id "${id}" must be kebab-case (a-z, 0-9 and single dashes)`, 2);
  const same = existing?.territory.id === id ? existing : undefined;
  const name = (args.territoryName ?? same?.territory.name ?? (args.dryRun ? id : '')).trim();
  if (!name) throw new ImportFailure(`--territory-name is required for the new territory "${id}"\n${IMPORT_USAGE}`, 2);

  const day = localDay(now);
  const territory: Territory = {
    id,
    name,
    demo: false,
    description: same?.territory.description ?? {
      fr: `Annuaire de ${name} importé de data·inclusion, le référentiel ouvert de l'offre d'insertion, le ${day}.`,
      en: `Directory of ${name} imported on ${day} from data·inclusion, the French open data on inclusion services.`,
    },
    places: same?.territory.places ?? [],
  };
  const file = current.files[0] ? show(current.files[0]) : 'knowledge/directory';
  let note: string;
  if (same)
    note = `contacts_urgence: kept ${same.contacts_urgence.length} contacts and ${same.territory.places.length} places from ${file}`;
  else if (current.problem)
    note = `contacts_urgence: none (${file} is invalid, nothing kept from it: ${current.problem})`;
  else if (current.directory?.territory.demo)
    note = `contacts_urgence: none (the demo ones in ${file} are fictional); add the local on-call lines by hand`;
  else note = 'contacts_urgence: none; add the local on-call and technical lines by hand';
  return { territory, contacts: same?.contacts_urgence ?? [], note };
}

function readExport(file: string, cwd: string): unknown[] {
  let text: string;
  try {
    text = readFileSync(resolve(cwd, file), 'utf8');
  } catch (error) {
    throw new ImportFailure(`${file}: cannot read file (${(error as Error).message})`, 1);
  }
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new ImportFailure(`${file}: invalid JSON (${(error as Error).message})`, 1);
  }
  const records = exportRecords(json);
  if (!records.ok) throw new ImportFailure(`${file}: ${records.message}`, 1);
  return records.records;
}

function write(path: string, text: string, show: (path: string) => string): void {
  try {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, text);
  } catch (error) {
    throw new ImportFailure(`cannot write ${show(path)} (${(error as Error).message})`, 1);
  }
}

function yamlHeader(
  args: ImportArgs,
  chosen: ChosenTerritory,
  rejected: Record<string, number>,
  warnings: number,
  reportFile: string,
  now: Date,
): string[] {
  const rejectedCount = Object.values(rejected).reduce((sum, n) => sum + n, 0);
  return [
    `Imported from data·inclusion by \`npm run import -- data-inclusion\` on ${localDay(now)}`,
    `from ${args.files.map((file) => basename(file)).join(', ')}: ${rejectedCount} record(s) rejected and ` +
      `${warnings} warning(s), listed in ${reportFile}.`,
    "Entries are the producers' records as published (see `source` and `date_maj`): check them before relying on them.",
    'Relais `categories` come from knowledge/data-inclusion-categories.yaml.',
    chosen.note,
  ];
}

/** YYYY-MM-DD of `now` in local time (TZ). */
function localDay(now: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

if (require.main === module) {
  process.exitCode = runImport(process.argv.slice(2), {
    rootDir: resolve(__dirname, '..', '..'),
    cwd: process.env.INIT_CWD ?? process.cwd(),
    now: new Date(),
    stdout: (line) => console.log(line),
    stderr: (line) => console.error(line),
  });
}
