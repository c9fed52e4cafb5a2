import { z } from 'zod';
import { LocalisedText, distinctArray, type Locale } from '../content';
import { ContentId, IsoDate, SourceUrl, VerificationStatus } from './numbers';
import { ReportForm } from './situations';

/** Where a rule applies: the four contexts an agent patrols. */
export const RULE_CONTEXTS = ['transport', 'housing', 'public-space', 'shopping-centre'] as const;
export const RuleContext = z.enum(RULE_CONTEXTS);
export type RuleContext = z.infer<typeof RuleContext>;

const Utterance = z.string().trim().min(1).max(300);

/** Training phrasings, written the way agents and visitors type. */
export const Utterances = z.strictObject({
  fr: z.array(Utterance).min(8, 'needs at least 8 utterances'),
  en: z.array(Utterance).min(4, 'needs at least 4 utterances'),
});
export type Utterances = z.infer<typeof Utterances>;

/**
 * The legal basis, as cited in the sources. Anything the sources leave unconfirmed (an exact article number,
 * a threshold) goes in `not_confirmed`, worded as unconfirmed: it is never stated as fact.
 */
export const LegalBasis = z.strictObject({
  reference: LocalisedText.optional().describe('the current reference, e.g. "art. R623-2 du Code pénal"'),
  former: LocalisedText.optional().describe('where the rule used to be, when it moved'),
  penalty: LocalisedText.optional().describe('the penalty class or maximum, as in the source'),
  not_confirmed: LocalisedText.optional().describe('what the sources leave unconfirmed, said as such'),
});
export type LegalBasis = z.infer<typeof LegalBasis>;

/**
 * The building blocks of an argument, in the DESC / CNV order: what one sees (facts, no judgement),
 * the need the rule protects, the concrete request, and the positive consequence.
 */
export const RuleArgument = z.strictObject({
  observe: LocalisedText,
  need: LocalisedText,
  request: LocalisedText,
  consequence: LocalisedText,
});
export type RuleArgument = z.infer<typeof RuleArgument>;

/** The fields every rule has, national or local. */
const RuleFields = {
  id: ContentId,
  context: RuleContext,
  topic: ContentId.optional().describe('rules on the same subject in other contexts share a topic (e.g. smoking)'),
  title: LocalisedText,
  rule: LocalisedText.describe('the rule in plain words an agent can say aloud'),
  why: LocalisedText.describe('why the rule exists: what the public is told'),
  sanctioned_by: LocalisedText.describe('who may sanction; never the mediator'),
  argument: RuleArgument,
  avoid: z.array(LocalisedText).max(4).default([]).describe('what not to say about this rule'),
  situation: ContentId.optional().describe('the orientation situation to open when it goes wrong'),
  report_form: ReportForm.default('intervention'),
  public_ok: z.boolean().default(true),
  utterances: Utterances,
};

/** knowledge/rules/<id>.yaml: one national civility or conduct rule. */
export const Rule = z.strictObject({
  ...RuleFields,
  legal: LegalBasis,
  sources: distinctArray(SourceUrl, 'source').min(1, 'needs at least one source'),
  status: VerificationStatus,
  verified_on: IsoDate,
});
export type Rule = z.infer<typeof Rule>;

/** A rule a local document adds; its legal basis is the document (and the article, when given). */
export const LocalRule = z.strictObject({ ...RuleFields, article: z.string().trim().min(1).optional() });
export type LocalRule = z.infer<typeof LocalRule>;

/** What a local document says about a national rule at its places (an arrêté banning alcohol on a square…). */
export const LocalOverride = z.strictObject({
  rule: ContentId.describe('the id of the national rule in knowledge/rules/'),
  text: LocalisedText.describe('what applies here, said aloud'),
  article: z.string().trim().min(1).optional(),
});
export type LocalOverride = z.infer<typeof LocalOverride>;

export const LOCAL_DOCUMENT_KINDS = [
  'transport-regulation',
  'landlord-regulation',
  'municipal-order',
  'centre-regulation',
] as const;

/**
 * knowledge/local-rules/<id>.yaml: one local document (a network's règlement, a bailleur's règlement intérieur,
 * a municipal arrêté) that adds rules or says what a national rule means at its places.
 */
export const LocalRulesDocument = z.strictObject({
  id: ContentId,
  kind: z.enum(LOCAL_DOCUMENT_KINDS),
  territory: ContentId.describe('the territory id of the directory in knowledge/directory/'),
  demo: z.boolean().describe('true for the fictional demo territory: shown as demo data'),
  document: LocalisedText.describe('the name of the document, as cited to the public'),
  places: distinctArray(ContentId, 'place').min(1).describe('place ids of the territory where it applies'),
  adopted_on: IsoDate.optional(),
  sources: distinctArray(SourceUrl, 'source').min(1, 'needs at least one source'),
  verified_on: IsoDate,
  adds: z.array(LocalRule).default([]),
  overrides: z.array(LocalOverride).default([]),
});
export type LocalRulesDocument = z.infer<typeof LocalRulesDocument>;

/** Training phrasings of every entry, by language and id. */
export function utteranceCorpus(
  entries: readonly { id: string; utterances: Utterances }[],
): Record<Locale, Record<string, string[]>> {
  const corpus: Record<Locale, Record<string, string[]>> = { fr: {}, en: {} };
  for (const entry of entries) {
    corpus.fr[entry.id] = entry.utterances.fr;
    corpus.en[entry.id] = entry.utterances.en;
  }
  return corpus;
}
