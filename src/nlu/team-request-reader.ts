import * as chrono from 'chrono-node';
import type { Locale } from '../content';
import type { Place } from '../knowledge/directory';
import {
  PERIOD_NAMES,
  lastDays,
  namedPeriod,
  startOfDay,
  type Period,
  type PeriodName,
  type Reference,
  type ReportStatus,
} from '../reports';
import { escapeRegExp, foldCommand } from './normalise';

type Words = Readonly<Record<Locale, readonly string[]>>;

/** The words of a supervisor's request (dialogs/report.yaml, `flow.team`). */
export interface TeamRequestWords {
  team: Words;
  synthesis: Words;
  export: Words;
  /** Plural names of reports ("fiches", "rapports"): a list is asked for, not a new report. */
  list: Words;
  statuses: Readonly<Partial<Record<ReportStatus, Words>>>;
  periods: Readonly<Record<PeriodName, Words>>;
  /** "jours", "days": after a number, the last N days. */
  days: Words;
  /** "depuis", "since": before a date, from that day until today. */
  since: Words;
}

export interface TeamRequestSources {
  words: TeamRequestWords;
  /** Each form's id and the names it is asked for by ("veille technique", "main courante"). */
  forms: readonly { id: string; names: readonly string[] }[];
  places: readonly Place[];
}

/** What a supervisor asked for: the action, and the filters on the team's reports. */
export interface TeamRequest {
  action?: 'synthesis' | 'export';
  /** The request names the team ("les fiches de l'équipe"). */
  team: boolean;
  /** The request names reports in the plural ("les fiches d'intervention"). */
  list: boolean;
  period?: Period;
  forms?: string[];
  statuses?: ReportStatus[];
  place?: Reference;
  /** A report id typed in the text ("20261126-1f3a9c2e"). */
  reportId?: string;
}

const REPORT_ID = /\b(\d{8}-[0-9a-f]{8})\b/i;

/**
 * Reads a supervisor's request in French or English: "synthèse de la semaine dernière", "fiches à valider de la
 * gare", "export csv des fiches d'intervention du 2 au 8 novembre", "les 30 derniers jours". Named periods come
 * from content; other dates are read by chrono-node. Words are matched whole, accents and case ignored, with a
 * plural "s" or "x" tolerated on form and place names.
 */
export class TeamRequestReader {
  private readonly forms: { id: string; pattern: RegExp }[];
  private readonly places: { place: Place; pattern: RegExp }[];

  constructor(private readonly sources: TeamRequestSources) {
    this.forms = sources.forms.flatMap((form) => form.names.map((name) => ({ id: form.id, pattern: plural(name) })));
    // Names are also matched without their article: "les Tilleuls" is found in "aux Tilleuls".
    this.places = sources.places.flatMap((place) =>
      [place.name, ...(place.aliases ?? [])]
        .flatMap((name) => [name, name.replace(/^(?:les|le|la)\s+|^l'\s*/i, '')])
        .filter((name, i, names) => name.length > 2 && names.indexOf(name) === i)
        .map((name) => ({ place, pattern: plural(name) })),
    );
  }

  read(input: string, locale: Locale, now: Date): TeamRequest {
    const reportId = REPORT_ID.exec(input)?.[1]?.toLowerCase();
    let text = ` ${key(input.replace(REPORT_ID, ' '))} `;
    const { words } = this.sources;
    const take = (list: Words): boolean => {
      const found = allWords(list)
        .sort((a, b) => b.length - a.length)
        .find((w) => text.includes(` ${w} `));
      if (found) text = text.replace(` ${found} `, ' ');
      return found !== undefined;
    };

    const request: TeamRequest = { team: false, list: false };
    if (reportId) request.reportId = reportId;
    if (take(words.synthesis)) request.action = 'synthesis';
    else if (take(words.export)) request.action = 'export';
    request.team = take(words.team);
    request.list = take(words.list);

    const statuses = (Object.keys(words.statuses) as ReportStatus[])
      .map((status) => ({ status, words: allWords(words.statuses[status]!) }))
      .flatMap(({ status, words: list }) => list.map((w) => ({ status, w })))
      .sort((a, b) => b.w.length - a.w.length)
      .filter(({ w }) => {
        if (!text.includes(` ${w} `)) return false;
        text = text.replace(` ${w} `, ' ');
        return true;
      })
      .map(({ status }) => status);
    if (statuses.length > 0) request.statuses = [...new Set(statuses)];

    const forms = this.forms.filter(({ pattern }) => pattern.test(text)).map(({ id }) => id);
    if (forms.length > 0) request.forms = [...new Set(forms)];
    const place = this.places.find(({ pattern }) => pattern.test(text))?.place;
    if (place) request.place = { id: place.id, text: place.name };

    const period = this.period(text, input.replace(REPORT_ID, ' '), locale, now, take);
    if (period) request.period = period;
    return request;
  }

  private period(
    text: string,
    input: string,
    locale: Locale,
    now: Date,
    take: (list: Words) => boolean,
  ): Period | undefined {
    const named = PERIOD_NAMES.flatMap((name) => allWords(this.sources.words.periods[name]).map((w) => ({ name, w })))
      .sort((a, b) => b.w.length - a.w.length)
      .find(({ w }) => text.includes(` ${w} `));
    if (named) {
      take({ fr: [named.w], en: [] });
      return namedPeriod(named.name, now);
    }
    const days = allWords(this.sources.words.days);
    const count = new RegExp(`(?:^| )(\\d{1,3}) (?:${days.map(escapeRegExp).join('|')})(?: |$)`).exec(text);
    if (count) return lastDays(Math.max(1, Number(count[1])), now);

    const parsers = locale === 'fr' ? [chrono.fr, chrono.en] : [chrono.en, chrono.fr];
    for (const parser of parsers) {
      const found = parser.parse(input, now, { forwardDate: false })[0];
      if (!found) continue;
      const from = startOfDay(found.start.date());
      if (found.end) return { from, to: startOfDay(found.end.date(), 1) };
      const before = ` ${key(input.slice(0, found.index))} `;
      const since = allWords(this.sources.words.since).some((w) => before.endsWith(` ${w} `));
      return { from, to: since ? startOfDay(now, 1) : startOfDay(from, 1) };
    }
    return undefined;
  }
}

/** Folded words separated by single spaces; an apostrophe separates words too ("l'équipe" → "l equipe"). */
function key(text: string): string {
  return foldCommand(text).replace(/'/g, ' ').replace(/\s+/g, ' ').trim();
}

function allWords(list: Words): string[] {
  return [...new Set([...list.fr, ...list.en].map(key).filter((w) => w.length > 0))];
}

/** A name as a whole-word pattern on folded text, each word allowed a plural "s" or "x". */
function plural(name: string): RegExp {
  const words = key(name).split(' ').filter(Boolean).map(escapeRegExp);
  return new RegExp(` ${words.map((w) => `${w}[sx]?`).join(' ')} `);
}
