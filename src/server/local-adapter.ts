import {
  ActivityTypes,
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  DeliveryModes,
  type Activity,
  type TurnContext,
} from 'botbuilder';

/**
 * A CloudAdapter for Relais's own pages (web chat, kiosk): no Bot Framework authentication, since the
 * server has already checked who is talking, and every reply comes back in the response
 * (`expectReplies`), so no Direct Line and no Azure are needed (../shared/stack.md §3.2 A).
 */
export class LocalAdapter extends CloudAdapter {
  constructor() {
    // No app id: botbuilder treats the request as anonymous, which is right only because this adapter is
    // reachable solely through routes that authenticate on their own.
    super(new ConfigurationBotFrameworkAuthentication({}));
  }

  /** Runs one turn and returns what the bot said, without the trace activities meant for the Emulator. */
  async exchange(activity: Partial<Activity>, logic: (context: TurnContext) => Promise<void>): Promise<Activity[]> {
    const response = await this.processActivity(
      '',
      { ...activity, deliveryMode: DeliveryModes.ExpectReplies } as Activity,
      logic,
    );
    const body = response?.body as { activities?: Activity[] } | undefined;
    return (body?.activities ?? []).filter((a) => String(a.type) !== String(ActivityTypes.Trace));
  }
}
