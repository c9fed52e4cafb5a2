import type { CardAction, TurnContext } from 'botbuilder';
import { Dialog, type DialogContext, type DialogTurnResult } from 'botbuilder-dialogs';
import { LOCALES, type Locale, type LocalisedText } from '../content';
import { commandSets, fold, foldCommand, type AnswerReader, type TeamRequestReader } from '../nlu';
import {
  FormEngine,
  canReopen,
  display,
  formatDateTime,
  type AnswerValue,
  type Field,
  type Form,
  type PersonalDataGuard,
  type PersonalDataHit,
  type PersonalDataKind,
  type Prefill,
  type Report,
  type ReportStore,
} from '../reports';
import { choiceButton, sendWithButtons } from './cards';
import type { CapabilityDeclaration } from './catalogue';
import { CapabilityDialog } from './capability-dialog';
import { REROUTED } from './reroute';
import { ReportFlow } from './report-flow';
import type { Replies } from './replies';
import { TEAM_REPORTS, TeamReportsDialog, type ReportLinks, type TeamAction } from './team-reports-dialog';
import { getTurnInfo } from './turn-info';

const FORM = 'report.form';

export interface ReportDeps {
  forms: readonly Form[];
  store: ReportStore;
  reader: AnswerReader;
  guard: PersonalDataGuard;
  now: () => Date;
  random: () => number;
  /** Titles of the situations and rules a report can start from. */
  titleOf: (kind: 'situation' | 'rule', id: string) => LocalisedText | undefined;
  /** Reads a supervisor's request about the team's reports. */
  teamReader: TeamRequestReader;
  /** Signed links to the CSV export and the synthesis page; without them, those are not offered. */
  links?: ReportLinks;
}

/** What a report button sends back (inside `{ capability: 'report', report: … }`). */
interface ReportAction {
  form?: string;
  answer?: AnswerValue;
  do?: 'skip' | 'pause' | 'save' | 'edit' | 'discard' | 'keep-draft' | 'replace' | 'keep' | 'retype';
  field?: string;
  resume?: string;
}

/** Options the router (or a button of another answer) starts the dialog with. */
interface StartOptions {
  form?: string;
  situation?: string;
  rule?: string;
  report?: ReportAction;
  /** A button of the supervisor's team screens. */
  team?: TeamAction;
}

type Mode = 'choose-form' | 'ask' | 'personal-data' | 'summary' | 'edit' | 'leave';

/** What the form dialog keeps between turns: the draft itself is in the store, saved after every answer. */
interface FormState {
  mode: Mode;
  draft?: string;
  field?: string;
  failures: number;
  /** A free-text answer waiting for the agent's choice about the personal data found in it. */
  pending?: { value: AnswerValue; hits: PersonalDataHit[] };
}

type Words = keyof ReportFlow['words'];

/**
 * Guided report forms (dialogs/forms): one question per turn, the draft saved after every answer so that nothing is
 * lost to an interruption, a summary to check and edit before saving, the personal-data guard on free text, and the
 * agent's own reports and drafts. The questions, checks and skip logic are the form engine's (src/reports).
 */
export class ReportDialog extends CapabilityDialog {
  /** "mes fiches", "mes brouillons": the agent's own reports, never the team's. */
  private readonly flowWords: Set<string>;

  constructor(
    declaration: CapabilityDeclaration,
    replies: Replies,
    private readonly deps: ReportDeps,
  ) {
    super(declaration, replies);
    const flow = ReportFlow.parse(declaration.flow);
    this.addDialog(new FormDialog(replies, deps, flow));
    const { mine, drafts } = commandSets({ mine: flow.words.mine, drafts: flow.words.drafts });
    this.flowWords = new Set([...mine, ...drafts]);
    const { forms, store, teamReader: reader, now, links } = deps;
    this.addDialog(new TeamReportsDialog(replies, { forms, store, reader, now, ...(links ? { links } : {}) }, flow));
    this.initialDialogId = FORM;
  }

  /**
   * A supervisor's request about the team (a team button, or words naming the team, a synthesis, an export or a
   * status) opens the team screens; anything else is the agent's own form. Agents asking for the team are told why not.
   */
  protected override async onBeginDialog(innerDc: DialogContext, options?: StartOptions): Promise<DialogTurnResult> {
    const { role, recognition, locale } = getTurnInfo(innerDc.context);
    const text = recognition?.text ?? '';
    const request = text ? this.deps.teamReader.read(text, locale, this.deps.now()) : undefined;
    const named = request !== undefined && !options?.form && !options?.report && !this.flowWords.has(foldCommand(text));
    const asked = named && (request.team || request.action !== undefined);
    // Only a supervisor asks for a list by a status or by naming reports in the plural; an agent's are their own.
    const listed = named && role === 'supervisor' && (request.list || request.statuses !== undefined);
    const forTeam = options?.team !== undefined || asked || listed;
    if (!forTeam) return innerDc.beginDialog(FORM, options);
    if (role !== 'supervisor') {
      await this.replies.sayWithMenu(innerDc.context, 'report.team.onlySupervisors');
      return innerDc.endDialog();
    }
    return innerDc.beginDialog(TEAM_REPORTS, {
      ...(request ? { request } : {}),
      ...(options?.team ? { action: options.team } : {}),
    });
  }
}

class FormDialog extends Dialog<StartOptions> {
  private readonly engines: ReadonlyMap<string, FormEngine>;
  private readonly words: Record<Words, Set<string>>;

  constructor(
    private readonly replies: Replies,
    private readonly deps: ReportDeps,
    private readonly flow: ReportFlow,
  ) {
    super(FORM);
    this.engines = new Map(deps.forms.map((form) => [form.id, new FormEngine(form)]));
    this.words = commandSets(flow.words);
  }

  override async beginDialog(dc: DialogContext, options: StartOptions = {}): Promise<DialogTurnResult> {
    const state: FormState = { mode: 'choose-form', failures: 0 };
    dc.activeDialog!.state = state;
    const context = dc.context;
    const action = options.report ?? {};
    if (action.resume) return this.resume(dc, state, action.resume);

    const text = getTurnInfo(context).recognition?.text ?? '';
    if (this.is(text, 'mine')) return this.listMine(dc, 'mine');
    if (this.is(text, 'drafts')) return this.listMine(dc, 'drafts');

    const form = this.engines.get(options.form ?? action.form ?? '') ?? this.formNamedIn(text);
    if (form) return this.startForm(dc, state, form, this.prefill(context, options));
    return this.chooseForm(dc);
  }

  override async continueDialog(dc: DialogContext): Promise<DialogTurnResult> {
    const context = dc.context;
    const state = dc.activeDialog!.state as FormState;
    const { command } = getTurnInfo(context);
    const value = context.activity.value as { capability?: unknown; report?: ReportAction; team?: unknown } | undefined;
    const elsewhere = value?.capability !== undefined && (value.capability !== 'report' || value.team !== undefined);
    if (value && typeof value === 'object' && elsewhere) {
      await this.keepDraft(dc, state);
      return dc.endDialog(REROUTED);
    }
    const action: ReportAction = value?.report ?? {};
    // Another draft's button (a list, a review notice): this draft is saved already; switch to that one.
    if (action.resume && action.resume !== state.draft) return this.resume(dc, state, action.resume);
    const text = typeof context.activity.text === 'string' ? context.activity.text.trim() : '';
    const draft = state.draft ? await this.deps.store.get(state.draft) : undefined;

    if (command === 'restart') {
      await this.keepDraft(dc, state, draft);
      return dc.endDialog();
    }
    if (command === 'cancel' && draft) return this.askLeave(dc, state);
    if (command === 'cancel') {
      await this.replies.sayWithMenu(context, 'cancel.done');
      return dc.endDialog();
    }

    if (state.mode === 'choose-form') {
      const form = this.engines.get(action.form ?? '') ?? this.formNamedIn(text);
      if (form) return this.startForm(dc, state, form, this.prefill(context, {}));
      if (this.is(text, 'drafts')) return this.listMine(dc, 'drafts');
      if (this.is(text, 'mine')) return this.listMine(dc, 'mine');
      return dc.endDialog(REROUTED);
    }
    if (!draft) return this.chooseForm(dc);
    const engine = this.engine(draft);

    if (state.mode === 'leave') {
      if (action.do === 'discard' || this.is(text, 'discard')) {
        await this.deps.store.remove(draft.id);
        await this.replies.sayWithMenu(context, 'report.discarded');
        return dc.endDialog();
      }
      await this.keepDraft(dc, state, draft);
      return dc.endDialog();
    }
    if (action.do === 'pause' || this.is(text, 'pause')) {
      await this.keepDraft(dc, state, draft);
      return dc.endDialog();
    }
    if (command === 'help') {
      await this.ask(dc, state, draft, { help: true });
      return Dialog.EndOfTurn;
    }

    switch (state.mode) {
      case 'personal-data':
        return this.personalData(dc, state, engine, draft, action);
      case 'summary':
        return this.summaryAction(dc, state, engine, draft, action, text);
      case 'edit': {
        const field = engine.field(action.field ?? '') ?? this.fieldNamedIn(engine, draft, text);
        return field ? this.askField(dc, state, draft, field.id) : this.showSummary(dc, state, draft);
      }
      default:
        return this.answer(dc, state, engine, draft, action, text);
    }
  }

  override async repromptDialog(context: TurnContext): Promise<void> {
    await this.replies.sayWithMenu(context, 'report.chooseForm');
  }

  // --- starting -------------------------------------------------------------------------------------------------

  private async chooseForm(dc: DialogContext): Promise<DialogTurnResult> {
    const context = dc.context;
    const locale = this.locale(context);
    const { id } = this.user(context);
    const drafts = (await this.deps.store.list({ author: id, statuses: ['draft', 'to-revise'] })).slice(0, 3);
    const buttons: CardAction[] = [
      ...drafts.map((d) => this.resumeButton(context, d)),
      ...this.deps.forms.map((form) =>
        choiceButton(form.title[locale], { capability: 'report', report: { form: form.id } }),
      ),
    ];
    if (getTurnInfo(context).role === 'supervisor')
      buttons.push(
        choiceButton(this.replies.text(context, 'report.team.buttons.team'), { capability: 'report', team: {} }),
      );
    await sendWithButtons(context, this.replies.text(context, 'report.chooseForm'), buttons);
    return Dialog.EndOfTurn;
  }

  private async startForm(dc: DialogContext, state: FormState, engine: FormEngine, prefill: Prefill) {
    const context = dc.context;
    const locale = this.locale(context);
    const user = this.user(context);
    const draft = engine.start({
      author: { id: user.id, ...(user.name ? { name: user.name } : {}) },
      team: user.team,
      now: this.deps.now(),
      random: this.deps.random,
      prefill,
    });
    await this.deps.store.save(draft);
    state.draft = draft.id;
    const lines = [this.replies.text(context, 'report.started', { title: engine.form.title[locale] })];
    const prefilled = draft.prefilled.flatMap((id) => {
      const field = engine.field(id);
      const value = draft.answers[id];
      return field && value !== undefined
        ? [this.pair(context, this.short(field, locale), this.show(context, field, value))]
        : [];
    });
    if (prefilled.length > 0)
      lines.push(this.replies.text(context, 'report.prefilled', { list: prefilled.join(' · ') }));
    await context.sendActivity(lines.join('\n\n'));
    return this.next(dc, state, engine, draft);
  }

  private async resume(dc: DialogContext, state: FormState, id: string): Promise<DialogTurnResult> {
    const context = dc.context;
    const draft = await this.deps.store.get(id);
    if (!draft || !canReopen(draft, this.user(context).id)) return this.listMine(dc, 'drafts');
    const engine = this.engine(draft);
    const title = engine.form.title[this.locale(context)];
    state.draft = draft.id;
    if (draft.status === 'to-revise') {
      // Sent back by the supervisor: every answer is there; the summary shows them to change what was asked.
      await context.sendActivity(
        this.replies.text(context, 'report.review.revising', {
          title,
          by: draft.review?.by.name ?? draft.review?.by.id ?? '',
          comment: draft.review?.comment ?? '',
        }),
      );
      return this.showSummary(dc, state, draft);
    }
    await context.sendActivity(
      this.replies.text(context, 'report.resumed', { title, answered: Object.keys(draft.answers).length }),
    );
    return this.next(dc, state, engine, draft);
  }

  private prefill(context: TurnContext, options: StartOptions): Prefill {
    const locale = this.locale(context);
    const prefill: Prefill = {};
    for (const kind of ['situation', 'rule'] as const) {
      const id = options[kind];
      const title = id ? this.deps.titleOf(kind, id) : undefined;
      if (id && title) prefill[kind] = { id, text: title[locale] };
    }
    // Started from an orientation or rule answer: it happened now, when that answer was asked for.
    if (prefill.situation || prefill.rule) prefill.time = this.deps.now();
    const text = getTurnInfo(context).recognition?.text;
    if (text) {
      const place = this.deps.reader.place(text);
      if (place.id) prefill.place = place;
    }
    return prefill;
  }

  // --- asking ---------------------------------------------------------------------------------------------------

  /** Asks the next question, or shows the summary when every question that applies has an answer. */
  private async next(dc: DialogContext, state: FormState, engine: FormEngine, draft: Report) {
    const field = engine.next(draft);
    state.pending = undefined;
    return field ? this.askField(dc, state, draft, field.id) : this.showSummary(dc, state, draft);
  }

  /** Asks one field (the next one, or the one to change), with a fresh count of failed answers. */
  private async askField(dc: DialogContext, state: FormState, draft: Report, fieldId: string) {
    state.mode = 'ask';
    state.field = fieldId;
    state.failures = 0;
    await this.ask(dc, state, draft);
    return Dialog.EndOfTurn;
  }

  private async ask(
    dc: DialogContext,
    state: FormState,
    draft: Report,
    options: { help?: boolean; problem?: string } = {},
  ) {
    const context = dc.context;
    const locale = this.locale(context);
    const field = this.engine(draft).field(state.field ?? '');
    if (!field) return;
    const lines: string[] = [];
    if (options.problem) lines.push(options.problem);
    if (options.help) lines.push(this.helpText(context, field));
    lines.push(this.replies.text(context, 'report.question', { label: field.label[locale] }));
    if (!field.required) lines.push(this.replies.text(context, 'report.optional'));
    const current = draft.answers[field.id];
    if (current !== undefined)
      lines.push(this.replies.text(context, 'report.current', { value: this.show(context, field, current) }));
    const buttons: CardAction[] = [];
    const answer = (title: string, value: AnswerValue) =>
      buttons.push(choiceButton(title, { capability: 'report', report: { answer: value } }));
    if (field.type === 'yes-no') {
      answer(this.replies.text(context, 'report.words.yes'), true);
      answer(this.replies.text(context, 'report.words.no'), false);
    } else if (field.type === 'single-choice') {
      for (const choice of field.choices ?? []) answer(choice.label[locale], choice.id);
    } else if (field.type === 'multiple-choice') {
      (field.choices ?? []).forEach((choice, i) =>
        lines.push(this.replies.text(context, 'report.list', { n: i + 1, label: choice.label[locale] })),
      );
      lines.push(this.replies.text(context, 'report.multiHint'));
    }
    if (!field.required)
      buttons.push(
        choiceButton(this.replies.text(context, 'report.buttons.skip'), {
          capability: 'report',
          report: { do: 'skip' },
        }),
      );
    await sendWithButtons(context, lines.join('\n\n'), buttons);
  }

  private async answer(
    dc: DialogContext,
    state: FormState,
    engine: FormEngine,
    draft: Report,
    action: ReportAction,
    text: string,
  ) {
    const context = dc.context;
    const locale = this.locale(context);
    const now = this.deps.now();
    const field = engine.field(state.field ?? '') ?? engine.next(draft);
    if (!field) return this.showSummary(dc, state, draft);
    state.field = field.id;

    if (action.do === 'skip' || (action.answer === undefined && this.is(text, 'skip'))) {
      if (field.required) {
        await this.ask(dc, state, draft, { problem: this.replies.text(context, 'report.required') });
        return Dialog.EndOfTurn;
      }
      const next = engine.skip(draft, field.id, now);
      await this.deps.store.save(next);
      return this.next(dc, state, engine, next);
    }

    const value = action.answer ?? this.deps.reader.read(field, text, locale, now);
    const problem =
      value === undefined
        ? this.replies.text(context, 'report.notUnderstood', { field: this.short(field, locale) })
        : (() => {
            const check = engine.check(field, value, now);
            return check.ok ? undefined : check.message[locale];
          })();
    if (problem !== undefined || value === undefined) return this.failed(dc, state, draft, field, problem ?? '');

    const hits = this.personalDataIn(field, value);
    if (hits.length > 0) {
      state.mode = 'personal-data';
      state.pending = { value, hits };
      const found = [...new Set(hits.map((h) => this.replies.text(context, `report.personalDataKinds.${h.kind}`)))];
      await sendWithButtons(context, this.replies.text(context, 'report.personalData', { found: found.join(', ') }), [
        this.button(context, 'report.buttons.replace', { do: 'replace' }),
        this.button(context, 'report.buttons.keep', { do: 'keep' }),
        this.button(context, 'report.buttons.retype', { do: 'retype' }),
      ]);
      return Dialog.EndOfTurn;
    }
    return this.store(dc, state, engine, draft, field, value, 0);
  }

  private async failed(dc: DialogContext, state: FormState, draft: Report, field: Field, problem: string) {
    const context = dc.context;
    state.failures += 1;
    if (state.failures < this.flow.retries) {
      const hint = field.type === 'single-choice' ? ` ${this.replies.text(context, 'report.choiceHint')}` : '';
      await this.ask(dc, state, draft, { problem: problem + hint });
      return Dialog.EndOfTurn;
    }
    // After the last try: explain the question, and offer a way out instead of a loop.
    const lines = [problem, this.helpText(context, field)];
    const buttons: CardAction[] = [];
    if (field.required) {
      lines.push(this.replies.text(context, 'report.requiredDraft'));
      buttons.push(this.button(context, 'report.buttons.keepDraft', { do: 'pause' }));
    } else {
      lines.push(this.replies.text(context, 'report.canSkip'));
      buttons.push(this.button(context, 'report.buttons.skip', { do: 'skip' }));
    }
    state.failures = 0;
    await sendWithButtons(context, lines.join('\n\n'), buttons);
    return Dialog.EndOfTurn;
  }

  private async personalData(
    dc: DialogContext,
    state: FormState,
    engine: FormEngine,
    draft: Report,
    action: ReportAction,
  ) {
    const context = dc.context;
    const field = engine.field(state.field ?? '');
    const pending = state.pending;
    state.mode = 'ask';
    state.pending = undefined;
    if (!field || !pending || action.do === 'retype' || (action.do !== 'replace' && action.do !== 'keep')) {
      await this.ask(dc, state, draft);
      return Dialog.EndOfTurn;
    }
    if (action.do === 'keep') return this.store(dc, state, engine, draft, field, pending.value, 0);
    const mention = (kind: PersonalDataKind) => this.replies.text(context, `report.mentions.${kind}`);
    const redact = (text: string) => this.deps.guard.redact(text, this.scan(field, text), mention);
    const value = pending.value;
    const redacted: AnswerValue =
      typeof value === 'string'
        ? redact(value)
        : typeof value === 'object' && !Array.isArray(value)
          ? { text: redact(value.text) }
          : value;
    return this.store(dc, state, engine, draft, field, redacted, pending.hits.length);
  }

  private async store(
    dc: DialogContext,
    state: FormState,
    engine: FormEngine,
    draft: Report,
    field: Field,
    value: AnswerValue,
    redactions: number,
  ) {
    const answered = engine.answer(draft, field.id, value, this.deps.now());
    const next = { ...answered, redactions: answered.redactions + redactions };
    await this.deps.store.save(next);
    return this.next(dc, state, engine, next);
  }

  // --- summary, save, edit ----------------------------------------------------------------------------------------

  private async showSummary(dc: DialogContext, state: FormState, draft: Report): Promise<DialogTurnResult> {
    const context = dc.context;
    const locale = this.locale(context);
    const engine = this.engine(draft);
    state.mode = 'summary';
    state.field = undefined;
    const lines = [this.replies.text(context, 'report.summary', { title: engine.form.title[locale] })];
    for (const field of engine.relevantFields(draft)) {
      const value = draft.answers[field.id];
      const shown =
        value !== undefined
          ? this.show(context, field, value)
          : this.replies.text(context, draft.skipped.includes(field.id) ? 'report.skipped' : 'report.empty');
      lines.push(this.replies.text(context, 'report.summaryLine', { field: this.short(field, locale), value: shown }));
    }
    const missing = engine.missing(draft);
    const buttons: CardAction[] = [];
    if (missing.length > 0)
      lines.push(
        this.replies.text(context, 'report.missing', { fields: missing.map((f) => this.short(f, locale)).join(', ') }),
      );
    else buttons.push(this.button(context, 'report.buttons.save', { do: 'save' }));
    buttons.push(
      this.button(context, 'report.buttons.edit', { do: 'edit' }),
      this.button(context, 'report.buttons.keepDraft', { do: 'pause' }),
      this.button(context, 'report.buttons.discard', { do: 'discard' }),
    );
    await sendWithButtons(context, lines.join('\n\n'), buttons);
    return Dialog.EndOfTurn;
  }

  private async summaryAction(
    dc: DialogContext,
    state: FormState,
    engine: FormEngine,
    draft: Report,
    action: ReportAction,
    text: string,
  ): Promise<DialogTurnResult> {
    const context = dc.context;
    const locale = this.locale(context);
    if (action.do === 'save' || this.is(text, 'save')) {
      if (engine.missing(draft).length > 0) return this.showSummary(dc, state, draft);
      const submitted = engine.submit(draft, this.deps.now());
      try {
        await this.deps.store.save(submitted);
      } catch {
        await context.sendActivity(this.replies.text(context, 'report.saveFailed'));
        return Dialog.EndOfTurn;
      }
      const lines = [
        this.replies.text(context, 'report.saved', {
          id: submitted.id,
          title: engine.form.title[locale],
          status: this.replies.text(context, 'report.status.submitted'),
        }),
      ];
      const message = this.ownerMessage(context, engine, submitted);
      if (message) lines.push(message);
      await context.sendActivity(this.replies.withMenu(context, lines.join('\n\n')));
      return dc.endDialog(submitted.id);
    }
    if (action.do === 'discard' || this.is(text, 'discard')) return this.askLeave(dc, state);
    const named = action.field ?? this.fieldNamedIn(engine, draft, text)?.id;
    if (action.do === 'edit' || this.is(text, 'edit') || named) {
      if (named) return this.askField(dc, state, draft, named);
      state.mode = 'edit';
      const buttons = engine
        .relevantFields(draft)
        .map((f) => choiceButton(this.short(f, locale), { capability: 'report', report: { field: f.id } }));
      await sendWithButtons(context, this.replies.text(context, 'report.editWhich'), buttons);
      return Dialog.EndOfTurn;
    }
    return this.showSummary(dc, state, draft);
  }

  /** For technical anomalies: the text to send to the owner of the equipment, with the fields they need. */
  private ownerMessage(context: TurnContext, engine: FormEngine, report: Report): string | undefined {
    const spec = engine.form.owner_message;
    if (!spec) return undefined;
    const locale = this.locale(context);
    const ownerField = engine.field(spec.owner_field);
    const owner = report.answers[spec.owner_field];
    const lines = [
      this.replies.text(context, 'report.ownerMessage', {
        owner:
          ownerField && owner !== undefined
            ? this.show(context, ownerField, owner)
            : this.replies.text(context, 'report.ownerUnknown'),
      }),
    ];
    for (const id of spec.fields) {
      const field = engine.field(id);
      const value = report.answers[id];
      if (field && value !== undefined)
        lines.push(this.pair(context, this.short(field, locale), this.show(context, field, value)));
    }
    lines.push(this.replies.text(context, 'report.reference', { id: report.id }));
    return lines.join('\n');
  }

  // --- leaving, drafts, lists -------------------------------------------------------------------------------------

  private async askLeave(dc: DialogContext, state: FormState): Promise<DialogTurnResult> {
    state.mode = 'leave';
    await sendWithButtons(dc.context, this.replies.text(dc.context, 'report.cancelAsk'), [
      this.button(dc.context, 'report.buttons.keepDraft', { do: 'keep-draft' }),
      this.button(dc.context, 'report.buttons.discardDraft', { do: 'discard' }),
    ]);
    return Dialog.EndOfTurn;
  }

  private async keepDraft(dc: DialogContext, state: FormState, known?: Report): Promise<void> {
    const draft = known ?? (state.draft ? await this.deps.store.get(state.draft) : undefined);
    if (!draft || (draft.status !== 'draft' && draft.status !== 'to-revise')) {
      await this.replies.sayWithMenu(dc.context, 'restart.done');
      return;
    }
    await this.replies.sayWithMenu(dc.context, 'report.draftKept', {
      title: this.engine(draft).form.title[this.locale(dc.context)],
      answered: Object.keys(draft.answers).length,
    });
  }

  private async listMine(dc: DialogContext, which: 'mine' | 'drafts'): Promise<DialogTurnResult> {
    const context = dc.context;
    const { id } = this.user(context);
    const reports = await this.deps.store.list({
      author: id,
      statuses: which === 'drafts' ? ['draft', 'to-revise'] : ['submitted', 'validated', 'to-revise'],
    });
    const shown = reports.slice(0, this.flow.list_limit);
    if (shown.length === 0) {
      await this.replies.sayWithMenu(context, which === 'drafts' ? 'report.draftsNone' : 'report.mineNone');
      return dc.endDialog();
    }
    const lines = [
      this.replies.text(context, which === 'drafts' ? 'report.drafts' : 'report.mine', { count: reports.length }),
    ];
    for (const report of shown) lines.push(`- ${this.line(context, report)}`);
    const buttons = which === 'drafts' ? shown.slice(0, 5).map((d) => this.resumeButton(context, d)) : [];
    await sendWithButtons(context, lines.join('\n'), buttons);
    return dc.endDialog();
  }

  private line(context: TurnContext, report: Report): string {
    const locale = this.locale(context);
    const form = this.engines.get(report.form)?.form;
    return this.replies.text(context, 'report.line', {
      date: formatDateTime(report.created_at, locale),
      title: form?.title[locale] ?? report.form,
      place: report.place?.text ?? this.replies.text(context, 'report.empty'),
      status: this.replies.text(context, `report.status.${report.status}`),
    });
  }

  private resumeButton(context: TurnContext, draft: Report): CardAction {
    const locale = this.locale(context);
    return choiceButton(
      this.replies.text(context, 'report.buttons.resume', {
        title: this.engines.get(draft.form)?.form.title[locale] ?? draft.form,
        date: formatDateTime(draft.created_at, locale),
      }),
      { capability: 'report', report: { resume: draft.id } },
    );
  }

  // --- helpers ----------------------------------------------------------------------------------------------------

  private personalDataIn(field: Field, value: AnswerValue): PersonalDataHit[] {
    if (typeof value === 'string' && (field.type === 'text' || field.type === 'long-text' || field.other))
      return this.scan(field, value);
    if (typeof value === 'object' && !Array.isArray(value) && !value.id) return this.scan(field, value.text);
    return [];
  }

  private scan(field: Field, text: string): PersonalDataHit[] {
    return this.deps.guard.scan(text, { health: field.sensitive !== 'health' });
  }

  private engine(draft: Report): FormEngine {
    const engine = this.engines.get(draft.form);
    if (!engine) throw new Error(`report ${draft.id}: no form "${draft.form}" in dialogs/forms`);
    return engine;
  }

  private formNamedIn(text: string): FormEngine | undefined {
    const key = fold(text);
    if (!key) return undefined;
    for (const engine of this.engines.values()) {
      const { form } = engine;
      const names = [form.id.replace(/-/g, ' '), form.title.fr, form.title.en, ...form.synonyms].map(fold);
      if (names.some((name) => key.includes(name))) return engine;
    }
    return undefined;
  }

  private fieldNamedIn(engine: FormEngine, draft: Report, text: string): Field | undefined {
    const key = fold(text);
    if (!key) return undefined;
    return engine
      .relevantFields(draft)
      .find((f) => LOCALES.some((l) => key === fold(this.short(f, l)) || key === fold(f.label[l])));
  }

  private helpText(context: TurnContext, field: Field): string {
    const locale = this.locale(context);
    return this.replies.text(context, 'report.explain', {
      field: this.short(field, locale),
      help: field.help?.[locale] ?? this.replies.text(context, 'report.noHelp'),
    });
  }

  private show(context: TurnContext, field: Field, value: AnswerValue): string {
    return display(field, value, this.locale(context), {
      yes: this.replies.text(context, 'report.words.yes'),
      no: this.replies.text(context, 'report.words.no'),
    });
  }

  private pair(context: TurnContext, field: string, value: string): string {
    return this.replies.text(context, 'report.pair', { field, value });
  }

  private short(field: Field, locale: Locale): string {
    return (field.short ?? field.label)[locale];
  }

  private button(context: TurnContext, key: string, action: ReportAction): CardAction {
    return choiceButton(this.replies.text(context, key), { capability: 'report', report: action });
  }

  private is(text: string, words: Words): boolean {
    return text.length > 0 && this.words[words].has(foldCommand(text));
  }

  private locale(context: TurnContext): Locale {
    return getTurnInfo(context).locale;
  }

  private user(context: TurnContext): { id: string; name?: string; team: string } {
    const user = getTurnInfo(context).user;
    return { id: user?.id || 'anonymous', ...(user?.name ? { name: user.name } : {}), team: user?.team ?? 'default' };
  }
}
