import { SERVICE_TYPES, type FRAIS, type MODES_MOBILISATION, type PUBLICS } from './directory';

/**
 * data·inclusion schema v0 → v1 for the fields Relais keeps. A v0 value is used only when the v1 field is absent, so
 * records already in v1 pass unchanged; v0 values with no v1 equivalent are dropped rather than guessed.
 */
type Raw = Record<string, unknown>;

/** v0 `profils` → v1 `publics`; profils missing here ("adultes", "locataires", "victimes"…) have no v1 equivalent. */
const PUBLIC_OF_PROFIL: Readonly<Record<string, (typeof PUBLICS)[number]>> = {
  'tous-publics': 'tous-publics',
  'beneficiaires-rsa': 'beneficiaires-des-minimas-sociaux',
  'demandeurs-demploi': 'demandeurs-emploi',
  etudiants: 'etudiants',
  'familles-enfants': 'familles',
  femmes: 'femmes',
  'deficience-visuelle': 'personnes-en-situation-de-handicap',
  'handicaps-mentaux': 'personnes-en-situation-de-handicap',
  'handicaps-psychiques': 'personnes-en-situation-de-handicap',
  'personnes-en-situation-de-handicap': 'personnes-en-situation-de-handicap',
  'personnes-handicapees': 'personnes-en-situation-de-handicap',
  surdite: 'personnes-en-situation-de-handicap',
  jeunes: 'jeunes',
  'jeunes-16-26': 'jeunes',
  'personnes-en-situation-durgence': 'personnes-en-situation-durgence',
  'sans-domicile-fixe': 'personnes-en-situation-durgence',
  retraites: 'seniors',
  'seniors-65': 'seniors',
  salaries: 'actifs',
};

/** v0 `modes_orientation_*` → v1 `modes_mobilisation` ("prendre-rdv" and "autre" say nothing about the channel). */
const MOBILISATION_OF_ORIENTATION: Readonly<Record<string, (typeof MODES_MOBILISATION)[number]>> = {
  'se-presenter': 'se-presenter',
  telephoner: 'telephoner',
  'envoyer-un-mail': 'envoyer-un-courriel',
  'envoyer-un-mail-avec-une-fiche-de-prescription': 'envoyer-un-courriel',
  'completer-le-formulaire-dadhesion': 'utiliser-lien-mobilisation',
};

/** v0 `frais` is a set: anything to pay (payant, adhesion, pass-numerique) makes it "payant". */
function fraisOf(values: unknown[]): (typeof FRAIS)[number] | undefined {
  if (values.some((v) => v === 'payant' || v === 'adhesion' || v === 'pass-numerique')) return 'payant';
  if (values.some((v) => v === 'gratuit' || v === 'gratuit-sous-conditions')) return 'gratuit';
  return undefined;
}

function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

function unique<T>(values: T[]): T[] {
  return [...new Set(values)];
}

function setIfAbsent(record: Raw, field: string, value: unknown): void {
  if (record[field] !== undefined || value === undefined) return;
  if (Array.isArray(value) && value.length === 0) return;
  record[field] = value;
}

/** A v0 description: the detailed presentation, else the short one. */
function description(record: Raw): unknown {
  return record.presentation_detail ?? record.presentation_resume;
}

export function upgradeV0Structure(record: Raw): Raw {
  const upgraded = { ...record };
  setIfAbsent(upgraded, 'description', description(record));
  setIfAbsent(upgraded, 'horaires_accueil', record.horaires_ouverture);
  return upgraded;
}

export function upgradeV0Service(record: Raw): Raw {
  const upgraded = { ...record };
  setIfAbsent(upgraded, 'description', description(record));
  const types = strings(record.types);
  setIfAbsent(
    upgraded,
    'type',
    SERVICE_TYPES.find((type) => types.includes(type)),
  );
  if (Array.isArray(record.frais)) upgraded.frais = fraisOf(record.frais);

  const profils = strings(record.profils);
  const publics = unique(profils.flatMap((p) => PUBLIC_OF_PROFIL[p] ?? []));
  setIfAbsent(upgraded, 'publics', publics.includes('tous-publics') ? ['tous-publics'] : publics);

  const zoneType = record.zone_diffusion_type;
  const zoneCode = record.zone_diffusion_code;
  if (zoneType === 'pays') setIfAbsent(upgraded, 'zone_eligibilite', ['france']);
  else if (typeof zoneCode === 'string') setIfAbsent(upgraded, 'zone_eligibilite', [zoneCode]);

  const byUsers = strings(record.modes_orientation_beneficiaire);
  const byPros = strings(record.modes_orientation_accompagnateur);
  const modes = unique([...byUsers, ...byPros].flatMap((m) => MOBILISATION_OF_ORIENTATION[m] ?? []));
  setIfAbsent(upgraded, 'modes_mobilisation', modes);
  setIfAbsent(upgraded, 'mobilisable_par', [
    ...(byUsers.length > 0 ? ['usagers'] : []),
    ...(byPros.length > 0 ? ['professionnels'] : []),
  ]);
  return upgraded;
}
