import { ActivityTypes, type Activity } from 'botbuilder';
import { MAX_MESSAGE_CHARS, RECOGNIZER_TRACE } from '../../src/bot';
import { content, isMessage, messageText, suggestedTitles, testBot } from '../helpers';

const { knowledge, catalogue } = content();
const text = (key: string, locale: 'fr' | 'en' = 'fr', vars?: Record<string, string | number>) =>
  knowledge.messages.text(locale, key, vars);
const menu = (locale: 'fr' | 'en' = 'fr') =>
  catalogue.main.menu.map((id) => catalogue.capabilities.find((c) => c.id === id)!.menu[locale]);

async function turn(
  adapter: ReturnType<typeof testBot>['adapter'],
  activity: Partial<Activity>,
): Promise<Partial<Activity>[]> {
  adapter.activeQueue.length = 0;
  await adapter.receiveActivity(activity);
  return [...adapter.activeQueue];
}

describe('RelaisBot', () => {
  it('welcomes a new member with what Relais can do, as suggested actions', async () => {
    const { adapter } = testBot();
    const replies = await turn(adapter, {
      type: ActivityTypes.ConversationUpdate,
      membersAdded: [{ id: 'user', name: 'Agent' }],
      recipient: { id: 'bot', name: 'Relais' },
    });
    expect(replies.map(messageText)).toEqual([text('welcome.title'), text('welcome.body')]);
    expect(suggestedTitles(replies[1])).toEqual(menu());
  });

  it('does not welcome the bot itself', async () => {
    const { adapter } = testBot();
    const replies = await turn(adapter, {
      type: ActivityTypes.ConversationUpdate,
      membersAdded: [{ id: 'bot', name: 'Relais' }],
      recipient: { id: 'bot', name: 'Relais' },
    });
    expect(replies).toEqual([]);
  });

  it('welcomes kiosk visitors with the public greeting and only public choices', async () => {
    const { adapter } = testBot({ route: 'kiosk' });
    const replies = await turn(adapter, {
      type: ActivityTypes.ConversationUpdate,
      membersAdded: [{ id: 'visitor', name: 'Visitor' }],
      recipient: { id: 'bot', name: 'Relais' },
    });
    expect(messageText(replies[0])).toBe(text('welcome.public'));
    expect(suggestedTitles(replies[0])).toEqual(catalogue.main.public_menu!.map((e) => e.label.fr));
    expect(suggestedTitles(replies[0])).not.toContain(menu()[catalogue.main.menu.indexOf('report')]);
  });

  describe("the kiosk's buttons", () => {
    const buttons = catalogue.main.public_menu!;
    const welcome = async (locale: 'fr-FR' | 'en-US') => {
      const bot = testBot({ route: 'kiosk', locale });
      const replies = await turn(bot.adapter, {
        type: ActivityTypes.ConversationUpdate,
        membersAdded: [{ id: 'visitor', name: '' }],
        recipient: { id: 'bot', name: 'Relais' },
      });
      return { bot, actions: replies[0]?.suggestedActions?.actions ?? [] };
    };
    const click = async (locale: 'fr-FR' | 'en-US', index: number) => {
      const { bot, actions } = await welcome(locale);
      const action = actions[index]!;
      const replies = await turn(bot.adapter, { type: 'message', text: action.text, value: action.value });
      return replies.filter(isMessage).map(messageText).join('\n');
    };

    it.each(['fr-FR', 'en-US'] as const)('answer the commonest needs at once (%s)', async (locale) => {
      const lang = locale.startsWith('en') ? 'en' : 'fr';
      const lost = await click(
        locale,
        buttons.findIndex((b) => 'question' in b && b.question),
      );
      expect(lost).toContain(text('orientation.recognised', lang, { title: '' }).replace(/\*+$/, '').trim());
      expect(lost).toMatch(lang === 'fr' ? /perdu/i : /lost/i);

      const emergency = await click(
        locale,
        buttons.findIndex((b) => 'emergency' in b),
      );
      for (const number of ['15', '17', '18', '112']) expect(emergency).toContain(`[${number}](tel:`);
      expect(emergency).toContain(text('orientation.emergency.alert', lang));

      const rules = await click(
        locale,
        buttons.findIndex((b) => 'capability' in b && b.capability === 'rules'),
      );
      expect(rules).toBe(text('rules.describe', lang));
    });
  });

  it('sends a Recognizer trace shaped like a RecognizerResult', async () => {
    const emulator = testBot({ channelId: 'emulator' });
    const onEmulator = await turn(emulator.adapter, { type: 'message', text: 'lance un quiz' });
    const trace = onEmulator.find((a) => a.type === ActivityTypes.Trace && a.name === RECOGNIZER_TRACE);
    expect(trace?.value).toMatchObject({
      text: 'lance un quiz',
      intents: { quiz: { score: expect.any(Number) } },
      entities: { situation: expect.any(Array), emergency: [] },
    });
  });

  it.each(['', '   '])('answers an empty message (%j) politely', async (empty) => {
    const { adapter } = testBot();
    const replies = await turn(adapter, { type: 'message', text: empty });
    expect(replies.filter(isMessage).map(messageText)).toEqual([text('input.empty')]);
  });

  it('asks to summarise a 100 000-character message', async () => {
    const { adapter } = testBot();
    const replies = await turn(adapter, { type: 'message', text: 'a'.repeat(100_000) });
    expect(replies.filter(isMessage).map(messageText)).toEqual([
      text('input.tooLong', 'fr', { length: 100_000, max: MAX_MESSAGE_CHARS }),
    ]);
  });

  it.each([{ foo: 'bar' }, [1, 2, 3], 'just a string', 42, { capability: 'does-not-exist' }])(
    'answers an Adaptive Card submission with unexpected value %j without crashing',
    async (value) => {
      const { adapter } = testBot();
      const replies = await turn(adapter, { type: 'message', value });
      expect(replies.filter(isMessage).map(messageText)).toEqual([text('input.unexpectedCard')]);
    },
  );

  it('ignores unknown activity types', async () => {
    const { adapter } = testBot();
    expect(await turn(adapter, { type: 'somethingNew', text: 'hello' })).toEqual([]);
  });

  it('answers in English when the activity locale is English', async () => {
    const { adapter } = testBot({ locale: 'en-GB' });
    const replies = await turn(adapter, { type: 'message', text: 'thank you' });
    expect(replies.filter(isMessage).map(messageText)).toEqual([text('smalltalk.thanks', 'en')]);
  });

  it('sends a polite message, never a stack trace, when a turn fails', async () => {
    const parts = testBot();
    jest.spyOn(parts.bot, 'run').mockRejectedValueOnce(new Error('boom at /src/secret.ts:12'));
    const adapter = parts.adapter;
    const replies = await turn(adapter, { type: 'message', text: 'bonjour' });
    expect(replies.filter(isMessage).map(messageText)).toEqual([text('errors.turn')]);
    expect(JSON.stringify(replies.filter(isMessage))).not.toContain('secret.ts');
  });
});
