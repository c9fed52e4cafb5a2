import type { BankQuestion } from '../knowledge/quiz-bank';
import type { CardRecord } from './progress';
import { isDue, type Scheduler } from './scheduler';

export type Random = () => number;

/** A copy of `items` in random order (Fisher–Yates with the injected randomness). */
export function shuffle<T>(items: readonly T[], random: Random): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/** The order ordering steps are shown in: shuffled, never already in the right order. */
export function shownOrder(steps: number, random: Random): number[] {
  const identity = Array.from({ length: steps }, (_, i) => i);
  for (let tries = 0; tries < 10; tries++) {
    const order = shuffle(identity, random);
    if (order.some((step, i) => step !== i)) return order;
  }
  return [...identity.slice(1), 0];
}

interface Pool {
  questions: readonly BankQuestion[];
  cards: Readonly<Record<string, CardRecord>>;
  now: Date;
  random: Random;
  scheduler: Scheduler;
}

/**
 * Practice and weak-spot questions: those due first (the most overdue first), then questions never answered
 * (in random order), then the rest, least likely remembered first.
 */
export function pickPractice({ questions, cards, now, random, scheduler }: Pool, size: number): BankQuestion[] {
  const due = questions.filter((q) => isDue(cards[q.id], now)).sort(byDue(cards));
  const unseen = shuffle(
    questions.filter((q) => cards[q.id] === undefined),
    random,
  );
  const rest = shuffle(
    questions.filter((q) => cards[q.id] !== undefined && !isDue(cards[q.id], now)),
    random,
  ).sort((a, b) => scheduler.retrievability(cards[a.id], now) - scheduler.retrievability(cards[b.id], now));
  return [...due, ...unseen, ...rest].slice(0, size);
}

/** The daily review: questions already answered whose review is due, the most overdue first. */
export function pickReview({ questions, cards, now }: Pool, max: number): BankQuestion[] {
  return questions
    .filter((q) => isDue(cards[q.id], now))
    .sort(byDue(cards))
    .slice(0, max);
}

/**
 * An exam: `perCcp[ccp]` questions from each CCP, spread over its competencies in turn (so that every competency
 * is asked), in random order within each competency; then the whole exam shuffled.
 */
export function pickExam(
  { questions, random }: Pick<Pool, 'questions' | 'random'>,
  perCcp: Readonly<Record<string, number>>,
): BankQuestion[] {
  const picked: BankQuestion[] = [];
  for (const [ccp, count] of Object.entries(perCcp)) {
    const byCompetency = new Map<string, BankQuestion[]>();
    for (const q of shuffle(
      questions.filter((x) => x.ccp === ccp),
      random,
    ))
      byCompetency.set(q.competency, [...(byCompetency.get(q.competency) ?? []), q]);
    const queues = shuffle([...byCompetency.values()], random);
    let taken = 0;
    while (taken < count && queues.some((queue) => queue.length > 0)) {
      for (const queue of queues) {
        const next = queue.shift();
        if (next && taken < count) {
          picked.push(next);
          taken++;
        }
      }
    }
  }
  return shuffle(picked, random);
}

function byDue(cards: Readonly<Record<string, CardRecord>>) {
  return (a: BankQuestion, b: BankQuestion) => Date.parse(cards[a.id]!.due) - Date.parse(cards[b.id]!.due);
}
