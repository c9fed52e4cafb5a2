import { Rating, State, createEmptyCard, fsrs, type Card, type FSRS, type Grade } from 'ts-fsrs';
import type { CardRecord } from './progress';

export type QuizGrade = 'again' | 'hard' | 'good' | 'easy';

const GRADES: Readonly<Record<QuizGrade, Grade>> = {
  again: Rating.Again,
  hard: Rating.Hard,
  good: Rating.Good,
  easy: Rating.Easy,
};

export interface SchedulerOptions {
  /** The probability of remembering a question FSRS aims for when it schedules it again (default 0.9). */
  retention?: number;
  /** The longest interval between two reviews, in days (default 365: the training lasts months, not years). */
  maximumDays?: number;
}

/**
 * Spaced repetition with FSRS (ts-fsrs): when a question is due again, and how likely the learner is to remember it
 * now. No fuzz, so the same answers at the same times always give the same schedule; no same-day learning steps,
 * so a question comes back on another day.
 */
export class Scheduler {
  private readonly fsrs: FSRS;

  constructor(options: SchedulerOptions = {}) {
    this.fsrs = fsrs({
      request_retention: options.retention ?? 0.9,
      maximum_interval: options.maximumDays ?? 365,
      enable_fuzz: false,
      // Days, not minutes: a trainee revises between classes, so FSRS's same-day learning steps are left out.
      enable_short_term: false,
    });
  }

  /** The card after an answer graded `grade` at `now` (a new card when the question was never answered). */
  review(card: CardRecord | undefined, grade: QuizGrade, now: Date): CardRecord {
    const next = this.fsrs.next(card ? fromRecord(card) : createEmptyCard(now), now, GRADES[grade]).card;
    return toRecord(next);
  }

  /** The probability (0 to 1) of recalling the question at `now`; 0 for a question never answered. */
  retrievability(card: CardRecord | undefined, now: Date): number {
    if (!card || card.state === Number(State.New)) return 0;
    return this.fsrs.get_retrievability(fromRecord(card), now, false);
  }
}

/** Whether a card is due at `now` (answered before, and its due date has come). */
export function isDue(card: CardRecord | undefined, now: Date): boolean {
  return card !== undefined && Date.parse(card.due) <= now.getTime();
}

function fromRecord(record: CardRecord): Card {
  const { last_review: lastReview, ...rest } = record;
  return {
    ...rest,
    due: new Date(record.due),
    ...(lastReview ? { last_review: new Date(lastReview) } : {}),
  };
}

function toRecord(card: Card): CardRecord {
  return {
    due: card.due.toISOString(),
    stability: card.stability,
    difficulty: card.difficulty,
    elapsed_days: card.elapsed_days,
    scheduled_days: card.scheduled_days,
    learning_steps: card.learning_steps,
    reps: card.reps,
    lapses: card.lapses,
    state: card.state,
    ...(card.last_review ? { last_review: card.last_review.toISOString() } : {}),
  };
}
