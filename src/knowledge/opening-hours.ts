import OpeningHours from 'opening_hours';
import type { nominatim_object, opening_hours_warning_type } from 'opening_hours';

/**
 * Whether a place is open at a given moment, read from an OSM opening_hours string (the `horaires_accueil` of
 * data·inclusion). Plain data only: the sentences shown to users live in content and are built by the dialogs.
 *
 * - `open.closesAt`: when the current open stretch ends (the place becomes closed, or its state unknown).
 * - `closed.opensAt`: the next moment the place is open.
 * - `closed.publicHoliday`: `now` falls on a public holiday of the region.
 * - `comment`: the author's quoted comment of the rule in force (`"sur rendez-vous"`).
 *
 * Times further than {@link OPENING_HORIZON_DAYS} days away are omitted. `unknown` covers an unparsable string, an
 * `unknown` rule and a rule with only a comment (the opening_hours meaning of `Mo-Fr 09:00-12:00 "sur rendez-vous"`).
 */
export type OpeningState =
  | { state: 'open'; closesAt?: Date; comment?: string }
  | { state: 'closed'; opensAt?: Date; publicHoliday?: true; comment?: string }
  | { state: 'unknown'; comment?: string };

export interface OpeningHoursOptions {
  /**
   * The opening_hours library's name for the French holiday region: a region ('Île-de-France', 'Grand Est') or a
   * département with its own public holidays ('Moselle', 'Bas-Rhin', 'Haut-Rhin', overseas ones such as
   * 'La Réunion'). School holidays (`SH`) are only known for regions. Default 'Île-de-France'.
   */
  region?: string;
}

/** How far ahead `closesAt` and `opensAt` are looked for. */
export const OPENING_HORIZON_DAYS = 8;

const DEFAULT_REGION = 'Île-de-France';
const DAY_MS = 24 * 60 * 60 * 1000;
/** Bound on the state changes walked within the horizon (a week of rules has a few dozen at most). */
const MAX_CHANGES = 500;
const CACHE_SIZE = 500;
/** A week without French public holidays, used to evaluate a string independently of today's date. */
const REFERENCE_MONDAY: [number, number, number] = [2027, 0, 4];
const WEEKDAYS = ['Mo', 'Tu', 'We', 'Th', 'Fr', 'Sa', 'Su'];
/** Warnings that mean the library corrected the value to read it. */
const GUESSES = new Set<opening_hours_warning_type>([
  'word_error_correction',
  'ambiguous_word',
  'hour_min_separator',
  'without_minutes',
]);

/** The parsed object, or the parse error as a sentence. */
type Parsed = OpeningHours | { error: string };
const cache = new Map<string, Parsed>();

/** The state at `now`, never throwing: a string that cannot be parsed or evaluated gives `{ state: 'unknown' }`. */
export function openingState(horaires: string, now: Date, options: OpeningHoursOptions = {}): OpeningState {
  const parsed = parse(horaires, options.region ?? DEFAULT_REGION);
  if (!(parsed instanceof OpeningHours) || Number.isNaN(now.getTime())) return { state: 'unknown' };
  try {
    return evaluate(parsed, horaires, now);
  } catch {
    // The library throws while evaluating, e.g. school holidays (SH) of a year or region it has no data for.
    return { state: 'unknown' };
  }
}

/**
 * Why `horaires` is not a usable opening_hours value (a short English sentence, for content validation), or
 * undefined when it is. Besides syntax: the library must not have had to guess (it reads "lundi 9h-12h" as
 * "Mo 09:00-12:00" near France, other tools may not), and the value must evaluate over a reference week.
 */
export function openingHoursProblem(horaires: string, options: OpeningHoursOptions = {}): string | undefined {
  const parsed = parse(horaires, options.region ?? DEFAULT_REGION);
  if (!(parsed instanceof OpeningHours)) return `not valid opening_hours syntax: ${parsed.error}`;
  try {
    const guess = parsed.getStructuredWarnings().find((warning) => GUESSES.has(warning.type));
    if (guess)
      return `not canonical opening_hours syntax: ${firstSentence(guess.message)} Write "${parsed.prettifyValue()}"`;
    parsed.getOpenIntervals(referenceDay(0), referenceDay(7));
  } catch (error) {
    return `cannot be evaluated: ${describe(error)}`;
  }
  return undefined;
}

/**
 * Non-blocking remarks on a valid value: the library's warnings (first sentence of each) and rules that a later
 * rule silently replaces (`Mo-Fr 08:30-12:00; Mo 13:30-17:00` is closed on Monday mornings: a rule after ";"
 * replaces earlier ones on its days, "," adds to them). Empty for an invalid value (see {@link openingHoursProblem}).
 */
export function openingHoursWarnings(horaires: string, options: OpeningHoursOptions = {}): string[] {
  const region = options.region ?? DEFAULT_REGION;
  const parsed = parse(horaires, region);
  if (!(parsed instanceof OpeningHours)) return [];
  try {
    const library = parsed.getStructuredWarnings().map((warning) => firstSentence(warning.message));
    return [...library, ...replacedRules(parsed, region)];
  } catch (error) {
    return [`cannot be evaluated: ${describe(error)}`];
  }
}

function evaluate(hours: OpeningHours, horaires: string, now: Date): OpeningState {
  const iterator = hours.getIterator(now);
  const limit = new Date(now.getTime() + OPENING_HORIZON_DAYS * DAY_MS);
  const comment = authorComment(horaires, iterator.getComment());
  const extra = comment === undefined ? {} : { comment };
  // The iterator's getState/getUnknown/getStateString take no date, whatever the type declarations say.
  if (iterator.getUnknown()) return { state: 'unknown', ...extra };

  /** The first state change within the horizon that satisfies `stop`. */
  const nextChange = (stop: (open: boolean) => boolean): Date | undefined => {
    for (let changes = 0; changes < MAX_CHANGES && iterator.advance(limit); changes++) {
      if (stop(iterator.getState())) return new Date(iterator.getDate().getTime());
    }
    return undefined;
  };

  if (iterator.getState()) {
    const closesAt = nextChange((open) => !open);
    return { state: 'open', ...(closesAt && { closesAt }), ...extra };
  }
  const publicHoliday = hours.getPublicHolidayContext(now).isHoliday;
  const opensAt = nextChange((open) => open);
  return { state: 'closed', ...(opensAt && { opensAt }), ...(publicHoliday && { publicHoliday }), ...extra };
}

/**
 * The comment of the rule in force if the author wrote it. The library also reports the name of a public holiday
 * ("Noël") as the comment of a `PH` rule; that is not the author's and, in French only, not for users.
 */
function authorComment(horaires: string, comment: string | undefined): string | undefined {
  if (!comment || !horaires.includes(`"${comment}"`)) return undefined;
  return comment;
}

/** Rules whose open hours never survive on some day of the reference week because a later rule replaces them. */
function replacedRules(hours: OpeningHours, region: string): string[] {
  const days = Array.from({ length: 7 }, (_, day) => ({
    day,
    open: openIntervals(hours, day),
  })).filter(({ open }) => open.length > 0); // a later "off" rule closing a whole day is deliberate
  const warnings: string[] = [];
  // prettifyValue gives one rule per index, then "" past the last one.
  for (let index = 0; index < 50; index++) {
    const rule = hours.prettifyValue({ rule_index: index });
    if (!rule) break;
    const alone = parse(rule, region);
    if (!(alone instanceof OpeningHours)) continue;
    const hidden = days
      .filter(({ day, open }) => {
        const own = openIntervals(alone, day);
        return own.length > 0 && !own.some(([from, to]) => open.some(([start, end]) => from < end && start < to));
      })
      .map(({ day }) => WEEKDAYS[day]);
    if (hidden.length > 0)
      warnings.push(
        `rule "${rule}" never applies on ${hidden.join(', ')}: a later rule after ";" replaces it on those days (use "," to add hours)`,
      );
  }
  return warnings;
}

/** Open (not unknown) intervals of a day of the reference week, in milliseconds. */
function openIntervals(hours: OpeningHours, day: number): [number, number][] {
  return hours
    .getOpenIntervals(referenceDay(day), referenceDay(day + 1))
    .filter(([, , unknown]) => !unknown)
    .map(([from, to]) => [from.getTime(), to.getTime()]);
}

function referenceDay(offset: number): Date {
  const [year, month, day] = REFERENCE_MONDAY;
  return new Date(year, month, day + offset);
}

function parse(horaires: string, region: string): Parsed {
  const key = `${region}\n${horaires}`;
  const cached = cache.get(key);
  if (cached !== undefined) {
    cache.delete(key); // most recently used last
    cache.set(key, cached);
    return cached;
  }
  let parsed: Parsed;
  try {
    parsed = new OpeningHours(horaires, place(region), { ...PARSER_OPTIONS });
  } catch (error) {
    parsed = { error: describe(error) };
  }
  if (cache.size >= CACHE_SIZE) {
    const oldest = cache.keys().next();
    if (!oldest.done) cache.delete(oldest.value);
  }
  cache.set(key, parsed);
  return parsed;
}

/** Time ranges (not points in time), messages in English. */
const PARSER_OPTIONS = {
  mode: 0,
  tag_key: undefined,
  map_value: undefined,
  warnings_severity: undefined,
  locale: 'en',
};

function place(region: string): nominatim_object {
  // The library uses lat/lon (for sunrise and sunset) only when they are strings, although its types say numbers.
  const paris = { lat: '48.85', lon: '2.35' } as unknown as Pick<nominatim_object, 'lat' | 'lon'>;
  return { ...paris, address: { country_code: 'fr', state: region } };
}

/**
 * The library throws strings: "<value up to the error> <--- (<message>)", then its warnings. Keep the error only,
 * on one line.
 */
function describe(error: unknown): string {
  const text = (error instanceof Error ? error.message : String(error)).replace(/\s+/g, ' ').trim();
  const first = /^.*?<--- \(.*?\)(?= |$)/.exec(text)?.[0] ?? text;
  return first.length > 300 ? `${first.slice(0, 297)}...` : first;
}

function firstSentence(message: string): string {
  const text = message.replace(/\s+/g, ' ').trim();
  return /^.*?[.!?](?=\s|$)/.exec(text)?.[0] ?? text;
}
