import { z } from 'zod';
import { LocalisedText, distinctArray } from '../content';
import { ContentId, IsoDate, SourceUrl, VerificationStatus } from './numbers';
import { LegalBasis, Utterances } from './rules';

/** The clear answer given first: may the agent do it? */
export const LIMIT_ANSWERS = ['yes', 'no', 'only-if'] as const;

/** knowledge/limits/<id>.yaml: "est-ce que j'ai le droit de …?" — a limit of the agent's role. */
export const RoleLimit = z.strictObject({
  id: ContentId,
  question: LocalisedText.describe('the question as a title: "Contrôler une identité ?"'),
  answer: z.enum(LIMIT_ANSWERS),
  short: LocalisedText.describe('the answer in one sentence, starting with yes / no / only if'),
  why: LocalisedText,
  instead: LocalisedText.describe('what the agent does instead'),
  legal: LegalBasis,
  sources: distinctArray(SourceUrl, 'source').min(1, 'needs at least one source'),
  status: VerificationStatus,
  verified_on: IsoDate,
  utterances: Utterances,
});
export type RoleLimit = z.infer<typeof RoleLimit>;
