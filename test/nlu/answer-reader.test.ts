import { AnswerReader } from '../../src/nlu';
import { content } from '../helpers';

const { catalogue, orientation } = content();
const field = (form: string, id: string) =>
  catalogue.forms.find((f) => f.id === form)!.fields.find((f) => f.id === id)!;
const reader = new AnswerReader({
  words: { fr: { yes: ['oui', 'ouais'], no: ['non'] }, en: { yes: ['yes'], no: ['no'] } },
  places: orientation.directory.territory.places,
  service: (text) => (/bailleur/i.test(text) ? { id: 'bailleur', text: 'Habitat Relais' } : undefined),
});
const NOW = new Date(2026, 10, 26, 15, 0);

describe('AnswerReader', () => {
  it('reads choices by number, word, synonym or typo, and keeps free text where "other" is allowed', () => {
    const equipment = field('veille-technique', 'equipment');
    expect(reader.read(equipment, '1', 'fr', NOW)).toBe(equipment.choices![0]!.id);
    expect(reader.read(equipment, 'ascenceur', 'fr', NOW)).toBe('ascenseur');
    expect(reader.read(equipment, 'street light', 'en', NOW)).toBe('eclairage');
    expect(reader.read(equipment, 'banc arraché près du tram', 'fr', NOW)).toBe('banc arraché près du tram');
    const outcome = field('intervention', 'outcome');
    expect(reader.read(outcome, 'zzzz', 'fr', NOW)).toBeUndefined();
  });

  it('reads several choices on one line', () => {
    const actions = field('intervention', 'actions');
    const ids = actions.choices!.map((c) => c.id);
    expect(reader.read(actions, '1, 2', 'fr', NOW)).toEqual([ids[0], ids[1]]);
    expect(
      reader.read(actions, `${actions.choices![0]!.label.fr} et ${actions.choices![1]!.label.fr}`, 'fr', NOW),
    ).toEqual([ids[0], ids[1]]);
  });

  it('reads yes and no, numbers, and dates in French and English', () => {
    const danger = field('veille-technique', 'danger');
    expect(reader.read(danger, 'Oui, il y a un trou', 'fr', NOW)).toBe(true);
    expect(reader.read(danger, 'non', 'fr', NOW)).toBe(false);
    expect(reader.read(danger, 'peut-être', 'fr', NOW)).toBeUndefined();
    const count = field('intervention', 'people-count');
    expect(reader.read(count, 'environ 12 jeunes', 'fr', NOW)).toBe(12);
    const time = field('main-courante', 'time');
    expect(reader.read(time, 'hier 22h', 'fr', NOW)).toBe(new Date(2026, 10, 25, 22, 0).toISOString());
    expect(reader.read(time, 'il y a 20 minutes', 'fr', NOW)).toBe(new Date(2026, 10, 26, 14, 40).toISOString());
    expect(reader.read(time, 'yesterday 10pm', 'en', NOW)).toBe(new Date(2026, 10, 25, 22, 0).toISOString());
    expect(reader.read(time, 'bof', 'fr', NOW)).toBeUndefined();
  });

  it('matches places of the territory and services of the directory, and keeps other words as typed', () => {
    const place = field('main-courante', 'place');
    expect(reader.read(place, 'arret republique', 'fr', NOW)).toEqual({
      id: 'tram-republique',
      text: 'Arrêt de tram République (T1)',
    });
    expect(reader.read(place, 'devant la boulangerie rue Haute', 'fr', NOW)).toEqual({
      text: 'devant la boulangerie rue Haute',
    });
    const partner = field('main-courante', 'partner');
    expect(reader.read(partner, 'le bailleur', 'fr', NOW)).toEqual({ id: 'bailleur', text: 'Habitat Relais' });
    expect(reader.read(partner, 'la boulangère', 'fr', NOW)).toEqual({ text: 'la boulangère' });
  });
});
