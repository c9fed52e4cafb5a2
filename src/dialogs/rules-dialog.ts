import { Dialog, WaterfallDialog, type DialogTurnResult, type WaterfallStepContext } from 'botbuilder-dialogs';
import type { TurnContext } from 'botbuilder';
import { LOCALES } from '../content';
import type { Audience } from '../knowledge';
import { fold, type RuleEntry, type RuleResolver } from '../nlu';
import type { CapabilityDeclaration } from './catalogue';
import { CapabilityDialog } from './capability-dialog';
import { REROUTED } from './reroute';
import type { Replies } from './replies';
import type { RulesAnswers, RulesChoice } from './rules-answers';
import { RulesFlow } from './rules-flow';
import { getTurnInfo } from './turn-info';

const STEPS = 'rules.steps';
/** A follow-up that only names a place ("non, dans le bus") has at most this many words. */
const SHORT_FOLLOW_UP_WORDS = 6;

interface StartOptions extends Partial<RulesChoice> {
  /** Set when the previous answer asked for a rule ("Quelle règle ?", "Dites d'abord de quelle règle…"). */
  asked?: boolean;
}

/** What the dialog remembers between the answer and the follow-up. */
interface Shown {
  /** The rule, role limit or guidance card just shown. */
  current?: string;
  /** True when the last answer asked which rule: the next message is a rule question. */
  asked?: boolean;
  /** Rules offered as a choice of context: a follow-up naming one of their contexts picks it. */
  offered?: string[];
}

type Rule = Extract<RuleEntry, { kind: 'rule' | 'local-rule' }>;

/**
 * "La règle pour fumer dans le bus", "ai-je le droit de fouiller un sac ?", "comment je lui explique ?":
 * the rule card for the place and context, the limits of the role, guidance cards, and the argument adapted to
 * an audience. After an answer it waits for a follow-up (how to explain it, to whom, in which context); any
 * other message goes back to the router.
 */
export class RulesDialog extends CapabilityDialog {
  private readonly explainPhrases: string[];

  constructor(
    declaration: CapabilityDeclaration,
    replies: Replies,
    private readonly answers: RulesAnswers,
    private readonly resolver: RuleResolver,
    private readonly audiences: readonly Audience[],
  ) {
    super(declaration, replies);
    const flow = RulesFlow.parse(declaration.flow);
    this.explainPhrases = LOCALES.flatMap((l) => flow.explain[l].map(fold));
    this.addDialog(new WaterfallDialog(STEPS, [this.start.bind(this), this.followUp.bind(this)]));
    this.initialDialogId = STEPS;
  }

  private async start(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const context = step.context;
    const options = (step.options ?? {}) as StartOptions;
    const shown = step.values as Shown;

    if (options.alternatives) {
      const ids = options.alternatives.filter((id) => this.visible(context, this.resolver.entry(id)));
      if (ids.length > 0) {
        await this.answers.choose(context, ids);
        return Dialog.EndOfTurn;
      }
    }
    const chosen = this.resolver.entry(options.entry);
    if (chosen && this.visible(context, chosen)) {
      shown.current = chosen.id;
      if (options.show === 'argument' && isRule(chosen)) await this.argument(context, chosen, options.audience);
      else await this.answers.entry(context, chosen);
      return Dialog.EndOfTurn;
    }

    const { recognition, role } = getTurnInfo(context);
    if (!recognition) {
      shown.asked = true;
      await this.say(context, 'rules.describe');
      return Dialog.EndOfTurn;
    }
    const text = recognition.text;
    const question = this.resolver.question(text);
    const explain = role !== 'public' && this.asksToExplain(text);
    const resolution = this.resolver.resolve(recognition.rules, text, {
      publicOnly: role === 'public',
      rulesOnly: explain,
    });

    if (resolution.kind === 'entry') {
      const entry = this.resolver.entry(resolution.id)!;
      shown.current = entry.id;
      if (explain && isRule(entry)) await this.argument(context, entry, question.audiences[0]);
      else await this.answers.entry(context, entry, { alternatives: resolution.alternatives, places: question.places });
      return Dialog.EndOfTurn;
    }
    if (explain) {
      shown.asked = true;
      await this.say(context, 'rules.noRule');
      return Dialog.EndOfTurn;
    }
    if (resolution.kind === 'ask-context') {
      shown.offered = resolution.ids;
      await this.answers.askContext(context, resolution.ids);
      return Dialog.EndOfTurn;
    }
    if (resolution.kind === 'choose') {
      await this.answers.choose(context, resolution.ids);
      return Dialog.EndOfTurn;
    }
    if (options.asked) {
      // Asked once already: a second miss ends here, with the menu.
      await context.sendActivity(this.replies.withMenu(context, this.replies.text(context, 'rules.notFound')));
      return step.endDialog();
    }
    shown.asked = true;
    await this.say(context, 'rules.notFound');
    return Dialog.EndOfTurn;
  }

  /** The message after an answer: a follow-up on it, a new rule question after being asked, or not for us. */
  private async followUp(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const context = step.context;
    const shown = step.values as Shown;
    const value = context.activity.value as { capability?: unknown } | undefined;
    if (value && typeof value === 'object' && value.capability === 'rules') return step.replaceDialog(STEPS, value);
    if (value && typeof value === 'object' && typeof value.capability === 'string') return this.reroute(step);

    const text = context.activity.text ?? '';
    const current = this.resolver.entry(shown.current);
    const { role } = getTurnInfo(context);
    if (shown.offered) {
      const { contexts } = this.resolver.question(text);
      const picked = shown.offered
        .map((id) => this.resolver.entry(id))
        .find((e) => e !== undefined && isRule(e) && contexts.includes(e.rule.context));
      if (picked) return step.replaceDialog(STEPS, { entry: picked.id });
    }
    if (current && isRule(current) && role !== 'public') {
      const { audiences, contexts } = this.resolver.question(text);
      if (this.asksToExplain(text) || (audiences.length > 0 && words(text) <= SHORT_FOLLOW_UP_WORDS))
        return step.replaceDialog(STEPS, { entry: current.id, show: 'argument', audience: audiences[0] });
      const elsewhere = current.rule.topic
        ? this.resolver.topicRules(current.rule.topic).find((r) => r.id !== current.id && contexts.includes(r.context))
        : undefined;
      if (elsewhere && words(text) <= SHORT_FOLLOW_UP_WORDS) return step.replaceDialog(STEPS, { entry: elsewhere.id });
    }
    if (shown.asked) return step.replaceDialog(STEPS, { asked: true });
    return this.reroute(step);
  }

  private async argument(context: TurnContext, rule: Rule, audienceId: string | undefined): Promise<void> {
    const audience = this.audiences.find((a) => a.id === audienceId);
    if (audience) await this.answers.argument(context, rule, audience);
    else await this.answers.askAudience(context, rule.id);
  }

  private visible(context: TurnContext, entry: RuleEntry | undefined): entry is RuleEntry {
    return entry !== undefined && (getTurnInfo(context).role !== 'public' || this.resolver.isPublic(entry));
  }

  private asksToExplain(text: string): boolean {
    const folded = fold(text);
    return this.explainPhrases.some((phrase) => folded.includes(phrase));
  }

  private async say(context: TurnContext, key: string): Promise<void> {
    await context.sendActivity(this.replies.text(context, key));
  }

  /** Not a follow-up: the router handles this message as a new one. */
  private async reroute(step: WaterfallStepContext): Promise<DialogTurnResult> {
    return step.endDialog(REROUTED);
  }
}

function isRule(entry: RuleEntry): entry is Rule {
  return entry.kind === 'rule' || entry.kind === 'local-rule';
}

function words(text: string): number {
  return text.trim().split(/\s+/).filter(Boolean).length;
}
