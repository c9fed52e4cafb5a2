import { ActivityTypes, TeamsInfo, type Activity, type ChannelAccount, type Entity } from 'botbuilder';
import { membersAddedReply, removeBotMentions, teamsScope } from '../../src/bot/teams-conversation';
import { content, isMessage, messageText, say, testBot } from '../helpers';

const { knowledge } = content();
const text = (key: string, vars?: Record<string, string | number>) => knowledge.messages.text('fr', key, vars);

const BOT: ChannelAccount = { id: '28:0b6f6a2e-5d1c-4f7a-9d43-2c1e8f0a9b11', name: 'Relais' };
const AGENT = { id: '29:1xYzAgentTeamsId', name: 'Samir Haddad', aadObjectId: 'aad-agent-1' };
const TEAM_ID = '19:team-general-id@thread.tacv2';
const CHANNEL_ID = '19:3c9e6a0f2b4d4e1a8f7c5d6e2b1a0c9d@thread.tacv2';
const TEAMS_DATA = { teamsChannelId: CHANNEL_ID, team: { id: TEAM_ID }, tenant: { id: 'tenant-1' } };

/** A message posted in a team channel, @mentioning the bot as Teams does. */
function channelMessage(
  body: string,
  mention = '<at>Relais</at>',
  overrides: Partial<Activity> = {},
): Partial<Activity> {
  const entities: Entity[] = [{ type: 'mention', mentioned: BOT, text: mention }];
  return {
    type: ActivityTypes.Message,
    text: `${mention} ${body}`,
    from: AGENT,
    recipient: BOT,
    conversation: { id: `${CHANNEL_ID};messageid=1764150000000`, conversationType: 'channel', isGroup: true, name: '' },
    channelData: TEAMS_DATA,
    entities,
    ...overrides,
  };
}

function conversationUpdate(
  conversationType: 'channel' | 'groupChat' | 'personal',
  fields: Partial<Activity>,
): Partial<Activity> {
  return {
    type: ActivityTypes.ConversationUpdate,
    from: AGENT,
    recipient: BOT,
    conversation: {
      id: conversationType === 'personal' ? 'a:1personal-chat' : CHANNEL_ID,
      conversationType,
      isGroup: conversationType !== 'personal',
      name: '',
    },
    channelData: conversationType === 'channel' ? TEAMS_DATA : { tenant: { id: 'tenant-1' } },
    ...fields,
  };
}

/** The real bot on the msteams channel; TeamsInfo.getMember watched, so that a call to Teams would show. */
function teamsBot() {
  const getMember = jest.spyOn(TeamsInfo, 'getMember');
  const bot = testBot({ channelId: 'msteams' });
  return { bot, getMember };
}

/** The message texts as the bot left them at the end of each turn: what the dialogs read. */
function textsRead(bot: ReturnType<typeof testBot>): (string | undefined)[] {
  const read: (string | undefined)[] = [];
  bot.adapter.use(async (context, next) => {
    await next();
    read.push(context.activity.text);
  });
  return read;
}

afterEach(() => jest.restoreAllMocks());

describe('Relais in a Teams channel', () => {
  it('drops its @mention and understands the request: lost property gets the lost-property answer', async () => {
    const { bot } = teamsBot();
    const answer = (await say(bot, channelMessage('objets trouvés'))).map(messageText);
    expect(answer.join('\n')).toContain('Objets trouvés de la commune');
    expect(answer.join('\n')).toContain('[3246](tel:3246)');
    expect(answer).not.toContain(text('fallback.notUnderstood'));
    // The same words without a mention, in the same conversation, get the same answer.
    const plain = (await say(bot, { ...channelMessage(''), text: 'objets trouvés', entities: [] })).map(messageText);
    expect(answer).toEqual(plain);
  });

  it('hands the dialogs the text without the mention, so commands such as "annuler" still work', async () => {
    const { bot } = teamsBot();
    const read = textsRead(bot);
    const replies = await say(bot, channelMessage('annuler'));
    expect(read).toEqual(['annuler']);
    expect(replies.map(messageText)).toEqual([text('cancel.nothing')]);
  });

  it('drops the mention when Teams shows the bot under another display name', async () => {
    const { bot } = teamsBot();
    const read = textsRead(bot);
    // botbuilder matches the mention by the entity's text, whatever name it shows.
    const replies = await say(bot, channelMessage('annuler', '<at>Relais (AMIS Nord)</at>'));
    expect(read).toEqual(['annuler']);
    expect(replies.map(messageText)).toEqual([text('cancel.nothing')]);
  });

  it('answers a message that is only a mention as an empty message', async () => {
    const { bot } = teamsBot();
    const replies = await say(bot, { ...channelMessage(''), text: '<at>Relais</at>\n' });
    expect(replies.map(messageText)).toEqual([text('input.empty')]);
  });

  it('posts one greeting to the channel when it is added to a team, and none for people who join later', async () => {
    const { bot, getMember } = teamsBot();
    const added = await say(
      bot,
      conversationUpdate('channel', {
        membersAdded: [BOT],
        channelData: { ...TEAMS_DATA, eventType: 'teamMemberAdded' },
      }),
    );
    expect(added.map(messageText)).toEqual([text('welcome.team', { name: 'Relais' })]);
    expect(text('welcome.team', { name: 'Relais' })).toContain('@Relais');

    const joined = await say(
      bot,
      conversationUpdate('channel', {
        membersAdded: [{ id: '29:1newcomer', name: 'Inès' }, AGENT],
        channelData: { ...TEAMS_DATA, eventType: 'teamMemberAdded' },
      }),
    );
    expect(joined).toEqual([]);
    expect(getMember).not.toHaveBeenCalled();
  });

  it('never asks Teams for the newcomers: arrivals go to onMembersAdded, even with a TeamsMembersAdded handler', async () => {
    const { bot, getMember } = teamsBot();
    const seen: (ChannelAccount | undefined)[] = [];
    bot.bot.onTeamsMembersAddedEvent(async (membersAdded, _team, _context, next) => {
      seen.push(...membersAdded);
      await next();
    });
    const joined = await say(
      bot,
      conversationUpdate('channel', {
        membersAdded: [{ id: '29:1newcomer', name: 'Inès' }],
        channelData: { ...TEAMS_DATA, eventType: 'teamMemberAdded' },
      }),
    );
    expect(joined).toEqual([]);
    expect(seen).toEqual([]);
    expect(getMember).not.toHaveBeenCalled();
  });

  it('greets a group chat once when added to it, and not the people added after', async () => {
    const { bot, getMember } = teamsBot();
    const added = await say(bot, conversationUpdate('groupChat', { membersAdded: [BOT] }));
    expect(added.map(messageText)).toEqual([text('welcome.team', { name: 'Relais' })]);
    expect(
      await say(bot, conversationUpdate('groupChat', { membersAdded: [{ id: '29:1other', name: 'Marc' }] })),
    ).toEqual([]);
    expect(getMember).not.toHaveBeenCalled();
  });

  it.each<[string, Partial<Activity>]>([
    ['teamRenamed', conversationUpdate('channel', { channelData: { ...TEAMS_DATA, eventType: 'teamRenamed' } })],
    ['channelCreated', conversationUpdate('channel', { channelData: { ...TEAMS_DATA, eventType: 'channelCreated' } })],
    [
      'teamMemberRemoved',
      conversationUpdate('channel', {
        membersRemoved: [AGENT],
        channelData: { ...TEAMS_DATA, eventType: 'teamMemberRemoved' },
      }),
    ],
    ['an event type Teams may add later', conversationUpdate('channel', { channelData: { eventType: 'teamCloned' } })],
    [
      'messageReaction',
      { ...channelMessage(''), type: ActivityTypes.MessageReaction, reactionsAdded: [{ type: 'like' }] },
    ],
    [
      'messageUpdate',
      { ...channelMessage('objets trouvés'), type: ActivityTypes.MessageUpdate, channelData: undefined },
    ],
    [
      'messageDelete',
      { ...channelMessage(''), type: ActivityTypes.MessageDelete, channelData: { eventType: 'softDeleteMessage' } },
    ],
    ['installationUpdate', { ...channelMessage(''), type: ActivityTypes.InstallationUpdate, action: 'add' }],
  ])('ignores %s without an answer or an error', async (_name, activity) => {
    const { bot, getMember } = teamsBot();
    const errors: unknown[] = [];
    bot.adapter.onTurnError = async (_context, error) => {
      errors.push(error);
      return Promise.resolve();
    };
    const replies = await say(bot, activity);
    expect(replies).toEqual([]);
    expect(errors).toEqual([]);
    expect(getMember).not.toHaveBeenCalled();
  });
});

describe('Relais in a Teams personal chat', () => {
  it('answers without a mention', async () => {
    const { bot } = teamsBot();
    const replies = await say(bot, {
      type: ActivityTypes.Message,
      text: 'objets trouvés',
      from: AGENT,
      recipient: BOT,
      conversation: { id: 'a:1personal-chat', conversationType: 'personal', isGroup: false, name: '' },
      channelData: { tenant: { id: 'tenant-1' } },
    });
    expect(replies.map(messageText).join('\n')).toContain('Objets trouvés');
  });

  it.each([
    ['the app is installed (only the bot is added)', [BOT]],
    ['the user is added', [AGENT]],
    ['both are added at once', [BOT, AGENT]],
  ])('welcomes once when %s, without calling Teams', async (_name, membersAdded) => {
    const { bot, getMember } = teamsBot();
    const replies = await say(bot, conversationUpdate('personal', { membersAdded }));
    expect(replies.filter(isMessage).map(messageText)).toEqual([text('welcome.title'), text('welcome.body')]);
    expect(getMember).not.toHaveBeenCalled();
  });
});

describe('teams-conversation helpers', () => {
  it.each<[string, Partial<Activity>, ReturnType<typeof teamsScope>]>([
    ['web chat', { channelId: 'webchat', conversation: { id: 'x', conversationType: 'channel' } as never }, undefined],
    [
      'a Teams channel',
      { channelId: 'msteams', conversation: { id: 'x', conversationType: 'channel' } as never },
      'channel',
    ],
    [
      'a Teams group chat',
      { channelId: 'msteams', conversation: { id: 'x', conversationType: 'groupChat' } as never },
      'groupChat',
    ],
    [
      'a Teams personal chat',
      { channelId: 'msteams', conversation: { id: 'x', conversationType: 'personal' } as never },
      'personal',
    ],
    ['Teams without a type, in a team', { channelId: 'msteams', channelData: { team: { id: TEAM_ID } } }, 'channel'],
  ])('tells the scope of %s', (_name, activity, scope) => {
    expect(teamsScope(activity)).toBe(scope);
  });

  it('keeps the greeting rules off Teams: newcomers yes, the bot alone no', () => {
    const base = { channelId: 'webchat', recipient: BOT };
    expect(membersAddedReply({ ...base, membersAdded: [AGENT] })).toBe('welcome');
    expect(membersAddedReply({ ...base, membersAdded: [BOT] })).toBe('none');
  });

  it('removes every mention of the bot, and leaves other people mentioned as their names', () => {
    const activity: Partial<Activity> = {
      text: '<at>Relais</at> une fiche pour <at>Inès Martin</at> <at>Relais</at>',
      recipient: BOT,
      entities: [
        { type: 'mention', mentioned: BOT, text: '<at>Relais</at>' },
        { type: 'mention', mentioned: { id: '29:1ines', name: 'Inès Martin' }, text: '<at>Inès Martin</at>' },
      ],
    };
    removeBotMentions(activity);
    expect(activity.text).toBe('une fiche pour Inès Martin');
  });

  it('removes the bot mention by its name when the entity text differs from the message', () => {
    const activity: Partial<Activity> = {
      text: '<at>Relais</at> numéro du CCAS',
      recipient: BOT,
      entities: [{ type: 'mention', mentioned: BOT, text: '<at>Relais AMIS</at>' }],
    };
    removeBotMentions(activity);
    expect(activity.text).toBe('numéro du CCAS');
  });

  it('leaves a message without mentions untouched, spaces included', () => {
    const activity: Partial<Activity> = { text: '  ligne 1\n\n  ligne 2  ', recipient: BOT, entities: [] };
    removeBotMentions(activity);
    expect(activity.text).toBe('  ligne 1\n\n  ligne 2  ');
  });

  it('does not fail on a mention without text, an entity without type or a message without text', () => {
    const noText: Partial<Activity> = { recipient: BOT, entities: [{ type: 'mention', mentioned: BOT }] };
    expect(() => removeBotMentions(noText)).not.toThrow();
    const broken: Partial<Activity> = {
      text: 'undefined et objets trouvés',
      recipient: BOT,
      entities: [{ type: 'mention', mentioned: BOT }, { type: 'mention' }],
    };
    removeBotMentions(broken);
    expect(broken.text).toBe('undefined et objets trouvés');
    const untyped = {
      text: '<at>Relais</at> objets trouvés',
      recipient: BOT,
      entities: [{ type: 'mention', mentioned: BOT, text: '<at>Relais</at>' }, { id: 'no type' } as never],
    };
    removeBotMentions(untyped);
    expect(untyped.text).toBe('objets trouvés');
  });
});
