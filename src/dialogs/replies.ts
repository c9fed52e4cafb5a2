import { ActionTypes, MessageFactory, type Activity, type CardAction, type TurnContext } from 'botbuilder';
import type { Locale } from '../content';
import type { Messages } from '../knowledge';
import type { Role } from '../roles';
import type { DialogCatalogue, PublicMenuEntry } from './catalogue';
import { getTurnInfo } from './turn-info';

/** Builds the bot's replies from content: sentences from knowledge/messages, menus from dialogs/. */
export class Replies {
  constructor(
    readonly messages: Messages,
    readonly catalogue: DialogCatalogue,
  ) {}

  text(context: TurnContext, key: string, vars?: Record<string, string | number>): string {
    return this.messages.text(getTurnInfo(context).locale, key, vars);
  }

  /** Capabilities offered in the menu that this role may start, in menu order. */
  menuFor(role: Role): { id: string; intent: string; label: Record<Locale, string> }[] {
    return this.catalogue.main.menu
      .map((id) => this.catalogue.capabilities.find((c) => c.id === id))
      .filter((c) => c !== undefined && c.roles.includes(role))
      .map((c) => ({ id: c!.id, intent: c!.intent, label: c!.menu }));
  }

  /** A message with the main menu as suggested actions (at the kiosk, the public's buttons). */
  withMenu(context: TurnContext, text: string): Partial<Activity> {
    const { role, locale } = getTurnInfo(context);
    const kiosk = role === 'public' ? this.catalogue.main.public_menu : undefined;
    if (kiosk?.length)
      return MessageFactory.suggestedActions(
        kiosk.map((e) => publicButton(e, locale)),
        text,
      );
    const labels = this.menuFor(role).map((m) => m.label[locale]);
    return MessageFactory.suggestedActions(labels, text);
  }

  async sayWithMenu(context: TurnContext, key: string, vars?: Record<string, string | number>): Promise<void> {
    await context.sendActivity(this.withMenu(context, this.text(context, key, vars)));
  }

  async welcome(context: TurnContext): Promise<void> {
    const { role } = getTurnInfo(context);
    if (role === 'public') {
      await context.sendActivity(this.withMenu(context, this.text(context, 'welcome.public')));
      return;
    }
    await context.sendActivity(this.text(context, 'welcome.title'));
    await context.sendActivity(this.withMenu(context, this.text(context, 'welcome.body')));
  }

  async help(context: TurnContext): Promise<void> {
    const { role, locale } = getTurnInfo(context);
    const capabilities = this.menuFor(role)
      .map((m) => this.catalogue.capabilities.find((c) => c.id === m.id)?.description[locale] ?? m.label[locale])
      .map((d) => `• ${d}`)
      .join('\n');
    await context.sendActivity(
      this.withMenu(
        context,
        this.text(context, 'help.body', {
          capabilities: `\n${capabilities}\n`,
          example: this.text(context, 'help.example'),
        }),
      ),
    );
  }
}

/** A kiosk button: its label comes back as text, and its value says what to do (MainDialog reads it). */
function publicButton(entry: PublicMenuEntry, locale: Locale): CardAction {
  const title = entry.label[locale];
  const value =
    'emergency' in entry
      ? { emergency: entry.emergency }
      : { capability: entry.capability, ...(entry.question ? { question: entry.question[locale] } : {}) };
  return { type: ActionTypes.MessageBack, title, displayText: title, text: title, value };
}
