import { join, resolve } from 'node:path';
import { loadKnowledge } from '../../src/knowledge';
import { PersonalDataGuard, type PersonalDataKind } from '../../src/reports';

const ROOT = resolve(__dirname, '../..');
const guard = new PersonalDataGuard(loadKnowledge(join(ROOT, 'knowledge'), ROOT).personalData);
const kinds = (text: string) => guard.scan(text).map((h) => [h.kind, h.text]);

describe('PersonalDataGuard', () => {
  it.each<[string, [PersonalDataKind, string][]]>([
    ['Rappeler au 06 12 34 56 78 demain', [['phone', '06 12 34 56 78']]],
    [
      'tel 0612345678 ou +33 6 12 34 56 78',
      [
        ['phone', '0612345678'],
        ['phone', '+33 6 12 34 56 78'],
      ],
    ],
    ['numéro 01.99.00.12.34', [['phone', '01.99.00.12.34']]],
    ['écrire à jean.dupont@example.org', [['email', 'jean.dupont@example.org']]],
    ['voiture immatriculée AB-123-CD garée', [['plate', 'AB-123-CD']]],
    ['vieille plaque 1234 AB 56 sur le parking', [['plate', '1234 AB 56']]],
    ['M. Durand refuse de sortir', [['name', 'M. Durand']]],
    ['Madame Leblanc a appelé', [['name', 'Madame Leblanc']]],
    ['Karim Benali fume dans le hall', [['name', 'Karim Benali']]],
    [
      'la dame est diabétique et enceinte',
      [
        ['health', 'diabétique'],
        ['health', 'enceinte'],
      ],
    ],
  ])('%s', (text, expected) => {
    expect(kinds(text)).toEqual(expected);
  });

  it.each([
    'Deux jeunes fument dans la rame, ils refusent d’éteindre',
    'Arrêt de tram République, vers 14h30, 3 personnes',
    'ascenseur n° 12 en panne depuis 2 jours, 12 étages',
    'Appel au 17 à 14h05, arrivée 14h20',
    'Rue Saint Michel, devant la Gare',
    'il a marié Pierre et Paul', // first names alone are not full names
    'code porte 1234',
  ])('leaves ordinary facts alone: %s', (text) => {
    expect(kinds(text)).toEqual([]);
  });

  it('replaces what was found with a neutral mention, keeping the rest', () => {
    const text = 'M. Durand (06 12 34 56 78) gare sa voiture AB-123-CD devant le hall';
    const hits = guard.scan(text);
    expect(guard.redact(text, hits, (kind) => `[${kind}]`)).toBe(
      '[name] ([phone]) gare sa voiture [plate] devant le hall',
    );
  });

  it('can leave health words alone, for the fields made for them', () => {
    expect(guard.scan('personne diabétique, sans traitement', { health: false })).toEqual([]);
  });
});
