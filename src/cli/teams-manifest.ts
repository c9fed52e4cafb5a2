/**
 * The Teams app manifest of Relais: teams/manifest.json (and its language files) is a template with placeholders in
 * the Teams Toolkit style, `${{NAME}}`. This module turns the deployment settings into placeholder values, fills the
 * template and validates the result against the JSON schema bundled in @microsoft/app-manifest. The schema file is
 * read from the package and handed to the package's own validator, so the `$schema` URL is never fetched.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { AppManifestUtils } from '@microsoft/app-manifest';

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const PLACEHOLDER = /\$\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g;
/** Teams compares app versions as MAJOR.MINOR.PATCH numbers: pre-release tags are not accepted. */
const APP_VERSION = /^(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)$/;

export const SCHEMA_FILES = {
  manifest: 'MicrosoftTeams.schema.json',
  localization: 'MicrosoftTeams.Localization.schema.json',
} as const;
export type SchemaKind = keyof typeof SCHEMA_FILES;

/** What the deployer gives: flags win over the environment. */
export interface TeamsSettings {
  /** MicrosoftAppId of the Azure Bot registration. */
  appId?: string;
  /** PUBLIC_URL: where users reach Relais. */
  publicUrl?: string;
  /** TEAMS_APP_ID: the id of the app in the Teams catalogue. */
  teamsAppId?: string;
  /** The app version shown in Teams (package.json's version). */
  appVersion: string;
}

export type PlaceholderValues = Readonly<Record<string, string>>;

/** The placeholder values, or one problem line per bad setting. */
export function placeholderValues(settings: TeamsSettings): { values: PlaceholderValues } | { problems: string[] } {
  const problems: string[] = [];
  const appId = settings.appId?.trim();
  if (!appId)
    problems.push(
      'MicrosoftAppId: missing: set it to the Microsoft App ID of the Azure Bot (a GUID), or pass --app-id',
    );
  else if (!GUID.test(appId))
    problems.push(
      `MicrosoftAppId: "${appId}" is not a GUID (8-4-4-4-12 hexadecimal digits, as the Azure portal shows it)`,
    );
  const teamsAppId = settings.teamsAppId?.trim();
  if (teamsAppId && !GUID.test(teamsAppId)) problems.push(`TEAMS_APP_ID: "${teamsAppId}" is not a GUID`);
  const host = publicHost(settings.publicUrl?.trim(), problems);
  if (!APP_VERSION.test(settings.appVersion))
    problems.push(
      `package.json version: "${settings.appVersion}" is not MAJOR.MINOR.PATCH, which Teams needs to compare versions`,
    );
  if (problems.length > 0 || !appId || !host) return { problems };
  return {
    values: {
      MICROSOFT_APP_ID: appId,
      // The catalogue id defaults to the bot's app id: it stays the same from one build to the next as long as the
      // bot registration does (Teams needs that to see a new package as an update), there is nothing more to keep,
      // and a new registration is a new bot, so a new app is right. TEAMS_APP_ID separates them when needed (two
      // packages for one bot, or a catalogue id that must survive a new registration).
      TEAMS_APP_ID: teamsAppId || appId,
      PUBLIC_HOSTNAME: host,
      APP_VERSION: settings.appVersion,
    },
  };
}

/**
 * The host (and port, if not 443) of PUBLIC_URL. The manifest builds every link on `https://${{PUBLIC_HOSTNAME}}/`,
 * so a path, query or fragment would be lost: they are refused rather than dropped.
 */
function publicHost(publicUrl: string | undefined, problems: string[]): string | undefined {
  if (!publicUrl) {
    problems.push('PUBLIC_URL: missing: set it to the https address users reach Relais at, or pass --public-url');
    return undefined;
  }
  let url: URL;
  try {
    url = new URL(publicUrl);
  } catch {
    problems.push(`PUBLIC_URL: "${publicUrl}" is not a URL`);
    return undefined;
  }
  const before = problems.length;
  if (url.protocol !== 'https:')
    problems.push(`PUBLIC_URL: "${publicUrl}" must start with https:// (Teams needs https)`);
  if (url.username || url.password) problems.push('PUBLIC_URL: must not hold a user name or password');
  if (url.pathname !== '/' || url.search || url.hash)
    problems.push(
      `PUBLIC_URL: "${publicUrl}" must be https://host[:port] with no path, query or fragment ` +
        '(the manifest links are built on the host)',
    );
  return problems.length === before ? url.host : undefined;
}

/**
 * Replaces every `${{NAME}}` in the string values of a JSON document. `file` names the document in the problems, each
 * of which gives the field holding a placeholder that has no value.
 */
export function fillPlaceholders(
  document: unknown,
  values: PlaceholderValues,
  file: string,
): { document: unknown; problems: string[] } {
  const problems: string[] = [];
  const fill = (value: unknown, path: (string | number)[]): unknown => {
    if (typeof value === 'string')
      return value.replace(PLACEHOLDER, (whole, name: string) => {
        const replacement = values[name];
        if (replacement !== undefined) return replacement;
        problems.push(`${file} at ${fieldPath(path)}: unknown placeholder ${whole}`);
        return whole;
      });
    if (Array.isArray(value)) return value.map((item, index) => fill(item, [...path, index]));
    if (value !== null && typeof value === 'object')
      return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, fill(item, [...path, key])]));
    return value;
  };
  return { document: fill(document, []), problems };
}

/** `bots[0].commandLists[1].title`; keys that are not identifiers are quoted: `["name.short"]`. */
export function fieldPath(path: readonly (string | number)[]): string {
  if (path.length === 0) return '(root)';
  return path
    .map((part, index) => {
      if (typeof part === 'number' || /^[0-9]+$/.test(part)) return `[${part}]`;
      if (/^[A-Za-z_$][A-Za-z0-9_$]*$/.test(part)) return index === 0 ? part : `.${part}`;
      return `[${JSON.stringify(part)}]`;
    })
    .join('');
}

/** The folder of @microsoft/app-manifest's bundled Teams schemas for one manifest version, if it has it. */
export function bundledSchemaDir(manifestVersion: string): string | undefined {
  const root = dirname(require.resolve('@microsoft/app-manifest/package.json'));
  const dir = join(root, 'build', 'json-schemas', 'teams', `v${manifestVersion}`);
  return existsSync(join(dir, SCHEMA_FILES.manifest)) ? dir : undefined;
}

type ValidatedDocument = Parameters<typeof AppManifestUtils.validateAgainstSchema>[0];
type ValidationSchema = NonNullable<Parameters<typeof AppManifestUtils.validateAgainstSchema>[1]>;

/**
 * Validates a filled manifest (or language file) against the bundled schema of `manifestVersion`: one problem line
 * per schema error, `file at field: message`.
 */
export async function validateDocument(
  document: unknown,
  kind: SchemaKind,
  manifestVersion: string,
  file: string,
): Promise<string[]> {
  const dir = bundledSchemaDir(manifestVersion);
  if (!dir) return [`${file}: no schema for manifest version "${manifestVersion}" in @microsoft/app-manifest`];
  const schema = repairPatterns(JSON.parse(readFileSync(join(dir, SCHEMA_FILES[kind]), 'utf8'))) as ValidationSchema;
  const errors = await AppManifestUtils.validateAgainstSchema(document as ValidatedDocument, schema);
  return [...new Set(errors.map((error) => `${file} at ${schemaErrorLine(error)}`))];
}

/**
 * The bundled language-file schemas from v1.8 to v1.30 hold two property patterns with an unescaped "]"
 * (`…\b]\.description$`, reported in MicrosoftDocs/msteams-docs#8858). Without the `u` flag a lone "]" is a literal "]", but
 * ajv compiles patterns with `u` and throws. Escaping the lone "]" keeps the meaning the authors wrote and lets ajv
 * compile the schema; any other pattern is left as it is.
 */
function repairPatterns(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(repairPatterns);
  if (node === null || typeof node !== 'object') return node;
  return Object.fromEntries(
    Object.entries(node).map(([key, value]) => {
      if (key === 'pattern' && typeof value === 'string') return [key, repairPattern(value)];
      if (key === 'patternProperties' && value !== null && typeof value === 'object')
        return [
          key,
          Object.fromEntries(
            Object.entries(value as Record<string, unknown>).map(([pattern, sub]) => [
              repairPattern(pattern),
              repairPatterns(sub),
            ]),
          ),
        ];
      return [key, repairPatterns(value)];
    }),
  );
}

function repairPattern(pattern: string): string {
  if (compilesAsUnicode(pattern)) return pattern;
  let out = '';
  let inClass = false;
  for (let i = 0; i < pattern.length; i++) {
    const char = pattern[i];
    if (char === '\\') {
      out += pattern.slice(i, i + 2);
      i++;
    } else if (char === '[' && !inClass) {
      inClass = true;
      out += char;
    } else if (char === ']') {
      out += inClass ? char : '\\]';
      inClass = false;
    } else out += char;
  }
  return compilesAsUnicode(out) ? out : pattern;
}

function compilesAsUnicode(pattern: string): boolean {
  try {
    new RegExp(pattern, 'u');
    return true;
  } catch {
    return false;
  }
}

/**
 * The package reports each error as "<instancePath> <message>. Details: <params as JSON>"; this gives
 * "field: message", with the offending property or the allowed values when the message leaves them out.
 */
function schemaErrorLine(error: string): string {
  const match = /^(\S*) (.*?)\. Details: (.*)$/s.exec(error);
  if (!match) return `(root): ${error}`;
  const [, pointer = '', message = '', details = ''] = match;
  const path = pointer
    .split('/')
    .slice(1)
    .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'));
  let extra = '';
  try {
    const params = JSON.parse(details) as { additionalProperty?: unknown; allowedValues?: unknown };
    if (typeof params.additionalProperty === 'string') extra = ` (${params.additionalProperty})`;
    else if (Array.isArray(params.allowedValues)) extra = ` (${params.allowedValues.map(String).join(', ')})`;
  } catch {
    // details are only a help
  }
  return `${fieldPath(path)}: ${message}${extra}`;
}
