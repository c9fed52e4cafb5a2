import { z } from 'zod';
import { LocalisedText, distinctArray } from '../content';
import { ContentId } from './numbers';

export const Cue = z
  .string()
  .trim()
  .min(2)
  .max(60)
  .refine((cue) => cue === cue.toLowerCase() && cue === cue.normalize('NFD'), 'must be lowercase, without accents');
export const Cues = z.strictObject({ fr: distinctArray(Cue, 'cue').min(1), en: distinctArray(Cue, 'cue').min(1) });

/** One audience the argument is adapted to (teenagers, an elderly person, a tourist…). */
export const Audience = z.strictObject({
  id: ContentId,
  label: LocalisedText,
  cues: Cues.describe('words in a message that name this audience ("un ado", "a tourist")'),
  opening: LocalisedText.describe('how to open: presenting oneself, tone'),
  tips: z.array(LocalisedText).min(1).max(4),
  avoid: z.array(LocalisedText).min(1).max(4),
  other_language: z.boolean().default(false).describe('also give the argument in the other language'),
});
export type Audience = z.infer<typeof Audience>;

/** knowledge/audiences.yaml: the audiences an argument is adapted to. */
export const AudiencesFile = z.strictObject({ audiences: z.array(Audience).min(1) });
export type AudiencesFile = z.infer<typeof AudiencesFile>;
