import { z } from 'zod';

const Words = z.strictObject({
  fr: z.array(z.string().trim().min(1)).min(1),
  en: z.array(z.string().trim().min(1)).min(1),
});

/** What a supervisor's requests are read with (TeamRequestReader) and the team list's limits. */
const TeamFlow = z.strictObject({
  words: z.strictObject({
    team: Words.describe('the team\'s reports ("fiches de l\'équipe")'),
    synthesis: Words.describe('the weekly synthesis'),
    export: Words.describe('the CSV export'),
    list: Words.describe('reports named in the plural: a supervisor asks for a list, not a new report'),
    validate: Words.describe('on an open report: validate it'),
    revise: Words.describe('on an open report: send it back for revision'),
    back: Words.describe('back to the list'),
    days: Words.describe('after a number: the last N days'),
    since: Words.describe('before a date: from that day until today'),
  }),
  statuses: z.strictObject({ submitted: Words, validated: Words, 'to-revise': Words }),
  periods: z.strictObject({
    today: Words,
    yesterday: Words,
    'this-week': Words,
    'last-week': Words,
    'this-month': Words,
    'last-month': Words,
  }),
  /** The period of a list or a synthesis when the request names none: the last N days. */
  default_days: z.number().int().min(1).max(366),
  /** How many reports a list shows (with a button to open each of the first ones). */
  list_limit: z.number().int().min(1).max(50),
});

/** The `flow` block of dialogs/report.yaml: the words the report dialog understands and its limits. */
export const ReportFlow = z.strictObject({
  words: z.strictObject({
    yes: Words,
    no: Words,
    skip: Words.describe('leave an optional question empty'),
    pause: Words.describe('keep the draft and stop for now ("je reviens")'),
    save: Words,
    edit: Words,
    discard: Words,
    mine: Words.describe('list my reports ("mes fiches")'),
    drafts: Words.describe('list my drafts ("mes brouillons")'),
  }),
  /** Failed answers to one question before its help is shown and skipping or leaving as a draft is offered. */
  retries: z.number().int().min(1).max(10),
  /** How many reports "mes fiches" lists. */
  list_limit: z.number().int().min(1).max(50),
  team: TeamFlow,
});
export type ReportFlow = z.infer<typeof ReportFlow>;
