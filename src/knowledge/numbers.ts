import { z } from 'zod';
import { LocalisedText, localDay } from '../content';

/** A human, stable, kebab-case id ("police-secours", "gas-leak"). */
export const ContentId = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be kebab-case (a-z, 0-9 and single dashes)');

/** A calendar date written YYYY-MM-DD (unquoted YAML dates stay strings under the YAML 1.2 core schema). */
export const IsoDate = z.iso
  .date({ error: 'must be a real date written YYYY-MM-DD', abort: true })
  .refine((date) => date <= localDay(new Date()), 'must not be in the future');

/** Where a fact was read: a web address. */
export const SourceUrl = z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' });

/** [V] read in the source itself, [S] secondary source. [U] (unverified) facts stay out of the knowledge base. */
export const VerificationStatus = z.enum(['V', 'S'], {
  error: (issue) =>
    issue.input === 'U'
      ? 'status U (unverified) is not allowed: verify the fact (V), find a secondary source (S), or leave the entry out'
      : 'must be V (read in the source) or S (secondary source)',
});
export type VerificationStatus = z.infer<typeof VerificationStatus>;

export const CHANNELS = ['voice', 'sms', 'app', 'chat', 'video', 'fax', 'web'] as const;
export const Channel = z.enum(CHANNELS);
export type Channel = z.infer<typeof Channel>;

/** One national emergency or help number. */
export const NationalNumber = z.strictObject({
  id: ContentId,
  number: z.string().regex(/^\d+$/, 'digits only, as dialled (e.g. "15", "0800231313")'),
  display: z.string().trim().min(1),
  name: LocalisedText,
  scope: LocalisedText,
  not_for: LocalisedText,
  channels: z.array(Channel).min(1),
  hours: LocalisedText.optional(),
  cost: LocalisedText.optional(),
  emergency: z.boolean().default(false),
  status: VerificationStatus,
  sources: z.array(SourceUrl).min(1, 'needs at least one source'),
  verified_on: IsoDate,
});
export type NationalNumber = z.infer<typeof NationalNumber>;

/** knowledge/numbers.yaml. */
export const NumbersFile = z.strictObject({ numbers: z.array(NationalNumber).min(1) }).superRefine((file, ctx) => {
  const seen = new Set<string>();
  file.numbers.forEach((entry, index) => {
    if (seen.has(entry.id))
      ctx.addIssue({ code: 'custom', path: ['numbers', index, 'id'], message: `duplicate id "${entry.id}"` });
    seen.add(entry.id);
  });
});
export type NumbersFile = z.infer<typeof NumbersFile>;
