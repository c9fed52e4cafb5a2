import { join, resolve } from 'node:path';
import type { ContentError } from '../../src/content';
import { brokenKnowledgeCopy, orientationError } from '../helpers';
import {
  loadOrientation,
  openingHoursProblem,
  openingHoursWarnings,
  openingState,
  Structure,
  type Orientation,
} from '../../src/knowledge';

// opening_hours reads Dates in the process's local time zone: these tests need TZ=Europe/Paris (as `npm test` sets).
const at = (iso: string) => new Date(iso);

/** A CCAS: closed at lunch, on Saturday afternoons, Sundays and public holidays. */
const CCAS = 'Mo-Fr 08:30-12:00,13:30-17:00; Sa 09:00-12:00; PH off';
const WEEKDAYS_ONLY = 'Mo-Fr 08:30-12:00,13:30-17:00; PH off';
/** A night outreach team (maraude), with no public holiday rule: it goes out on public holidays too. */
const MARAUDE = 'Mo,We,Fr 19:30-23:30; Sa 19:00-23:00';

describe('openingState', () => {
  it('runs in the Europe/Paris time zone', () => {
    expect({
      winter: at('2027-01-05T10:00:00Z').getTimezoneOffset(),
      summer: at('2027-07-05T10:00:00Z').getTimezoneOffset(),
    }).toEqual({
      winter: -60,
      summer: -120,
    });
  });

  it('is open on a weekday morning, until the lunch break', () => {
    expect(openingState(CCAS, at('2027-01-05T10:00:00+01:00'))).toStrictEqual({
      state: 'open',
      closesAt: at('2027-01-05T12:00:00+01:00'),
    });
  });

  it('is closed at lunch and says when it opens again', () => {
    expect(openingState(CCAS, at('2027-01-05T12:30:00+01:00'))).toStrictEqual({
      state: 'closed',
      opensAt: at('2027-01-05T13:30:00+01:00'),
    });
  });

  it('is closed on Sunday and opens on Monday morning', () => {
    expect(openingState(CCAS, at('2027-01-10T11:00:00+01:00'))).toStrictEqual({
      state: 'closed',
      opensAt: at('2027-01-11T08:30:00+01:00'),
    });
  });

  it.each([
    ['Christmas on a Friday', '2026-12-25T10:00:00+01:00', '2026-12-26T09:00:00+01:00'],
    ['Labour Day on a Saturday', '2027-05-01T10:00:00+02:00', '2027-05-03T08:30:00+02:00'],
    ['Bastille Day on a Wednesday', '2027-07-14T10:00:00+02:00', '2027-07-15T08:30:00+02:00'],
  ])('is closed on a French public holday (%s) and opens the next working day', (_name, now, opensAt) => {
    // No comment: the library's own comment on a holiday ("Noël") is not the author's.
    expect(openingState(CCAS, at(now))).toStrictEqual({ state: 'closed', opensAt: at(opensAt), publicHoliday: true });
  });

  it('skips a public holiday that follows a weekend', () => {
    // Friday evening before All Saints' Day (Monday 1 November 2027), across the end of summer time on the 31st.
    expect(openingState(WEEKDAYS_ONLY, at('2027-10-29T17:30:00+02:00'))).toStrictEqual({
      state: 'closed',
      opensAt: at('2027-11-02T08:30:00+01:00'),
    });
  });

  it('follows the holidays of the region when one is given', () => {
    // Good Friday is a public holiday in Alsace-Moselle only.
    const goodFriday = at('2027-03-26T10:00:00+01:00');
    expect(openingState(WEEKDAYS_ONLY, goodFriday)).toMatchObject({ state: 'open' });
    expect(openingState(WEEKDAYS_ONLY, goodFriday, { region: 'Moselle' })).toMatchObject({
      state: 'closed',
      publicHoliday: true,
    });
  });

  it('is open with no closing time for 24/7', () => {
    expect(openingState('24/7', at('2027-01-05T03:00:00+01:00'))).toStrictEqual({ state: 'open' });
  });

  it('omits the next opening when it is more than eight days away', () => {
    expect(openingState('off', at('2027-01-05T10:00:00+01:00'))).toStrictEqual({ state: 'closed' });
    expect(openingState('Dec 24 09:00-12:00', at('2027-01-05T10:00:00+01:00'))).toStrictEqual({ state: 'closed' });
    expect(openingState('Tu 09:00-12:00', at('2027-01-05T13:00:00+01:00'))).toStrictEqual({
      state: 'closed',
      opensAt: at('2027-01-12T09:00:00+01:00'),
    });
  });

  it.each(['garbage', '', '   ', 'Mo-Fr 9h-12h bof', 'du lundi au vendredi de 9h à 12h', 'Mo-Fr 24:00-26:00'])(
    'answers unknown for an unparsable string, without throwing: %j',
    (horaires) => {
      expect(openingState(horaires, at('2027-01-05T10:00:00+01:00'))).toStrictEqual({ state: 'unknown' });
    },
  );

  it('answers unknown for an invalid date, or when the library cannot evaluate the string', () => {
    expect(openingState(CCAS, new Date(Number.NaN))).toStrictEqual({ state: 'unknown' });
    // The library has no school holidays (SH) for this region and throws (and logs to console.error).
    const error = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      expect(
        openingState('Mo-Fr 09:00-12:00; SH off', at('2027-01-05T10:00:00+01:00'), { region: 'Moselle' }),
      ).toStrictEqual({
        state: 'unknown',
      });
    } finally {
      error.mockRestore();
    }
  });

  it('reads a comment-only rule as unknown, with its comment', () => {
    const byAppointment = 'Mo-Fr 09:00-12:00 "sur rendez-vous"; PH off';
    expect(openingState(byAppointment, at('2027-01-04T10:00:00+01:00'))).toStrictEqual({
      state: 'unknown',
      comment: 'sur rendez-vous',
    });
    // Outside the rule the place is closed; no "open" time is ahead, only more appointment slots.
    expect(openingState(byAppointment, at('2027-01-04T14:00:00+01:00'))).toStrictEqual({ state: 'closed' });
  });

  it('keeps the comment of an open or closed rule', () => {
    expect(openingState('Mo-Fr 09:00-12:00 open "sur rendez-vous"', at('2027-01-04T10:00:00+01:00'))).toStrictEqual({
      state: 'open',
      closesAt: at('2027-01-04T12:00:00+01:00'),
      comment: 'sur rendez-vous',
    });
    expect(
      openingState('Mo-Fr 09:00-12:00; PH off "fermé les jours fériés"', at('2026-12-25T10:00:00+01:00')),
    ).toStrictEqual({
      state: 'closed',
      opensAt: at('2026-12-28T09:00:00+01:00'),
      publicHoliday: true,
      comment: 'fermé les jours fériés',
    });
  });

  it('reads an "unknown" rule as unknown', () => {
    expect(openingState('Mo-Fr 09:00-17:00; Sa unknown', at('2027-01-09T10:00:00+01:00'))).toStrictEqual({
      state: 'unknown',
    });
  });

  it('reads hours as wall-clock time in Paris, on both sides of the switch to summer time', () => {
    // Friday 26 March 2027 is in winter time (UTC+1), Tuesday 30 March in summer time (UTC+2).
    expect(openingState(WEEKDAYS_ONLY, at('2027-03-26T10:00:00Z'))).toStrictEqual({
      state: 'open',
      closesAt: at('2027-03-26T11:00:00Z'),
    });
    expect(openingState(WEEKDAYS_ONLY, at('2027-03-30T10:00:00Z'))).toStrictEqual({
      state: 'closed',
      opensAt: at('2027-03-30T11:30:00Z'),
    });
    // Saturday 27 March, winter time: summer time starts on Sunday, Easter Monday (29th) is a holiday.
    expect(openingState(CCAS, at('2027-03-27T15:00:00+01:00'))).toStrictEqual({
      state: 'closed',
      opensAt: at('2027-03-30T08:30:00+02:00'),
    });
  });

  it('reads hours as wall-clock time in Paris, on both sides of the switch to winter time', () => {
    // Saturday 30 October 2027 is in summer time; winter time starts on Sunday 31.
    expect(openingState(MARAUDE, at('2027-10-30T22:00:00+02:00'))).toStrictEqual({
      state: 'open',
      closesAt: at('2027-10-30T23:00:00+02:00'),
    });
    // No "PH off": the maraude goes out on All Saints' Day (Monday 1 November), in winter time.
    expect(openingState(MARAUDE, at('2027-10-30T23:30:00+02:00'))).toStrictEqual({
      state: 'closed',
      opensAt: at('2027-11-01T19:30:00+01:00'),
    });
    expect(at('2027-11-01T19:30:00+01:00').toISOString()).toBe('2027-11-01T18:30:00.000Z');
  });

  it('gives the same answer when asked again (the parsed string is cached)', () => {
    const now = at('2027-01-05T10:00:00+01:00');
    expect(openingState(CCAS, now)).toStrictEqual(openingState(CCAS, now));
  });
});

describe('openingHoursProblem and openingHoursWarnings', () => {
  it('accepts valid strings', () => {
    for (const horaires of [
      CCAS,
      MARAUDE,
      '24/7',
      'Mo-Fr 09:00-12:00 "sur rendez-vous"; PH off',
      'Mo-Fr 09:00-17:00; SH off',
    ])
      expect({ horaires, problem: openingHoursProblem(horaires) }).toEqual({ horaires, problem: undefined });
  });

  it('explains in one line why a string does not parse', () => {
    const problem = openingHoursProblem('Mo-Fr 9h-12h bof');
    expect(problem).toBe(
      'not valid opening_hours syntax: Mo-Fr 9h-12h bo <--- (Unexpected token: "b" This means that the syntax is not valid at that point or it is currently not supported.)',
    );
    expect(problem).not.toMatch(/\n/);
    expect(openingHoursProblem('')).toMatch(/nothing meaningful/);
  });

  it('refuses a string the library reads only by guessing, and gives the canonical form', () => {
    expect(openingHoursProblem('lundi 9h-12h')).toBe(
      'not canonical opening_hours syntax: Please use the English abbreviation "Mo" for "lundi". Write "Mo 09:00-12:00"',
    );
    expect(openingHoursProblem('Mo-Fr 9-12; PH off')).toMatch(/Write "Mo-Fr 09:00-12:00; PH off"$/);
    expect(openingState('lundi 9h-12h', at('2027-01-04T10:00:00+01:00'))).toMatchObject({ state: 'open' });
  });

  it('refuses a string the library cannot evaluate', () => {
    // No school holidays (SH) are known for Moselle, only for regions.
    const error = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      expect(openingHoursProblem('Mo-Fr 09:00-17:00; SH off', { region: 'Moselle' })).toMatch(
        /no holidays \(SH\) defined .* Moselle/,
      );
    } finally {
      error.mockRestore();
    }
  });

  it('reports a rule that a later rule silently replaces', () => {
    expect(openingHoursWarnings('Mo-Fr 08:30-12:00; Mo,Tu,Th 13:30-17:00; PH off')).toEqual([
      expect.stringMatching(/"Mo-Fr 08:30-12:00" never applies on Mo, Tu, Th: a later rule after ";" replaces it/),
    ]);
    expect(openingHoursWarnings('Mo-Fr 08:30-12:00, Mo,Tu,Th 13:30-17:00; PH off')).toEqual([]);
    expect(openingHoursWarnings('Mo-Fr 09:00-17:00; We 09:00-12:00; PH off')).toEqual([]);
    expect(openingHoursWarnings('Mo-Fr 09:00-17:00; Sa,Su off; PH off')).toEqual([]);
  });

  it("passes on the library's warnings, shortened", () => {
    expect(openingHoursWarnings('Lu-Ve 09:00-12:00; PH off')).toEqual([
      'Please use the English abbreviation "Mo" for "lu".',
      'Please use the English abbreviation "Fr" for "ve".',
    ]);
    expect(openingHoursWarnings('garbage')).toEqual([]);
  });
});

describe('horaires_accueil in the directory', () => {
  const ROOT = resolve(__dirname, '../..');
  const FILE = 'knowledge/directory/demo-territory.yaml';
  let cached: Orientation | undefined;
  const orientation = () => (cached ??= loadOrientation(join(ROOT, 'knowledge'), ROOT));

  const loadError = (edit: (text: string) => string): ContentError =>
    orientationError(brokenKnowledgeCopy('directory/demo-territory.yaml', edit));

  it('parses every string of the demo territory, with no warning', () => {
    const { structures, services } = orientation().directory;
    const all = [...structures, ...services].flatMap((entry) =>
      entry.horaires_accueil ? [entry.horaires_accueil] : [],
    );
    expect(all.length).toBeGreaterThan(40);
    for (const horaires of all) {
      expect({ horaires, problem: openingHoursProblem(horaires), warnings: openingHoursWarnings(horaires) }).toEqual({
        horaires,
        problem: undefined,
        warnings: [],
      });
      expect({ horaires, state: openingState(horaires, at('2027-01-05T10:00:00+01:00')).state }).not.toEqual({
        horaires,
        state: 'unknown',
      });
    }
  });

  it('refuses an invalid string in the Structure schema', () => {
    const structure = orientation().directory.structures.find((s) => s.horaires_accueil !== undefined)!;
    const result = Structure.safeParse({ ...structure, horaires_accueil: 'Mo-Fr 9h-12h bof' });
    expect(result.error?.issues).toEqual([
      expect.objectContaining({
        path: ['horaires_accueil'],
        message: expect.stringMatching(/^not valid opening_hours syntax/),
      }),
    ]);
  });

  it('names the file and the field of an invalid string in a structure and in a service', () => {
    const { structures, services } = orientation().directory;
    const structure = structures.findIndex((s) => s.horaires_accueil !== undefined);
    const service = services.findIndex((s) => s.horaires_accueil === 'We 14:00-16:30; PH off');
    expect(service).toBeGreaterThanOrEqual(0);
    const error = loadError((text) =>
      text
        .replace(
          `horaires_accueil: "${structures[structure]!.horaires_accueil}"`,
          'horaires_accueil: "Mo-Fr 9h-12h bof"',
        )
        .replace('horaires_accueil: "We 14:00-16:30; PH off"', 'horaires_accueil: "mercredi 14:00-16:30; PH off"'),
    );
    expect(error.issues).toEqual([
      expect.objectContaining({
        file: FILE,
        path: `structures.${structure}.horaires_accueil`,
        line: expect.any(Number),
      }),
      expect.objectContaining({ file: FILE, path: `services.${service}.horaires_accueil`, line: expect.any(Number) }),
    ]);
    expect(error.message).toMatch(
      new RegExp(
        `demo-territory\\.yaml:\\d+ at structures\\.${structure}\\.horaires_accueil: not valid opening_hours syntax`,
      ),
    );
    expect(error.message).toMatch(
      new RegExp(
        `demo-territory\\.yaml:\\d+ at services\\.${service}\\.horaires_accueil: not canonical .* Write "We 14:00-16:30; PH off"`,
      ),
    );
  });
});
