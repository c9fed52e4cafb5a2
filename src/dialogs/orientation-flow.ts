import { z } from 'zod';
import { LocalisedText } from '../content';

const Score = z.number().min(0).max(1);
const Phrases = z.array(z.string().trim().min(3)).min(1);

/** One question of the alert-call helper and how its answer appears in the text to read out. */
export const AlertCallStep = z.strictObject({
  id: z.string().regex(/^[a-z][a-z0-9-]*$/),
  ask: LocalisedText,
  line: LocalisedText.refine((line) => line.fr.includes('{{answer}}') && line.en.includes('{{answer}}'), {
    message: 'needs the {{answer}} placeholder in both languages',
  }),
});
export type AlertCallStep = z.infer<typeof AlertCallStep>;

/** The `flow` block of dialogs/orientation.yaml. */
export const OrientationFlow = z.strictObject({
  situation: z.strictObject({ confident: Score, margin: Score, candidate: Score }),
  lookup: z.strictObject({ strong: Score, situation: Score }),
  emergency_numbers: z.strictObject({ triggers: z.strictObject({ fr: Phrases, en: Phrases }) }),
  alert_call: z.strictObject({
    triggers: z.strictObject({ fr: Phrases, en: Phrases }),
    steps: z.array(AlertCallStep).min(1).max(10),
  }),
});
export type OrientationFlow = z.infer<typeof OrientationFlow>;
