import { MessageFactory, type CardAction, type TurnContext } from 'botbuilder';
import { Dialog, type DialogContext, type DialogTurnResult } from 'botbuilder-dialogs';
import type { Locale } from '../content';
import type { QuizBank, Reliance } from '../knowledge';
import type { QuizAnswerReader, QuizAnswerShape, QuizRequest, QuizRequestReader, QuizTypedAnswer } from '../nlu';
import type { CurrentQuestion, Learner, QuizAnswer, QuizCoach, QuizMode, SessionSummary } from '../quiz';
import { MIN_ATTEMPTS_TO_FLAG } from '../quiz';
import { choiceButton, sendWithButtons } from './cards';
import type { CapabilityDeclaration } from './catalogue';
import { CapabilityDialog } from './capability-dialog';
import {
  groupCard,
  letter,
  orderExample,
  progressCard,
  questionCard,
  say,
  shownTexts,
  type QuizAction,
} from './quiz-cards';
import type { Replies } from './replies';
import { REROUTED } from './reroute';
import { getTurnInfo } from './turn-info';

const SESSION = 'quiz.session';

/** Signed links to the trainer's CSV of item statistics (served by the server). */
export interface QuizLinks {
  readonly minutes: number;
  quizItems(team: string, locale: Locale): string;
}

export interface QuizDeps {
  coach: QuizCoach;
  bank: QuizBank;
  answers: QuizAnswerReader;
  requests: QuizRequestReader;
  /** The title of the knowledge item a question relies on, for the feedback's "to remember" line. */
  basisTitle: (reliance: Reliance, locale: Locale) => string | undefined;
  links?: QuizLinks;
}

type Stage = 'menu' | 'question';

interface QuizState {
  stage: Stage;
  /** The question on screen: a late click on an older card is not taken for an answer to this one. */
  question?: string;
}

/** What a card submission carries besides the action: the inputs of the question card. */
interface Submitted {
  capability?: unknown;
  quiz?: QuizAction;
  choices?: unknown;
  order?: unknown;
}

/** A message that is not an answer but clearly another request (at least this many words) leaves the quiz. */
const ELSEWHERE_MIN_WORDS = 3;
const ELSEWHERE_MIN_SCORE = 0.6;
const FLAGGED_SHOWN = 8;

/**
 * The trainee quiz: a menu of modes, questions as Adaptive Cards with a typed-text fallback, feedback with the
 * explanation in practice, a summary at the end or at "stop" (the session stays open to be resumed), "mon bilan",
 * and the trainer's group view. What to ask and how answers count is the coach's (src/quiz).
 */
export class QuizDialog extends CapabilityDialog {
  constructor(declaration: CapabilityDeclaration, replies: Replies, deps: QuizDeps) {
    super(declaration, replies);
    this.addDialog(new QuizSessionDialog(replies, deps));
    this.initialDialogId = SESSION;
  }
}

class QuizSessionDialog extends Dialog<Submitted> {
  private readonly ccpNames: Record<Locale, Map<string, string>>;

  constructor(
    private readonly replies: Replies,
    private readonly deps: QuizDeps,
  ) {
    super(SESSION);
    const ccps = deps.bank.referentiel.ccps;
    this.ccpNames = {
      fr: new Map(ccps.map((c) => [c.id, c.short.fr])),
      en: new Map(ccps.map((c) => [c.id, c.short.en])),
    };
  }

  override async beginDialog(dc: DialogContext, options: Submitted = {}): Promise<DialogTurnResult> {
    dc.activeDialog!.state = { stage: 'menu' } satisfies QuizState;
    if (options.quiz) return this.act(dc, options.quiz, options);
    const text = getTurnInfo(dc.context).recognition?.text ?? '';
    return this.route(dc, this.deps.requests.read(text));
  }

  override async continueDialog(dc: DialogContext): Promise<DialogTurnResult> {
    const context = dc.context;
    const state = dc.activeDialog!.state as QuizState;
    const { command, recognition } = getTurnInfo(context);
    const value = context.activity.value as Submitted | undefined;
    if (value && typeof value === 'object' && value.capability !== undefined && value.capability !== 'quiz')
      return dc.endDialog(REROUTED);

    if ((command === 'cancel' || command === 'restart') && state.stage === 'question') return this.pause(dc);
    if (command === 'cancel' || command === 'restart') {
      await this.replies.sayWithMenu(context, command === 'cancel' ? 'cancel.done' : 'restart.done');
      return dc.endDialog();
    }
    if (command === 'help') {
      // On a question: how to answer; elsewhere in the quiz, what Relais can do.
      if (state.stage === 'question') await context.sendActivity(this.t(context, 'quiz.help'));
      else await this.replies.help(context);
      return Dialog.EndOfTurn;
    }
    if (value?.quiz) return this.act(dc, value.quiz, value);

    const text = typeof context.activity.text === 'string' ? context.activity.text.trim() : '';
    const request = this.deps.requests.read(text);
    if (state.stage === 'question') {
      const current = await this.current(dc);
      if (!current) return this.route(dc, request);
      const typed = this.deps.answers.read(shapeOf(current, getTurnInfo(context).locale), text);
      if (typed) return this.answer(dc, current, typed);
      if (request.asks.includes('stop')) return this.pause(dc);
      // "mon bilan", "examen blanc"…: the session waits (it is saved) while the request is answered.
      if (request.asks.some((a) => a !== 'resume')) return this.route(dc, request);
      const top = recognition?.intents[0];
      const elsewhere =
        top !== undefined &&
        !['quiz', 'none'].includes(top.intent) &&
        top.score >= ELSEWHERE_MIN_SCORE &&
        text.split(/\s+/).length >= ELSEWHERE_MIN_WORDS;
      if (elsewhere) {
        await context.sendActivity(this.t(context, 'quiz.reroute'));
        return dc.endDialog(REROUTED);
      }
      await this.notUnderstood(context, current);
      return Dialog.EndOfTurn;
    }
    if (request.asks.length > 0 || request.ccp || request.competency) return this.route(dc, request);
    return dc.endDialog(REROUTED);
  }

  /** A typed request: the trainer's view, "mon bilan", a mode (with a scope), resume, or the menu. */
  private async route(dc: DialogContext, request: QuizRequest): Promise<DialogTurnResult> {
    const { asks } = request;
    if (asks.includes('group') || asks.includes('export')) return this.group(dc);
    if (asks.includes('progress')) return this.progress(dc);
    const scope = {
      ...(request.ccp ? { ccp: request.ccp } : {}),
      ...(request.competency ? { competency: request.competency } : {}),
    };
    const mode: QuizMode | undefined = asks.includes('exam')
      ? 'exam'
      : asks.includes('weakSpot')
        ? 'weak-spot'
        : asks.includes('review') && !scope.ccp && !scope.competency
          ? 'review'
          : asks.includes('practice') || scope.ccp || scope.competency
            ? 'practice'
            : undefined;
    if (mode) return this.start(dc, mode, scope);
    const open = await this.deps.coach.openSession(this.learner(dc.context).id);
    if (open && asks.includes('resume')) return this.resume(dc);
    if (open && !asks.includes('fresh')) {
      await sendWithButtons(
        dc.context,
        this.t(dc.context, 'quiz.open', {
          mode: this.modeName(dc.context, open.mode),
          position: open.scores.length + 1,
          total: open.questions.length,
        }),
        [
          this.button(dc.context, 'quiz.resume', { do: 'resume' }),
          this.button(dc.context, 'quiz.fresh', { do: 'fresh' }),
        ],
      );
      return Dialog.EndOfTurn;
    }
    return this.menu(dc);
  }

  private async act(dc: DialogContext, action: QuizAction, submitted: Submitted): Promise<DialogTurnResult> {
    const state = dc.activeDialog!.state as QuizState;
    switch (action.do) {
      case 'answer': {
        const current = await this.current(dc);
        if (!current || current.question.id !== action.q) {
          // A click on a card already answered: show where the session is instead.
          return current ? this.ask(dc, current) : this.menu(dc);
        }
        state.stage = 'question';
        const typed = this.fromCard(current, action, submitted, getTurnInfo(dc.context).locale);
        if (typed) return this.answer(dc, current, typed);
        await this.notUnderstood(dc.context, current);
        return Dialog.EndOfTurn;
      }
      case 'start':
        return this.start(dc, action.mode ?? 'practice', {
          ...(action.ccp ? { ccp: action.ccp } : {}),
          ...(action.competency ? { competency: action.competency } : {}),
        });
      case 'resume':
        return this.resume(dc);
      case 'fresh':
        return this.menu(dc);
      case 'progress':
        return this.progress(dc);
      case 'group':
        return this.group(dc);
      case 'choose-scope':
        return this.chooseScope(dc);
    }
  }

  private async menu(dc: DialogContext): Promise<DialogTurnResult> {
    const context = dc.context;
    const { locale, role } = getTurnInfo(context);
    const due = (await this.deps.coach.progress(this.learner(context).id, locale)).dueToday;
    const buttons = [
      this.button(context, 'quiz.menuReview', { do: 'start', mode: 'review' }, { count: due }),
      this.button(context, 'quiz.menuPractice', { do: 'choose-scope' }),
      this.button(context, 'quiz.menuExam', { do: 'start', mode: 'exam' }),
      this.button(context, 'quiz.menuWeakSpot', { do: 'start', mode: 'weak-spot' }),
      this.button(context, 'quiz.menuProgress', { do: 'progress' }),
      ...(role === 'supervisor' ? [this.button(context, 'quiz.menuGroup', { do: 'group' })] : []),
    ];
    const version = this.deps.bank.referentiel.version.statement[locale];
    await sendWithButtons(
      context,
      `${this.t(context, 'quiz.menu')}\n\n${this.t(context, 'quiz.version', { version })}`,
      buttons,
    );
    (dc.activeDialog!.state as QuizState).stage = 'menu';
    return Dialog.EndOfTurn;
  }

  private async chooseScope(dc: DialogContext): Promise<DialogTurnResult> {
    const context = dc.context;
    const { locale } = getTurnInfo(context);
    const buttons = [
      ...this.deps.bank.referentiel.ccps.map((ccp) =>
        choiceButton(ccp.short[locale], { capability: 'quiz', quiz: { do: 'start', mode: 'practice', ccp: ccp.id } }),
      ),
      this.button(context, 'quiz.allCcps', { do: 'start', mode: 'practice' }),
    ];
    await sendWithButtons(context, this.t(context, 'quiz.chooseScope'), buttons);
    (dc.activeDialog!.state as QuizState).stage = 'menu';
    return Dialog.EndOfTurn;
  }

  private async start(
    dc: DialogContext,
    mode: QuizMode,
    scope: { ccp?: string; competency?: string },
  ): Promise<DialogTurnResult> {
    const context = dc.context;
    const { locale } = getTurnInfo(context);
    const learner = this.learner(context);
    const previous = await this.deps.coach.openSession(learner.id);
    const result = await this.deps.coach.start(learner, { mode, locale, ...scope });
    if (!result.ok) {
      const key =
        result.reason === 'no-questions'
          ? 'quiz.noQuestions'
          : result.nextDue
            ? 'quiz.nothingDue'
            : 'quiz.nothingDueYet';
      await sendWithButtons(
        context,
        this.t(context, key, result.nextDue ? { date: formatDay(result.nextDue, locale) } : {}),
        [
          this.button(context, 'quiz.menuPractice', { do: 'choose-scope' }),
          this.button(context, 'quiz.menuProgress', { do: 'progress' }),
        ],
      );
      (dc.activeDialog!.state as QuizState).stage = 'menu';
      return Dialog.EndOfTurn;
    }
    const { session } = result;
    if (previous)
      await context.sendActivity(this.t(context, 'quiz.replaced', { mode: this.modeName(context, previous.mode) }));
    await context.sendActivity(
      this.t(context, `quiz.start.${mode}`, {
        count: session.questions.length,
        scope: this.scopeName(context, session.scope),
        pass: Math.round(this.deps.coach.passMark * 100),
      }),
    );
    const first = this.deps.coach.current(session);
    return first ? this.ask(dc, first) : this.menu(dc);
  }

  private async resume(dc: DialogContext): Promise<DialogTurnResult> {
    const session = await this.deps.coach.resume(this.learner(dc.context));
    const current = session && this.deps.coach.current(session);
    return current ? this.ask(dc, current) : this.menu(dc);
  }

  private async ask(dc: DialogContext, current: CurrentQuestion): Promise<DialogTurnResult> {
    const context = dc.context;
    const { locale } = getTurnInfo(context);
    const competency = this.deps.bank.competencies.find((c) => c.id === current.question.competency);
    const card = questionCard(
      current,
      { ccp: this.ccpNames[locale].get(current.question.ccp) ?? '', competency: competency?.short[locale] ?? '' },
      locale,
      (key, vars) => this.t(context, key, vars),
    );
    await context.sendActivity(MessageFactory.attachment(card));
    const state = dc.activeDialog!.state as QuizState;
    state.stage = 'question';
    state.question = current.question.id;
    return Dialog.EndOfTurn;
  }

  private async answer(dc: DialogContext, current: CurrentQuestion, typed: QuizTypedAnswer): Promise<DialogTurnResult> {
    const context = dc.context;
    const { locale } = getTurnInfo(context);
    const answer = toAnswer(current, typed);
    const outcome = await this.deps.coach.answer(this.learner(context), answer);
    if (!outcome) return this.menu(dc);
    if (current.mode !== 'exam')
      await context.sendActivity(this.feedback(context, current, answer, outcome.score, locale));
    if (outcome.next) return this.ask(dc, outcome.next);
    await this.summary(context, outcome.summary!, false);
    return dc.endDialog();
  }

  /** "stop", "annuler", "menu": the session stays open; the summary so far is shown. */
  private async pause(dc: DialogContext): Promise<DialogTurnResult> {
    const summary = await this.deps.coach.stop(this.learner(dc.context).id);
    if (summary) await this.summary(dc.context, summary, true);
    else await this.replies.sayWithMenu(dc.context, 'cancel.done');
    return dc.endDialog();
  }

  private async summary(context: TurnContext, summary: SessionSummary, paused: boolean): Promise<void> {
    const { locale } = getTurnInfo(context);
    const vars = { score: Math.round(summary.score * 100), answered: summary.answered, total: summary.total };
    const lines: string[] = [];
    if (paused)
      lines.push(this.t(context, summary.answered === 0 ? 'quiz.summary.pausedEmpty' : 'quiz.summary.paused', vars));
    else lines.push(this.t(context, 'quiz.summary.title', vars));
    if (summary.mode === 'exam' && summary.answered > 0) {
      // A paused exam has no verdict yet: only the scores so far.
      for (const ccp of summary.byCcp.filter((c) => c.answered > 0)) {
        const name = this.ccpNames[locale].get(ccp.id) ?? ccp.id;
        const score = Math.round(ccp.score * 100);
        lines.push(
          paused
            ? this.t(context, 'quiz.summary.line', { name, score, answered: ccp.answered })
            : this.t(context, 'quiz.summary.examLine', {
                name,
                score,
                result: this.t(context, ccp.passed ? 'quiz.summary.passed' : 'quiz.summary.failed'),
              }),
        );
      }
      if (!paused)
        lines.push(
          this.t(context, summary.passed ? 'quiz.summary.examPassed' : 'quiz.summary.examFailed', {
            pass: Math.round((summary.pass ?? 0) * 100),
          }),
        );
    } else if (summary.byCompetency.length > 0) {
      lines.push(this.t(context, 'quiz.summary.byCompetency'));
      for (const part of summary.byCompetency)
        lines.push(
          this.t(context, 'quiz.summary.line', {
            name: this.deps.bank.competencies.find((c) => c.id === part.id)?.short[locale] ?? part.id,
            score: Math.round(part.score * 100),
            answered: part.answered,
          }),
        );
    }
    const buttons = [
      ...(paused ? [this.button(context, 'quiz.resume', { do: 'resume' })] : []),
      this.button(context, 'quiz.menuProgress', { do: 'progress' }),
      this.button(context, 'quiz.fresh', { do: 'fresh' }),
    ];
    await sendWithButtons(context, lines.join('\n\n'), buttons);
  }

  private feedback(context: TurnContext, current: CurrentQuestion, answer: QuizAnswer, score: number, locale: Locale) {
    const { question } = current;
    const t = (key: string, vars?: Record<string, string | number>) => this.t(context, key, vars);
    const lines = [
      score === 1
        ? t('quiz.feedback.right')
        : score > 0
          ? t('quiz.feedback.partial', { percent: Math.round(score * 100) })
          : t('quiz.feedback.wrong'),
    ];
    switch (question.type) {
      case 'single-choice':
      case 'scenario':
      case 'multiple-choice': {
        const picked = 'choices' in answer ? answer.choices : [];
        const right = question.options.map((o, i) => ({ o, i })).filter(({ o }) => o.correct);
        if (score < 1) {
          lines.push(
            t('quiz.feedback.answer', {
              answer: right.map(({ o, i }) => `${letter(i)}. ${say(o.text, locale)}`).join(' ; '),
            }),
          );
          for (const i of picked.filter((p) => !question.options[p]?.correct))
            lines.push(t('quiz.feedback.yourPick', { option: letter(i), why: say(question.options[i]!.why, locale) }));
        }
        lines.push(t('quiz.feedback.why', { why: right.map(({ o }) => say(o.why, locale)).join(' ') }));
        break;
      }
      case 'true-false':
        if (score < 1)
          lines.push(t('quiz.feedback.answer', { answer: t(question.answer ? 'quiz.card.true' : 'quiz.card.false') }));
        lines.push(t('quiz.feedback.why', { why: say(question.why, locale) }));
        break;
      case 'ordering':
        if (score < 1)
          lines.push(
            t('quiz.feedback.order', {
              answer: question.steps.map((s, i) => `${i + 1}. ${say(s, locale)}`).join(' → '),
            }),
          );
        lines.push(t('quiz.feedback.why', { why: say(question.why, locale) }));
        break;
    }
    const basis = question.relies_on.map((r) => this.deps.basisTitle(r, locale)).filter((b) => b !== undefined);
    if (basis.length > 0) lines.push(t('quiz.feedback.basis', { items: [...new Set(basis)].join(', ') }));
    const activity = MessageFactory.text(lines.join('\n\n'));
    activity.textFormat = 'markdown';
    return activity;
  }

  private async progress(dc: DialogContext): Promise<DialogTurnResult> {
    const context = dc.context;
    const { locale } = getTurnInfo(context);
    const progress = await this.deps.coach.progress(this.learner(context).id, locale);
    const card = progressCard(
      progress,
      this.deps.bank.competencies,
      this.ccpNames[locale],
      locale,
      (key, vars) => this.t(context, key, vars),
      (mode) => this.modeName(context, mode as QuizMode),
    );
    await context.sendActivity(MessageFactory.attachment(card));
    (dc.activeDialog!.state as QuizState).stage = 'menu';
    return Dialog.EndOfTurn;
  }

  private async group(dc: DialogContext): Promise<DialogTurnResult> {
    const context = dc.context;
    const { locale, role, user } = getTurnInfo(context);
    if (role !== 'supervisor') {
      await this.replies.sayWithMenu(context, 'quiz.group.onlySupervisors');
      return dc.endDialog();
    }
    const team = user?.team;
    if (!team) {
      // Without a team in the roster there is no group to show, and never everyone's.
      await this.replies.sayWithMenu(context, 'quiz.group.noTeam');
      return dc.endDialog();
    }
    const view = await this.deps.coach.group(team);
    const competencyName = (id: string) => this.deps.bank.competencies.find((c) => c.id === id)?.short[locale] ?? id;
    const flagged = view.items
      .filter((i) => i.flag !== undefined)
      .sort((a, b) => FLAG_ORDER.indexOf(a.flag!) - FLAG_ORDER.indexOf(b.flag!) || b.attempts - a.attempts)
      .slice(0, FLAGGED_SHOWN)
      .map((i) =>
        this.t(context, 'quiz.group.item', {
          question: i.question,
          competency: competencyName(i.competency),
          facility: Math.round(i.facility * 100),
          discrimination: i.discrimination === undefined ? '–' : i.discrimination.toFixed(2),
          attempts: i.attempts,
          flag: this.t(context, `quiz.group.flags.${i.flag!}`),
        }),
      );
    const lines = flagged.length > 0 ? flagged : [this.t(context, 'quiz.group.noItems', { min: MIN_ATTEMPTS_TO_FLAG })];
    const links = this.deps.links;
    const csv =
      links && team && view.learners > 0 ? { url: links.quizItems(team, locale), minutes: links.minutes } : undefined;
    const card = groupCard(
      view,
      team,
      this.deps.bank.competencies,
      this.ccpNames[locale],
      lines,
      locale,
      (key, vars) => this.t(context, key, vars),
      csv,
    );
    await context.sendActivity(MessageFactory.attachment(card));
    return dc.endDialog();
  }

  private async notUnderstood(context: TurnContext, current: CurrentQuestion): Promise<void> {
    const { locale } = getTurnInfo(context);
    const count = shownTexts(current, locale).length;
    const type = current.question.type;
    const key =
      type === 'multiple-choice' || type === 'true-false' || type === 'ordering'
        ? type.replace('-choice', '')
        : 'single';
    await context.sendActivity(
      this.t(context, `quiz.notUnderstood.${key}`, {
        letters: Array.from({ length: count }, (_, i) => letter(i)).join(', '),
        count,
        example: orderExample(count),
      }),
    );
  }

  /** The answer a card carries: the choice set's value ("0" or "0,2"), the true/false button, or the typed order. */
  private fromCard(
    current: CurrentQuestion,
    action: QuizAction,
    submitted: Submitted,
    locale: Locale,
  ): QuizTypedAnswer | undefined {
    if (current.question.type === 'true-false')
      return typeof action.value === 'boolean' ? { value: action.value } : undefined;
    if (current.question.type === 'ordering')
      return typeof submitted.order === 'string'
        ? this.deps.answers.read(shapeOf(current, locale), submitted.order)
        : undefined;
    if (typeof submitted.choices !== 'string' || submitted.choices.trim() === '') return undefined;
    const positions = submitted.choices.split(',').map((c) => Number(c.trim()));
    const count = shownTexts(current, locale).length;
    if (positions.some((p) => !Number.isInteger(p) || p < 0 || p >= count)) return undefined;
    if (current.question.type !== 'multiple-choice' && positions.length !== 1) return undefined;
    return { positions: [...new Set(positions)] };
  }

  private async current(dc: DialogContext): Promise<CurrentQuestion | undefined> {
    const session = await this.deps.coach.openSession(this.learner(dc.context).id);
    return session && this.deps.coach.current(session);
  }

  private learner(context: TurnContext): Learner {
    const { user } = getTurnInfo(context);
    const id = user?.id ?? context.activity.from?.id ?? 'anonymous';
    return { id, ...(user?.name ? { name: user.name } : {}), ...(user?.team ? { team: user.team } : {}) };
  }

  private scopeName(context: TurnContext, scope: { ccp?: string; competencies?: string[] }): string {
    const { locale } = getTurnInfo(context);
    if (scope.competencies?.length)
      return scope.competencies
        .map((id) => this.deps.bank.competencies.find((c) => c.id === id)?.short[locale] ?? id)
        .join(` ${this.t(context, 'quiz.and')} `);
    if (scope.ccp) return this.ccpNames[locale].get(scope.ccp) ?? scope.ccp;
    return this.t(context, 'quiz.scopeAll');
  }

  private modeName(context: TurnContext, mode: QuizMode): string {
    return this.t(context, `quiz.modes.${mode}`);
  }

  private button(
    context: TurnContext,
    key: string,
    quiz: QuizAction,
    vars?: Record<string, string | number>,
  ): CardAction {
    return choiceButton(this.t(context, key, vars), { capability: 'quiz', quiz });
  }

  private t(context: TurnContext, key: string, vars?: Record<string, string | number>): string {
    return this.replies.text(context, key, vars);
  }
}

const FLAG_ORDER = ['negative-discrimination', 'weak-discrimination', 'too-hard', 'too-easy'] as const;

/** What a question expects, as shown. */
function shapeOf(current: CurrentQuestion, locale: Locale): QuizAnswerShape {
  const texts = shownTexts(current, locale);
  switch (current.question.type) {
    case 'true-false':
      return { kind: 'true-false' };
    case 'ordering':
      return { kind: 'ordering', steps: texts };
    case 'multiple-choice':
      return { kind: 'multiple', options: texts };
    default:
      return { kind: 'single', options: texts };
  }
}

/** Display positions → the coach's answer (ordering positions map back to step indexes through `shown`). */
function toAnswer(current: CurrentQuestion, typed: QuizTypedAnswer): QuizAnswer {
  if ('value' in typed) return { value: typed.value };
  if (current.question.type === 'ordering') {
    const shown = current.shown ?? current.question.steps.map((_, i) => i);
    return { order: typed.positions.map((p) => shown[p]!) };
  }
  return { choices: typed.positions };
}

function formatDay(date: Date, locale: Locale): string {
  return new Intl.DateTimeFormat(locale === 'fr' ? 'fr-FR' : 'en-GB', {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
  }).format(date);
}
