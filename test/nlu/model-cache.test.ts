import { join } from 'node:path';
import {
  loadKnowledge,
  loadOrientation,
  loadRules,
  placedRules,
  situationCorpus,
  utteranceCorpus,
  type IntentName,
} from '../../src/knowledge';
import {
  MODEL_FORMAT,
  loadRecognizer,
  modelKey,
  type ModelCache,
  type NaturalRecognizerCorpus,
  type RecognizerSnapshot,
} from '../../src/nlu';
import { ROOT } from '../helpers';

/** A cache in memory that, like a file, keeps the snapshot as JSON text. */
class JsonMemoryCache implements ModelCache {
  readonly texts = new Map<string, string>();
  sets = 0;
  async get(key: string): Promise<unknown> {
    const text = this.texts.get(key);
    return Promise.resolve(text === undefined ? undefined : JSON.parse(text));
  }
  async set(key: string, snapshot: RecognizerSnapshot): Promise<void> {
    this.sets++;
    this.texts.clear();
    this.texts.set(key, JSON.stringify(snapshot));
    return Promise.resolve();
  }
}

/** A cache that holds `stored` under every key, and records what is written. */
class FixedCache implements ModelCache {
  written: RecognizerSnapshot | undefined;
  constructor(private readonly stored: () => unknown) {}
  async get(): Promise<unknown> {
    return Promise.resolve(this.stored());
  }
  async set(_key: string, snapshot: RecognizerSnapshot): Promise<void> {
    this.written = snapshot;
    return Promise.resolve();
  }
}

/** The recogniser's corpus from the repository's knowledge/ (as src/index.ts builds it). */
function realCorpus(): NaturalRecognizerCorpus {
  const dir = join(ROOT, 'knowledge');
  const orientation = loadOrientation(dir, ROOT);
  const rules = loadRules(dir, ROOT, orientation);
  return {
    intents: loadKnowledge(dir, ROOT).intents,
    situations: situationCorpus(orientation.situations),
    rules: utteranceCorpus([...rules.rules, ...placedRules(rules), ...rules.limits, ...rules.guidance]),
    triggers: orientation.triggers,
  };
}

const TINY_FR: Record<IntentName, string[]> = {
  orientation: ['il y a une fuite de gaz', 'un homme est tombé dans la rue'],
  rules: ['a-t-on le droit de fumer ici', 'quelle amende pour un tag'],
  report: ['je veux faire une fiche', 'écrire un rapport'],
  quiz: ['lance un quiz', 'je veux réviser'],
  help: ['aide moi', 'que sais-tu faire'],
  cancel: ['annuler', 'laisse tomber'],
  smalltalk: ['bonjour', 'merci beaucoup'],
  none: ['commande une pizza', 'la météo de demain'],
};
const TINY_EN: Record<IntentName, string[]> = {
  orientation: ['there is a gas leak', 'a man fell in the street'],
  rules: ['is smoking allowed here', 'what fine for graffiti'],
  report: ['i want to write a report', 'new incident form'],
  quiz: ['start a quiz', 'i want to revise'],
  help: ['help me', 'what can you do'],
  cancel: ['cancel', 'forget it'],
  smalltalk: ['hello', 'thanks a lot'],
  none: ['order a pizza', 'weather tomorrow'],
};
const tiny = (): NaturalRecognizerCorpus => ({
  intents: { fr: structuredClone(TINY_FR), en: structuredClone(TINY_EN) },
  situations: {
    fr: {
      'gas-leak': ['odeur de gaz', 'ça sent le gaz'],
      'lift-breakdown': ['ascenseur en panne', 'ascenseur bloqué'],
    },
    en: { 'gas-leak': ['gas smell', 'smells of gas'], 'lift-breakdown': ['lift broken', 'lift stuck'] },
  },
});

/** Training utterances of every model, a few altered as users type them (no accents, a letter missing). */
function probes(corpus: NaturalRecognizerCorpus): [string, 'fr' | 'en'][] {
  const out: [string, 'fr' | 'en'][] = [];
  for (const examples of [corpus.intents, corpus.situations!, corpus.rules!]) {
    for (const locale of ['fr', 'en'] as const) {
      const all = Object.values<readonly string[]>(examples[locale]).flat();
      all.forEach((text, i) => {
        if (i % 9 !== 0) return;
        out.push([text, locale]);
        const folded = text.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
        out.push([folded.slice(0, 3) + folded.slice(4), locale]);
      });
    }
  }
  out.push(['asdfghjkl', 'fr'], ['who won the match', 'en'], ['le monsieur ne respire plus', 'fr']);
  return out;
}

describe('loadRecognizer and the model cache', () => {
  it('restores from the cache a recogniser that recognises exactly as the trained one', async () => {
    const corpus = realCorpus();
    const cache = new JsonMemoryCache();
    const cold = await loadRecognizer(corpus, cache);
    expect(cold).toMatchObject({ cached: false, problems: [] });
    expect([...cache.texts.keys()]).toEqual([modelKey(corpus)]);

    const warm = await loadRecognizer(corpus, cache);
    expect(warm).toMatchObject({ cached: true, problems: [] });
    expect(cache.sets).toBe(1);
    const texts = probes(corpus);
    expect(texts.length).toBeGreaterThan(500);
    for (const [text, locale] of texts)
      expect(warm.recognizer.recognize(text, locale)).toEqual(cold.recognizer.recognize(text, locale));
  });

  it('gives the same key to the same corpus, and another key when any training utterance changes', () => {
    const key = modelKey(tiny());
    expect(key).toMatch(/^[0-9a-f]{64}$/);
    expect(modelKey(tiny())).toBe(key);
    const changed = {
      ...tiny(),
      intents: { fr: { ...TINY_FR, quiz: ['lance un quiz', 'réviser le ccp'] }, en: TINY_EN },
    };
    expect(modelKey(changed)).not.toBe(key);
    const situations = tiny().situations!;
    const more = {
      ...tiny(),
      situations: { ...situations, en: { ...situations.en, 'gas-leak': ['gas in the hall'] } },
    };
    expect(modelKey(more)).not.toBe(key);
    const { situations: _situations, ...withoutSituations } = tiny();
    expect(modelKey(withoutSituations)).not.toBe(key);
  });

  it('ignores emergency triggers in the key: they are not trained', () => {
    const triggers = { ...realCorpus().triggers! };
    expect(modelKey({ ...tiny(), triggers })).toBe(modelKey(tiny()));
  });

  it.each<[string, () => unknown, RegExp]>([
    ['a string', () => 'not a snapshot', /cached model invalid at : /],
    ['another format', () => ({ format: MODEL_FORMAT + 1, intents: {} }), /cached model invalid at format/],
    [
      'a truncated model',
      () => ({ format: MODEL_FORMAT, vocabulary: { fr: [], en: [] }, intents: { fr: {} } }),
      /cached model invalid at intents/,
    ],
    [
      'a vocabulary with a count that is not a positive integer',
      () => ({ format: MODEL_FORMAT, vocabulary: { fr: [['gaz', 0]], en: [] }, intents: {} }),
      /cached model invalid at vocabulary\.fr\.0\.1/,
    ],
  ])('trains again when the cache holds %s', async (_name, stored, problem) => {
    const cache = new FixedCache(stored);
    const loaded = await loadRecognizer(tiny(), cache);
    expect(loaded.cached).toBe(false);
    expect(loaded.problems).toEqual([expect.stringMatching(problem)]);
    expect(cache.written?.format).toBe(MODEL_FORMAT);
    expect(loaded.recognizer.recognize('ça sent le gaz', 'fr').situations[0]?.situation).toBe('gas-leak');
  });

  it('trains again when a well-formed snapshot does not fit the corpus or its weights are damaged', async () => {
    const first = new FixedCache(() => undefined);
    await loadRecognizer(tiny(), first);
    const snapshot = first.written!;
    const damaged = structuredClone(snapshot);
    damaged.intents.fr.model.weights = damaged.intents.fr.model.weights.slice(0, -12);
    const otherLabels = structuredClone(snapshot);
    otherLabels.situations!.en.model.labels = ['gas-leak', 'fire-smoke'];
    const noSituations = structuredClone(snapshot);
    delete noSituations.situations;
    for (const [stored, problem] of [
      [damaged, /cached model unusable: weights: \d+ values, expected \d+/],
      [otherLabels, /cached model unusable: the snapshot was trained on other labels/],
      [noSituations, /cached model unusable: the snapshot has no situations models/],
    ] as const) {
      const loaded = await loadRecognizer(tiny(), new FixedCache(() => stored));
      expect(loaded).toMatchObject({ cached: false, problems: [expect.stringMatching(problem)] });
    }
    const restored = await loadRecognizer(tiny(), new FixedCache(() => snapshot));
    expect(restored).toMatchObject({ cached: true, problems: [] });
  });

  it('trains when the cache cannot be read, and still answers when it cannot be written', async () => {
    const failing: ModelCache = {
      get: () => Promise.reject(new Error('EACCES: permission denied')),
      set: () => Promise.reject(new Error('ENOSPC: no space left on device')),
    };
    const loaded = await loadRecognizer(tiny(), failing);
    expect(loaded.cached).toBe(false);
    expect(loaded.problems).toEqual([
      'model cache unreadable: EACCES: permission denied',
      'model cache not written: ENOSPC: no space left on device',
    ]);
    expect(loaded.recognizer.recognize('lift stuck', 'en').situations[0]?.situation).toBe('lift-breakdown');
  });
});
