import { z } from 'zod';
import { Locale } from '../content';

/** The top-level intents, exactly. */
export const INTENTS = ['orientation', 'rules', 'report', 'quiz', 'help', 'cancel', 'smalltalk', 'none'] as const;
export const IntentName = z.enum(INTENTS);
export type IntentName = z.infer<typeof IntentName>;

const Utterance = z.string().trim().min(1).max(300);

/** knowledge/intents/<locale>.yaml: training utterances per intent. */
export const IntentCorpus = z.strictObject({
  locale: Locale,
  intents: z.record(IntentName, z.array(Utterance).min(5, 'needs at least 5 utterances')),
});
export type IntentCorpus = z.infer<typeof IntentCorpus>;
