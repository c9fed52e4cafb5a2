import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { crc32, deflateSync } from 'node:zlib';
import { AppManifestUtils, type TeamsManifest } from '@microsoft/app-manifest';
import { open, type Entry, type ZipFile } from 'yauzl';
import { buildTeamsPackage, checkIcon, runTeamsPackage, type TeamsPackageOptions } from '../../src/cli/teams-package';
import { validateDocument } from '../../src/cli/teams-manifest';

const ROOT = resolve(__dirname, '../..');
const TEAMS = join(ROOT, 'teams');
const APP_ID = '0b7c2f1e-5d4a-4e8b-9c3f-2a1d6e8f7b90';
const OTHER_ID = 'f3e2d1c0-b9a8-4765-8432-10fedcba9876';
const PUBLIC_URL = 'https://relais.example.org';
const MANIFEST_SCHEMA = join(
  dirname(require.resolve('@microsoft/app-manifest/package.json')),
  'build/json-schemas/teams/v1.30/MicrosoftTeams.schema.json',
);

const temps: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'relais-teams-'));
  temps.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of temps.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function options(overrides: Partial<TeamsPackageOptions> = {}): TeamsPackageOptions {
  return {
    templateDir: TEAMS,
    out: join(tempDir(), 'relais-teams.zip'),
    appId: APP_ID,
    publicUrl: PUBLIC_URL,
    appVersion: '1.2.3',
    ...overrides,
  };
}

/** The fields of the manifest these tests read or change. */
interface Manifest {
  name: { short: string };
  description: { full: string };
  accentColor: string;
  developer: { websiteUrl: string };
  bots: { commandLists: { commands: { title: string }[] }[] }[];
}

function template(): Manifest {
  return JSON.parse(readFileSync(join(TEAMS, 'manifest.json'), 'utf8')) as Manifest;
}

/** Every file of a zip, by name. */
function unzip(file: string): Promise<Map<string, Buffer>> {
  return new Promise((done, fail) => {
    open(file, { lazyEntries: true }, (error: Error | null, zip: ZipFile) => {
      if (error) return fail(error);
      const files = new Map<string, Buffer>();
      zip.on('error', fail);
      zip.on('end', () => done(files));
      zip.on('entry', (entry: Entry) => {
        zip.openReadStream(entry, (streamError, stream) => {
          if (streamError) return fail(streamError);
          const chunks: Buffer[] = [];
          stream.on('data', (chunk: Buffer) => chunks.push(chunk));
          stream.on('end', () => {
            files.set(entry.fileName, Buffer.concat(chunks));
            zip.readEntry();
          });
        });
      });
      zip.readEntry();
    });
  });
}

type Rgba = [number, number, number, number];

/** A small 8-bit PNG; `filter` 1 (Sub) or 2 (Up) exercises the decoder's row filters. */
function png(width: number, height: number, pixel: (x: number, y: number) => Rgba, colourType = 6, filter = 0) {
  const channels = colourType === 6 ? 4 : 3;
  const rows: Buffer[] = [];
  let previous = Buffer.alloc(width * channels);
  for (let y = 0; y < height; y++) {
    const row = Buffer.from(Array.from({ length: width }, (_, x) => pixel(x, y).slice(0, channels)).flat());
    const encoded = row.map((value, i) => {
      const before = filter === 1 ? (i >= channels ? row[i - channels]! : 0) : filter === 2 ? previous[i]! : 0;
      return (value - before) & 0xff;
    });
    rows.push(Buffer.concat([Buffer.from([filter]), encoded]));
    previous = row;
  }
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([length, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8;
  header[9] = colourType;
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.concat(rows))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const WHITE: Rgba = [255, 255, 255, 255];
const CLEAR: Rgba = [0, 0, 0, 0];
/** A white ring on transparent, like an outline icon. */
const ring = (x: number, y: number): Rgba => (Math.abs(Math.hypot(x - 15.5, y - 15.5) - 11) < 2 ? WHITE : CLEAR);

describe('npm run teams:package', () => {
  it('writes manifest.json, both icons and en.json at the root of the zip', async () => {
    const result = await buildTeamsPackage(options());
    if (!result.ok) throw new Error(result.problems.join('\n'));
    const files = await unzip(result.file);
    expect([...files.keys()]).toEqual(['manifest.json', 'color.png', 'outline.png', 'en.json']);
    expect(files.get('color.png')!.equals(readFileSync(join(TEAMS, 'color.png')))).toBe(true);
    expect(files.get('outline.png')!.equals(readFileSync(join(TEAMS, 'outline.png')))).toBe(true);
    for (const [name, data] of files) if (name.endsWith('.json')) expect(data.toString('utf8')).not.toContain('${{');
  });

  it('fills the manifest with the bot id and the public host, and it passes the bundled v1.30 schema', async () => {
    const result = await buildTeamsPackage(options());
    if (!result.ok) throw new Error(result.problems.join('\n'));
    const manifest = JSON.parse((await unzip(result.file)).get('manifest.json')!.toString('utf8')) as Manifest;
    // Straight through the package's validator, with the schema file it ships: no network, no code of ours.
    const schema = JSON.parse(readFileSync(MANIFEST_SCHEMA, 'utf8'));
    expect(await AppManifestUtils.validateAgainstSchema(manifest as unknown as TeamsManifest, schema)).toEqual([]);
    expect(manifest).toMatchObject({
      manifestVersion: '1.30',
      version: '1.2.3',
      id: APP_ID,
      developer: { name: 'Relais', privacyUrl: `${PUBLIC_URL}/privacy`, termsOfUseUrl: `${PUBLIC_URL}/terms` },
      localizationInfo: { defaultLanguageTag: 'fr-FR', additionalLanguages: [{ languageTag: 'en', file: 'en.json' }] },
      bots: [{ botId: APP_ID, supportsFiles: false, scopes: ['personal', 'team', 'groupChat'] }],
      validDomains: ['relais.example.org'],
    });
    expect(manifest.description.full).toMatch(/15.*17.*18.*112/s);
    const titles = manifest.bots[0]!.commandLists[0]!.commands.map((command) => command.title);
    expect(titles).toEqual(['aide', 'qui appeler', 'règle', 'fiche', 'quiz']);
  });

  it('validates en.json against the bundled localisation schema, whose broken pattern is repaired', async () => {
    const en = JSON.parse(readFileSync(join(TEAMS, 'en.json'), 'utf8'));
    expect(await validateDocument(en, 'localization', '1.30', 'en.json')).toEqual([]);
    expect(await validateDocument({ ...en, 'name.short': 'R'.repeat(31) }, 'localization', '1.30', 'en.json')).toEqual([
      'en.json at ["name.short"]: must NOT have more than 30 characters',
    ]);
    // Keys only allowed by the two patterns that needed the repair still match them.
    const activity = { ...en, 'activities.activityTypes[3].description': 'x' };
    expect(await validateDocument(activity, 'localization', '1.30', 'en.json')).toEqual([]);
  });

  it('takes TEAMS_APP_ID as the app id when given, and keeps the bot id for the bot', async () => {
    const result = await buildTeamsPackage(options({ teamsAppId: OTHER_ID }));
    if (!result.ok) throw new Error(result.problems.join('\n'));
    expect(result.manifest).toMatchObject({ id: OTHER_ID, bots: [{ botId: APP_ID }] });
  });

  it.each([
    [undefined, /^MicrosoftAppId: missing: set it to the Microsoft App ID of the Azure Bot \(a GUID\)/],
    ['  ', /^MicrosoftAppId: missing/],
    ['relais-bot', /^MicrosoftAppId: "relais-bot" is not a GUID/],
    [`${APP_ID}0`, /^MicrosoftAppId: ".*" is not a GUID/],
  ])('refuses the app id %p and writes nothing', async (appId, message) => {
    const settings = options({ appId });
    const result = await buildTeamsPackage(settings);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems).toHaveLength(1);
    expect(result.problems[0]).toMatch(message);
    expect(existsSync(settings.out)).toBe(false);
  });

  it.each([
    [undefined, 'PUBLIC_URL: missing'],
    ['relais.example.org', 'is not a URL'],
    ['http://relais.example.org', 'must start with https://'],
    ['https://relais.example.org/relais', 'must be https://host[:port] with no path'],
    ['https://user:secret@relais.example.org', 'must not hold a user name or password'],
  ])('refuses PUBLIC_URL %p', async (publicUrl, message) => {
    const result = await buildTeamsPackage(options({ publicUrl }));
    expect(result.ok ? [] : result.problems.join('\n')).toContain(message);
  });

  it('refuses an app version Teams cannot compare', async () => {
    const result = await buildTeamsPackage(options({ appVersion: '1.0.0-beta.1' }));
    expect(result.ok ? [] : result.problems).toEqual([
      'package.json version: "1.0.0-beta.1" is not MAJOR.MINOR.PATCH, which Teams needs to compare versions',
    ]);
  });

  it('keeps a port of PUBLIC_URL in the host', async () => {
    const result = await buildTeamsPackage(options({ publicUrl: 'https://relais.example.org:8443/' }));
    expect(result.ok && result.manifest.validDomains).toEqual(['relais.example.org:8443']);
  });

  it('refuses a manifest that breaks the schema, naming the field, and writes nothing', async () => {
    const broken = template();
    broken.name.short = 'Relais, médiation sociale et civilité';
    broken.accentColor = 'teal';
    const settings = options({ template: broken });
    const result = await buildTeamsPackage(settings);
    expect(result.ok ? [] : result.problems).toEqual([
      'manifest.json at name.short: must NOT have more than 30 characters',
      'manifest.json at accentColor: must match pattern "^#[0-9a-fA-F]{6}$"',
    ]);
    expect(existsSync(settings.out)).toBe(false);
  });

  it('refuses a placeholder it has no value for', async () => {
    const broken = template();
    broken.developer.websiteUrl = 'https://${{SUPPORT_HOST}}/aide';
    const result = await buildTeamsPackage(options({ template: broken }));
    expect(result.ok ? [] : result.problems).toContain(
      'manifest.json at developer.websiteUrl: unknown placeholder ${{SUPPORT_HOST}}',
    );
  });

  it('refuses an outline icon of the wrong size', async () => {
    const dir = tempDir();
    cpSync(TEAMS, dir, { recursive: true });
    cpSync(join(TEAMS, 'color.png'), join(dir, 'outline.png'));
    const result = await buildTeamsPackage(options({ templateDir: dir }));
    expect(result.ok ? [] : result.problems).toEqual(['outline.png: 192×192 pixels, Teams needs 32×32']);
  });

  it('refuses an icon that is missing or not a PNG', async () => {
    const dir = tempDir();
    cpSync(TEAMS, dir, { recursive: true });
    writeFileSync(join(dir, 'color.png'), '<svg/>');
    rmSync(join(dir, 'en.json'));
    const result = await buildTeamsPackage(options({ templateDir: dir }));
    expect(result.ok ? [] : result.problems).toEqual([
      'color.png: not a PNG file (bad signature)',
      `manifest.json at localizationInfo.additionalLanguages[0].file: en.json is not in ${dir}`,
    ]);
  });
});

describe('checkIcon', () => {
  it('accepts the committed icons', () => {
    expect(checkIcon('color.png', readFileSync(join(TEAMS, 'color.png')), 192, false)).toEqual([]);
    expect(checkIcon('outline.png', readFileSync(join(TEAMS, 'outline.png')), 32, true)).toEqual([]);
  });

  it.each([0, 1, 2])('reads the pixels of an outline written with row filter %i', (filter) => {
    expect(checkIcon('o.png', png(32, 32, ring, 6, filter), 32, true)).toEqual([]);
    const dotted = (x: number, y: number): Rgba => (x === 20 && y === 9 ? [200, 30, 30, 255] : ring(x, y));
    expect(checkIcon('o.png', png(32, 32, dotted, 6, filter), 32, true)).toEqual([
      'o.png: 1 pixel(s) neither white nor transparent (first at x=20, y=9: 200,30,30,255)',
    ]);
  });

  it('refuses an outline without transparency, and a colour icon of the wrong size', () => {
    expect(
      checkIcon(
        'o.png',
        png(32, 32, () => WHITE, 2),
        32,
        true,
      ),
    ).toEqual(['o.png: has no alpha channel: the outline icon must be white on a transparent background']);
    expect(
      checkIcon(
        'c.png',
        png(190, 192, () => WHITE, 2),
        192,
        false,
      ),
    ).toEqual(['c.png: 190×192 pixels, Teams needs 192×192']);
    expect(
      checkIcon(
        'c.png',
        png(192, 191, () => WHITE, 2),
        192,
        false,
      ),
    ).toEqual(['c.png: 192×191 pixels, Teams needs 192×192']);
  });
});

describe('runTeamsPackage', () => {
  function run(argv: string[], env: NodeJS.ProcessEnv) {
    const stdout: string[] = [];
    const stderr: string[] = [];
    const cwd = tempDir();
    const code = runTeamsPackage(argv, {
      rootDir: ROOT,
      cwd,
      env,
      stdout: (line) => stdout.push(line),
      stderr: (line) => stderr.push(line),
    });
    return code.then((exit) => ({ exit, stdout: stdout.join('\n'), stderr: stderr.join('\n'), cwd }));
  }

  it('lets --app-id and --public-url win over the environment and --out be relative to the cwd', async () => {
    const env = { MicrosoftAppId: 'not-a-guid', PUBLIC_URL: 'http://localhost:3978' };
    const { exit, stdout, stderr, cwd } = await run(
      ['--app-id', APP_ID, '--public-url', PUBLIC_URL, '--out', 'pkg/relais.zip'],
      env,
    );
    expect({ exit, stderr }).toEqual({ exit: 0, stderr: '' });
    expect(stdout).toContain(`teams package: wrote ${join('pkg', 'relais.zip')}`);
    expect(stdout).toMatch(
      /^ {2}manifest\.json +manifest v1\.30, app \d+\.\d+\.\d+, id 0b7c2f1e-.*domain relais\.example\.org$/m,
    );
    expect(stdout).toMatch(/^ {2}outline\.png +32×32$/m);
    expect(existsSync(join(cwd, 'pkg', 'relais.zip'))).toBe(true);
  });

  it('prints one problem per line and exits 1', async () => {
    const { exit, stdout, stderr } = await run(['--out', 'x.zip'], { PUBLIC_URL: 'http://relais.example.org' });
    expect(exit).toBe(1);
    expect(stdout).toBe('');
    expect(stderr.split('\n')).toEqual([
      expect.stringMatching(/^MicrosoftAppId: missing/),
      expect.stringMatching(/^PUBLIC_URL: "http:\/\/relais\.example\.org" must start with https:\/\//),
      'teams package: 2 problem(s), nothing written',
    ]);
  });

  it('exits 2 with the usage on an unknown flag', async () => {
    const { exit, stderr } = await run(['--app', APP_ID], {});
    expect(exit).toBe(2);
    expect(stderr).toContain('usage: npm run teams:package');
  });
});
