import { z } from 'zod';
import { LocalisedText, type Locale } from '../content';
import { ContentId, IsoDate, SourceUrl, VerificationStatus } from './numbers';

/** Kinds of local contact; a situation names the kind, the territory's directory gives the actual contact. */
export const LOCAL_CATEGORIES = [
  'bailleur-astreinte',
  'gardien',
  'ascensoriste',
  'eau',
  'police-municipale',
  'services-techniques',
  'proprete',
  'fourriere-animale',
  'fourriere-vehicules',
  'objets-trouves-transport',
  'securite-transport',
  'commissariat',
  'ccas',
  'maraude',
  'accueil-de-jour',
  'mairie',
  'centre-medico-psychologique',
  'pharmacie-de-garde',
  'france-services',
  'point-justice',
] as const;
export const LocalCategory = z.enum(LOCAL_CATEGORIES);
export type LocalCategory = z.infer<typeof LocalCategory>;

export const SITUATION_CATEGORIES = ['technical', 'behavioural', 'social', 'medical'] as const;
export const SituationCategory = z.enum(SITUATION_CATEGORIES);
export type SituationCategory = z.infer<typeof SituationCategory>;

export const URGENCIES = ['critical', 'high', 'medium', 'low'] as const;
export const Urgency = z.enum(URGENCIES);
export type Urgency = z.infer<typeof Urgency>;

export const REFLEX_KINDS = ['protect', 'examine', 'alert', 'secure', 'reassure', 'inform', 'report'] as const;
export const ReflexKind = z.enum(REFLEX_KINDS);
export type ReflexKind = z.infer<typeof ReflexKind>;

export const REPORT_FORMS = ['veille-technique', 'intervention', 'situation-sociale', 'main-courante'] as const;
export const ReportForm = z.enum(REPORT_FORMS);
export type ReportForm = z.infer<typeof ReportForm>;

export const Reflex = z.strictObject({ kind: ReflexKind, text: LocalisedText });
export type Reflex = z.infer<typeof Reflex>;

/**
 * Whom to call: a national number (by its id in numbers.yaml) or a kind of local contact, never both.
 * A refine rather than a union, so that a wrong category or a misspelt key gets a precise message.
 */
export const SituationContact = z
  .strictObject({ number: ContentId.optional(), category: LocalCategory.optional(), when: LocalisedText.optional() })
  .refine((contact) => (contact.number === undefined) !== (contact.category === undefined), {
    message: 'needs exactly one of `number` (an id from numbers.yaml) or `category` (a local category)',
  });
export type SituationContact = z.infer<typeof SituationContact>;

const Utterance = z.string().trim().min(1).max(300);

/** knowledge/situations/<id>.yaml: one field situation and its playbook. */
export const Situation = z.strictObject({
  id: ContentId,
  category: SituationCategory,
  urgency: Urgency,
  title: LocalisedText,
  danger_check: LocalisedText,
  reflexes: z.array(Reflex).min(1).max(6),
  contacts: z.array(SituationContact).min(1).max(6),
  say_when_calling: LocalisedText,
  report_after: LocalisedText,
  report_form: ReportForm,
  public_ok: z.boolean().default(true),
  sources: z.array(SourceUrl).min(1, 'needs at least one source'),
  status: VerificationStatus,
  verified_on: IsoDate,
  utterances: z.strictObject({
    fr: z.array(Utterance).min(8, 'needs at least 8 utterances'),
    en: z.array(Utterance).min(4, 'needs at least 4 utterances'),
  }),
});
export type Situation = z.infer<typeof Situation>;

/** Training utterances of every situation, by language and situation id: what the situation recogniser learns from. */
export function situationCorpus(situations: readonly Situation[]): Record<Locale, Record<string, string[]>> {
  const corpus: Record<Locale, Record<string, string[]>> = { fr: {}, en: {} };
  for (const situation of situations) {
    corpus.fr[situation.id] = situation.utterances.fr;
    corpus.en[situation.id] = situation.utterances.en;
  }
  return corpus;
}
