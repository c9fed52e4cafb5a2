/**
 * npm run teams:package [-- --out PATH] [--app-id GUID] [--public-url https://HOST]
 * Builds the Microsoft Teams app package (a zip of manifest.json, the two icons and the language files) from the
 * template in teams/, filled from MicrosoftAppId, PUBLIC_URL and TEAMS_APP_ID (flags win over the environment).
 * The manifest is validated offline against the schema bundled in @microsoft/app-manifest, the icons are checked, and
 * every problem is printed as "where: message" with exit code 1; nothing is written then.
 */
import { createWriteStream, existsSync, mkdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { parseArgs } from 'node:util';
import { inflateSync } from 'node:zlib';
import { ZipFile } from 'yazl';
import { fillPlaceholders, placeholderValues, validateDocument, type TeamsSettings } from './teams-manifest';

export const DEFAULT_OUT = join('dist', 'teams', 'relais-teams.zip');

export const TEAMS_PACKAGE_USAGE = [
  'usage: npm run teams:package -- [--out PATH] [--app-id GUID] [--public-url https://HOST]',
  `  --out PATH         where to write the zip (default ${DEFAULT_OUT})`,
  '  --app-id GUID      the Azure Bot Microsoft App ID (default: $MicrosoftAppId)',
  '  --public-url URL   https address of Relais, host only (default: $PUBLIC_URL)',
  '  TEAMS_APP_ID       optional GUID of the app in the Teams catalogue (default: the app id)',
].join('\n');

export interface TeamsPackageOptions extends TeamsSettings {
  /** The folder holding manifest.json, the icons and the language files (teams/). */
  templateDir: string;
  /** The zip to write. */
  out: string;
  /** Used instead of templateDir/manifest.json when given (tests). */
  template?: unknown;
}

export type TeamsPackageResult =
  | { ok: true; file: string; entries: PackageEntry[]; manifest: Record<string, unknown> }
  | { ok: false; problems: string[] };

export interface PackageEntry {
  name: string;
  data: Buffer;
  /** What the summary says about it. */
  note: string;
}

/** Icon name in the manifest → the size Teams requires. */
const ICON_SIZES = { color: 192, outline: 32 } as const;
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
/** Outline pixels that are not transparent must be white; this leaves room for anti-aliasing rounding. */
const WHITE_ENOUGH = 240;

export async function buildTeamsPackage(options: TeamsPackageOptions): Promise<TeamsPackageResult> {
  const settings = placeholderValues(options);
  if ('problems' in settings) return { ok: false, problems: settings.problems };
  const problems: string[] = [];
  const template = options.template ?? readJson(join(options.templateDir, 'manifest.json'), 'manifest.json', problems);
  if (template === undefined) return { ok: false, problems };
  const filled = fillPlaceholders(template, settings.values, 'manifest.json');
  problems.push(...filled.problems);
  if (!isObject(filled.document)) return { ok: false, problems: [...problems, 'manifest.json: not a JSON object'] };
  const manifest = filled.document;
  const version = typeof manifest.manifestVersion === 'string' ? manifest.manifestVersion : '';
  problems.push(...(await validateDocument(manifest, 'manifest', version, 'manifest.json')));

  const entries: PackageEntry[] = [
    { name: 'manifest.json', data: Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`), note: summary(manifest) },
  ];
  const icons = isObject(manifest.icons) ? manifest.icons : {};
  for (const [role, size] of Object.entries(ICON_SIZES)) {
    const name = packagedFile(icons[role], `icons.${role}`, options.templateDir, problems);
    const data = name === undefined ? undefined : readFile(join(options.templateDir, name), name, problems);
    if (name === undefined || data === undefined) continue;
    problems.push(...checkIcon(name, data, size, role === 'outline'));
    entries.push({ name, data, note: `${size}×${size}` });
  }
  for (const [index, language] of languageFiles(manifest).entries()) {
    const name = packagedFile(
      language.file,
      `localizationInfo.additionalLanguages[${index}].file`,
      options.templateDir,
      problems,
    );
    const raw = name === undefined ? undefined : readJson(join(options.templateDir, name), name, problems);
    if (name === undefined || raw === undefined) continue;
    const localized = fillPlaceholders(raw, settings.values, name);
    problems.push(...localized.problems, ...sameSchemaVersion(localized.document, version, name));
    problems.push(...(await validateDocument(localized.document, 'localization', version, name)));
    const data = Buffer.from(`${JSON.stringify(localized.document, null, 2)}\n`);
    entries.push({ name, data, note: `language ${String(language.languageTag)}` });
  }
  if (problems.length > 0) return { ok: false, problems };
  await writeZip(options.out, entries);
  return { ok: true, file: options.out, entries, manifest };
}

function summary(manifest: Record<string, unknown>): string {
  const bot = Array.isArray(manifest.bots) && isObject(manifest.bots[0]) ? manifest.bots[0] : {};
  const domains = Array.isArray(manifest.validDomains) ? manifest.validDomains.map(String).join(', ') : '';
  return (
    `manifest v${String(manifest.manifestVersion)}, app ${String(manifest.version)}, id ${String(manifest.id)}, ` +
    `bot ${String(bot.botId)}, domain ${domains}`
  );
}

function languageFiles(manifest: Record<string, unknown>): Record<string, unknown>[] {
  const info = isObject(manifest.localizationInfo) ? manifest.localizationInfo : {};
  return Array.isArray(info.additionalLanguages) ? info.additionalLanguages.filter(isObject) : [];
}

/** Teams wants the language files on the same schema version as the manifest. */
function sameSchemaVersion(document: unknown, version: string, file: string): string[] {
  const schema = isObject(document) && typeof document.$schema === 'string' ? document.$schema : '';
  return schema && !schema.includes(`/v${version}/`)
    ? [`${file} at $schema: "${schema}" is not the manifest's version v${version}`]
    : [];
}

/** A file named by the manifest: a plain name, packaged at the zip root, that exists in the template folder. */
function packagedFile(value: unknown, field: string, dir: string, problems: string[]): string | undefined {
  if (typeof value !== 'string' || !value) {
    problems.push(`manifest.json at ${field}: missing`);
    return undefined;
  }
  if (basename(value) !== value || value.startsWith('.')) {
    problems.push(`manifest.json at ${field}: "${value}" must be a file name at the package root`);
    return undefined;
  }
  if (!existsSync(join(dir, value))) {
    problems.push(`manifest.json at ${field}: ${value} is not in ${dir}`);
    return undefined;
  }
  return value;
}

/** Problems of an icon: PNG signature, exact size and, for the outline, only white or transparent pixels. */
export function checkIcon(name: string, data: Buffer, size: number, outline: boolean): string[] {
  const png = readPng(data);
  if (typeof png === 'string') return [`${name}: ${png}`];
  if (png.width !== size || png.height !== size)
    return [`${name}: ${png.width}×${png.height} pixels, Teams needs ${size}×${size}`];
  if (!outline) return [];
  const colour = outlineColourProblem(png);
  return colour ? [`${name}: ${colour}`] : [];
}

interface Png {
  width: number;
  height: number;
  bitDepth: number;
  colourType: number;
  interlaced: boolean;
  idat: Buffer;
}

/** The header and image data of a PNG, or what is wrong with it. Chunk CRCs are not checked. */
function readPng(data: Buffer): Png | string {
  if (data.length < 33 || !data.subarray(0, 8).equals(PNG_SIGNATURE)) return 'not a PNG file (bad signature)';
  if (data.readUInt32BE(8) !== 13 || data.toString('latin1', 12, 16) !== 'IHDR') return 'PNG without an IHDR header';
  const idat: Buffer[] = [];
  for (let at = 8; at + 12 <= data.length;) {
    const length = data.readUInt32BE(at);
    const type = data.toString('latin1', at + 4, at + 8);
    if (at + 12 + length > data.length) return `PNG chunk ${type} runs past the end of the file`;
    if (type === 'IDAT') idat.push(data.subarray(at + 8, at + 8 + length));
    if (type === 'IEND') break;
    at += 12 + length;
  }
  return {
    width: data.readUInt32BE(16),
    height: data.readUInt32BE(20),
    bitDepth: data[24] ?? 0,
    colourType: data[25] ?? 0,
    interlaced: data[28] === 1,
    idat: Buffer.concat(idat),
  };
}

/**
 * Teams shows the outline icon on its own backgrounds, so it must be white on transparent. Checked for 8-bit
 * non-interlaced grey+alpha and RGBA images (what the rasteriser writes); an image without an alpha channel cannot
 * be transparent. Other encodings (palette, 16-bit, interlaced) are let through unchecked.
 */
function outlineColourProblem(png: Png): string | undefined {
  if (png.colourType === 0 || png.colourType === 2)
    return 'has no alpha channel: the outline icon must be white on a transparent background';
  if (png.bitDepth !== 8 || png.interlaced || (png.colourType !== 4 && png.colourType !== 6)) return undefined;
  const channels = png.colourType === 6 ? 4 : 2;
  let pixels: Buffer;
  try {
    pixels = unfilter(inflateSync(png.idat), png.width, png.height, channels);
  } catch (error) {
    return `image data cannot be read (${error instanceof Error ? error.message : String(error)})`;
  }
  let count = 0;
  let first = '';
  for (let i = 0; i < png.width * png.height; i++) {
    const p = pixels.subarray(i * channels, (i + 1) * channels);
    const alpha = p[channels - 1] ?? 0;
    const lightest = channels === 4 ? Math.min(p[0] ?? 0, p[1] ?? 0, p[2] ?? 0) : (p[0] ?? 0);
    if (alpha === 0 || lightest >= WHITE_ENOUGH) continue;
    if (count++ === 0) first = ` (first at x=${i % png.width}, y=${Math.floor(i / png.width)}: ${[...p].join(',')})`;
  }
  return count > 0 ? `${count} pixel(s) neither white nor transparent${first}` : undefined;
}

/** Undoes the PNG row filters (None, Sub, Up, Average, Paeth) of 8-bit samples. */
function unfilter(raw: Buffer, width: number, height: number, channels: number): Buffer {
  const stride = width * channels;
  if (raw.length < height * (stride + 1)) throw new Error('image data is too short');
  const out = Buffer.alloc(height * stride);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)];
    const row = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    for (let x = 0; x < stride; x++) {
      const left = x >= channels ? (out[y * stride + x - channels] ?? 0) : 0;
      const up = y > 0 ? (out[(y - 1) * stride + x] ?? 0) : 0;
      const upLeft = y > 0 && x >= channels ? (out[(y - 1) * stride + x - channels] ?? 0) : 0;
      out[y * stride + x] = ((row[x] ?? 0) + predictor(filter, left, up, upLeft)) & 0xff;
    }
  }
  return out;
}

function predictor(filter: number | undefined, left: number, up: number, upLeft: number): number {
  switch (filter) {
    case 0:
      return 0;
    case 1:
      return left;
    case 2:
      return up;
    case 3:
      return (left + up) >> 1;
    case 4: {
      const p = left + up - upLeft;
      const [pa, pb, pc] = [Math.abs(p - left), Math.abs(p - up), Math.abs(p - upLeft)];
      return pa <= pb && pa <= pc ? left : pb <= pc ? up : upLeft;
    }
    default:
      throw new Error(`unknown row filter ${String(filter)}`);
  }
}

/** Writes the zip next to its final place first, so a failed write never leaves half a package behind. */
async function writeZip(out: string, entries: readonly PackageEntry[]): Promise<void> {
  mkdirSync(dirname(out), { recursive: true });
  const zip = new ZipFile();
  for (const entry of entries) zip.addBuffer(entry.data, entry.name);
  zip.end();
  const partial = `${out}.partial`;
  try {
    await pipeline(zip.outputStream, createWriteStream(partial));
    renameSync(partial, out);
  } finally {
    rmSync(partial, { force: true });
  }
}

function readFile(path: string, name: string, problems: string[]): Buffer | undefined {
  try {
    return readFileSync(path);
  } catch (error) {
    problems.push(`${name}: cannot be read (${error instanceof Error ? error.message : String(error)})`);
    return undefined;
  }
}

function readJson(path: string, name: string, problems: string[]): unknown {
  const data = readFile(path, name, problems);
  if (data === undefined) return undefined;
  try {
    return JSON.parse(data.toString('utf8')) as unknown;
  } catch (error) {
    problems.push(`${name}: not valid JSON (${error instanceof Error ? error.message : String(error)})`);
    return undefined;
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

export interface TeamsPackageIo {
  /** The project root: teams/, package.json and the default output live there. */
  rootDir: string;
  /** Where --out is relative to. */
  cwd: string;
  env: NodeJS.ProcessEnv;
  stdout: (line: string) => void;
  stderr: (line: string) => void;
}

/** The command: 0 when the package is written, 1 on problems, 2 on a usage error. */
export async function runTeamsPackage(argv: readonly string[], io: TeamsPackageIo): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      strict: true,
      options: { out: { type: 'string' }, 'app-id': { type: 'string' }, 'public-url': { type: 'string' } },
    }));
  } catch (error) {
    io.stderr(`${error instanceof Error ? error.message : String(error)}\n${TEAMS_PACKAGE_USAGE}`);
    return 2;
  }
  const { version } = JSON.parse(readFileSync(join(io.rootDir, 'package.json'), 'utf8')) as { version: string };
  const out = values.out === undefined ? join(io.rootDir, DEFAULT_OUT) : resolve(io.cwd, values.out);
  const result = await buildTeamsPackage({
    templateDir: join(io.rootDir, 'teams'),
    out,
    appId: values['app-id'] ?? io.env.MicrosoftAppId,
    publicUrl: values['public-url'] ?? io.env.PUBLIC_URL,
    teamsAppId: io.env.TEAMS_APP_ID,
    appVersion: version,
  });
  if (!result.ok) {
    for (const problem of result.problems) io.stderr(problem);
    io.stderr(`teams package: ${result.problems.length} problem(s), nothing written`);
    return 1;
  }
  const shown = relative(io.cwd, result.file);
  io.stdout(`teams package: wrote ${shown && !shown.startsWith('..') ? shown : result.file}`);
  const width = Math.max(...result.entries.map((entry) => entry.name.length));
  for (const entry of result.entries) io.stdout(`  ${entry.name.padEnd(width)}  ${entry.note}`);
  io.stdout('upload it in Teams (Apps → Manage your apps → Upload an app) or in the Teams admin centre');
  return 0;
}

if (require.main === module) {
  runTeamsPackage(process.argv.slice(2), {
    rootDir: resolve(__dirname, '..', '..'),
    cwd: process.env.INIT_CWD ?? process.cwd(),
    env: process.env,
    stdout: (line) => console.log(line),
    stderr: (line) => console.error(line),
  }).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      console.error(`teams package failed: ${error instanceof Error ? error.message : String(error)}`);
      process.exitCode = 1;
    },
  );
}
