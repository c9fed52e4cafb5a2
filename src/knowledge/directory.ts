import { z } from 'zod';
import { LocalisedText, distinctArray } from '../content';
import { ContentId, IsoDate, SourceUrl } from './numbers';
import { openingHoursProblem } from './opening-hours';
import { LocalCategory } from './situations';

/** ARCEP range reserved for fiction (01 99 00 xx xx): the only numbers a demo territory may contain. */
export const FICTION_PHONE = /^\+3319900\d{4}$/;

/** An INSEE COG code in a zone list: commune ("99100", "2A004"), département ("93", "2B", "971"), EPCI (SIREN) or "france". */
export const ZONE_CODE = /^(?:(?:\d{2}|2[AB])\d{3}|\d{2,3}|2[AB]|\d{9}|france)$/;

const Text = z.string().trim().min(1);
const Phone = z.e164('must be one phone number in E.164 form, e.g. "+33199000100"');
const Email = z.email('must be an e-mail address');

/** data·inclusion opening hours, in OSM opening_hours syntax ("Mo-Fr 09:00-12:00,13:30-17:00; PH off"). */
const HorairesAccueil = Text.superRefine((horaires, ctx) => {
  const problem = openingHoursProblem(horaires);
  if (problem !== undefined) ctx.addIssue({ code: 'custom', message: problem });
});

/** data·inclusion dates: 21st century, not in the future. */
const DateMaj = IsoDate.refine((date) => date >= '2000-01-01', 'must be in the 21st century');

/** data·inclusion ids: the producer prefix, two dashes, the producer's own id ("dora--…", "demo--ccas-…"). */
const DataInclusionId = z.string().regex(/^[a-z0-9-]+--\S+$/, 'must be "<producer>--<producer id>"');

export const Place = z.strictObject({ id: ContentId, name: Text, kind: ContentId, aliases: z.array(Text).optional() });
export type Place = z.infer<typeof Place>;

export const Territory = z.strictObject({
  id: ContentId,
  name: Text,
  demo: z.boolean(),
  description: LocalisedText,
  places: z.array(Place),
});
export type Territory = z.infer<typeof Territory>;

/** data·inclusion's rule for structure and service names. */
const Nom = z
  .string()
  .trim()
  .min(3)
  .max(150)
  .refine((nom) => !nom.endsWith('.'), 'must not end with a period');

/** data·inclusion v1 structure, restricted to the fields Relais uses. */
export const Structure = z.strictObject({
  id: DataInclusionId,
  source: ContentId,
  nom: Nom,
  date_maj: DateMaj,
  description: z.string().trim().min(5).max(10000).optional(),
  adresse: Text.optional(),
  code_postal: z
    .string()
    .regex(/^\d{5}$/, 'must be 5 digits')
    .optional(),
  code_insee: z
    .string()
    .regex(/^(?:\d{2}|2[AB])\d{3}$/, 'must be a 5-character INSEE commune code')
    .optional(),
  commune: Text.optional(),
  telephone: Phone.optional(),
  courriel: Email.optional(),
  site_web: SourceUrl.optional(),
  horaires_accueil: HorairesAccueil.optional(),
  reseaux_porteurs: distinctArray(ContentId).optional(),
  latitude: z.number().min(-90).max(90).optional(),
  longitude: z.number().min(-180).max(180).optional(),
});
export type Structure = z.infer<typeof Structure>;

export const SERVICE_TYPES = [
  'accompagnement',
  'aide-financiere',
  'aide-materielle',
  'atelier',
  'formation',
  'information',
] as const;
export const PUBLICS = [
  'tous-publics',
  'actifs',
  'beneficiaires-des-minimas-sociaux',
  'demandeurs-emploi',
  'etudiants',
  'familles',
  'femmes',
  'jeunes',
  'personnes-en-situation-de-handicap',
  'personnes-en-situation-durgence',
  'personnes-en-situation-juridique-specifique',
  'personnes-exilees',
  'residents-qpv-frr',
  'seniors',
] as const;
export const MODES_ACCUEIL = ['a-distance', 'en-presentiel'] as const;
export const MODES_MOBILISATION = [
  'envoyer-un-courriel',
  'se-presenter',
  'telephoner',
  'utiliser-lien-mobilisation',
] as const;
export const MOBILISABLE_PAR = ['usagers', 'professionnels'] as const;
export const FRAIS = ['gratuit', 'payant'] as const;

/**
 * data·inclusion v1 service, restricted to the fields Relais uses, plus the Relais `categories` extension.
 * Optional here exactly where data·inclusion makes it optional, so that real exports keep their services.
 */
export const Service = z.strictObject({
  id: DataInclusionId,
  structure_id: DataInclusionId,
  source: ContentId,
  nom: Nom,
  description: z.string().trim().min(5).max(10000),
  type: z.enum(SERVICE_TYPES).optional(),
  thematiques: distinctArray(
    z.string().regex(/^[a-z-]+(--[a-z0-9-]+)?$/, 'must be a thématique slug "categorie--sous-thematique"'),
  )
    .min(1)
    .optional(),
  publics: distinctArray(z.enum(PUBLICS))
    .min(1)
    .refine((publics) => !publics.includes('tous-publics') || publics.length === 1, '"tous-publics" must be used alone')
    .optional(),
  modes_accueil: distinctArray(z.enum(MODES_ACCUEIL)).min(1).optional(),
  modes_mobilisation: distinctArray(z.enum(MODES_MOBILISATION)).min(1).optional(),
  mobilisable_par: distinctArray(z.enum(MOBILISABLE_PAR)).min(1).optional(),
  frais: z.enum(FRAIS).optional(),
  telephone: Phone.optional(),
  horaires_accueil: HorairesAccueil.optional(),
  date_maj: DateMaj,
  zone_eligibilite: distinctArray(Text).min(1).optional(),
  categories: distinctArray(LocalCategory),
});
export type Service = z.infer<typeof Service>;

/** A service only professionals can mobilise (not the public): kept off the public kiosk. */
export function isProfessionalsOnly(service: Pick<Service, 'mobilisable_par'>): boolean {
  return service.mobilisable_par !== undefined && !service.mobilisable_par.includes('usagers');
}

export const CONTACT_CHANNELS = ['voice', 'sms', 'app', 'web', 'email'] as const;

/** Relais extension (domain.md §3.5): on-call, technical and operator lines that fit no data·inclusion record. */
export const ContactUrgence = z.strictObject({
  id: ContentId,
  nom: Text,
  categorie: LocalCategory,
  description: LocalisedText,
  numero: Phone,
  canal: distinctArray(z.enum(CONTACT_CHANNELS)).min(1),
  disponibilite: Text,
  gratuit: z.boolean(),
  agents_only: z.boolean(),
  zone: distinctArray(Text).min(1),
  source_url: SourceUrl,
  date_verification: IsoDate,
});
export type ContactUrgence = z.infer<typeof ContactUrgence>;

/**
 * knowledge/directory/<territory>.yaml. Besides the field rules: ids are unique, every service points to a
 * structure, every zone is a place of the territory or an INSEE code, and a demo territory holds only fiction numbers.
 */
export const Directory = z
  .strictObject({
    territory: Territory,
    structures: z.array(Structure),
    services: z.array(Service),
    contacts_urgence: z.array(ContactUrgence),
  })
  .superRefine((directory, ctx) => {
    const issue = (path: (string | number)[], message: string) => ctx.addIssue({ code: 'custom', path, message });
    const unique = (list: 'structures' | 'services' | 'contacts_urgence', ids: string[]) => {
      ids.forEach((id, index) => {
        if (ids.indexOf(id) !== index) issue([list, index, 'id'], `duplicate id "${id}"`);
      });
    };
    const placeIds = directory.territory.places.map((place) => place.id);
    placeIds.forEach((id, index) => {
      if (placeIds.indexOf(id) !== index) issue(['territory', 'places', index, 'id'], `duplicate id "${id}"`);
    });
    unique(
      'structures',
      directory.structures.map((s) => s.id),
    );
    unique(
      'services',
      directory.services.map((s) => s.id),
    );
    unique(
      'contacts_urgence',
      directory.contacts_urgence.map((c) => c.id),
    );

    const structureIds = new Set(directory.structures.map((s) => s.id));
    const places = new Set(placeIds);
    const checkZone = (zone: string[], path: (string | number)[]) => {
      zone.forEach((code, index) => {
        if (!places.has(code) && !ZONE_CODE.test(code))
          issue([...path, index], `"${code}" is neither a place id of the territory nor an INSEE code`);
      });
    };
    directory.services.forEach((service, index) => {
      if (!structureIds.has(service.structure_id))
        issue(['services', index, 'structure_id'], `no structure has the id "${service.structure_id}"`);
      checkZone(service.zone_eligibilite ?? [], ['services', index, 'zone_eligibilite']);
    });
    directory.contacts_urgence.forEach((contact, index) =>
      checkZone(contact.zone, ['contacts_urgence', index, 'zone']),
    );

    if (directory.territory.demo) {
      const fiction = (phone: string | undefined, path: (string | number)[]) => {
        if (phone !== undefined && !FICTION_PHONE.test(phone))
          issue(path, `a demo territory may only use the ARCEP fiction range +33 1 99 00 xx xx, not ${phone}`);
      };
      directory.structures.forEach((s, index) => fiction(s.telephone, ['structures', index, 'telephone']));
      directory.services.forEach((s, index) => fiction(s.telephone, ['services', index, 'telephone']));
      directory.contacts_urgence.forEach((c, index) => fiction(c.numero, ['contacts_urgence', index, 'numero']));
    }
  });
export type Directory = z.infer<typeof Directory>;
