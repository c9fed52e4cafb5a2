import { createHash } from 'node:crypto';
import { version as NATURAL_VERSION } from 'natural/package.json';
import { MODEL_FORMAT, RecognizerSnapshot } from './model-snapshot';
import { NaturalRecognizer, type NaturalRecognizerCorpus } from './natural-recognizer';

/**
 * Where trained models are kept between starts (src/storage/file-model-cache.ts keeps them on disk). What `get`
 * returns is not trusted: it is validated, and anything unusable means training again.
 */
export interface ModelCache {
  /** What was stored under this key (any JSON value), or undefined when nothing was. */
  get(key: string): Promise<unknown>;
  /** Stores the snapshot under this key, and forgets the snapshots of every other key. */
  set(key: string, snapshot: RecognizerSnapshot): Promise<void>;
}

export interface LoadedRecognizer {
  recognizer: NaturalRecognizer;
  /** True when the models came from the cache, false when they were trained. */
  cached: boolean;
  /** Why the cache could not be read, used or written, when it could not (the recogniser works all the same). */
  problems: string[];
}

/**
 * The cache key of a corpus: a SHA-256 of everything training depends on (the utterances and their order, the
 * model format, natural's version), so that any change to them trains anew. Emergency triggers are not trained.
 */
export function modelKey(corpus: NaturalRecognizerCorpus): string {
  const { intents, situations, rules } = corpus;
  const trained = { format: MODEL_FORMAT, natural: NATURAL_VERSION, intents, situations, rules };
  return createHash('sha256').update(JSON.stringify(trained)).digest('hex');
}

/**
 * The recogniser of this corpus: restored from the cache when it holds a valid snapshot for this corpus, trained
 * otherwise (and then stored). A cache that cannot be read, holds a damaged or foreign snapshot, or cannot be
 * written never stops start-up: it costs a training, and is reported in `problems`.
 */
export async function loadRecognizer(corpus: NaturalRecognizerCorpus, cache: ModelCache): Promise<LoadedRecognizer> {
  const key = modelKey(corpus);
  const problems: string[] = [];
  let stored: unknown;
  try {
    stored = await cache.get(key);
  } catch (error) {
    problems.push(`model cache unreadable: ${message(error)}`);
  }
  if (stored !== undefined) {
    const parsed = RecognizerSnapshot.safeParse(stored);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      problems.push(`cached model invalid at ${issue?.path.join('.') ?? ''}: ${issue?.message ?? 'invalid'}`);
    } else {
      try {
        return { recognizer: new NaturalRecognizer(corpus, parsed.data), cached: true, problems };
      } catch (error) {
        problems.push(`cached model unusable: ${message(error)}`);
      }
    }
  }
  const recognizer = new NaturalRecognizer(corpus);
  try {
    await cache.set(key, recognizer.snapshot());
  } catch (error) {
    problems.push(`model cache not written: ${message(error)}`);
  }
  return { recognizer, cached: false, problems };
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
