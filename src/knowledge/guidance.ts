import { z } from 'zod';
import { LocalisedText, distinctArray } from '../content';
import { ContentId, IsoDate, SourceUrl, VerificationStatus } from './numbers';
import { Utterances } from './rules';

export const GUIDANCE_KINDS = ['technique', 'posture', 'deontology'] as const;

/** knowledge/guidance/<id>.yaml: a short practical card on mediation practice (DESC, CNV, binôme, charte…). */
export const GuidanceCard = z.strictObject({
  id: ContentId,
  kind: z.enum(GUIDANCE_KINDS),
  title: LocalisedText,
  summary: LocalisedText,
  steps: z.array(LocalisedText).min(2).max(8),
  example: LocalisedText.optional(),
  avoid: z.array(LocalisedText).max(4).default([]),
  origin: LocalisedText.optional().describe('who described the method, as the sources say'),
  sources: distinctArray(SourceUrl, 'source').min(1, 'needs at least one source'),
  status: VerificationStatus,
  verified_on: IsoDate,
  utterances: Utterances,
});
export type GuidanceCard = z.infer<typeof GuidanceCard>;
