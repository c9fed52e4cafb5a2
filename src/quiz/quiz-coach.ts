import type { Locale } from '../content';
import { hasEnglish, type BankQuestion, type Ccp, type Competency } from '../knowledge/quiz-bank';
import { gradeAnswer } from './grading';
import { itemStatistics, type ItemStatistics } from './item-statistics';
import { dueToday, masteryByCompetency, streak, type CompetencyMastery } from './mastery';
import { pickExam, pickPractice, pickReview, shownOrder, type Random } from './picker';
import type { Learner, LearnerRecord, QuizMode, QuizScope, QuizSession, QuizStore } from './progress';
import { Scheduler, type QuizGrade } from './scheduler';
import { scoreAnswer, wordCount, type QuizAnswer } from './scoring';
import type { QuizSettings } from './settings';

/** The question bank as the coach needs it (knowledge/quiz, loaded by loadQuiz). */
export interface QuizBankView {
  competencies: readonly (Competency & { ccp: Ccp['id'] })[];
  questions: readonly BankQuestion[];
}

export interface StartRequest {
  mode: QuizMode;
  locale: Locale;
  /** Practice: a CCP or a competency; none means every competency. */
  ccp?: string;
  competency?: string;
}

export type StartResult =
  { ok: true; session: QuizSession } | { ok: false; reason: 'nothing-due' | 'no-questions'; nextDue?: Date };

/** The question to show, with its place in the session. */
export interface CurrentQuestion {
  question: BankQuestion;
  /** Ordering questions: the steps' indexes in the order shown. */
  shown?: readonly number[];
  position: number;
  total: number;
  mode: QuizMode;
}

export interface ScorePart {
  id: string;
  answered: number;
  /** Mean score, 0 to 1. */
  score: number;
}

export interface SessionSummary {
  mode: QuizMode;
  scope: QuizScope;
  answered: number;
  total: number;
  score: number;
  byCcp: (ScorePart & { passed?: boolean })[];
  byCompetency: ScorePart[];
  /** Exam only: every CCP reached the pass mark, with every question answered. */
  passed?: boolean;
  /** Exam only: the pass mark. */
  pass?: number;
}

export interface AnswerOutcome {
  question: BankQuestion;
  score: number;
  grade: QuizGrade;
  /** The session goes on with `next`, or it is over and `summary` tells how it went. */
  next?: CurrentQuestion;
  summary?: SessionSummary;
}

export interface Progress {
  mastery: CompetencyMastery[];
  streak: number;
  dueToday: number;
  answered: number;
  /** The session left open, if any: its place and size. */
  open?: { mode: QuizMode; position: number; total: number };
}

export interface GroupView {
  learners: number;
  /** Mean mastery of the group's learners, per competency. */
  mastery: { competency: string; ccp: string; mastery: number }[];
  items: ItemStatistics[];
}

export interface QuizCoachDeps {
  store: QuizStore;
  settings: QuizSettings;
  now: () => Date;
  random: Random;
}

/**
 * The quiz without a chat: starts sessions in each mode, checks answers, schedules reviews with FSRS, keeps the
 * open session so it can be resumed, and reports progress to the learner and to the trainer. The dialog only
 * renders what it returns.
 */
export class QuizCoach {
  private readonly scheduler: Scheduler;
  private readonly byId: ReadonlyMap<string, BankQuestion>;

  constructor(
    private readonly bank: QuizBankView,
    private readonly deps: QuizCoachDeps,
  ) {
    this.scheduler = new Scheduler({ retention: deps.settings.retention });
    this.byId = new Map(bank.questions.map((q) => [q.id, q]));
  }

  /** The score needed in each CCP to pass an exam. */
  get passMark(): number {
    return this.deps.settings.exam.pass;
  }

  /** The learner's open session, if any (a stopped one waits to be resumed). */
  async openSession(learnerId: string): Promise<QuizSession | undefined> {
    const record = await this.deps.store.get(learnerId);
    return record?.session && this.valid(record.session) ? record.session : undefined;
  }

  async start(learner: Learner, request: StartRequest): Promise<StartResult> {
    const now = this.deps.now();
    const record = (await this.deps.store.get(learner.id)) ?? { learner, cards: {}, attempts: [] };
    const picked = this.pick(request, record, now);
    if (picked.questions.length === 0) {
      if (request.mode !== 'review') return { ok: false, reason: 'no-questions' };
      const next = this.nextDue(record, request.locale);
      return { ok: false, reason: 'nothing-due', ...(next ? { nextDue: next } : {}) };
    }
    const session: QuizSession = {
      id: `${now.getTime().toString(36)}-${Math.floor(this.deps.random() * 0xffffffff)
        .toString(16)
        .padStart(8, '0')}`,
      mode: request.mode,
      scope: picked.scope,
      locale: request.locale,
      questions: picked.questions.map((q) =>
        q.type === 'ordering' ? { id: q.id, shown: shownOrder(q.steps.length, this.deps.random) } : { id: q.id },
      ),
      scores: [],
      started_at: now.toISOString(),
      asked_at: now.toISOString(),
    };
    await this.deps.store.update(learner, (r) => ({ ...r, session }));
    return { ok: true, session };
  }

  /** Takes up the open session again: the response time runs from now. */
  async resume(learner: Learner): Promise<QuizSession | undefined> {
    const open = await this.openSession(learner.id);
    if (!open) return undefined;
    const session = { ...open, asked_at: this.deps.now().toISOString() };
    await this.deps.store.update(learner, (r) => ({ ...r, session }));
    return session;
  }

  current(session: QuizSession): CurrentQuestion | undefined {
    const position = session.scores.length;
    const entry = session.questions[position];
    const question = entry && this.byId.get(entry.id);
    if (!entry || !question) return undefined;
    return {
      question,
      ...(entry.shown ? { shown: entry.shown } : {}),
      position: position + 1,
      total: session.questions.length,
      mode: session.mode,
    };
  }

  /**
   * Records the answer to the current question: its score, the FSRS review (graded from correctness and response
   * time) and the attempt; then moves on, or closes the session with its summary after the last question.
   */
  async answer(learner: Learner, answer: QuizAnswer): Promise<AnswerOutcome | undefined> {
    const now = this.deps.now();
    let outcome: AnswerOutcome | undefined;
    await this.deps.store.update(learner, (record) => {
      const session = record.session;
      const current = session && this.current(session);
      if (!session || !current) return record;
      const { question } = current;
      const score = scoreAnswer(question, answer);
      const askedAt = Date.parse(session.asked_at ?? session.started_at);
      const responseMs = Math.max(0, now.getTime() - askedAt);
      const grade = gradeAnswer(score, responseMs, wordCount(question, session.locale), this.grading());
      const card = this.scheduler.review(record.cards[question.id], grade, now);
      const next: QuizSession = { ...session, scores: [...session.scores, score], asked_at: now.toISOString() };
      const following = this.current(next);
      outcome = {
        question,
        score,
        grade,
        ...(following ? { next: following } : { summary: this.summarise(next) }),
      };
      return {
        ...record,
        cards: { ...record.cards, [question.id]: card },
        attempts: [
          ...record.attempts,
          {
            question: question.id,
            competency: question.competency,
            session: session.id,
            mode: session.mode,
            score,
            at: now.toISOString(),
            response_ms: responseMs,
          },
        ],
        ...(following ? { session: next } : { session: undefined }),
      };
    });
    return outcome;
  }

  /** "stop": the session stays open to be resumed; the summary tells how it went so far. */
  async stop(learnerId: string): Promise<SessionSummary | undefined> {
    const session = await this.openSession(learnerId);
    return session && this.summarise(session);
  }

  /** Drops the open session (a new one replaces it); answers already given stay recorded. */
  async abandon(learner: Learner): Promise<void> {
    await this.deps.store.update(learner, ({ session: _dropped, ...rest }) => rest);
  }

  summarise(session: QuizSession): SessionSummary {
    const answered = session.questions.slice(0, session.scores.length).map((entry, i) => ({
      question: this.byId.get(entry.id),
      score: session.scores[i]!,
    }));
    const part = (id: string, list: typeof answered): ScorePart => ({
      id,
      answered: list.length,
      score: list.length === 0 ? 0 : list.reduce((s, a) => s + a.score, 0) / list.length,
    });
    const ccps = [
      ...new Set(session.questions.map((e) => this.byId.get(e.id)?.ccp).filter((c) => c !== undefined)),
    ].sort();
    const competencies = this.bank.competencies
      .map((c) => c.id)
      .filter((id) => answered.some((a) => a.question?.competency === id));
    const exam = session.mode === 'exam';
    const pass = this.deps.settings.exam.pass;
    const complete = session.scores.length === session.questions.length;
    const byCcp: (ScorePart & { passed?: boolean })[] = ccps.map((ccp) => {
      const p = part(
        ccp,
        answered.filter((a) => a.question?.ccp === ccp),
      );
      return exam ? { ...p, passed: complete && p.score >= pass } : p;
    });
    return {
      mode: session.mode,
      scope: session.scope,
      answered: answered.length,
      total: session.questions.length,
      score: part('all', answered).score,
      byCcp,
      byCompetency: competencies.map((id) =>
        part(
          id,
          answered.filter((a) => a.question?.competency === id),
        ),
      ),
      ...(exam ? { pass, passed: complete && byCcp.every((c) => c.passed === true) } : {}),
    };
  }

  /** "mon bilan": mastery per competency, streak, questions due today, the open session. */
  async progress(learnerId: string, locale: Locale): Promise<Progress> {
    const now = this.deps.now();
    const record = await this.deps.store.get(learnerId);
    const questions = this.available(locale);
    const session = record?.session && this.valid(record.session) ? record.session : undefined;
    return {
      mastery: masteryByCompetency(this.bank.competencies, this.bank.questions, record, this.scheduler, now),
      streak: streak(record?.attempts ?? [], now),
      dueToday: dueToday(questions, record, now).length,
      answered: record?.attempts.length ?? 0,
      ...(session
        ? { open: { mode: session.mode, position: session.scores.length + 1, total: session.questions.length } }
        : {}),
    };
  }

  /** The trainer's view of a team: mean mastery per competency and item statistics over its learners' answers. */
  async group(team: string | undefined): Promise<GroupView> {
    const now = this.deps.now();
    const records = (await this.deps.store.list(team === undefined ? {} : { team })).filter(
      (r) => r.attempts.length > 0,
    );
    const each = records.map((r) =>
      masteryByCompetency(this.bank.competencies, this.bank.questions, r, this.scheduler, now),
    );
    return {
      learners: records.length,
      mastery: this.bank.competencies.map((c, i) => ({
        competency: c.id,
        ccp: c.ccp,
        mastery: each.length === 0 ? 0 : each.reduce((s, m) => s + m[i]!.mastery, 0) / each.length,
      })),
      items: itemStatistics(records),
    };
  }

  /** The competencies a weak-spot drill would pick now: the lowest mastery first, fewest answers breaking ties. */
  weakest(record: Pick<LearnerRecord, 'cards' | 'attempts'> | undefined, now: Date): string[] {
    return masteryByCompetency(this.bank.competencies, this.bank.questions, record, this.scheduler, now)
      .sort((a, b) => a.mastery - b.mastery || a.answered - b.answered)
      .slice(0, this.deps.settings.weak_spot.competencies)
      .map((m) => m.competency);
  }

  private pick(request: StartRequest, record: LearnerRecord, now: Date) {
    const all = this.available(request.locale);
    const pool = { cards: record.cards, now, random: this.deps.random, scheduler: this.scheduler };
    const { settings } = this.deps;
    switch (request.mode) {
      case 'review': {
        // "Today's review": what falls due before midnight, as "mon bilan" counts it.
        const midnight = new Date(now);
        midnight.setHours(23, 59, 59, 999);
        return { scope: {}, questions: pickReview({ ...pool, now: midnight, questions: all }, settings.review_max) };
      }
      case 'exam':
        return { scope: {}, questions: pickExam({ ...pool, questions: all }, settings.exam.per_ccp) };
      case 'weak-spot': {
        const competencies = this.weakest(record, now);
        const questions = all.filter((q) => competencies.includes(q.competency));
        return { scope: { competencies }, questions: pickPractice({ ...pool, questions }, settings.weak_spot.size) };
      }
      case 'practice': {
        const scope: QuizScope = request.competency
          ? { competencies: [request.competency] }
          : request.ccp
            ? { ccp: request.ccp }
            : {};
        const questions = all.filter(
          (q) =>
            (!request.competency || q.competency === request.competency) && (!request.ccp || q.ccp === request.ccp),
        );
        return { scope, questions: pickPractice({ ...pool, questions }, settings.practice_size) };
      }
    }
  }

  /** Questions that can be asked in a language: all in French; in English, those written in English. */
  private available(locale: Locale): BankQuestion[] {
    return this.bank.questions.filter((q) => locale === 'fr' || hasEnglish(q));
  }

  private nextDue(record: LearnerRecord, locale: Locale): Date | undefined {
    const dues = this.available(locale)
      .map((q) => record.cards[q.id]?.due)
      .filter((d) => d !== undefined)
      .map((d) => new Date(d));
    return dues.length === 0 ? undefined : new Date(Math.min(...dues.map((d) => d.getTime())));
  }

  /** A session whose questions all still exist (content may have changed since it was stopped). */
  private valid(session: QuizSession): boolean {
    return session.questions.every((q) => this.byId.has(q.id));
  }

  private grading() {
    const g = this.deps.settings.grading;
    return { fastSeconds: g.fast_seconds, slowSeconds: g.slow_seconds, awaySeconds: g.away_seconds };
  }
}
