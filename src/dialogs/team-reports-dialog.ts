import type { CardAction, TurnContext } from 'botbuilder';
import { Dialog, type DialogContext, type DialogTurnResult } from 'botbuilder-dialogs';
import type { Locale } from '../content';
import { commandSets, foldCommand, type TeamRequest, type TeamRequestReader } from '../nlu';
import {
  FormEngine,
  ReviewError,
  display,
  formatDateTime,
  formatPeriod,
  lastDays,
  reviewReport,
  synthesise,
  teamReportQuery,
  type Form,
  type Report,
  type ReportStore,
  type ReviewDecision,
  type TeamQuery,
} from '../reports';
import { choiceButton, sendWithButtons } from './cards';
import type { ReportFlow } from './report-flow';
import type { Replies } from './replies';
import { REROUTED } from './reroute';
import { synthesisCard } from './synthesis-card';
import { getTurnInfo } from './turn-info';

export const TEAM_REPORTS = 'report.team';

/** Signed links to what a chat message cannot carry well: the CSV file and the synthesis page (src/server). */
export interface ReportLinks {
  /** How long a link stays valid. */
  readonly minutes: number;
  csv(team: string, query: TeamQuery, locale: Locale): string;
  synthesis(team: string, query: TeamQuery, locale: Locale): string;
}

export interface TeamReportsDeps {
  forms: readonly Form[];
  store: ReportStore;
  reader: TeamRequestReader;
  now: () => Date;
  links?: ReportLinks;
}

/** What a button of the team screens sends back (inside `{ capability: 'report', team: … }`). */
export interface TeamAction {
  open?: string;
  do?: 'validate' | 'revise' | 'back' | 'export' | 'synthesis' | 'no-comment' | 'to-validate';
}

interface TeamState {
  mode: 'list' | 'open' | 'comment';
  /** What was shown last: a follow-up that only refines the filters shows the same again. */
  view: 'list' | 'synthesis' | 'export';
  query: TeamQuery;
  /** The ids of the last list, so that "3" opens the third. */
  ids: string[];
  report?: string;
  decision?: ReviewDecision;
}

type TeamWords = keyof ReportFlow['team']['words'] | 'skip';

/**
 * The supervisor's side of reports: the team's reports listed and filtered (period, type, place, status), one opened
 * in full, validated or sent back with a comment, exported as CSV and summed up in the weekly synthesis. Only the
 * supervisor's own team is ever read; drafts stay the agents' own.
 */
export class TeamReportsDialog extends Dialog<{ request?: TeamRequest; action?: TeamAction }> {
  private readonly engines: ReadonlyMap<string, FormEngine>;
  private readonly words: Record<TeamWords, Set<string>>;

  constructor(
    private readonly replies: Replies,
    private readonly deps: TeamReportsDeps,
    private readonly flow: ReportFlow,
  ) {
    super(TEAM_REPORTS);
    this.engines = new Map(deps.forms.map((form) => [form.id, new FormEngine(form)]));
    this.words = commandSets({ ...flow.team.words, skip: flow.words.skip });
  }

  override async beginDialog(
    dc: DialogContext,
    options: { request?: TeamRequest; action?: TeamAction } = {},
  ): Promise<DialogTurnResult> {
    const state: TeamState = { mode: 'list', view: 'list', query: {}, ids: [] };
    dc.activeDialog!.state = state;
    if (options.action?.open) return this.open(dc, state, options.action.open);
    const request = options.request ?? { team: true, list: true };
    state.query = this.queryOf(request, {});
    if (options.action?.do === 'synthesis' || request.action === 'synthesis') return this.synthesis(dc, state);
    if (options.action?.do === 'export' || request.action === 'export') return this.export(dc, state);
    if (request.reportId) return this.open(dc, state, request.reportId);
    return this.list(dc, state);
  }

  override async continueDialog(dc: DialogContext): Promise<DialogTurnResult> {
    const context = dc.context;
    const state = dc.activeDialog!.state as TeamState;
    const { command } = getTurnInfo(context);
    const value = context.activity.value as { capability?: unknown; team?: TeamAction } | undefined;
    if (value && typeof value === 'object' && value.capability !== undefined && !value.team)
      return dc.endDialog(REROUTED);
    if (command === 'cancel' || command === 'restart') {
      await this.replies.sayWithMenu(context, command === 'cancel' ? 'cancel.done' : 'restart.done');
      return dc.endDialog();
    }
    if (command === 'help') {
      await context.sendActivity(this.replies.text(context, 'report.team.hint'));
      return Dialog.EndOfTurn;
    }
    const action: TeamAction = value?.team ?? {};
    const text = typeof context.activity.text === 'string' ? context.activity.text.trim() : '';

    if (state.mode === 'comment' && state.report && state.decision && action.do === undefined && !action.open) {
      return this.review(dc, state, state.report, state.decision, this.is(text, 'skip') ? undefined : text);
    }
    if (action.do === 'no-comment' && state.report) return this.review(dc, state, state.report, 'validated');
    if (action.open) return this.open(dc, state, action.open);
    if (action.do === 'export') return this.export(dc, state);
    if (action.do === 'synthesis') return this.synthesis(dc, state);
    if (action.do === 'to-validate') {
      state.query = { ...state.query, statuses: ['submitted'] };
      return this.list(dc, state);
    }
    if (action.do === 'back' || this.is(text, 'back')) return this.list(dc, state);
    if (state.report && (action.do === 'validate' || (state.mode === 'open' && this.is(text, 'validate'))))
      return this.askComment(dc, state, 'validated');
    if (state.report && (action.do === 'revise' || (state.mode === 'open' && this.is(text, 'revise'))))
      return this.askComment(dc, state, 'to-revise');

    const position = /^\s*(?:n[°o]\s*)?(\d{1,2})\s*$/i.exec(text);
    const listed = position ? state.ids[Number(position[1]) - 1] : undefined;
    if (listed) return this.open(dc, state, listed);

    const request = this.deps.reader.read(text, getTurnInfo(context).locale, this.deps.now());
    if (request.reportId) return this.open(dc, state, request.reportId);
    if (!this.isRequest(request)) return dc.endDialog(REROUTED);
    // A new request (an action, the team) starts afresh; a follow-up ("et la semaine dernière ?") refines the last one.
    const fresh = request.action !== undefined || request.team;
    state.query = this.queryOf(request, fresh ? {} : state.query);
    const view = request.action ?? (fresh || request.list ? 'list' : state.view);
    if (view === 'synthesis') return this.synthesis(dc, state);
    if (view === 'export') return this.export(dc, state);
    return this.list(dc, state);
  }

  override async repromptDialog(context: TurnContext): Promise<void> {
    await context.sendActivity(this.replies.text(context, 'report.team.hint'));
  }

  /** Whether a request asks anything of the team's reports (an action, the team, or a filter). */
  private isRequest(request: TeamRequest): boolean {
    return (
      request.action !== undefined ||
      request.team ||
      request.list ||
      request.period !== undefined ||
      request.statuses !== undefined ||
      request.forms !== undefined ||
      request.place !== undefined
    );
  }

  // --- list and open ----------------------------------------------------------------------------------------------

  private async list(dc: DialogContext, state: TeamState): Promise<DialogTurnResult> {
    const context = dc.context;
    const team = this.team(context);
    state.mode = 'list';
    state.view = 'list';
    state.report = undefined;
    const reports = await this.deps.store.list(teamReportQuery(team, state.query));
    const shown = reports.slice(0, this.flow.team.list_limit);
    state.ids = shown.map((r) => r.id);
    const filters = this.filters(context, state.query);
    if (shown.length === 0) {
      await sendWithButtons(context, this.replies.text(context, 'report.team.none', { team, filters }), [
        this.button(context, 'report.team.buttons.synthesis', { do: 'synthesis' }),
      ]);
      return Dialog.EndOfTurn;
    }
    const lines = [this.replies.text(context, 'report.team.list', { team, filters, count: reports.length })];
    shown.forEach((report, i) => lines.push(this.line(context, report, i + 1)));
    if (reports.length > shown.length)
      lines.push(this.replies.text(context, 'report.team.more', { shown: shown.length }));
    lines.push(this.replies.text(context, 'report.team.hint'));
    const buttons = shown.slice(0, 5).map((r, i) =>
      choiceButton(this.replies.text(context, 'report.team.buttons.open', { n: i + 1 }), {
        capability: 'report',
        team: { open: r.id },
      }),
    );
    buttons.push(
      this.button(context, 'report.team.buttons.export', { do: 'export' }),
      this.button(context, 'report.team.buttons.synthesis', { do: 'synthesis' }),
    );
    if (state.query.statuses?.join() !== 'submitted')
      buttons.push(this.button(context, 'report.team.buttons.toValidate', { do: 'to-validate' }));
    await sendWithButtons(context, lines.join('\n\n'), buttons);
    return Dialog.EndOfTurn;
  }

  private async open(dc: DialogContext, state: TeamState, id: string): Promise<DialogTurnResult> {
    const context = dc.context;
    const locale = getTurnInfo(context).locale;
    const report = await this.deps.store.get(id);
    if (!report || report.team !== this.team(context)) {
      await context.sendActivity(this.replies.text(context, 'report.team.notFound'));
      return Dialog.EndOfTurn;
    }
    state.mode = 'open';
    state.report = report.id;
    const engine = this.engines.get(report.form);
    const lines = [
      this.replies.text(context, 'report.team.open', {
        title: engine?.form.title[locale] ?? report.form,
        id: report.id,
      }),
      this.replies.text(context, 'report.team.meta', {
        author: report.author.name ?? report.author.id,
        created: formatDateTime(report.created_at, locale),
        status: this.replies.text(context, `report.status.${report.status}`),
      }),
    ];
    if (report.submitted_at)
      lines.push(
        this.replies.text(context, 'report.team.submittedAt', { at: formatDateTime(report.submitted_at, locale) }),
      );
    for (const field of engine?.relevantFields(report) ?? []) {
      const value = report.answers[field.id];
      if (value === undefined) continue;
      const shown = display(field, value, locale, {
        yes: this.replies.text(context, 'report.words.yes'),
        no: this.replies.text(context, 'report.words.no'),
      });
      lines.push(
        this.replies.text(context, 'report.summaryLine', { field: (field.short ?? field.label)[locale], value: shown }),
      );
    }
    if (report.review) {
      lines.push(
        this.replies.text(context, 'report.team.lastReview', {
          status: this.replies.text(context, `report.status.${report.review.status}`),
          by: report.review.by.name ?? report.review.by.id,
          at: formatDateTime(report.review.at, locale),
        }),
      );
      if (report.review.comment)
        lines.push(this.replies.text(context, 'report.team.reviewComment', { comment: report.review.comment }));
    }
    const buttons: CardAction[] = [];
    if (report.status !== 'draft')
      buttons.push(
        this.button(context, 'report.team.buttons.validate', { do: 'validate' }),
        this.button(context, 'report.team.buttons.revise', { do: 'revise' }),
      );
    buttons.push(this.button(context, 'report.team.buttons.back', { do: 'back' }));
    await sendWithButtons(context, lines.join('\n\n'), buttons);
    return Dialog.EndOfTurn;
  }

  // --- review -----------------------------------------------------------------------------------------------------

  private async askComment(dc: DialogContext, state: TeamState, decision: ReviewDecision): Promise<DialogTurnResult> {
    const context = dc.context;
    const report = state.report ? await this.deps.store.get(state.report) : undefined;
    if (!report || report.team !== this.team(context)) {
      await context.sendActivity(this.replies.text(context, 'report.team.notFound'));
      return this.list(dc, state);
    }
    if (report.status === 'draft') {
      await context.sendActivity(this.replies.text(context, 'report.team.notSubmitted'));
      return Dialog.EndOfTurn;
    }
    state.mode = 'comment';
    state.decision = decision;
    const author = report.author.name ?? report.author.id;
    if (decision === 'validated')
      await sendWithButtons(context, this.replies.text(context, 'report.team.askComment', { author }), [
        this.button(context, 'report.team.buttons.noComment', { do: 'no-comment' }),
      ]);
    else await context.sendActivity(this.replies.text(context, 'report.team.askRevise', { author }));
    return Dialog.EndOfTurn;
  }

  private async review(
    dc: DialogContext,
    state: TeamState,
    id: string,
    decision: ReviewDecision,
    comment?: string,
  ): Promise<DialogTurnResult> {
    const context = dc.context;
    const report = await this.deps.store.get(id);
    if (!report || report.team !== this.team(context)) {
      await context.sendActivity(this.replies.text(context, 'report.team.notFound'));
      return this.list(dc, state);
    }
    const user = getTurnInfo(context).user;
    let reviewed: Report;
    try {
      reviewed = reviewReport(
        report,
        {
          status: decision,
          by: { id: user?.id || 'anonymous', ...(user?.name ? { name: user.name } : {}) },
          ...(comment ? { comment } : {}),
        },
        this.deps.now(),
      );
    } catch (error) {
      if (!(error instanceof ReviewError)) throw error;
      const key = error.reason === 'comment-needed' ? 'report.team.commentNeeded' : 'report.team.notSubmitted';
      await context.sendActivity(this.replies.text(context, key));
      return Dialog.EndOfTurn;
    }
    try {
      await this.deps.store.save(reviewed);
    } catch {
      await context.sendActivity(this.replies.text(context, 'report.team.reviewFailed'));
      return Dialog.EndOfTurn;
    }
    state.mode = 'list';
    state.decision = undefined;
    const key = decision === 'validated' ? 'report.team.validated' : 'report.team.revised';
    await sendWithButtons(
      context,
      this.replies.text(context, key, { id: report.id, author: report.author.name ?? report.author.id }),
      [
        this.button(context, 'report.team.buttons.back', { do: 'back' }),
        this.button(context, 'report.team.buttons.toValidate', { do: 'to-validate' }),
      ],
    );
    return Dialog.EndOfTurn;
  }

  // --- export and synthesis ---------------------------------------------------------------------------------------

  private async export(dc: DialogContext, state: TeamState): Promise<DialogTurnResult> {
    const context = dc.context;
    const team = this.team(context);
    const { locale } = getTurnInfo(context);
    state.view = 'export';
    const count = (await this.deps.store.list(teamReportQuery(team, state.query))).length;
    const filters = this.filters(context, state.query);
    if (count === 0) await context.sendActivity(this.replies.text(context, 'report.team.exportNone', { filters }));
    else if (!this.deps.links) await context.sendActivity(this.replies.text(context, 'report.team.linksUnavailable'));
    else
      await context.sendActivity(
        this.replies.text(context, 'report.team.export', {
          count,
          url: this.deps.links.csv(team, state.query, locale),
          minutes: this.deps.links.minutes,
        }),
      );
    return Dialog.EndOfTurn;
  }

  private async synthesis(dc: DialogContext, state: TeamState): Promise<DialogTurnResult> {
    const context = dc.context;
    const team = this.team(context);
    const { locale } = getTurnInfo(context);
    const now = this.deps.now();
    // A synthesis always covers a period: the one asked for, else the last days (dialogs/report.yaml).
    const fallback = lastDays(this.flow.team.default_days, now);
    const query: TeamQuery = {
      ...state.query,
      from: state.query.from ?? fallback.from.toISOString(),
      to: state.query.to ?? fallback.to.toISOString(),
    };
    state.query = query;
    state.view = 'synthesis';
    const period = { from: new Date(query.from!), to: new Date(query.to!) };
    const reports = await this.deps.store.list(teamReportQuery(team, query));
    const synthesis = synthesise(reports, this.deps.forms, period);
    const url = this.deps.links?.synthesis(team, query, locale);
    const t = (key: string, vars?: Readonly<Record<string, string | number>>) =>
      this.replies.text(context, key, vars ? { ...vars } : undefined);
    await context.sendActivity({
      attachments: [synthesisCard(synthesis, this.deps.forms, locale, t, team, url)],
    });
    const buttons = [
      this.button(context, 'report.team.buttons.back', { do: 'back' }),
      this.button(context, 'report.team.buttons.export', { do: 'export' }),
    ];
    const text = url
      ? this.replies.text(context, 'report.team.synthesisLink', { url, minutes: this.deps.links!.minutes })
      : this.replies.text(context, 'report.team.hint');
    await sendWithButtons(context, text, buttons);
    state.mode = 'list';
    return Dialog.EndOfTurn;
  }

  // --- helpers ----------------------------------------------------------------------------------------------------

  /** A request's filters over the current ones: what it names replaces, what it does not name stays. */
  private queryOf(request: TeamRequest, current: TeamQuery): TeamQuery {
    const query: TeamQuery = { ...current };
    if (request.period) {
      query.from = request.period.from.toISOString();
      query.to = request.period.to.toISOString();
    } else if (!current.from && !request.statuses && request.action !== 'export') {
      const fallback = lastDays(this.flow.team.default_days, this.deps.now());
      query.from = fallback.from.toISOString();
      query.to = fallback.to.toISOString();
    }
    if (request.forms) query.forms = request.forms;
    if (request.statuses) query.statuses = request.statuses;
    if (request.place) query.place = request.place;
    return query;
  }

  private filters(context: TurnContext, query: TeamQuery): string {
    const locale = getTurnInfo(context).locale;
    const parts = [
      query.from && query.to
        ? this.replies.text(context, 'report.team.filters.period', formatPeriod(query.from, query.to, locale))
        : this.replies.text(context, 'report.team.filters.allTime'),
    ];
    for (const id of query.forms ?? []) parts.push(this.engines.get(id)?.form.title[locale] ?? id);
    if (query.place) parts.push(query.place.text);
    for (const status of query.statuses ?? []) parts.push(this.replies.text(context, `report.status.${status}`));
    return parts.join(this.replies.text(context, 'report.team.filters.join'));
  }

  private line(context: TurnContext, report: Report, n: number): string {
    const locale = getTurnInfo(context).locale;
    return this.replies.text(context, 'report.team.line', {
      n,
      date: formatDateTime(report.created_at, locale),
      title: this.engines.get(report.form)?.form.title[locale] ?? report.form,
      place: report.place?.text ?? this.replies.text(context, 'report.empty'),
      author: report.author.name ?? report.author.id,
      status: this.replies.text(context, `report.status.${report.status}`),
    });
  }

  private button(context: TurnContext, key: string, action: TeamAction): CardAction {
    return choiceButton(this.replies.text(context, key), { capability: 'report', team: action });
  }

  private is(text: string, words: TeamWords): boolean {
    return text.length > 0 && this.words[words].has(foldCommand(text));
  }

  private team(context: TurnContext): string {
    return getTurnInfo(context).user?.team ?? 'default';
  }
}
