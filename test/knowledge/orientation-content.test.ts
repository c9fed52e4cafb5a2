import { join } from 'node:path';
import { FICTION_PHONE, Service } from '../../src/knowledge/directory';
import { loadOrientation, staleEntries, type Orientation } from '../../src/knowledge/load-orientation';
import { NationalNumber } from '../../src/knowledge/numbers';
import { LOCAL_CATEGORIES, SITUATION_CATEGORIES } from '../../src/knowledge/situations';

import { ROOT, brokenKnowledgeCopy, orientationError } from '../helpers';

let cached: Orientation | undefined;
function orientation(): Orientation {
  cached ??= loadOrientation(join(ROOT, 'knowledge'), ROOT);
  return cached;
}

describe('orientation content in knowledge/', () => {
  it('loads and validates', () => {
    expect(() => orientation()).not.toThrow();
  });

  it('has at least 40 situations across all four categories', () => {
    const { situations } = orientation();
    expect(situations.length).toBeGreaterThanOrEqual(40);
    expect(new Set(situations.map((s) => s.category))).toEqual(new Set(SITUATION_CATEGORIES));
  });

  it('has at least 8 French utterances for every situation', () => {
    for (const s of orientation().situations)
      expect({ id: s.id, enough: s.utterances.fr.length >= 8 }).toEqual({ id: s.id, enough: true });
  });

  it('has the national emergency and help numbers', () => {
    const dialled = orientation().numbers.map((n) => n.number);
    expect(dialled).toEqual(expect.arrayContaining(['15', '17', '18', '112', '114', '115', '119', '3919', '3114']));
  });

  it('has no unverified (U) number, and refuses one with a clear message', () => {
    for (const n of orientation().numbers) expect(['V', 'S']).toContain(n.status);
    const first = orientation().numbers[0]!;
    const result = NationalNumber.safeParse({ ...first, status: 'U' });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]).toMatchObject({
      path: ['status'],
      message: expect.stringMatching(/status U .*not allowed/),
    });
  });

  it('uses only ARCEP fiction numbers in a demo territory', () => {
    const { directory } = orientation();
    expect(directory.territory.demo).toBe(true);
    const phones = [
      ...directory.structures.map((s) => s.telephone),
      ...directory.services.map((s) => s.telephone),
      ...directory.contacts_urgence.map((c) => c.numero),
    ].filter((phone): phone is string => phone !== undefined);
    expect(phones.length).toBeGreaterThan(20);
    for (const phone of phones) expect(phone).toMatch(FICTION_PHONE);
  });

  it('accepts "tous-publics" only alone', () => {
    const service = orientation().directory.services.find((s) => s.publics?.includes('tous-publics'))!;
    expect(Service.safeParse(service).success).toBe(true);
    expect(Service.safeParse({ ...service, publics: ['tous-publics', 'jeunes'] }).success).toBe(false);
  });

  it('stops with a message naming the file and the field when a situation calls an unknown number', () => {
    const dir = brokenKnowledgeCopy('situations/gas-leak.yaml', (text) =>
      text.replace('- number: pompiers', '- number: nope'),
    );
    const error = orientationError(dir);
    expect(error.issues).toContainEqual(
      expect.objectContaining({
        file: 'knowledge/situations/gas-leak.yaml',
        path: 'contacts.0.number',
        line: expect.any(Number),
      }),
    );
    expect(error.message).toMatch(
      /knowledge\/situations\/gas-leak\.yaml:\d+ at contacts\.0\.number: unknown number "nope"/,
    );
  });

  it('stops when a demo territory holds a real phone number', () => {
    const dir = brokenKnowledgeCopy('directory/demo-territory.yaml', (text) =>
      text.replace('"+33199000100"', '"+33140000000"'),
    );
    expect(orientationError(dir).message).toMatch(
      /demo-territory\.yaml:\d+ at structures\.0\.telephone: .*fiction range/,
    );
  });

  it('has a label and search keywords in French and English for every local category, and query fillers', () => {
    const { categories, files } = orientation();
    expect(files.categories).toBe('knowledge/categories.yaml');
    expect(Object.keys(categories.categories).sort()).toEqual([...LOCAL_CATEGORIES].sort());
    for (const category of LOCAL_CATEGORIES) {
      const { label, keywords } = categories.categories[category];
      expect({ category, label: label.fr.length > 0 && label.en.length > 0 }).toEqual({ category, label: true });
      const both = keywords.fr.length > 0 && keywords.en.length > 0;
      expect({ category, keywords: both }).toEqual({ category, keywords: true });
    }
    expect(categories.query_fillers.fr).toEqual(expect.arrayContaining(['numéro', "c'est où", 'du']));
    expect(categories.query_fillers.en).toEqual(expect.arrayContaining(['number', 'where is']));
  });

  it('stops with a message naming the file and the field when a local category has no entry', () => {
    const dir = brokenKnowledgeCopy('categories.yaml', (text) => text.replace(/\n {2}gardien:\n(?: {4}.*\n)+/, '\n'));
    const error = orientationError(dir);
    expect(error.issues).toContainEqual(
      expect.objectContaining({
        file: 'knowledge/categories.yaml',
        path: 'categories.gardien',
        message: expect.stringMatching(/^missing/),
      }),
    );
    expect(error.message).toMatch(/knowledge\/categories\.yaml:\d+ at categories\.gardien: missing/);
  });

  it('stops with a message naming the file and the field when a category entry is malformed', () => {
    const dir = brokenKnowledgeCopy('categories.yaml', (text) =>
      text.replace('en: "Water and sewage"', 'en: " "').replace('fourriere-animale:', 'fourriere-a-velos:'),
    );
    const error = orientationError(dir);
    expect(error.message).toMatch(/knowledge\/categories\.yaml:\d+ at categories\.eau\.label\.en: /);
    expect(error.message).toMatch(/knowledge\/categories\.yaml:\d+ at categories: .*fourriere-a-velos/);
    expect(error.message).toMatch(/knowledge\/categories\.yaml:\d+ at categories\.fourriere-animale: missing/);
  });

  it('lists the directory entries older than six months as stale', () => {
    const now = new Date(2026, 10, 26, 12); // 26 November 2026, local time (TZ=Europe/Paris in the test script)
    const { numbers, situations, directory } = orientation();
    const cutoff = '2026-05-27'; // 183 days before now: anything dated earlier is stale
    const expected = [
      ...numbers.filter((n) => n.verified_on < cutoff).map((n) => n.id),
      ...situations.filter((s) => s.verified_on < cutoff).map((s) => s.id),
      ...directory.structures.filter((s) => s.date_maj < cutoff).map((s) => s.id),
      ...directory.services.filter((s) => s.date_maj < cutoff).map((s) => s.id),
      ...directory.contacts_urgence.filter((c) => c.date_verification < cutoff).map((c) => c.id),
    ];
    const stale = staleEntries(orientation(), now);
    expect(stale.map((e) => e.id).sort()).toEqual(expected.sort());
    expect(stale.map((e) => e.id)).toEqual(
      expect.arrayContaining(['demo--cmp-val-de-relais', 'fourriere-animale-du-val']),
    );
    expect(stale).toContainEqual({
      file: 'knowledge/directory/demo-territory.yaml',
      id: 'demo--cmp-val-de-relais',
      date: '2026-03-10',
    });
    expect(staleEntries(orientation(), now, 100000)).toEqual([]);
  });
});
