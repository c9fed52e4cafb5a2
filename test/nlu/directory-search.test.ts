import { join, resolve } from 'node:path';
import { loadOrientation, type Orientation } from '../../src/knowledge/load-orientation';
import { LOCAL_CATEGORIES, type LocalCategory } from '../../src/knowledge/situations';
import { DirectorySearch, type DirectoryHit, type DirectorySearchOptions } from '../../src/nlu/directory-search';

const ROOT = resolve(__dirname, '../..');
const orientation: Orientation = loadOrientation(join(ROOT, 'knowledge'), ROOT);
const { directory } = orientation;
const search = new DirectorySearch(orientation);

const AGENT: DirectorySearchOptions = { includeAgentOnly: true };
const KIOSK: DirectorySearchOptions = { includeAgentOnly: false };

function ids(query: string, options: DirectorySearchOptions = AGENT): string[] {
  return search.search(query, options).map((hit) => hit.id);
}

function top(query: string, options: DirectorySearchOptions = AGENT): string | undefined {
  return ids(query, options)[0];
}

/** The local categories of a hit: a contact's `categorie`, a service's `categories`, a structure's services' ones. */
function categoriesOf(hit: DirectoryHit): LocalCategory[] {
  switch (hit.kind) {
    case 'contact':
      return [directory.contacts_urgence.find((c) => c.id === hit.id)!.categorie];
    case 'service':
      return directory.services.find((s) => s.id === hit.id)!.categories;
    case 'structure':
      return [...new Set(directory.services.filter((s) => s.structure_id === hit.id).flatMap((s) => s.categories))];
    default:
      return [];
  }
}

const agentOnlyContacts = new Set(directory.contacts_urgence.filter((c) => c.agents_only).map((c) => c.id));

describe('DirectorySearch on the demo territory', () => {
  it('indexes every contact, service, structure and national number', () => {
    const { contacts_urgence, services, structures } = directory;
    expect(search.size).toBe(
      contacts_urgence.length + services.length + structures.length + orientation.numbers.length,
    );
  });

  describe('what agents and visitors type', () => {
    it.each([
      ['numéro du CCAS', 'demo--ccas-val-de-relais'],
      ['objets trouvés', 'demo--police-municipale-objets-trouves-voie-publique'],
      ['samu social', 'samu-social-115'],
      ['police municipale', 'police-municipale-permanence'],
      ["la mairie c'est où", 'demo--mairie-val-de-relais'],
      ['gardien', 'gardien-cite-des-tilleuls'],
      ['ascensoriste', 'ascenseurs-relais-maintenance'],
      ['numéro des pompiers', 'pompiers'],
      ['3919', 'violences-femmes-info-3919'],
      ['drogue info service', 'drogues-info-service'],
      ['Pharmacie de garde', 'demo--pharmacie-arcades-garde'],
      ['17', 'police-secours'],
      ['116 000', 'enfants-disparus-116000'],
    ])('"%s" → %s first', (query, id) => {
      expect(top(query)).toBe(id);
    });

    it('finds every lost-property desk for "objets trouvés"', () => {
      expect(ids('objets trouvés')).toEqual(
        expect.arrayContaining([
          'relais-mobilites-objets-trouves',
          'demo--relais-mobilites-objets-trouves',
          'demo--police-municipale-objets-trouves-voie-publique',
          'ratp-objets-trouves-3246',
        ]),
      );
    });

    it('gives the CCAS and its services for "numéro du CCAS", and nothing else', () => {
      const hits = search.search('numéro du CCAS', AGENT);
      expect(hits.length).toBeGreaterThanOrEqual(3);
      for (const hit of hits)
        expect({ id: hit.id, categories: categoriesOf(hit) }).toEqual({ id: hit.id, categories: ['ccas'] });
    });

    it('offers the outreach team alongside the 115 for "samu social"', () => {
      expect(ids('samu social')).toContain('maraude-les-veilleurs');
      expect(ids('samu social')).not.toContain('samu'); // the 15 is not the 115
    });

    it('gives both pounds for "fourrière" and the car pound for "fourrière voiture" or "enlèvement voiture"', () => {
      expect(ids('fourrière')).toEqual(expect.arrayContaining(['fourriere-animale-du-val', 'fourriere-vehicules']));
      expect(top('fourrière voiture')).toBe('fourriere-vehicules');
      expect(top('enlèvement voiture')).toBe('fourriere-vehicules');
    });

    it('finds who owns a local number typed as dialled', () => {
      expect(ids('01 99 00 01 20')).toContain('demo--ccas-val-de-relais');
    });

    it('matches numbers exactly: "15" is not the 115 nor the 116 117', () => {
      expect(ids('15')).toEqual(['samu']);
      expect(ids('17')).not.toContain('medecin-de-garde-116117');
    });
  });

  it('drops the filler words listed in knowledge/categories.yaml before searching', () => {
    expect(search.terms("Numéro de téléphone du CCAS, c'est où ?")).toEqual(['ccas']);
    expect(search.terms('where is the phone number of the town hall please')).toEqual(['town', 'hall']);
    expect(search.terms('01 99 00 01 20')).toEqual(['0199000120']);
  });

  describe('misspellings', () => {
    it.each([
      ['ccass', 'demo--ccas-val-de-relais'],
      ['mision locale', 'demo--mission-locale-val-de-relais'],
      ['polise municipale', 'police-municipale-permanence'],
      ['commisariat', 'demo--commissariat-val-de-relais'],
      ['ponpiers', 'pompiers'],
      ['fouriere animale', 'fourriere-animale-du-val'],
      ['POLICE MUNICIPALE', 'police-municipale-permanence'],
      ['pharmacie de gard', 'demo--pharmacie-arcades-garde'],
      ['acceuil de jour', 'demo--accueil-de-jour-lescale'],
    ])('"%s" → %s', (query, id) => {
      expect(ids(query).slice(0, 3)).toContain(id);
    });
  });

  describe('English', () => {
    it.each([
      ['lost property', 'relais-mobilites-objets-trouves'],
      ['town hall', 'demo--mairie-val-de-relais'],
      ['where is the town hall', 'demo--mairie-val-de-relais'],
      ['fire brigade phone number', 'pompiers'],
      ['elevator', 'ascenseurs-relais-maintenance'],
      ['stray dog', 'fourriere-animale-du-val'],
      ['I lost my bag on the tram', 'relais-mobilites-objets-trouves'],
    ])('"%s" → %s', (query, id) => {
      expect(ids(query)).toContain(id);
    });

    it('also lists the national lost-property number for "lost property"', () => {
      expect(ids('lost property')).toContain('ratp-objets-trouves-3246');
    });
  });

  describe('categories', () => {
    it.each(
      LOCAL_CATEGORIES.flatMap((category) => (['fr', 'en'] as const).map((locale) => [category, locale] as const)),
    )('the %s label (%s) gives only entries of that category', (category, locale) => {
      const hits = search.search(orientation.categories.categories[category].label[locale], { ...AGENT, limit: 10 });
      expect(hits.length).toBeGreaterThan(0);
      for (const hit of hits)
        expect({ id: hit.id, categories: categoriesOf(hit) }).toEqual({
          id: hit.id,
          categories: expect.arrayContaining([category]),
        });
    });

    it('every keyword of a category finds an entry of that category', () => {
      for (const category of LOCAL_CATEGORIES) {
        const { fr, en } = orientation.categories.categories[category].keywords;
        for (const keyword of [...fr, ...en]) {
          const found = search
            .search(keyword, { ...AGENT, limit: 10 })
            .some((hit) => categoriesOf(hit).includes(category));
          expect({ category, keyword, found }).toEqual({ category, keyword, found: true });
        }
      }
    });
  });

  describe('public kiosk', () => {
    it('never returns an agents-only contact, by default or with includeAgentOnly: false', () => {
      const queries = [
        'gardien',
        'astreinte',
        'maraude',
        'mairie',
        'fourrière animale',
        'PC sécurité',
        'samu social',
        'bailleur',
      ];
      for (const query of queries) {
        for (const options of [KIOSK, {}]) {
          for (const id of ids(query, options))
            expect({ query, id, agentOnly: agentOnlyContacts.has(id) }).toEqual({ query, id, agentOnly: false });
        }
      }
    });

    it('still gives the public contacts: the mairie itself, the landlord line open to the public', () => {
      expect(ids('mairie', KIOSK)).toContain('demo--mairie-val-de-relais');
      expect(ids('mairie', KIOSK)).not.toContain('mairie-astreinte-cadre');
      expect(ids('mairie')).toContain('mairie-astreinte-cadre');
      expect(ids('astreinte bailleur', KIOSK)).toEqual(['logis-du-val-astreinte']);
      expect(ids('gardien', KIOSK)).toEqual([]);
      expect(ids('gardien')).toHaveLength(3);
    });

    it('keeps services only professionals can mobilise (mobilisable_par) off the kiosk', () => {
      expect(ids('maraude')).toContain('demo--veilleurs-maraude-sociale');
      expect(ids('maraude', KIOSK)).not.toContain('demo--veilleurs-maraude-sociale');
    });
  });

  describe('results', () => {
    it('are plain data, scored 0..1, best first, within the limit', () => {
      for (const query of ['objets trouvés', 'ccas', 'police', 'aide', 'lost property']) {
        const hits = search.search(query, { ...AGENT, limit: 3 });
        expect(hits.length).toBeLessThanOrEqual(3);
        expect(JSON.parse(JSON.stringify(hits))).toEqual(hits);
        hits.forEach((hit, i) => {
          expect(Object.keys(hit).sort()).toEqual(['id', 'kind', 'score']);
          expect(hit.score).toBeGreaterThan(0);
          expect(hit.score).toBeLessThanOrEqual(1);
          if (i > 0) expect(hit.score).toBeLessThanOrEqual(hits[i - 1]!.score);
        });
      }
    });

    it('default to 5 hits and accept odd limits', () => {
      expect(search.search('aide', AGENT).length).toBeLessThanOrEqual(5);
      expect(search.search('ccas', { ...AGENT, limit: 0 })).toHaveLength(1);
      expect(search.search('ccas', { ...AGENT, limit: Number.NaN }).length).toBeLessThanOrEqual(5);
      expect(search.search('ccas', { ...AGENT, limit: -3 })).toHaveLength(1);
    });
  });

  describe('queries with nothing to find', () => {
    it('finds nothing relevant for "recette de crêpes"', () => {
      expect(search.search('recette de crêpes', AGENT)).toEqual([]);
    });

    it.each([
      ['empty', ''],
      ['blank', '   \n\t '],
      ['only filler words', 'numéro de téléphone, c’est où ?'],
      ['only filler words in English', 'where is the phone number please'],
      ['emoji', '🙂🚑📞'],
      ['punctuation', '?!…;:--()[]{}«»'],
      ['2 000 characters', 'x'.repeat(2000)],
      ['control characters', '\u0000\u0007\u001b[0m'],
      ['lone surrogate', '\ud83d'],
    ])('returns [] for %s', (_name, query) => {
      expect(search.search(query, AGENT)).toEqual([]);
    });

    it('does not throw on a value that is not a string', () => {
      expect(search.search(undefined as unknown as string)).toEqual([]);
      expect(search.search(42 as unknown as string)).toEqual([]);
    });

    it('looks only at the first 200 characters', () => {
      expect(top(`ccas${' '.repeat(196)}mairie`)).toBe('demo--ccas-val-de-relais');
      expect(ids(`${'. '.repeat(100)}ccas`)).toEqual([]);
      expect(top(`${'ccas '.repeat(400)}`)).toBe('demo--ccas-val-de-relais');
    });
  });
});
