import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import {
  categoriesFor,
  loadDataInclusionCategories,
  type CategoryRule,
} from '../../src/knowledge/data-inclusion-categories';
import { exportRecords } from '../../src/knowledge/data-inclusion-export';
import { importDataInclusion, type ImportOptions } from '../../src/knowledge/data-inclusion-import';
import { toFrenchE164 } from '../../src/knowledge/french-phone';

const ROOT = resolve(__dirname, '../..');
const FIXTURES = join(ROOT, 'test/fixtures/data-inclusion');

function fixture(name: string): unknown[] {
  const records = exportRecords(JSON.parse(readFileSync(join(FIXTURES, name), 'utf8')));
  if (!records.ok) throw new Error(records.message);
  return records.records;
}

function realRules(): CategoryRule[] {
  const file = loadDataInclusionCategories(join(ROOT, 'knowledge'), ROOT);
  if (!file.ok) throw new Error(JSON.stringify(file.issues));
  return file.data.rules;
}

const options: ImportOptions = { categoryRules: realRules() };
const all = () => importDataInclusion([...fixture('structures.json'), ...fixture('services.json')], options);

/** A valid v1 structure and service, to vary one field at a time. */
const structure = {
  source: 'dora',
  id: 'dora--s1',
  nom: 'Centre social des Tilleuls',
  date_maj: '2026-01-15',
  reseaux_porteurs: ['fcsf'],
};
const service = {
  source: 'dora',
  id: 'dora--s1-accueil',
  structure_id: 'dora--s1',
  nom: 'Accueil et orientation',
  description: 'Écoute, information et orientation vers les bons interlocuteurs.',
  type: 'information',
  thematiques: ['remobilisation--lien-social'],
  publics: ['tous-publics'],
  modes_accueil: ['en-presentiel'],
  modes_mobilisation: ['se-presenter'],
  mobilisable_par: ['usagers'],
  frais: 'gratuit',
  date_maj: '2026-01-15',
  zone_eligibilite: ['93999'],
};

describe('importDataInclusion', () => {
  it('keeps the valid records with only the fields of the Relais schemas', () => {
    const { structures, services } = all();
    expect(structures.map((s) => s.id)).toEqual([
      'dora--4c9e0d6a-3f0b-4a57-9d0e-1b6f1c2a7e01',
      'emplois-de-linclusion--8812',
      'soliguide--40213',
    ]);
    expect(services.map((s) => s.id)).toEqual([
      'dora--svc-aide-alimentaire',
      'dora--svc-domiciliation',
      'emplois-de-linclusion--svc-8812-demarches',
      'emplois-de-linclusion--svc-8812-numerique', // no type nor frais: both optional in data·inclusion v1
    ]);
    const ccas = structures[0]!;
    expect(ccas).not.toHaveProperty('siret');
    expect(ccas).not.toHaveProperty('score_qualite');
    expect(ccas).not.toHaveProperty('original_id');
    expect(ccas).toMatchObject({
      adresse: '12 rue de la Mairie, Bâtiment B, 1er étage',
      telephone: '+33199001234',
      reseaux_porteurs: ['ccas-cias'],
      latitude: 48.8617,
    });
  });

  it('treats null and blank values as absent', () => {
    const { structures, services } = all();
    const franceServices = structures.find((s) => s.id === 'emplois-de-linclusion--8812')!;
    expect(franceServices).not.toHaveProperty('courriel');
    expect(franceServices).not.toHaveProperty('latitude');
    const passerelle = structures.find((s) => s.id === 'soliguide--40213')!;
    expect(passerelle).not.toHaveProperty('courriel'); // "  "
    expect(passerelle).not.toHaveProperty('reseaux_porteurs');
    const aide = services.find((s) => s.id === 'dora--svc-aide-alimentaire')!;
    expect(aide).not.toHaveProperty('telephone');
    expect(aide.horaires_accueil).toBe('Tu,Th 14:00-17:00; PH off');
  });

  it('rejects each bad record with its id, its kind and reasons naming the field', () => {
    const { rejected } = all();
    // structures.json has 6 records, services.json follows from index 6.
    expect(rejected).toEqual([
      { index: 3, id: 'dora--9b1f3d22', kind: 'structure', reasons: ['nom: missing'] },
      { index: 4, id: 'dora--c07e4a90', kind: 'structure', reasons: ['code_postal: must be 5 digits (got "9399")'] },
      { index: 5, id: 'emplois-de-linclusion--8812', kind: 'structure', reasons: ['id: duplicate of record 1'] },
      {
        index: 9,
        id: 'soliguide--40213-douches',
        kind: 'service',
        reasons: [
          expect.stringMatching(/^thematiques\.0: must be a thématique slug .*\(got "Hygiène et bien-être"\)$/),
        ],
      },
      {
        index: 10,
        id: 'dora--svc-orphelin',
        kind: 'service',
        reasons: ['structure_id: no structure "dora--structure-absente" in the imported records'],
      },
      {
        index: 11,
        id: 'dora--svc-soutien-scolaire',
        kind: 'service',
        reasons: ['structure_id: structure "dora--9b1f3d22" was rejected'],
      },
      { index: 13, id: 'dora--svc-domiciliation', kind: 'service', reasons: ['id: duplicate of record 7'] },
    ]);
  });

  it('drops a phone number that is not French, with a warning rather than a rejection', () => {
    const { structures, warnings } = all();
    expect(structures.find((s) => s.id === 'soliguide--40213')).not.toHaveProperty('telephone');
    expect(warnings).toEqual([
      {
        index: 2,
        id: 'soliguide--40213',
        kind: 'structure',
        message: 'telephone "+32 2 555 12 34" is not one French number: dropped',
      },
    ]);
  });

  it('rejects every record sharing an id when they differ, and names records with recordName', () => {
    const result = importDataInclusion([structure, { ...structure, nom: 'Centre social Les Tilleuls' }, service], {
      ...options,
      recordName: (index) => `file.json[${index}]`,
    });
    expect(result.structures).toEqual([]);
    expect(result.rejected.map((r) => [r.index, r.reasons])).toEqual([
      [0, ['id: file.json[0], file.json[1] share this id with different content']],
      [1, ['id: duplicate of file.json[0]']],
      [2, ['structure_id: structure "dora--s1" was rejected']],
    ]);
  });

  it('rejects what is not a JSON object', () => {
    const result = importDataInclusion([42, null, structure], options);
    expect(result.rejected).toEqual([
      { index: 0, kind: 'unknown', reasons: ['not a JSON object (got 42)'] },
      { index: 1, kind: 'unknown', reasons: ['not a JSON object (got null)'] },
    ]);
    expect(result.structures).toHaveLength(1);
  });

  it('accepts INSEE codes and the places of the territory in zone_eligibilite, nothing else', () => {
    const zones = (zone: string[], placeIds?: string[]) =>
      importDataInclusion([structure, { ...service, zone_eligibilite: zone }], { ...options, placeIds }).rejected;
    expect(zones(['93', '2A004', '200054781', 'france'])).toEqual([]);
    expect(zones(['gare-centrale'], ['gare-centrale'])).toEqual([]);
    expect(zones(['Saint-Relais'])[0]?.reasons).toEqual([
      'zone_eligibilite.0: "Saint-Relais" is neither an INSEE code nor a place of the territory',
    ]);
  });

  it('reads v0 field names when the v1 ones are absent', () => {
    const { structures, services, rejected } = importDataInclusion(fixture('v0-export.json'), options);
    expect(rejected).toEqual([]);
    expect(structures[0]).toMatchObject({
      id: 'dora--a3c5e1f0-77b2-4b7e-9a51-0c2f3e4d5b6a',
      date_maj: '2024-03-18',
      description: 'Consultations de psychiatrie et de psychologie, gratuites et sans avance de frais.',
      horaires_accueil: 'Mo-Fr 09:00-17:30',
      telephone: '+33199001238',
    });
    expect(services[0]).toEqual({
      id: 'dora--e9d8c7b6',
      structure_id: 'dora--a3c5e1f0-77b2-4b7e-9a51-0c2f3e4d5b6a',
      source: 'dora',
      nom: 'Premier accueil en santé mentale',
      description: 'Premier entretien sans rendez-vous avec un infirmier, puis orientation.',
      type: 'accompagnement',
      thematiques: ['sante--sante-mentale'],
      publics: ['personnes-en-situation-durgence', 'seniors'],
      modes_accueil: ['en-presentiel'],
      modes_mobilisation: ['se-presenter', 'telephoner', 'envoyer-un-courriel'],
      mobilisable_par: ['usagers', 'professionnels'],
      frais: 'gratuit',
      date_maj: '2024-03-18',
      zone_eligibilite: ['93999'],
      categories: [],
    });
  });

  it('maps v0 frais and profils with their own rules', () => {
    const v0 = { ...service, type: undefined, types: ['numerique', 'atelier'], publics: undefined };
    const [paid] = importDataInclusion(
      [structure, { ...v0, frais: ['gratuit', 'adhesion'], profils: ['tous-publics', 'jeunes'] }],
      options,
    ).services;
    expect(paid).toMatchObject({ type: 'atelier', frais: 'payant', publics: ['tous-publics'] });
    // "adultes" has no v1 equivalent: the service keeps no publics (optional in v1) rather than being rejected.
    const onlyAdults = importDataInclusion([structure, { ...v0, profils: ['adultes'] }], options);
    expect(onlyAdults.rejected).toEqual([]);
    expect(onlyAdults.services[0]?.publics).toBeUndefined();
  });
});

describe('Relais categories of imported services', () => {
  const withReseau = (reseaux: string[], thematiques: string[]) =>
    importDataInclusion(
      [
        { ...structure, reseaux_porteurs: reseaux },
        { ...service, thematiques },
      ],
      options,
    ).services[0]?.categories;

  it('come from knowledge/data-inclusion-categories.yaml', () => {
    const { services } = all();
    expect(services.map((s) => s.categories)).toEqual([['ccas'], ['ccas'], ['france-services'], ['france-services']]);
    expect(withReseau(['points-justice'], ['remobilisation--lien-social'])).toEqual(['point-justice']);
    expect(
      withReseau(
        ['communes'],
        ['difficultes-administratives-ou-juridiques--accompagnement-aux-demarches-administratives'],
      ),
    ).toEqual(['mairie']);
    expect(withReseau(['communes'], ['remobilisation--activites-sportives-et-culturelles'])).toEqual([]);
    expect(withReseau([], ['sante--sante-mentale'])).toEqual([]);
  });

  it('follow every condition of a rule; a bare thématique category matches its sous-thématiques', () => {
    const rules: CategoryRule[] = [
      { category: 'centre-medico-psychologique', thematiques: ['sante'], reseaux_porteurs: ['cmp'] },
      { category: 'maraude', thematiques: ['remobilisation--lien-social'] },
      { category: 'accueil-de-jour', thematiques: ['remobilisation--lien-social'] },
      { category: 'maraude', reseaux_porteurs: ['fcsf'] },
    ];
    expect(categoriesFor(rules, ['sante--sante-mentale'], ['cmp'])).toEqual(['centre-medico-psychologique']);
    expect(categoriesFor(rules, ['sante-publique--x'], ['cmp'])).toEqual([]);
    expect(categoriesFor(rules, ['sante--addictions'], [])).toEqual([]);
    expect(categoriesFor(rules, ['remobilisation--lien-social'], ['fcsf'])).toEqual(['maraude', 'accueil-de-jour']);
  });

  it('are read from a file validated field by field', () => {
    const dir = mkdtempSync(join(tmpdir(), 'relais-di-categories-'));
    writeFileSync(
      join(dir, 'data-inclusion-categories.yaml'),
      'rules:\n  - category: ccas\n  - category: guichet\n    reseaux_porteurs: [ccas-cias]\n',
    );
    const file = loadDataInclusionCategories(dir, dir);
    expect(file.ok).toBe(false);
    if (file.ok) return;
    expect(file.issues).toEqual([
      expect.objectContaining({ file: 'data-inclusion-categories.yaml', path: 'rules.0', line: 2 }),
      expect.objectContaining({ path: 'rules.1.category', line: 3 }),
    ]);
    expect(file.issues[0]?.message).toMatch(/needs `thematiques`, `reseaux_porteurs` or both/);
  });
});

describe('toFrenchE164', () => {
  it.each([
    ['01 23 45 67 89', '+33123456789'],
    ['01.23.45.67.89', '+33123456789'],
    ['01-23-45-67-89', '+33123456789'],
    ['0612345678', '+33612345678'],
    ['+33 1 23 45 67 89', '+33123456789'],
    ['+33 (0)1 23 45 67 89', '+33123456789'],
    ['0033 1 23 45 67 89', '+33123456789'],
    ['+33123456789', '+33123456789'],
    ['0800\u00a0123\u00a0456', '+33800123456'],
    ['02 62 12 34 56', '+262262123456'],
    ['0692 12 34 56', '+262692123456'],
    ['05 90 12 34 56', '+590590123456'],
    ['+596 596 12 34 56', '+596596123456'],
  ])('normalises %s to %s', (raw, e164) => {
    expect(toFrenchE164(raw)).toBe(e164);
  });

  it.each([
    '+32 2 555 12 34',
    '+44 20 7946 0958',
    '115',
    '3949',
    '01 23 45 67',
    '01 23 45 67 89 / 06 12 34 56 78',
    '00 23 45 67 89',
    'Standard : 01 23 45 67 89',
  ])('refuses %s', (raw) => {
    expect(toFrenchE164(raw)).toBeUndefined();
  });
});

describe('exportRecords', () => {
  it('reads an array, an API page, search results and an object with both lists', () => {
    expect(exportRecords([{ id: 'a' }])).toEqual({ ok: true, records: [{ id: 'a' }] });
    expect(exportRecords({ items: [{ id: 'a' }], total: 1, page: 1, size: 1, pages: 1 })).toEqual({
      ok: true,
      records: [{ id: 'a' }],
    });
    expect(exportRecords({ items: [{ service: { id: 'b' }, distance: 120 }] })).toEqual({
      ok: true,
      records: [{ id: 'b' }],
    });
    expect(exportRecords({ structures: [{ id: 'a' }], services: [{ id: 'b' }] })).toEqual({
      ok: true,
      records: [{ id: 'a' }, { id: 'b' }],
    });
    expect(exportRecords({ services: [] })).toEqual({ ok: true, records: [] });
  });

  it('names what is wrong with any other shape', () => {
    expect(exportRecords({ data: [] })).toEqual({
      ok: false,
      message: expect.stringMatching(/^expected a JSON array/),
    });
    expect(exportRecords('structures')).toMatchObject({ ok: false });
    expect(exportRecords({ items: {} })).toEqual({ ok: false, message: '"items" must be an array of records' });
    expect(exportRecords({ structures: [], services: 3 })).toEqual({
      ok: false,
      message: '"services" must be an array of records',
    });
  });
});
