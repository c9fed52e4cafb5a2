import { z } from 'zod';
import { LocalisedText } from '../content';
import { Cues } from './audiences';
import { ContentId } from './numbers';
import { RuleContext } from './rules';

/** How a message says where the agent is: a label, cue words, and the kinds of territory places in that context. */
export const ContextCues = z.strictObject({
  label: LocalisedText,
  cues: Cues,
  place_kinds: z.array(ContentId).default([]).describe('`kind`s of the territory places that are in this context'),
});
export type ContextCues = z.infer<typeof ContextCues>;

/** knowledge/rule-contexts.yaml: every context, its label and the words that name it in a question. */
export const RuleContextsFile = z.strictObject({ contexts: z.record(RuleContext, ContextCues) });
export type RuleContextsFile = z.infer<typeof RuleContextsFile>;
