import { z } from 'zod';

const Score = z.number().min(0).max(1);
const Phrases = z.array(z.string().trim().min(3)).min(1);

/** The `flow` block of dialogs/rules.yaml. */
export const RulesFlow = z.strictObject({
  rule: z.strictObject({ confident: Score, margin: Score, candidate: Score, context_free: Score }),
  /** Phrases (matched inside the message, case and accents ignored) asking how to explain the rule just shown. */
  explain: z.strictObject({ fr: Phrases, en: Phrases }),
});
export type RulesFlow = z.infer<typeof RulesFlow>;
