import { ComponentDialog, TextPrompt, WaterfallDialog, type WaterfallStepContext } from 'botbuilder-dialogs';
import { fill } from '../content';
import { foldCommand } from '../nlu';
import type { AlertCallStep } from './orientation-flow';
import type { Replies } from './replies';
import { getTurnInfo } from './turn-info';

export const ALERT_CALL_DIALOG = 'alert-call';
const LOOP = 'alert-call.loop';
const PROMPT = 'alert-call.prompt';

export interface AlertCallOptions {
  /** The situation's title, when known: it answers "what is happening" without asking. */
  what?: string;
}

interface LoopState {
  index: number;
  answers: Record<string, string>;
}

/**
 * "Aide-moi à passer l'appel": asks the points of the alert message one by one (who, where, what, risks,
 * how many, what was done), then gives the text to read out, ending with "stay on the line".
 * The steps and their wording are content (dialogs/orientation.yaml, flow.alert_call).
 */
export class AlertCallDialog extends ComponentDialog {
  constructor(
    private readonly steps: readonly AlertCallStep[],
    private readonly replies: Replies,
  ) {
    super(ALERT_CALL_DIALOG);
    this.addDialog(new TextPrompt(PROMPT));
    this.addDialog(new WaterfallDialog(LOOP, [this.ask.bind(this), this.record.bind(this)]));
    this.initialDialogId = LOOP;
  }

  private async ask(step: WaterfallStepContext) {
    const options = step.options as Partial<LoopState> & AlertCallOptions;
    const state: LoopState = { index: options.index ?? 0, answers: options.answers ?? {} };
    if (state.index === 0 && options.answers === undefined) {
      await step.context.sendActivity(this.replies.text(step.context, 'alertCall.intro'));
      if (options.what) state.answers.what = options.what;
    }
    while (state.index < this.steps.length && state.answers[this.steps[state.index]!.id] !== undefined) state.index++;
    (step.values as Record<string, unknown>).state = state;
    const current = this.steps[state.index];
    if (!current) return this.finish(step, state);
    const { locale } = getTurnInfo(step.context);
    return step.prompt(PROMPT, current.ask[locale]);
  }

  private async record(step: WaterfallStepContext) {
    const state = (step.values as Record<string, unknown>).state as LoopState;
    const current = this.steps[state.index]!;
    const answer = String(step.result ?? '')
      .trim()
      .slice(0, 300);
    const skipped = !answer || foldCommand(answer) === foldCommand(this.replies.text(step.context, 'alertCall.skip'));
    state.answers[current.id] = skipped ? '' : answer;
    return step.replaceDialog(LOOP, { index: state.index + 1, answers: state.answers });
  }

  private async finish(step: WaterfallStepContext, state: LoopState) {
    const { locale } = getTurnInfo(step.context);
    const unknown = this.replies.text(step.context, 'alertCall.unknown');
    const lines = this.steps.map((s) => fill(s.line[locale], { answer: state.answers[s.id] || unknown }));
    const script = [this.replies.text(step.context, 'alertCall.script'), ...lines.map((l) => `> ${l}`)].join('\n\n');
    await step.context.sendActivity(`${script}\n\n${this.replies.text(step.context, 'alertCall.stay')}`);
    return step.endDialog(state.answers);
  }
}
