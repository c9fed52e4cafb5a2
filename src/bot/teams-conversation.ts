import { TurnContext, type Activity, type Mention } from 'botbuilder';

/** Where a Teams conversation takes place; undefined off Teams. */
export type TeamsScope = 'personal' | 'groupChat' | 'channel';

/** What to say when members are added to a conversation. */
export type MembersAddedReply = 'welcome' | 'team-greeting' | 'none';

export function teamsScope(activity: Partial<Activity>): TeamsScope | undefined {
  if (activity.channelId !== 'msteams') return undefined;
  const type = activity.conversation?.conversationType;
  if (type === 'channel' || type === 'groupChat' || type === 'personal') return type;
  const team = (activity.channelData as { team?: { id?: unknown } } | undefined)?.team;
  if (team?.id) return 'channel';
  return activity.conversation?.isGroup ? 'groupChat' : 'personal';
}

/**
 * Off Teams, and in a Teams personal chat, newcomers get the welcome. In Teams the personal chat often starts
 * with the bot alone in `membersAdded` (the app was installed), so that counts too. In a team or a group chat,
 * only the bot's own arrival is announced, once, to everyone; people joining later are not greeted one by one.
 */
export function membersAddedReply(activity: Partial<Activity>): MembersAddedReply {
  const botId = activity.recipient?.id;
  const added = activity.membersAdded ?? [];
  const botAdded = added.some((m) => m.id === botId);
  const othersAdded = added.some((m) => m.id !== botId);
  switch (teamsScope(activity)) {
    case undefined:
      return othersAdded ? 'welcome' : 'none';
    case 'personal':
      return added.length > 0 ? 'welcome' : 'none';
    default:
      return botAdded ? 'team-greeting' : 'none';
  }
}

/**
 * Takes the bot's own @mentions out of a message's text ("<at>Relais</at> objet perdu" → "objet perdu"), and
 * leaves other people's mentions as their plain names. botbuilder's helper removes the first mention of the bot,
 * by the entity's text; the rest covers a bot mentioned twice, and a mention whose entity text differs from
 * what stands in the message (the bot's display name in the team against its registered name).
 */
export function removeBotMentions(activity: Partial<Activity>): void {
  const botId = activity.recipient?.id;
  if (typeof activity.text !== 'string' || !botId) return;
  // Entities come from the channel: one may lack its type, a mention its account or its text.
  const entities: unknown[] = activity.entities ?? [];
  const mentions = entities.filter(isMention);
  if (mentions.length === 0) return;
  const ofBot = mentions.filter((m) => m.mentioned.id === botId);
  // The helper reads every entity's type, and would replace the string "undefined" for a mention without text.
  const helperSafe = entities.every((e) => typeof (e as { type?: unknown } | null)?.type === 'string');
  if (helperSafe && ofBot.length > 0 && ofBot.every((m) => typeof m.text === 'string' && m.text !== '')) {
    TurnContext.removeRecipientMention(activity);
  }
  let text = activity.text;
  for (const mention of ofBot) {
    const forms = [mention.text, mention.mentioned.name ? `<at>${mention.mentioned.name}</at>` : undefined];
    for (const form of forms) if (typeof form === 'string' && form) text = text.split(form).join(' ');
  }
  for (const mention of mentions) {
    if (mention.mentioned.id === botId || typeof mention.text !== 'string') continue;
    const name = /^<at>(.*)<\/at>$/s.exec(mention.text)?.[1];
    if (name !== undefined) text = text.split(mention.text).join(name);
  }
  activity.text = text.replace(/[ \t]{2,}/g, ' ').trim();
}

/** A mention entity with the id of who is mentioned (its text may still be missing). */
function isMention(entity: unknown): entity is Mention & { text?: unknown } {
  if (typeof entity !== 'object' || entity === null) return false;
  const { type, mentioned } = entity as { type?: unknown; mentioned?: { id?: unknown } | null };
  return typeof type === 'string' && type.toLowerCase() === 'mention' && typeof mentioned?.id === 'string';
}
