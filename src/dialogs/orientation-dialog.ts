import { TextPrompt, WaterfallDialog, type DialogTurnResult, type WaterfallStepContext } from 'botbuilder-dialogs';
import type { TurnContext } from 'botbuilder';
import { LOCALES } from '../content';
import type { Situation } from '../knowledge';
import { fold, type DirectoryHit, type DirectorySearch, type Recognition } from '../nlu';
import type { Role } from '../roles';
import { ALERT_CALL_DIALOG, AlertCallDialog, type AlertCallOptions } from './alert-call-dialog';
import type { CapabilityDeclaration } from './catalogue';
import { CapabilityDialog } from './capability-dialog';
import type { OrientationAnswers, OrientationChoice } from './orientation-answers';
import { OrientationFlow } from './orientation-flow';
import type { Replies } from './replies';
import { getTurnInfo } from './turn-info';

const STEPS = 'orientation.steps';
const DESCRIBE = 'orientation.describe';
const ALTERNATIVES = 3;

/**
 * "Who do I call, what do I do first?": free text → the situation's playbook in one answer, or a directory
 * look-up, or a choice between the closest situations when unsure; never a confident answer to an ambiguous text.
 * Also starts the alert-call helper. Buttons of its answers come back as OrientationChoice values.
 */
export class OrientationDialog extends CapabilityDialog {
  private readonly flow: OrientationFlow;
  private readonly alertTriggers: string[];
  private readonly numbersTriggers: string[];

  constructor(
    declaration: CapabilityDeclaration,
    replies: Replies,
    private readonly answers: OrientationAnswers,
    private readonly search: DirectorySearch,
  ) {
    super(declaration, replies);
    this.flow = OrientationFlow.parse(declaration.flow);
    this.alertTriggers = LOCALES.flatMap((l) => this.flow.alert_call.triggers[l].map(fold));
    this.numbersTriggers = LOCALES.flatMap((l) => this.flow.emergency_numbers.triggers[l].map(fold));
    this.addDialog(new TextPrompt(DESCRIBE));
    this.addDialog(new AlertCallDialog(this.flow.alert_call.steps, replies));
    this.addDialog(
      new WaterfallDialog(STEPS, [this.start.bind(this), this.described.bind(this), this.done.bind(this)]),
    );
    this.initialDialogId = STEPS;
  }

  private async start(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const context = step.context;
    const choice = (step.options ?? {}) as Partial<OrientationChoice>;
    const chosen = this.answers.situationById(choice.situation);

    if (choice.show === 'alert-call' || this.asksForAlertCall(context)) {
      const options: AlertCallOptions = { what: chosen?.title[getTurnInfo(context).locale] };
      return step.beginDialog(ALERT_CALL_DIALOG, options);
    }
    if (choice.show === 'alternatives' && choice.alternatives) {
      const candidates = choice.alternatives
        .map((id) => this.answers.situationById(id))
        .filter(isShown(this.answers, context));
      if (candidates.length > 0) {
        await this.answers.choose(context, candidates, 'orientation.alternatives');
        return step.endDialog();
      }
    }
    if (chosen && this.answers.isShownTo(chosen, context)) {
      await this.answers.situation(context, chosen, { allContacts: choice.show === 'contacts' });
      return step.endDialog();
    }
    const { recognition } = getTurnInfo(context);
    if (recognition && (await this.answer(context, recognition))) return step.endDialog();
    if ((step.options as { afterEmergency?: boolean } | undefined)?.afterEmergency) return step.endDialog();
    return step.prompt(DESCRIBE, this.replies.text(context, 'orientation.describe'));
  }

  /** The user described the situation after being asked: answer, or say what was not found. */
  private async described(step: WaterfallStepContext): Promise<DialogTurnResult> {
    if (typeof step.result !== 'string') return step.endDialog(); // back from the alert-call helper
    const { recognition } = getTurnInfo(step.context);
    if (this.asksForAlertCall(step.context)) return step.beginDialog(ALERT_CALL_DIALOG, {});
    if (!recognition || !(await this.answer(step.context, recognition))) {
      await step.context.sendActivity(
        this.replies.withMenu(step.context, this.replies.text(step.context, 'orientation.notFound')),
      );
    }
    return step.endDialog();
  }

  private async done(step: WaterfallStepContext): Promise<DialogTurnResult> {
    return step.endDialog(step.result);
  }

  /** Answers from what was understood; false when there is nothing to say about this text. */
  private async answer(context: TurnContext, recognition: Recognition): Promise<boolean> {
    const { role } = getTurnInfo(context);
    const { confident, margin, candidate } = this.flow.situation;
    const ranked = recognition.situations
      .map((s) => ({ situation: this.answers.situationById(s.situation), score: s.score }))
      .filter((s): s is { situation: Situation; score: number } => s.situation !== undefined)
      .filter((s) => this.answers.isShownTo(s.situation, context));
    const [top, second] = ranked;
    const sure = top !== undefined && top.score >= confident && top.score - (second?.score ?? 0) >= margin;
    const hits = this.hits(recognition.text, role);
    const named = hits.length > 0 && hits[0]!.score >= this.flow.lookup.strong;

    // A service or category named outright is looked up, unless a situation is very sure.
    if (sure && !(named && top.score < this.flow.lookup.situation)) {
      const alternatives = ranked.slice(1, 1 + ALTERNATIVES).filter((s) => s.score >= candidate);
      await this.answers.situation(context, top.situation, { alternatives: alternatives.map((s) => s.situation.id) });
      return true;
    }
    if (this.asksForEmergencyNumbers(context)) {
      await this.answers.emergencyNumbers(context);
      return true;
    }
    if (named && (await this.answers.lookup(context, hits))) return true;
    const candidates = ranked.filter((s) => s.score >= candidate).slice(0, ALTERNATIVES);
    if (candidates.length > 0) {
      await this.answers.choose(
        context,
        candidates.map((s) => s.situation),
      );
      return true;
    }
    return hits.length > 0 && this.answers.lookup(context, hits);
  }

  /**
   * Whether the text names a directory entry outright ("fourrière", "police municipale", "CCAS"): a search hit of at
   * least `lookup.strong` among what this role may be shown. The router sends such a text here, whatever the intents.
   */
  namesAnEntry(text: string, role: Role): boolean {
    return (this.hits(text, role, 1)[0]?.score ?? 0) >= this.flow.lookup.strong;
  }

  private hits(text: string, role: Role, limit?: number): DirectoryHit[] {
    return this.search.search(text, { includeAgentOnly: role !== 'public', ...(limit ? { limit } : {}) });
  }

  private asksForAlertCall(context: TurnContext): boolean {
    return contains(context, this.alertTriggers);
  }

  private asksForEmergencyNumbers(context: TurnContext): boolean {
    return contains(context, this.numbersTriggers);
  }
}

/** Whether the message contains one of these phrases (folded: case and accents ignored). */
function contains(context: TurnContext, phrases: readonly string[]): boolean {
  const text = fold(context.activity.text ?? '');
  return text.length > 0 && phrases.some((p) => text.includes(p));
}

function isShown(answers: OrientationAnswers, context: TurnContext) {
  return (s: Situation | undefined): s is Situation => s !== undefined && answers.isShownTo(s, context);
}
