/**
 * NLU section of `npm run bench`: held-out accuracy (top-1, top-3) and time per utterance of the Relais
 * recogniser for top-level intents (test/nlu/intent-cases.yaml), situations (test/nlu/situation-cases.yaml) and
 * rules, role limits and guidance cards (test/nlu/rule-cases.yaml),
 * against nlp.js (node-nlp NlpManager, built-in entity extraction off) trained on the same utterances.
 * Run alone: npx tsx test/bench/nlu.ts
 */
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parse } from 'yaml';
import { loadContent, type Content } from '../../src';
import { placedRules, situationCorpus, utteranceCorpus } from '../../src/knowledge';
import { NaturalRecognizer, loadRecognizer, modelKey, type Recognition } from '../../src/nlu';
import { FileModelCache } from '../../src/storage';

// node-nlp ships no types: the part of NlpManager this bench uses.
interface NlpManager {
  addDocument(locale: string, utterance: string, intent: string): void;
  train(): Promise<void>;
  process(locale: string, utterance: string): Promise<{ intent: string; classifications?: { intent: string }[] }>;
}
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { NlpManager } = require('node-nlp') as { NlpManager: new (settings: object) => NlpManager };

const ROOT = resolve(__dirname, '..', '..');

interface Case {
  locale: 'fr' | 'en';
  text: string;
  /** The right answers (one, or a few equally right). */
  labels: string[];
}

interface Score {
  top1: number;
  top3: number;
  n: number;
  msPerUtterance: number;
  trainMs: number;
}

function cases(file: string, field: 'intent' | 'situation' | 'expect'): Case[] {
  const { cases: raw } = parse(readFileSync(join(ROOT, 'test/nlu', file), 'utf8')) as {
    cases: (Record<string, string | string[]> & { locale: 'fr' | 'en'; text: string })[];
  };
  return raw.map((c) => ({ locale: c.locale, text: c.text, labels: [c[field]!].flat() }));
}

async function score(set: Case[], rank: (c: Case) => Promise<string[]> | string[], trainMs: number): Promise<Score> {
  let top1 = 0;
  let top3 = 0;
  const t0 = performance.now();
  for (const c of set) {
    const ranking = await rank(c);
    if (c.labels.includes(ranking[0] ?? '')) top1++;
    if (ranking.slice(0, 3).some((label) => c.labels.includes(label))) top3++;
  }
  return { top1, top3, n: set.length, msPerUtterance: (performance.now() - t0) / set.length, trainMs };
}

async function nlpjs(
  corpus: Record<'fr' | 'en', Record<string, readonly string[]>>,
): Promise<{ manager: NlpManager; trainMs: number }> {
  const manager = new NlpManager({
    languages: ['fr', 'en'],
    forceNER: false,
    autoSave: false,
    nlu: { log: false, useNoneFeature: true },
  });
  for (const locale of ['fr', 'en'] as const) {
    for (const [label, utterances] of Object.entries(corpus[locale]))
      for (const u of utterances) manager.addDocument(locale, u, label);
  }
  const t0 = performance.now();
  await manager.train();
  return { manager, trainMs: performance.now() - t0 };
}

function format(name: string, s: Score): string {
  const pct = (x: number) => ((100 * x) / s.n).toFixed(1).padStart(5);
  return `${name.padEnd(8)} top-1 ${pct(s.top1)} %  top-3 ${pct(s.top3)} %  ${s.msPerUtterance.toFixed(3)} ms/utterance  training ${s.trainMs.toFixed(0)} ms`;
}

/**
 * Start-up cost of the recogniser: training every model (no cache), writing the cache, and restoring the models from
 * it on the next start (docs/adr/0010-model-cache.md). Returns the trained recogniser and its training time.
 */
async function startUp(content: Content): Promise<{ recognizer: NaturalRecognizer; trainMs: number }> {
  const { knowledge, orientation, rules: r } = content;
  const corpus = {
    intents: knowledge.intents,
    situations: situationCorpus(orientation.situations),
    rules: utteranceCorpus([...r.rules, ...placedRules(r), ...r.limits, ...r.guidance]),
    triggers: orientation.triggers,
  };
  const dir = mkdtempSync(join(tmpdir(), 'relais-model-cache-'));
  try {
    const cache = new FileModelCache(dir);
    let t0 = performance.now();
    const recognizer = new NaturalRecognizer(corpus);
    const trainMs = performance.now() - t0;
    t0 = performance.now();
    await cache.set(modelKey(corpus), recognizer.snapshot());
    const writeMs = performance.now() - t0;
    const mb = readdirSync(dir).reduce((sum, name) => sum + statSync(join(dir, name)).size, 0) / 1e6;
    t0 = performance.now();
    const warm = await loadRecognizer(corpus, cache);
    const warmMs = performance.now() - t0;
    if (!warm.cached) throw new Error(`the model cache was not used: ${warm.problems.join('; ')}`);
    console.log(
      `\n## Recogniser start-up\ncold: training ${trainMs.toFixed(0)} ms + cache write ${writeMs.toFixed(0)} ms ` +
        `(${mb.toFixed(1)} MB); warm: ${warmMs.toFixed(0)} ms from the cache (key, read, validation, restore)`,
    );
    return { recognizer, trainMs };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function nluSection(): Promise<void> {
  const content = loadContent(ROOT);
  const { recognizer, trainMs } = await startUp(content);
  const recognise = (c: Case): Recognition => recognizer.recognize(c.text, c.locale);

  const situations = cases('situation-cases.yaml', 'situation');
  const intents = cases('intent-cases.yaml', 'intent');
  const situationNlp = await nlpjs(situationCorpus(content.orientation.situations));
  const intentNlp = await nlpjs(content.knowledge.intents);
  const ranking = async (manager: NlpManager, c: Case) => {
    const r = await manager.process(c.locale, c.text);
    return (r.classifications ?? [{ intent: r.intent }]).map((x) => x.intent);
  };

  console.log(
    `\n## NLU (held-out sets in test/nlu, never in the training data; Relais training ${trainMs.toFixed(0)} ms for all models)`,
  );
  console.log(`Situations (${situations.length} utterances, ${content.orientation.situations.length} situations):`);
  console.log(
    format('relais', await score(situations, (c) => recognise(c).situations.map((s) => s.situation), trainMs)),
  );
  console.log(format('nlp.js', await score(situations, (c) => ranking(situationNlp.manager, c), situationNlp.trainMs)));
  console.log(`Top-level intents (${intents.length} utterances):`);
  console.log(format('relais', await score(intents, (c) => recognise(c).intents.map((i) => i.intent), trainMs)));
  console.log(format('nlp.js', await score(intents, (c) => ranking(intentNlp.manager, c), intentNlp.trainMs)));

  const rules = cases('rule-cases.yaml', 'expect');
  const { rules: r } = content;
  const ruleNlp = await nlpjs(utteranceCorpus([...r.rules, ...placedRules(r), ...r.limits, ...r.guidance]));
  const entries = r.rules.length + placedRules(r).length + r.limits.length + r.guidance.length;
  console.log(`Rules, role limits and guidance (${rules.length} utterances, ${entries} entries):`);
  console.log(format('relais', await score(rules, (c) => recognise(c).rules.map((x) => x.rule), trainMs)));
  console.log(format('nlp.js', await score(rules, (c) => ranking(ruleNlp.manager, c), ruleNlp.trainMs)));
  const routed = rules.filter((c) => recognise(c).intents[0]?.intent === 'rules').length;
  const oriented = situations.filter((c) => recognise(c).intents[0]?.intent === 'orientation').length;
  console.log(
    `Routing: rule phrasings to "rules" ${((100 * routed) / rules.length).toFixed(1)} %, ` +
      `situation phrasings to "orientation" ${((100 * oriented) / situations.length).toFixed(1)} %`,
  );
}

if (require.main === module) void nluSection();
