import { join, relative } from 'node:path';
import { ContentError, readContentFile, yamlFiles, type ContentIssue } from '../content';
import type { Orientation } from './load-orientation';
import type { RulesKnowledge } from './load-rules';
import {
  QuestionFile,
  Referentiel,
  questionTexts,
  type BankQuestion,
  type Ccp,
  type Competency,
  type Question,
  type Reliance,
} from './quiz-bank';

export interface QuizBank {
  referentiel: Referentiel;
  /** Every competency with its CCP, in référentiel order. */
  competencies: readonly (Competency & { ccp: Ccp['id'] })[];
  /** Every question, in référentiel order then file order. */
  questions: readonly BankQuestion[];
}

/** Two questions whose words overlap this much (Jaccard, prompt + scene + right answer) are near-duplicates. */
export const NEAR_DUPLICATE = 0.8;
/**
 * Correct options must be spread over positions: with n questions of k options, each position holds the right
 * answer at least BALANCE_LOW × n/k and at most BALANCE_HIGH × n/k times. True/false answers likewise, over 2.
 */
export const BALANCE_LOW = 0.6;
export const BALANCE_HIGH = 1.4;
/**
 * The right answer must not give itself away by being the longest option: with 4 options that happens by chance in
 * about a quarter of questions; more than this share of single-choice and scenario questions is refused.
 */
export const LONGEST_RIGHT_MAX = 0.35;

/**
 * Loads and validates knowledge/quiz/: the référentiel and one question file per competency, with their
 * cross-references to numbers, rules, limits, guidance and situations; checks that right answers are spread over
 * positions and that no two questions are near-duplicates. Throws a ContentError listing every problem.
 */
export function loadQuiz(
  knowledgeDir: string,
  rootDir: string,
  refs: { orientation: Orientation; rules: RulesKnowledge },
): QuizBank {
  const issues: ContentIssue[] = [];
  const dir = join(knowledgeDir, 'quiz');
  const referentielFile = join(dir, 'referentiel.yaml');
  const referentiel = readContentFile(referentielFile, Referentiel, rootDir);
  if (!referentiel.ok) throw new ContentError(referentiel.issues);
  const competencies = referentiel.data.ccps.flatMap((ccp) => ccp.competencies.map((c) => ({ ...c, ccp: ccp.id })));
  const ccpIds = referentiel.data.ccps.map((c) => c.id);
  if (new Set(ccpIds).size !== ccpIds.length)
    issues.push({ file: rel(referentielFile, rootDir), path: 'ccps', message: 'each CCP must appear once' });
  const competencyIds = new Set<string>();
  for (const c of competencies) {
    if (competencyIds.has(c.id))
      issues.push({ file: rel(referentielFile, rootDir), path: 'ccps', message: `competency "${c.id}" appears twice` });
    competencyIds.add(c.id);
  }

  const known: Record<string, ReadonlySet<string>> = {
    number: new Set(refs.orientation.numbers.map((n) => n.id)),
    situation: new Set(refs.orientation.situations.map((s) => s.id)),
    rule: new Set(refs.rules.rules.map((r) => r.id)),
    limit: new Set(refs.rules.limits.map((l) => l.id)),
    guidance: new Set(refs.rules.guidance.map((g) => g.id)),
    referentiel: competencyIds,
  };

  const questionsDir = join(dir, 'questions');
  const byCompetency = new Map<string, { file: string; questions: Question[] }>();
  const seenIds = new Map<string, string>();
  for (const name of yamlFiles(questionsDir, relative(rootDir, questionsDir), issues)) {
    const path = join(questionsDir, name);
    const file = rel(path, rootDir);
    const result = readContentFile(path, QuestionFile, rootDir);
    if (!result.ok) {
      issues.push(...result.issues);
      continue;
    }
    const { competency, questions } = result.data;
    if (competency !== name.replace(/\.yaml$/, ''))
      issues.push({
        file,
        path: 'competency',
        message: `must be "${name.replace(/\.yaml$/, '')}" to match the file name`,
      });
    if (!competencyIds.has(competency))
      issues.push({ file, path: 'competency', message: `unknown competency "${competency}" in quiz/referentiel.yaml` });
    questions.forEach((q, i) => {
      const other = seenIds.get(q.id);
      if (other) issues.push({ file, path: `questions.${i}.id`, message: `id "${q.id}" is already used in ${other}` });
      else seenIds.set(q.id, file);
      q.relies_on.forEach((reliance, j) => {
        const [kind, id] = relianceEntry(reliance);
        if (!known[kind]?.has(id))
          issues.push({ file, path: `questions.${i}.relies_on.${j}.${kind}`, message: `unknown ${kind} "${id}"` });
      });
      const texts = questionTexts(q);
      const english = texts.filter((t) => t.text.en !== undefined).length;
      if (english > 0 && english < texts.length) {
        const missing = texts.find((t) => t.text.en === undefined)!;
        issues.push({
          file,
          path: `questions.${i}.${missing.path.join('.')}.en`,
          message: 'missing: a question is either fully in English or only in French',
        });
      }
    });
    byCompetency.set(competency, { file, questions });
  }

  const questions: BankQuestion[] = competencies.flatMap((c) =>
    (byCompetency.get(c.id)?.questions ?? []).map((q) => ({ ...q, competency: c.id, ccp: c.ccp })),
  );
  const fileOf = (q: BankQuestion) => byCompetency.get(q.competency)?.file ?? rel(questionsDir, rootDir);
  issues.push(...balanceIssues(questions, rel(questionsDir, rootDir)));
  const longest = longestRight(questions);
  if (longest.total >= 8 && longest.ids.length > LONGEST_RIGHT_MAX * longest.total)
    issues.push({
      file: rel(questionsDir, rootDir),
      path: 'single-choice and scenario questions',
      message:
        `the right option is the longest one in ${longest.ids.length} of ${longest.total} questions ` +
        `(at most ${Math.round(LONGEST_RIGHT_MAX * 100)} %): lengthen wrong options or tighten right ones, ` +
        `e.g. in ${longest.ids.slice(0, 5).join(', ')}`,
    });
  for (const [a, b, similarity] of nearDuplicates(questions))
    issues.push({
      file: fileOf(b),
      path: `questions (id ${b.id})`,
      message: `near-duplicate of "${a.id}" in ${fileOf(a)} (${Math.round(similarity * 100)} % of words shared)`,
    });

  if (issues.length > 0) throw new ContentError(issues);
  return { referentiel: referentiel.data, competencies, questions };
}

function relianceEntry(reliance: Reliance): [string, string] {
  return Object.entries(reliance)[0] as [string, string];
}

/** Where the right answer sits: per option count for single choice and scenarios, true/false apart. */
export function answerPositions(questions: readonly Question[]): Map<string, number[]> {
  const groups = new Map<string, number[]>();
  const count = (key: string, size: number, position: number) => {
    const counts = groups.get(key) ?? new Array<number>(size).fill(0);
    counts[position]! += 1;
    groups.set(key, counts);
  };
  for (const q of questions) {
    if (q.type === 'single-choice' || q.type === 'scenario') {
      count(
        `${q.options.length} options`,
        q.options.length,
        q.options.findIndex((o) => o.correct),
      );
    } else if (q.type === 'true-false') count('true/false', 2, q.answer ? 0 : 1);
  }
  return groups;
}

/** Problems with the spread of right answers over positions (none when the bank is balanced). */
export function balanceIssues(questions: readonly Question[], file: string): ContentIssue[] {
  const issues: ContentIssue[] = [];
  for (const [group, counts] of answerPositions(questions)) {
    const total = counts.reduce((a, b) => a + b, 0);
    if (total < 2 * counts.length) continue; // too few to judge
    const expected = total / counts.length;
    counts.forEach((n, position) => {
      if (n < BALANCE_LOW * expected || n > BALANCE_HIGH * expected)
        issues.push({
          file,
          path: group,
          message:
            `right answers are not spread evenly: ${counts.join(' / ')} by position (${total} questions); ` +
            `position ${group === 'true/false' ? (position === 0 ? '"true"' : '"false"') : position + 1} holds ${n}, expected about ${Math.round(expected)}`,
        });
    });
  }
  return issues;
}

/** Single-choice and scenario questions whose right option is strictly the longest, in French. */
export function longestRight(questions: readonly Question[]): { ids: string[]; total: number } {
  const choice = questions.filter((q) => q.type === 'single-choice' || q.type === 'scenario');
  const ids = choice
    .filter((q) => {
      const lengths = q.options.map((o) => o.text.fr.length);
      const max = Math.max(...lengths);
      return lengths.filter((l) => l === max).length === 1 && q.options[lengths.indexOf(max)]!.correct;
    })
    .map((q) => q.id);
  return { ids, total: choice.length };
}

/** Pairs of questions that share most of their words (prompt, scene and right answer, in French). */
export function nearDuplicates(questions: readonly BankQuestion[]): [BankQuestion, BankQuestion, number][] {
  const words = questions.map((q) => wordSet(keyText(q)));
  const pairs: [BankQuestion, BankQuestion, number][] = [];
  for (let i = 0; i < questions.length; i++) {
    for (let j = i + 1; j < questions.length; j++) {
      const similarity = jaccard(words[i]!, words[j]!);
      if (similarity >= NEAR_DUPLICATE) pairs.push([questions[i]!, questions[j]!, similarity]);
    }
  }
  return pairs;
}

function keyText(q: Question): string {
  const parts = [q.prompt.fr];
  if (q.type === 'scenario') parts.push(q.scene.fr);
  if ('options' in q) parts.push(...q.options.filter((o) => o.correct).map((o) => o.text.fr));
  if (q.type === 'ordering') parts.push(...q.steps.map((s) => s.fr));
  if (q.type === 'true-false') parts.push(String(q.answer));
  return parts.join(' ');
}

function wordSet(text: string): Set<string> {
  return new Set(
    text
      .normalize('NFD')
      .replace(/\p{M}/gu, '')
      .toLowerCase()
      .split(/[^\p{L}\p{N}]+/u)
      .filter((w) => w.length > 2),
  );
}

function jaccard(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  let shared = 0;
  for (const w of a) if (b.has(w)) shared++;
  const union = a.size + b.size - shared;
  return union === 0 ? 0 : shared / union;
}

function rel(path: string, rootDir: string): string {
  return relative(rootDir, path);
}
