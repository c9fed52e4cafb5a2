import { ComponentDialog, type DialogContext, type DialogTurnResult } from 'botbuilder-dialogs';
import type { Role } from '../roles';
import type { CapabilityDeclaration } from './catalogue';
import type { Replies } from './replies';
import { getTurnInfo } from './turn-info';

/**
 * A capability the router can start (orientation, rules, report, quiz). It declares which roles may
 * start it, and refuses anyone else even when started directly, not only through the router.
 */
export abstract class CapabilityDialog extends ComponentDialog {
  readonly roles: readonly Role[];
  readonly intent: string;

  protected constructor(
    readonly declaration: CapabilityDeclaration,
    protected readonly replies: Replies,
  ) {
    super(declaration.id);
    this.roles = declaration.roles;
    this.intent = declaration.intent;
  }

  allows(role: Role): boolean {
    return this.roles.includes(role);
  }

  override async beginDialog(dc: DialogContext, options?: object): Promise<DialogTurnResult> {
    if (!this.allows(getTurnInfo(dc.context).role)) {
      await this.replies.sayWithMenu(dc.context, 'roles.notAllowed');
      return dc.endDialog();
    }
    return super.beginDialog(dc, options);
  }
}
