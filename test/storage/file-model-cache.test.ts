import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { INTENTS, type IntentName } from '../../src/knowledge';
import {
  MODEL_FORMAT,
  decodeDoubles,
  encodeDoubles,
  loadRecognizer,
  modelKey,
  type NaturalRecognizerCorpus,
  type RecognizerSnapshot,
} from '../../src/nlu';
import { FileModelCache } from '../../src/storage';

const KEY_A = 'a'.repeat(64);
const KEY_B = 'b'.repeat(64);

/** Doubles JSON and text conversions often get wrong: -0, subnormals, the extremes, long fractions. */
const EDGE = Float64Array.from([
  0,
  -0,
  0.1 + 0.2,
  -1 / 3,
  Math.PI,
  Number.MIN_VALUE,
  2.2250738585072014e-308,
  Number.MAX_VALUE,
  -Number.MAX_VALUE,
  Number.EPSILON,
  1e21,
  123456789.12345679,
]);

function snapshot(weights: Float64Array): RecognizerSnapshot {
  const classifier = () => ({
    knownStems: ['gaz', 'ascenseur'],
    model: {
      labels: ['gas', 'lift'],
      features: Array.from({ length: weights.length / 2 }, (_, i) => `f${i}`),
      weights: encodeDoubles(weights),
      bias: encodeDoubles(Float64Array.from([-0.5, 0.25])),
    },
  });
  const vocabulary: [string, number][] = [
    ['gaz', 3],
    ['ascenseur', 1],
  ];
  return {
    format: MODEL_FORMAT,
    vocabulary: { fr: vocabulary, en: vocabulary },
    intents: { fr: classifier(), en: classifier() },
  };
}

const freshDir = () => join(mkdtempSync(join(tmpdir(), 'relais-model-cache-')), 'model-cache');

describe('FileModelCache', () => {
  it('reads back what it stored, every double bit for bit', async () => {
    const dir = freshDir();
    const cache = new FileModelCache(dir);
    const stored = snapshot(EDGE);
    await cache.set(KEY_A, stored);
    const read = (await new FileModelCache(dir).get(KEY_A)) as RecognizerSnapshot;
    expect(read).toEqual(stored);
    const weights = decodeDoubles(read.intents.fr.model.weights, EDGE.length, 'weights');
    EDGE.forEach((value, i) => expect(Object.is(weights[i], value)).toBe(true));
  });

  it('keeps plain JSON numbers exact too', async () => {
    const dir = freshDir();
    const cache = new FileModelCache(dir);
    const numbers = [...EDGE].filter((v) => !Object.is(v, -0)); // JSON has no -0
    await cache.set(KEY_A, { ...snapshot(EDGE), numbers } as RecognizerSnapshot);
    const read = (await cache.get(KEY_A)) as { numbers: number[] };
    numbers.forEach((value, i) => expect(Object.is(read.numbers[i], value)).toBe(true));
  });

  it('answers undefined for a key it never stored, even before its folder exists', async () => {
    const cache = new FileModelCache(freshDir());
    expect(await cache.get(KEY_A)).toBeUndefined();
    await cache.set(KEY_A, snapshot(EDGE));
    expect(await cache.get(KEY_B)).toBeUndefined();
  });

  it('keeps one key: storing a new one removes the stale files and leftover temporary files', async () => {
    const dir = freshDir();
    const cache = new FileModelCache(dir);
    await cache.set(KEY_A, snapshot(EDGE));
    writeFileSync(join(dir, `.${KEY_B}.json.0123456789ab.tmp`), '{"half": ');
    writeFileSync(join(dir, 'README.txt'), 'not ours');
    await cache.set(KEY_B, snapshot(EDGE));
    expect(readdirSync(dir).sort()).toEqual(['README.txt', `${KEY_B}.json`]);
    expect(await cache.get(KEY_A)).toBeUndefined();
    expect(await cache.get(KEY_B)).toEqual(snapshot(EDGE));
  });

  it('names the file when it is not valid JSON', async () => {
    const dir = freshDir();
    const cache = new FileModelCache(dir);
    await cache.set(KEY_A, snapshot(EDGE));
    writeFileSync(join(dir, `${KEY_A}.json`), '{"format": 1, "intents": {"fr"');
    await expect(cache.get(KEY_A)).rejects.toThrow(`${join(dir, `${KEY_A}.json`)} is not valid JSON`);
  });

  it.each(['../escape', 'ABC', '', 'a'.repeat(8)])('refuses the key "%s"', async (key) => {
    const cache = new FileModelCache(freshDir());
    await expect(cache.get(key)).rejects.toThrow('invalid model cache key');
    await expect(cache.set(key, snapshot(EDGE))).rejects.toThrow('invalid model cache key');
  });

  it('with loadRecognizer: a damaged file costs a training, is replaced, and the next start reads it', async () => {
    const intents = (locale: string) =>
      Object.fromEntries(INTENTS.map((i) => [i, [`${i} ${locale}`, `${locale} ${i} again`]])) as Record<
        IntentName,
        string[]
      >;
    const corpus: NaturalRecognizerCorpus = { intents: { fr: intents('fr'), en: intents('en') } };
    const dir = freshDir();
    const path = join(dir, `${modelKey(corpus)}.json`);
    const first = await loadRecognizer(corpus, new FileModelCache(dir));
    expect(first).toMatchObject({ cached: false, problems: [] });
    writeFileSync(path, readFileSync(path, 'utf8').slice(0, 200));
    const damaged = await loadRecognizer(corpus, new FileModelCache(dir));
    expect(damaged).toMatchObject({ cached: false, problems: [expect.stringContaining(`${path} is not valid JSON`)] });
    const next = await loadRecognizer(corpus, new FileModelCache(dir));
    expect(next).toMatchObject({ cached: true, problems: [] });
    expect(next.recognizer.recognize('quiz fr', 'fr')).toEqual(first.recognizer.recognize('quiz fr', 'fr'));
  });
});
