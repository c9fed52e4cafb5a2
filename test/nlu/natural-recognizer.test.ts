import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { topIntent } from '../../src/nlu';
import type { IntentName } from '../../src/knowledge';
import { ROOT, content, recognizer as trainedRecognizer } from '../helpers';

const recognizer = trainedRecognizer();

// None of these is in knowledge/intents: they test generalisation, including typos and missing accents.
const TABLE: [string, 'fr' | 'en', IntentName][] = [
  ['ca sent le gaz dans la cage d escalier', 'fr', 'orientation'],
  ['un homme est allongé par terre il respire plus', 'fr', 'orientation'],
  ['ascenceur en panne avec une dame dedans', 'fr', 'orientation'],
  ['numero du ccas svp', 'fr', 'orientation'],
  ['on peut fumer sur le quai de la gare ?', 'fr', 'rules'],
  ['jai le droit de fouiller son sac ?', 'fr', 'rules'],
  ['tapage nocturne c quel article', 'fr', 'rules'],
  ['je dois faire une fiche de veille technique', 'fr', 'report'],
  ['voir mes fiches', 'fr', 'report'],
  ['je veux reviser le ccp 2', 'fr', 'quiz'],
  ['fais moi un quizz', 'fr', 'quiz'],
  ['comment tu marches', 'fr', 'help'],
  ['bonjour', 'fr', 'smalltalk'],
  ['merci bcp', 'fr', 'smalltalk'],
  ['commande moi une pizza', 'fr', 'none'],
  ['gas smell in the basement', 'en', 'orientation'],
  ['a man collapsed on the platform', 'en', 'orientation'],
  ['is smoking allowed at the bus stop', 'en', 'rules'],
  ['can i search his bag', 'en', 'rules'],
  ['write a new incident report', 'en', 'report'],
  ['quiz me on emergency numbers', 'en', 'quiz'],
  ['hello there', 'en', 'smalltalk'],
  ['who won the football match yesterday', 'en', 'none'],
];

describe('NaturalRecognizer', () => {
  it.each(TABLE)('%s (%s) → %s', (text, locale, intent) => {
    expect(topIntent(recognizer.recognize(text, locale)).intent).toBe(intent);
  });

  it('scores every intent, best first, within [0, 1]', () => {
    const { intents } = recognizer.recognize('il y a une fuite de gaz', 'fr');
    expect(intents.map((i) => i.intent).sort()).toEqual([
      'cancel',
      'help',
      'none',
      'orientation',
      'quiz',
      'report',
      'rules',
      'smalltalk',
    ]);
    for (let i = 1; i < intents.length; i++) expect(intents[i - 1]!.score).toBeGreaterThanOrEqual(intents[i]!.score);
    for (const { score } of intents) expect(score).toBeGreaterThanOrEqual(0);
    expect(intents.reduce((a, b) => a + b.score, 0)).toBeLessThanOrEqual(1.0001);
  });

  it.each(['asdfghjkl', 'zzzz qqqq wwww', '!!!???', '12345'])('routes gibberish "%s" to none', (text) => {
    expect(topIntent(recognizer.recognize(text, 'fr')).intent).toBe('none');
  });

  it('names the likely situations, best first', () => {
    const { situations } = recognizer.recognize("ça pue le gaz dans la cage d'escalier", 'fr');
    expect(situations[0]?.situation).toBe('gas-leak');
    expect(situations.length).toBeLessThanOrEqual(5);
    for (let i = 1; i < situations.length; i++)
      expect(situations[i - 1]!.score).toBeGreaterThanOrEqual(situations[i]!.score);
  });

  it('counts a recognised situation as orientation even without orientation phrasing', () => {
    const result = recognizer.recognize("de l'eau coule du plafond dans la cage d'escalier", 'fr');
    expect(topIntent(result).intent).toBe('orientation');
  });

  it('puts orientation first when the text signals immediate danger, whatever else it says', () => {
    const result = recognizer.recognize('je fais une fiche : le monsieur ne respire plus', 'fr');
    expect(result.emergencies).toEqual(['medical']);
    expect(topIntent(result)).toEqual({ intent: 'orientation', score: 0.99 });
  });

  it('finds no situation and no danger in gibberish', () => {
    const result = recognizer.recognize('zzzz qqqq', 'fr');
    expect(result.emergencies).toEqual([]);
    expect(result.situations.every((s) => s.score < 0.2)).toBe(true);
  });

  it('analyses English typed in a French conversation with the English model', () => {
    const result = recognizer.recognize('i want to write an incident report', 'fr');
    expect(result.locale).toBe('en');
    expect(topIntent(result).intent).toBe('report');
  });

  it('takes a training phrasing typed word for word as sure, with or without a question mark at the end', () => {
    const phrasing = content().knowledge.intents.fr.orientation.find((u) => !u.endsWith('?'))!;
    for (const typed of [phrasing, `${phrasing.toUpperCase()} ?`, `${phrasing}??`]) {
      expect(recognizer.recognize(typed, 'fr').intents[0]).toEqual({ intent: 'orientation', score: 0.99 });
    }
    // Punctuation alone matches no phrasing (a lone "?" is the dialogs' help command, not the recogniser's).
    for (const typed of ['?', '??', '!!']) expect(recognizer.recognize(typed, 'fr').intents[0]?.intent).toBe('none');
  });

  it('cuts very long text instead of failing', () => {
    const result = recognizer.recognize('fuite de gaz '.repeat(10_000), 'fr');
    expect(result.text.length).toBeLessThanOrEqual(600);
    expect(topIntent(result).intent).toBe('orientation');
  });

  it('reaches a floor of accuracy on the held-out set (test/nlu/intent-cases.yaml)', () => {
    const { cases } = parse(readFileSync(join(ROOT, 'test/nlu/intent-cases.yaml'), 'utf8')) as {
      cases: { locale: 'fr' | 'en'; text: string; intent: IntentName }[];
    };
    const right = cases.filter((c) => topIntent(recognizer.recognize(c.text, c.locale)).intent === c.intent).length;
    // Measured figures are printed by `npm run bench`; this floor only catches a broken model.
    expect(right / cases.length).toBeGreaterThan(0.7);
  });
});
