import { z } from 'zod';
import { distinctArray } from '../content';
import { ContentId } from './numbers';

export const EMERGENCY_KINDS = ['medical', 'fire', 'violence', 'suicide', 'bleeding'] as const;
export const EmergencyKind = z.enum(EMERGENCY_KINDS);
export type EmergencyKind = z.infer<typeof EmergencyKind>;

/** Matched as a substring of the normalised user text, so it must itself be normalised: lowercase, no accents. */
const TriggerPhrase = z
  .string()
  .trim()
  .min(2)
  .max(80)
  .refine((phrase) => phrase === phrase.toLowerCase(), 'must be lowercase')
  .refine((phrase) => phrase === phrase.normalize('NFD'), 'must be written without accents');

const PhraseList = distinctArray(TriggerPhrase, 'phrase').min(1);

export const TriggerPhrases = z.strictObject({ fr: PhraseList, en: PhraseList });
export type TriggerPhrases = z.infer<typeof TriggerPhrases>;

/** knowledge/emergency-triggers.yaml: phrases that signal immediate danger, per kind and locale, and whom to call. */
export const EmergencyTriggersFile = z.strictObject({
  triggers: z.record(EmergencyKind, TriggerPhrases),
  numbers: z.record(EmergencyKind, z.array(ContentId).min(1)),
});
export type EmergencyTriggersFile = z.infer<typeof EmergencyTriggersFile>;
export type EmergencyTriggers = EmergencyTriggersFile['triggers'];
/** Ids of numbers.yaml to call first, per kind of danger. */
export type EmergencyNumbers = EmergencyTriggersFile['numbers'];
