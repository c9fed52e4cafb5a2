import {
  ComponentDialog,
  DialogTurnStatus,
  WaterfallDialog,
  type DialogContext,
  type DialogTurnResult,
  type WaterfallStepContext,
} from 'botbuilder-dialogs';
import type { TurnContext } from 'botbuilder';
import { z } from 'zod';
import { LOCALES, type Locale } from '../content';
import { EmergencyKind } from '../knowledge';
import type { Role } from '../roles';
import { FuzzyMatcher, escapeRegExp, foldCommand, topIntent, type Recognition } from '../nlu';
import type { CapabilityDialog } from './capability-dialog';
import type { MainFlow } from './catalogue';
import { choiceButton, sendWithButtons } from './cards';
import type { Replies } from './replies';
import { isReroute } from './reroute';
import { getTurnInfo, setTurnInfo } from './turn-info';

export const MAIN_DIALOG = 'main';
const ROUTE = 'main.route';
/** Intents below this score are not offered as choices when clarifying. */
const CLARIFY_MIN_SCORE = 0.12;

type Command = 'help' | 'cancel' | 'restart';

/**
 * A card button that opens a capability: `{ "capability": "quiz" }`; its other fields are the dialog's options.
 * With `question`, the bot recognises that text instead of the button's title (see RelaisBot).
 */
/** Longest message read as a cancel command by the classifier (the cancel words match whole messages anyway). */
const CANCEL_MAX_WORDS = 6;

const CapabilitySubmit = z.looseObject({ capability: z.string() });
/** A button that asks for the emergency answer (the kiosk's "Emergency"): `{ "emergency": ["medical", …] }`. */
const EmergencySubmit = z.looseObject({ emergency: z.array(EmergencyKind).min(1) });

/** Answers a message that signals immediate danger (implemented by the orientation answers). */
export interface EmergencyResponder {
  emergency(context: TurnContext, kinds: readonly EmergencyKind[], paused: boolean): Promise<void>;
}

export interface MainDialogOptions {
  emergency?: EmergencyResponder;
  /** Dialogs inside which danger words are expected answers, not a new emergency (the alert-call helper). */
  emergencyExempt?: readonly string[];
  /**
   * Dialogs that handle help, cancel and restart themselves (the report form keeps its draft and asks what to do
   * with it): the router passes the command on in TurnInfo instead of acting on it.
   */
  ownInterruptions?: readonly string[];
  /** Tells whether a message names a directory entry outright: then it goes to orientation, as a look-up. */
  names?: NameLookup;
}

/** Implemented by the orientation dialog, which owns the directory search. */
export interface NameLookup {
  namesAnEntry(text: string, role: Role): boolean;
}

interface MenuEntry {
  label: string;
  dialog: CapabilityDialog;
}

/**
 * The router. It starts the capability the user asks for, asks when it is not sure, and handles the
 * interruptions (help, cancel, restart) from inside any dialog it has started.
 */
export class MainDialog extends ComponentDialog {
  private readonly byIntent = new Map<string, CapabilityDialog>();
  private readonly byId = new Map<string, CapabilityDialog>();
  private readonly commands = new Map<string, Command>();
  private readonly menu: FuzzyMatcher<MenuEntry>;
  private readonly exactLabels = new Map<string, CapabilityDialog>();

  constructor(
    private readonly replies: Replies,
    private readonly flow: MainFlow,
    capabilities: readonly CapabilityDialog[],
    private readonly options: MainDialogOptions = {},
  ) {
    super(MAIN_DIALOG);
    const entries: MenuEntry[] = [];
    for (const dialog of capabilities) {
      this.addDialog(dialog);
      this.byIntent.set(dialog.intent, dialog);
      this.byId.set(dialog.id, dialog);
      for (const locale of LOCALES) {
        const label = dialog.declaration.menu[locale];
        entries.push({ label, dialog });
        this.exactLabels.set(foldCommand(label), dialog);
      }
    }
    this.menu = new FuzzyMatcher(entries, ['label'], 0.3);
    for (const command of ['help', 'cancel', 'restart'] as const) {
      for (const locale of LOCALES) {
        for (const word of flow.interruptions[command][locale]) this.commands.set(foldCommand(word), command);
      }
    }
    this.addDialog(new WaterfallDialog(ROUTE, [this.route.bind(this), this.finish.bind(this)]));
    this.initialDialogId = ROUTE;
  }

  /**
   * Interruptions work from inside any dialog the router started. Danger words come first: the emergency
   * answer is given at once and the dialog in progress waits, untouched, for the answer to its question.
   */
  protected override async onContinueDialog(innerDc: DialogContext): Promise<DialogTurnResult> {
    const kinds = emergenciesOf(innerDc.context);
    if (kinds.length > 0 && this.options.emergency && !this.isExempt(innerDc)) {
      await this.options.emergency.emergency(innerDc.context, kinds, true);
      return { status: DialogTurnStatus.waiting };
    }
    const command = this.commandOf(innerDc.context);
    if (command && this.isActive(innerDc, this.options.ownInterruptions ?? [])) {
      setTurnInfo(innerDc.context, { ...getTurnInfo(innerDc.context), command });
      return super.onContinueDialog(innerDc);
    }
    if (command === 'help') {
      await this.replies.help(innerDc.context);
      await innerDc.repromptDialog();
      return { status: DialogTurnStatus.waiting };
    }
    if (command === 'cancel' || command === 'restart') {
      await innerDc.cancelAllDialogs();
      await this.replies.sayWithMenu(innerDc.context, command === 'cancel' ? 'cancel.done' : 'restart.done');
      return { status: DialogTurnStatus.cancelled };
    }
    return super.onContinueDialog(innerDc);
  }

  private async route(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const context = step.context;
    const { recognition, role } = getTurnInfo(context);

    const kinds = emergenciesOf(context);
    const orientation = this.byIntent.get('orientation');
    if (kinds.length > 0 && this.options.emergency) {
      await this.options.emergency.emergency(context, kinds, false);
      if (!orientation?.allows(role)) return step.endDialog();
      return step.beginDialog(orientation.id, { afterEmergency: true });
    }

    const command = this.commandOf(context);
    if (command === 'help') return this.reply(step, () => this.replies.help(context));
    if (command === 'cancel') return this.reply(step, () => this.replies.sayWithMenu(context, 'cancel.nothing'));
    if (command === 'restart') return this.reply(step, () => this.replies.sayWithMenu(context, 'restart.done'));

    const chosen = this.chosenCapability(context);
    if (chosen) {
      // A button or menu title is not a description: the capability starts without one, unless the button
      // carries the question it clarifies (then the bot has recognised that question instead).
      const carriesQuestion = typeof (chosen.options as { question?: unknown } | undefined)?.question === 'string';
      if (!carriesQuestion) setTurnInfo(context, { ...getTurnInfo(context), recognition: undefined });
      return step.beginDialog(chosen.dialog.id, chosen.options);
    }
    if (!recognition) return this.reply(step, () => this.replies.sayWithMenu(context, 'input.unexpectedCard'));

    // A service's or category's name alone ("fourrière", "police municipale") is a look-up: the intent model knows
    // situations and questions, not the name of every service of the territory.
    if (orientation?.allows(role) && this.options.names?.namesAnEntry(recognition.text, role))
      return this.start(step, orientation);

    // "Cancel" is a short command: in a longer message its words mean something else ("j'ai oublié mon
    // parapluie dans le RER" is lost property, not "oublie"), so the other intents decide.
    const words = (context.activity.text ?? '').trim().split(/\s+/).length;
    const intents = words > CANCEL_MAX_WORDS ? withoutCancel(recognition.intents) : recognition.intents;
    const top = intents[0] ?? topIntent(recognition);
    const second = intents[1]?.score ?? 0;
    const confident =
      top.score >= this.flow.recognition.confident && top.score - second >= this.flow.recognition.margin;
    const capability = this.byIntent.get(top.intent);

    if (confident && capability) {
      // Not open to this role: what it may do that the text also resembles ("numéros d'urgence" at a kiosk reads
      // like the quiz, and also like orientation) is offered instead; nothing close, and it is told so.
      if (!capability.allows(role))
        return this.reply(step, () => this.clarify(context, recognition, 'roles.notAllowed'));
      return this.start(step, capability);
    }
    if (confident && top.intent === 'help') return this.reply(step, () => this.replies.help(context));
    if (confident && top.intent === 'cancel')
      return this.reply(step, () => this.replies.sayWithMenu(context, 'cancel.nothing'));
    if (confident && top.intent === 'smalltalk') return this.reply(step, () => this.smalltalk(context));
    if (confident && top.intent === 'none')
      return this.reply(step, () => this.replies.sayWithMenu(context, 'fallback.outOfScope'));
    return this.reply(step, () => this.clarify(context, recognition));
  }

  private async finish(step: WaterfallStepContext): Promise<DialogTurnResult> {
    // A capability that ended because the message was not for it: route that message now.
    if (isReroute(step.result)) return step.replaceDialog(ROUTE);
    return step.endDialog(step.result);
  }

  private async start(step: WaterfallStepContext, dialog: CapabilityDialog): Promise<DialogTurnResult> {
    return step.beginDialog(dialog.id);
  }

  private isExempt(dc: DialogContext): boolean {
    return this.isActive(dc, this.options.emergencyExempt ?? []);
  }

  /** Whether one of these dialogs is running, at any depth. */
  private isActive(dc: DialogContext, ids: readonly string[]): boolean {
    for (let d: DialogContext | undefined = dc; d; d = d.child) {
      if (d.activeDialog && ids.includes(d.activeDialog.id)) return true;
    }
    return false;
  }

  private async reply(step: WaterfallStepContext, send: () => Promise<void>): Promise<DialogTurnResult> {
    await send();
    return step.endDialog();
  }

  /**
   * Asks which of the likely capabilities open to this role was meant (never guesses); says `otherwise` when none
   * is likely.
   */
  private async clarify(
    context: TurnContext,
    recognition: Recognition,
    otherwise: 'fallback.notUnderstood' | 'roles.notAllowed' = 'fallback.notUnderstood',
  ): Promise<void> {
    const { role, locale } = getTurnInfo(context);
    const choices = recognition.intents
      .filter((i) => i.score >= CLARIFY_MIN_SCORE)
      .map((i) => this.byIntent.get(i.intent))
      .filter((d): d is CapabilityDialog => d !== undefined && d.allows(role))
      .slice(0, 3);
    if (choices.length === 0) {
      await this.replies.sayWithMenu(context, otherwise);
      return;
    }
    // Each button carries the question, so that the chosen capability answers it instead of asking again.
    const question = recognition.text;
    const buttons = choices.map((d) => choiceButton(d.declaration.menu[locale], { capability: d.id, question }));
    await sendWithButtons(context, this.replies.text(context, 'clarify.question'), buttons);
  }

  private async smalltalk(context: TurnContext): Promise<void> {
    const text = foldCommand(context.activity.text ?? '');
    const has = (words: Record<Locale, string[]>) =>
      LOCALES.some((l) => words[l].some((w) => new RegExp(`(^| )${escapeRegExp(foldCommand(w))}( |$)`).test(text)));
    const key = has(this.flow.smalltalk.thanks)
      ? 'smalltalk.thanks'
      : has(this.flow.smalltalk.goodbye)
        ? 'smalltalk.goodbye'
        : 'smalltalk.greeting';
    await this.replies.sayWithMenu(context, key);
  }

  private commandOf(context: TurnContext): Command | undefined {
    const text = context.activity.text;
    return text ? this.commands.get(foldCommand(text)) : undefined;
  }

  /** A menu button clicked (its label comes back as text), a label typed with typos, or a card's capability. */
  private chosenCapability(context: TurnContext): { dialog: CapabilityDialog; options?: object } | undefined {
    const submitted = CapabilitySubmit.safeParse(context.activity.value);
    if (submitted.success) {
      const dialog = this.byId.get(submitted.data.capability);
      return dialog && { dialog, options: submitted.data };
    }
    const text = context.activity.text?.trim() ?? '';
    if (!text) return undefined;
    const exact = this.exactLabels.get(foldCommand(text));
    if (exact) return { dialog: exact };
    if (text.split(/\s+/).length > 4) return undefined;
    const fuzzy = this.menu.best(text, 0.75)?.dialog;
    return fuzzy && { dialog: fuzzy };
  }
}

/** The kinds of danger this message signals: danger words, or an emergency button. */
function emergenciesOf(context: TurnContext): readonly EmergencyKind[] {
  const words = getTurnInfo(context).recognition?.emergencies ?? [];
  const button = EmergencySubmit.safeParse(context.activity.value);
  return button.success ? [...new Set([...button.data.emergency, ...words])] : words;
}

/** The intents' scores given that the message is not a cancel command: cancel's share goes to the others, pro rata. */
function withoutCancel(intents: Recognition['intents']): Recognition['intents'] {
  const rest = intents.filter((i) => i.intent !== 'cancel');
  const total = rest.reduce((sum, i) => sum + i.score, 0);
  return total > 0 ? rest.map((i) => ({ intent: i.intent, score: i.score / total })) : rest;
}
