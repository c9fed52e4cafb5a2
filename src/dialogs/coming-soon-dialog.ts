import { WaterfallDialog, type WaterfallStepContext } from 'botbuilder-dialogs';
import type { CapabilityDeclaration } from './catalogue';
import { CapabilityDialog } from './capability-dialog';
import type { Replies } from './replies';
import { getTurnInfo } from './turn-info';

/** Stands in for a capability that is declared in dialogs/ but not built yet: says so honestly. */
export class ComingSoonDialog extends CapabilityDialog {
  constructor(declaration: CapabilityDeclaration, replies: Replies) {
    super(declaration, replies);
    this.addDialog(new WaterfallDialog(`${declaration.id}.coming-soon`, [this.explain.bind(this)]));
    this.initialDialogId = `${declaration.id}.coming-soon`;
  }

  private async explain(step: WaterfallStepContext) {
    const { locale } = getTurnInfo(step.context);
    const text = this.declaration.comingSoon?.[locale] ?? this.declaration.description[locale];
    await step.context.sendActivity(this.replies.withMenu(step.context, text));
    return step.endDialog();
  }
}
