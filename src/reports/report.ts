import { z } from 'zod';

/** draft → submitted → validated | to-revise (→ submitted again after the agent's revision). */
export const REPORT_STATUSES = ['draft', 'submitted', 'validated', 'to-revise'] as const;
export const ReportStatus = z.enum(REPORT_STATUSES);
export type ReportStatus = z.infer<typeof ReportStatus>;

/** A place or a service: the id when it matched the territory or the directory, and the words shown. */
export const Reference = z.strictObject({ id: z.string().min(1).optional(), text: z.string().min(1) });
export type Reference = z.infer<typeof Reference>;

/**
 * One answer: text (and a choice id or free text for single choice), a number, yes/no, the choices of a multiple
 * choice, an ISO date-time, or a reference.
 */
export const AnswerValue = z.union([z.string(), z.number(), z.boolean(), z.array(z.string()), Reference]);
export type AnswerValue = z.infer<typeof AnswerValue>;

export const Person = z.strictObject({ id: z.string().min(1), name: z.string().optional() });
export type Person = z.infer<typeof Person>;

export const Review = z.strictObject({
  status: z.enum(['validated', 'to-revise']),
  by: Person,
  at: z.iso.datetime({ offset: true }),
  comment: z.string().optional(),
  /** When the author was told; unset until then. */
  seen_at: z.iso.datetime({ offset: true }).optional(),
});
export type Review = z.infer<typeof Review>;

export const Report = z.strictObject({
  /** "20261126-1f3a9c2e": the day it was started, then random hex. */
  id: z.string().regex(/^\d{8}-[0-9a-f]{8}$/),
  form: z.string().min(1),
  status: ReportStatus,
  author: Person,
  team: z.string().min(1),
  created_at: z.iso.datetime({ offset: true }),
  updated_at: z.iso.datetime({ offset: true }),
  submitted_at: z.iso.datetime({ offset: true }).optional(),
  answers: z.record(z.string(), AnswerValue),
  /** The answer of the form's first place field, copied here so that lists filter on it without the form. */
  place: Reference.optional(),
  /** Fields the agent chose to skip (optional ones, or after three failed answers in a draft). */
  skipped: z.array(z.string()).default([]),
  /** Fields filled from the previous answer (situation, rule, place, time, service). */
  prefilled: z.array(z.string()).default([]),
  /** What the report was started from. */
  origin: z.strictObject({ situation: z.string().optional(), rule: z.string().optional() }).optional(),
  /** How many personal data the guard replaced with a neutral mention before saving. */
  redactions: z.number().int().min(0).default(0),
  review: Review.optional(),
});
export type Report = z.infer<typeof Report>;

/** What the supervisor filters on; every criterion is optional and they all apply. */
export interface ReportQuery {
  team?: string;
  author?: string;
  forms?: readonly string[];
  statuses?: readonly ReportStatus[];
  /** created_at within [from, to). */
  from?: Date;
  to?: Date;
  /** The place id, or words of the place's text. */
  place?: string;
  /** Only reports whose review the author has not been told about yet. */
  unseenReview?: boolean;
  /** At most this many, the newest (a store reads no more than these). */
  limit?: number;
}

/**
 * Where reports live (docs/adr/0008-report-store.md). `save` resolves once the report is durable: an acknowledged
 * report survives a crash at any later moment. Reports are never lost to concurrent saves.
 */
export interface ReportStore {
  save(report: Report): Promise<void>;
  get(id: string): Promise<Report | undefined>;
  /** Matching reports, newest first. */
  list(query: ReportQuery): Promise<Report[]>;
  remove(id: string): Promise<boolean>;
  /** Removes every report created before `before`; returns how many. */
  purge(before: Date): Promise<number>;
}

/** A new report id for a start time, with injected randomness (8 hex digits). */
export function newReportId(at: Date, random: () => number): string {
  const day = `${at.getFullYear()}${String(at.getMonth() + 1).padStart(2, '0')}${String(at.getDate()).padStart(2, '0')}`;
  const hex = Math.floor(random() * 0x1_0000_0000)
    .toString(16)
    .padStart(8, '0');
  return `${day}-${hex}`;
}

/** The start of the retention period: reports created before it are purged. */
export function retentionCutoff(days: number, now: Date): Date {
  return new Date(now.getTime() - days * 86_400_000);
}

/** What a query looks at: a store's index may keep only this. */
export type ReportFacts = Pick<
  Report,
  'id' | 'form' | 'status' | 'team' | 'author' | 'created_at' | 'place' | 'review'
>;

/** Newest first, then by id: the order of every list of reports. */
export function newestFirst(a: ReportFacts, b: ReportFacts): number {
  return b.created_at.localeCompare(a.created_at) || b.id.localeCompare(a.id);
}

/** Does a report match a query. */
export function matches(report: ReportFacts, query: ReportQuery): boolean {
  if (query.team !== undefined && report.team !== query.team) return false;
  if (query.author !== undefined && report.author.id !== query.author) return false;
  if (query.forms && !query.forms.includes(report.form)) return false;
  if (query.statuses && !query.statuses.includes(report.status)) return false;
  const created = Date.parse(report.created_at);
  if (query.from && created < query.from.getTime()) return false;
  if (query.to && created >= query.to.getTime()) return false;
  if (
    query.unseenReview !== undefined &&
    (report.review !== undefined && !report.review.seen_at) !== query.unseenReview
  )
    return false;
  if (query.place !== undefined) {
    const { place } = report;
    if (place === undefined) return false;
    if (place.id !== query.place && !place.text.toLowerCase().includes(query.place.toLowerCase())) return false;
  }
  return true;
}
