import { z } from 'zod';

const Words = z.strictObject({
  fr: z.array(z.string().trim().min(1)).min(1),
  en: z.array(z.string().trim().min(1)).min(1),
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
});
export type ReportFlow = z.infer<typeof ReportFlow>;
