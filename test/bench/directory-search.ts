/**
 * Directory search speed: N synthetic services (deterministic, seeded) added to the demo territory, index build time,
 * and per-query time (median, p95) over about 200 varied queries (names, typos, categories, numbers, English, noise).
 * Part of `npm run bench`; alone: `npx tsx test/bench/directory-search.ts [services…]`.
 * Figures vary from run to run on shared machines; the goal is under 2 ms per search at 10 000 services.
 */
import { join, resolve } from 'node:path';
import type { Directory, Service, Structure } from '../../src/knowledge/directory';
import { loadOrientation, type Orientation } from '../../src/knowledge/load-orientation';
import { LOCAL_CATEGORIES, type LocalCategory } from '../../src/knowledge/situations';
import { DirectorySearch, type DirectoryIndexTuning } from '../../src/nlu/directory-search';
import { prng } from './prng';

const ROOT = resolve(__dirname, '..', '..');

export interface DirectoryBenchResult {
  services: number;
  entries: number;
  tuning: Required<DirectoryIndexTuning>;
  buildMs: number;
  medianMs: number;
  p95Ms: number;
  queries: number;
  /** Share of "name" queries (exact or with one typo) whose service is among the first 5 hits. */
  foundRate: number;
  /** Examples whose expected demo entry is in the first 5 hits, and no-match examples that found something. */
  examplesFound: number;
  examples: number;
  noMatchWithHits: number;
}

const ACTIVITIES: { nom: string; thematique: string; type: Service['type']; category?: LocalCategory }[] = [
  {
    nom: 'Aide alimentaire',
    thematique: 'equipement-et-alimentation--alimentation',
    type: 'aide-materielle',
    category: 'ccas',
  },
  { nom: 'Épicerie solidaire', thematique: 'equipement-et-alimentation--alimentation', type: 'aide-materielle' },
  { nom: 'Vestiaire solidaire', thematique: 'equipement-et-alimentation--habillement', type: 'aide-materielle' },
  {
    nom: 'Permanence juridique',
    thematique: 'difficultes-administratives-ou-juridiques--accompagnement-pour-lacces-aux-droits',
    type: 'information',
    category: 'point-justice',
  },
  {
    nom: 'Écrivain public',
    thematique: 'difficultes-administratives-ou-juridiques--accompagnement-aux-demarches-administratives',
    type: 'accompagnement',
  },
  {
    nom: 'Aide aux démarches en ligne',
    thematique: 'numerique--acceder-a-des-services-en-ligne',
    type: 'accompagnement',
    category: 'france-services',
  },
  {
    nom: 'Atelier informatique débutants',
    thematique: 'numerique--maitriser-les-fondamentaux-du-numerique',
    type: 'atelier',
  },
  {
    nom: 'Atelier CV et lettre de motivation',
    thematique: 'preparer-sa-candidature--realiser-un-cv-et-ou-une-lettre-de-motivation',
    type: 'atelier',
  },
  {
    nom: "Accompagnement vers l'emploi",
    thematique: 'trouver-un-emploi--repondre-a-des-offres-demploi',
    type: 'accompagnement',
  },
  {
    nom: 'Domiciliation administrative',
    thematique: 'difficultes-administratives-ou-juridiques--accompagnement-aux-demarches-administratives',
    type: 'accompagnement',
    category: 'ccas',
  },
  {
    nom: 'Hébergement temporaire',
    thematique: 'logement-hebergement--rechercher-une-solution-dhebergement-temporaire',
    type: 'accompagnement',
  },
  {
    nom: 'Prévention des expulsions locatives',
    thematique: 'logement-hebergement--se-maintenir-dans-le-logement',
    type: 'accompagnement',
  },
  { nom: 'Médiation familiale', thematique: 'famille--surmonter-conflits-separation-violence', type: 'accompagnement' },
  { nom: 'Soutien à la parentalité', thematique: 'famille--soutien-a-la-parentalite-et-a-leducation', type: 'atelier' },
  { nom: 'Consultation en addictologie', thematique: 'sante--addictions', type: 'accompagnement' },
  {
    nom: "Point d'écoute santé mentale",
    thematique: 'sante--sante-mentale',
    type: 'information',
    category: 'centre-medico-psychologique',
  },
  { nom: 'Bilan de santé gratuit', thematique: 'sante--acces-aux-soins', type: 'information' },
  { nom: 'Cours de français langue étrangère', thematique: 'se-former--trouver-sa-formation', type: 'formation' },
  { nom: 'Aide au financement du permis', thematique: 'mobilite--financer-ma-mobilite', type: 'aide-financiere' },
  {
    nom: 'Location solidaire de vélos',
    thematique: 'mobilite--mobilite-douce-partagee-collective',
    type: 'aide-materielle',
  },
  { nom: 'Café social', thematique: 'remobilisation--lien-social', type: 'atelier', category: 'accueil-de-jour' },
  {
    nom: 'Douches et bagagerie',
    thematique: 'equipement-et-alimentation--habillement',
    type: 'aide-materielle',
    category: 'accueil-de-jour',
  },
  { nom: 'Maraude de soirée', thematique: 'remobilisation--lien-social', type: 'accompagnement', category: 'maraude' },
  {
    nom: "Micro-crédit et aides d'urgence",
    thematique: 'difficultes-financieres--prevenir-une-degradation-de-la-situation-financiere',
    type: 'aide-financiere',
  },
];
const CARRIERS = [
  'Secours populaire',
  'Croix-Rouge',
  'Restos du cœur',
  'Centre social',
  'Maison de quartier',
  'Association Trait d’union',
  'Emmaüs',
  'Maison des solidarités',
  'Espace de vie sociale',
  'Mission locale',
  'Association Le Fil',
  'Compagnons du Val',
];
const PLACES = [
  'des Tilleuls',
  'du Moulin',
  'des Hauts-de-Relais',
  'de la Gare',
  'des Arcades',
  'du Marché',
  'des Berges',
  'de Saint-Aubin',
  'des Ormeaux',
  'de Bois-Joli',
  'du Pré-Vert',
  'de la Fontaine',
  'des Peupliers',
  'du Vieux-Pont',
  'de Champfleury',
  'des Coquelicots',
];
const PUBLICS_TEXT = [
  'les familles',
  'les jeunes de 16 à 25 ans',
  'les seniors',
  'les personnes à la rue',
  'tous les habitants',
];
const MODES = [
  'Sans rendez-vous le matin.',
  'Sur rendez-vous par téléphone.',
  'Inscription sur place.',
  'Gratuit et confidentiel.',
];

function pick<T>(random: () => number, list: readonly T[]): T {
  return list[Math.floor(random() * list.length)]!;
}

/** N synthetic services (and their structures) in the shape of the demo territory, fiction phone numbers only. */
export function syntheticDirectory(services: number, seed = 42): Pick<Directory, 'structures' | 'services'> {
  const random = prng(seed);
  const structures: Structure[] = [];
  const list: Service[] = [];
  const structureCount = Math.max(1, Math.round(services / 3));
  for (let i = 0; i < structureCount; i++) {
    structures.push({
      id: `bench--s${i}`,
      source: 'bench',
      nom: `${pick(random, CARRIERS)} ${pick(random, PLACES)} ${i}`,
      date_maj: '2026-01-15',
      description: `Structure d'accueil et d'orientation pour ${pick(random, PUBLICS_TEXT)}.`,
      telephone: `+33199000${String(i % 1000).padStart(3, '0')}`,
    });
  }
  for (let i = 0; i < services; i++) {
    const activity = pick(random, ACTIVITIES);
    const structure = structures[Math.floor(random() * structureCount)]!;
    const place = pick(random, PLACES);
    list.push({
      id: `bench--v${i}`,
      structure_id: structure.id,
      source: 'bench',
      nom: `${activity.nom} ${place}`,
      description: `${activity.nom} pour ${pick(random, PUBLICS_TEXT)} du quartier ${place}. ${pick(random, MODES)} ${pick(random, MODES)}`,
      type: activity.type,
      thematiques: [activity.thematique],
      publics: ['tous-publics'],
      modes_accueil: ['en-presentiel'],
      modes_mobilisation: ['se-presenter', 'telephoner'],
      mobilisable_par: ['usagers', 'professionnels'],
      frais: 'gratuit',
      telephone: `+33199000${String(Math.floor(random() * 1000)).padStart(3, '0')}`,
      date_maj: '2026-01-15',
      zone_eligibilite: ['99100'],
      categories: activity.category && random() < 0.5 ? [activity.category] : [],
    });
  }
  return { structures, services: list };
}

/** One letter dropped or two swapped in the longest word: the typos people make. */
function typo(random: () => number, text: string): string {
  const words = text.split(' ');
  const longest = words.reduce((a, b) => (b.length > a.length ? b : a), '');
  const at = 1 + Math.floor(random() * Math.max(1, longest.length - 2));
  const changed =
    random() < 0.5
      ? longest.slice(0, at) + longest.slice(at + 1)
      : longest.slice(0, at) + (longest[at + 1] ?? '') + (longest[at] ?? '') + longest.slice(at + 2);
  return words.map((w) => (w === longest ? changed : w)).join(' ');
}

/** Examples people type, with the demo entry expected among the first 5 hits (null: nothing should come up). */
const EXAMPLES: [string, string | null][] = [
  ['numéro du CCAS', 'demo--ccas-val-de-relais'],
  ['objets trouvés', 'relais-mobilites-objets-trouves'],
  ['samu social', 'samu-social-115'],
  ['police municipale', 'police-municipale-permanence'],
  ["la mairie c'est où", 'demo--mairie-val-de-relais'],
  ['gardien', 'gardien-cite-des-tilleuls'],
  ['ccass', 'demo--ccas-val-de-relais'],
  ['mision locale', 'demo--mission-locale-val-de-relais'],
  ['ascensoriste', 'ascenseurs-relais-maintenance'],
  ['fourrière', 'fourriere-vehicules'],
  ['numéro des pompiers', 'pompiers'],
  ['3919', 'violences-femmes-info-3919'],
  ['drogue info service', 'drogues-info-service'],
  ['lost property', 'relais-mobilites-objets-trouves'],
  ['town hall', 'demo--mairie-val-de-relais'],
  ['where is the town hall', 'demo--mairie-val-de-relais'],
  ['pharmacie de garde', 'pharmacies-de-garde-du-val'],
  ['polise municipale', 'police-municipale-permanence'],
  ['acceuil de jour', 'demo--accueil-de-jour-lescale'],
  ['3246', 'ratp-objets-trouves-3246'],
  ['recette de crêpes', null],
  ['météo de demain', null],
  ['weather tomorrow', null],
  ['🙂🙂', null],
  ['?!…', null],
];

/** About 200 queries: fixed examples, service names as typed, with typos, with fillers, and category keywords. */
export function benchQueries(
  directory: Pick<Directory, 'services'>,
  categories: Orientation['categories'],
  seed = 7,
): string[] {
  const random = prng(seed);
  const keywords = LOCAL_CATEGORIES.flatMap((c) => [
    ...categories.categories[c].keywords.fr,
    ...categories.categories[c].keywords.en,
  ]);
  const queries = EXAMPLES.map(([query]) => query);
  for (let i = 0; i < 50; i++) queries.push(pick(random, directory.services).nom);
  for (let i = 0; i < 50; i++) queries.push(typo(random, pick(random, directory.services).nom));
  for (let i = 0; i < 25; i++) queries.push(`numéro de ${pick(random, directory.services).nom.toLowerCase()}`);
  for (let i = 0; i < 50; i++) queries.push(pick(random, keywords));
  return queries;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? 0;
}

/** Builds the index over `services` synthetic services plus the demo territory and times it. */
export function benchDirectorySearch(
  orientation: Orientation,
  services: number,
  tuning: Required<DirectoryIndexTuning> = { charset: 'Normalize', tokenize: 'tolerant' },
): DirectoryBenchResult {
  const synthetic = syntheticDirectory(services);
  const directory = {
    structures: [...orientation.directory.structures, ...synthetic.structures],
    services: [...orientation.directory.services, ...synthetic.services],
    contacts_urgence: orientation.directory.contacts_urgence,
  };
  const t0 = performance.now();
  const search = new DirectorySearch(
    { directory, numbers: orientation.numbers, categories: orientation.categories },
    tuning,
  );
  const buildMs = performance.now() - t0;

  const queries = benchQueries(synthetic, orientation.categories);
  for (const q of queries) search.search(q, { includeAgentOnly: true }); // warm-up
  const times: number[] = [];
  for (const q of queries) {
    const t = performance.now();
    search.search(q, { includeAgentOnly: true });
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);

  // Found rate: a service name, exact or with one typo, must bring that service (or a same-named one) into the top 5.
  const random = prng(11);
  let found = 0;
  const probes = 100;
  for (let i = 0; i < probes; i++) {
    const service = pick(random, synthetic.services);
    const query = i % 2 === 0 ? service.nom : typo(random, service.nom);
    const hits = search.search(query, { includeAgentOnly: true, limit: 5 });
    const names = new Set(hits.map((h) => directory.services.find((s) => s.id === h.id)?.nom));
    if (names.has(service.nom)) found++;
  }
  let examplesFound = 0;
  let noMatchWithHits = 0;
  for (const [query, expected] of EXAMPLES) {
    const hits = search.search(query, { includeAgentOnly: true, limit: 5 });
    if (expected === null && hits.length > 0) noMatchWithHits++;
    if (expected !== null && hits.some((h) => h.id === expected)) examplesFound++;
  }
  return {
    services,
    entries: search.size,
    tuning,
    buildMs,
    medianMs: percentile(times, 0.5),
    p95Ms: percentile(times, 0.95),
    queries: queries.length,
    foundRate: found / probes,
    examplesFound,
    examples: EXAMPLES.filter(([, expected]) => expected !== null).length,
    noMatchWithHits,
  };
}

export function formatDirectoryBench(r: DirectoryBenchResult): string {
  return (
    `${String(r.services).padStart(6)} services (${r.entries} entries, ${r.tuning.charset}/${r.tuning.tokenize}): ` +
    `build ${r.buildMs.toFixed(0)} ms; ${r.queries} queries: ` +
    `median ${r.medianMs.toFixed(3)} ms, p95 ${r.p95Ms.toFixed(3)} ms; name found in top 5: ${(100 * r.foundRate).toFixed(0)} %; ` +
    `examples found: ${r.examplesFound}/${r.examples}, no-match examples with hits: ${r.noMatchWithHits}`
  );
}

/** The "Directory search" section of npm run bench. */
export function directorySearchSection(sizes: number[] = [1000, 10000], compare = true): void {
  const orientation = loadOrientation(join(ROOT, 'knowledge'), ROOT);
  console.log(
    '\n## Directory search (FlexSearch, synthetic services + demo territory; goal < 2 ms per search at 10 000)',
  );
  for (const size of sizes) console.log(formatDirectoryBench(benchDirectorySearch(orientation, size)));
  if (!compare) return;
  const largest = Math.max(...sizes);
  for (const tuning of [
    { charset: 'Normalize', tokenize: 'strict' },
    { charset: 'LatinBalance', tokenize: 'tolerant' },
    { charset: 'LatinAdvanced', tokenize: 'forward' },
  ] as const)
    console.log(`  alternative: ${formatDirectoryBench(benchDirectorySearch(orientation, largest, tuning))}`);
}

if (require.main === module) {
  const sizes = process.argv
    .slice(2)
    .map(Number)
    .filter((n) => Number.isInteger(n) && n > 0);
  directorySearchSection(sizes.length > 0 ? sizes : undefined);
}
