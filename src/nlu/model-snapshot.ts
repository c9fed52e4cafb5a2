import { z } from 'zod';
import { Locale } from '../content';

/**
 * Version of the trained models' code. Bump it whenever a change to the featuriser, the classifiers or their
 * training settings would give a different model from the same content: cached models of an older format are then
 * retrained instead of being used (docs/adr/0010-model-cache.md).
 */
export const MODEL_FORMAT = 3;

/** A LinearClassifier's trained state. The floats are little-endian IEEE 754 doubles in base64: exact, and compact. */
export const LinearSnapshot = z.strictObject({
  labels: z.array(z.string()).min(1),
  /** Feature names, in the order of their rows in `weights`. */
  features: z.array(z.string()),
  /** features × labels doubles, row-major by feature. */
  weights: z.base64(),
  /** One double per label. */
  bias: z.base64(),
});
export type LinearSnapshot = z.infer<typeof LinearSnapshot>;

/** A TextClassifier's trained state: the stems it saw, and its linear model (its featuriser is shared). */
export const ClassifierSnapshot = z.strictObject({
  knownStems: z.array(z.string()),
  model: LinearSnapshot,
});
export type ClassifierSnapshot = z.infer<typeof ClassifierSnapshot>;

const ClassifierPair = z.strictObject({ fr: ClassifierSnapshot, en: ClassifierSnapshot });
export type ClassifierPair = z.infer<typeof ClassifierPair>;

/**
 * A language's featuriser: every training word with how often it was seen, in the order first seen (the
 * spell-checker is rebuilt from them).
 */
const Vocabulary = z.array(z.tuple([z.string(), z.number().int().positive()]));

/** Every trained model of a NaturalRecognizer: what a ModelCache keeps. */
export const RecognizerSnapshot = z.strictObject({
  format: z.literal(MODEL_FORMAT),
  vocabulary: z.record(Locale, Vocabulary),
  intents: ClassifierPair,
  situations: ClassifierPair.optional(),
  rules: ClassifierPair.optional(),
});
export type RecognizerSnapshot = z.infer<typeof RecognizerSnapshot>;

/** Whether this platform stores doubles little-endian, as snapshots do (then bytes are copied, not converted). */
const LITTLE_ENDIAN = new Uint8Array(Float64Array.of(1).buffer)[7] === 0x3f;

/** Doubles → base64 of their little-endian bytes: every value, -0 and subnormals included, comes back bit for bit. */
export function encodeDoubles(values: Float64Array): string {
  if (LITTLE_ENDIAN) return Buffer.from(values.buffer, values.byteOffset, values.byteLength).toString('base64');
  const bytes = Buffer.alloc(values.length * 8);
  for (let i = 0; i < values.length; i++) bytes.writeDoubleLE(values[i]!, i * 8);
  return bytes.toString('base64');
}

/** The inverse of encodeDoubles; throws unless the text holds exactly `length` finite doubles. */
export function decodeDoubles(text: string, length: number, what: string): Float64Array {
  const bytes = Buffer.from(text, 'base64');
  if (bytes.length !== length * 8) throw new Error(`${what}: ${bytes.length / 8} values, expected ${length}`);
  const values = LITTLE_ENDIAN
    ? new Float64Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.length))
    : Float64Array.from({ length }, (_, i) => bytes.readDoubleLE(i * 8));
  for (let i = 0; i < length; i++) {
    if (!Number.isFinite(values[i])) throw new Error(`${what}: value ${i} is not a finite number`);
  }
  return values;
}
