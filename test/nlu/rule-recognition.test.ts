import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { topIntent } from '../../src/nlu';
import { ROOT, content, recognizer as trainedRecognizer } from '../helpers';

const recognizer = trainedRecognizer();
const { rules } = content();

interface RuleCase {
  locale: 'fr' | 'en';
  text: string;
  expect: string | string[];
}
/** Held-out phrasings, written apart from the training phrasings (test/nlu/rule-cases.yaml). */
const { cases } = parse(readFileSync(join(ROOT, 'test/nlu/rule-cases.yaml'), 'utf8')) as { cases: RuleCase[] };
const expected = (c: RuleCase) => (Array.isArray(c.expect) ? c.expect : [c.expect]);
const ranked = (c: RuleCase) => recognizer.recognize(c.text, c.locale).rules.map((r) => r.rule);

describe('rule recognition on held-out phrasings', () => {
  it('covers every rule, local rule, role limit and guidance card, in French and English', () => {
    const ids = [
      ...rules.rules.map((r) => r.id),
      ...rules.documents.flatMap((d) => d.adds.map((r) => r.id)),
      ...rules.limits.map((l) => l.id),
      ...rules.guidance.map((g) => g.id),
    ];
    const tested = new Set(cases.flatMap(expected));
    expect(ids.filter((id) => !tested.has(id))).toEqual([]);
    expect([...tested].filter((id) => !ids.includes(id))).toEqual([]);
    expect(cases.filter((c) => c.locale === 'fr').length).toBeGreaterThanOrEqual(60);
    expect(cases.filter((c) => c.locale === 'en').length).toBeGreaterThanOrEqual(30);
  });

  // Measured figures are printed by `npm run bench`; these floors catch a broken model or a content regression.
  it.each(['fr', 'en'] as const)(
    'ranks the expected entry first for most %s phrasings, and in the top 3 for nearly all',
    (locale) => {
      const mine = cases.filter((c) => c.locale === locale);
      const top1 = mine.filter((c) => expected(c).includes(ranked(c)[0] ?? '')).length / mine.length;
      const top3 =
        mine.filter((c) =>
          ranked(c)
            .slice(0, 3)
            .some((id) => expected(c).includes(id)),
        ).length / mine.length;
      expect(top1).toBeGreaterThan(0.85);
      expect(top3).toBeGreaterThan(0.92);
    },
  );
});

describe('rules and situations as evidence for the capability', () => {
  it.each([
    ['un mec fume dans le bus', 'fr', 'rules'],
    ['est-ce que je peux retenir quelqu’un qui vient de voler un sac ?', 'fr', 'rules'],
    ['someone is vaping on the tram, is that allowed?', 'en', 'rules'],
    ['un gars inerte sur le quai, impossible de le réveiller', 'fr', 'orientation'],
    ["ça sent le gaz dans le hall de l'immeuble", 'fr', 'orientation'],
  ] as const)('routes "%s" (%s) to %s', (text, locale, intent) => {
    expect(topIntent(recognizer.recognize(text, locale)).intent).toBe(intent);
  });
});
