import type { LocalisedText } from '../content';
import { holds } from './form-engine';
import type { Form } from './form';
import type { Period } from './period';
import { REPORT_STATUSES, newestFirst, type Report, type ReportStatus } from './report';

/** A count under a name: a form, a place, a service. */
export interface Tally {
  id: string;
  label: LocalisedText;
  count: number;
}

/** What the synthesis keeps of a report it points at (a follow-up, a notable case). */
export interface CaseLine {
  id: string;
  form: string;
  status: ReportStatus;
  at: string;
  place?: string;
  author: string;
}

/** What the team meeting needs about a period: counts, where and when, who was called, what is still open. */
export interface Synthesis {
  from: string;
  to: string;
  /** Reports sent in the period (drafts are not counted). */
  total: number;
  byStatus: Record<ReportStatus, number>;
  byForm: Tally[];
  byPlace: Tally[];
  /** Reports by hour of the day when it happened, 0 to 23. */
  byHour: number[];
  /** Reports by day of the week when it happened, Monday first. */
  byWeekday: number[];
  services: Tally[];
  /** Reports that leave a follow-up open (the form's `synthesis.follow_up`), or sent back for revision. */
  followUps: CaseLine[];
  /** Notable cases (the form's `synthesis.notable`). */
  notable: CaseLine[];
}

/**
 * The weekly synthesis of a team's reports over a period (the caller lists them; drafts are left out here). Each
 * form's `synthesis` block says which answer tells when it happened, which fields name services called, and what
 * makes a follow-up open or a case notable; forms without one count by type, place and start time only.
 */
export function synthesise(reports: readonly Report[], forms: readonly Form[], period: Period): Synthesis {
  const sent = reports
    .filter((r) => r.status !== 'draft')
    .filter((r) => {
      const at = Date.parse(r.created_at);
      return at >= period.from.getTime() && at < period.to.getTime();
    })
    .sort(newestFirst);
  const byForm = new Tallies();
  const byPlace = new Tallies();
  const services = new Tallies();
  const byHour = new Array<number>(24).fill(0);
  const byWeekday = new Array<number>(7).fill(0);
  const byStatus = Object.fromEntries(REPORT_STATUSES.map((s) => [s, 0])) as Record<ReportStatus, number>;
  const followUps: CaseLine[] = [];
  const notable: CaseLine[] = [];

  for (const report of sent) {
    const form = forms.find((f) => f.id === report.form);
    const spec = form?.synthesis;
    byStatus[report.status] += 1;
    byForm.add(report.form, form?.title ?? same(report.form));
    if (report.place) byPlace.add(report.place.id ?? report.place.text.toLowerCase(), same(report.place.text));
    const when = happenedAt(report, spec?.when);
    byHour[when.getHours()]! += 1;
    byWeekday[(when.getDay() + 6) % 7]! += 1;
    for (const fieldId of spec?.services ?? []) {
      const field = form?.fields.find((f) => f.id === fieldId);
      const value = report.answers[fieldId];
      const chosen = Array.isArray(value) ? value : typeof value === 'string' ? [value] : [];
      for (const id of chosen) {
        if (spec?.no_service.includes(id)) continue;
        services.add(id, field?.choices?.find((c) => c.id === id)?.label ?? same(id));
      }
      if (typeof value === 'object' && !Array.isArray(value))
        services.add(value.id ?? value.text.toLowerCase(), same(value.text));
    }
    const line = caseLine(report, when);
    if (report.status === 'to-revise' || (spec?.follow_up && holds(spec.follow_up, report.answers)))
      followUps.push(line);
    if (spec?.notable && holds(spec.notable, report.answers)) notable.push(line);
  }
  return {
    from: period.from.toISOString(),
    to: period.to.toISOString(),
    total: sent.length,
    byStatus,
    byForm: byForm.sorted(),
    byPlace: byPlace.sorted(),
    byHour,
    byWeekday,
    services: services.sorted(),
    followUps,
    notable,
  };
}

/** The key figures of a synthesis, each under the message key of its name (knowledge/messages, `synthesis.*`). */
export function keyFigures(synthesis: Synthesis): [key: string, count: number][] {
  return [
    ['synthesis.total', synthesis.total],
    ['synthesis.toValidate', synthesis.byStatus.submitted],
    ['synthesis.validated', synthesis.byStatus.validated],
    ['synthesis.toRevise', synthesis.byStatus['to-revise']],
    ['synthesis.followUps', synthesis.followUps.length],
    ['synthesis.notable', synthesis.notable.length],
  ];
}

/** When it happened: the form's `when` answer if it is a valid date, else when the report was started. */
function happenedAt(report: Report, field: string | undefined): Date {
  const value = field === undefined ? undefined : report.answers[field];
  const at = typeof value === 'string' ? new Date(value) : undefined;
  return at && !Number.isNaN(at.getTime()) ? at : new Date(report.created_at);
}

function caseLine(report: Report, when: Date): CaseLine {
  return {
    id: report.id,
    form: report.form,
    status: report.status,
    at: when.toISOString(),
    ...(report.place ? { place: report.place.text } : {}),
    author: report.author.name ?? report.author.id,
  };
}

function same(text: string): LocalisedText {
  return { fr: text, en: text };
}

class Tallies {
  private readonly counts = new Map<string, Tally>();

  add(id: string, label: LocalisedText): void {
    const tally = this.counts.get(id) ?? { id, label, count: 0 };
    tally.count += 1;
    this.counts.set(id, tally);
  }

  /** Most frequent first, then by id. */
  sorted(): Tally[] {
    return [...this.counts.values()].sort((a, b) => b.count - a.count || a.id.localeCompare(b.id));
  }
}
