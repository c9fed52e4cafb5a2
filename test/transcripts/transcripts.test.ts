import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { isMessage, messageText, testBot } from '../helpers';

/** Plays every *.transcript file in this folder against the real bot (MemoryStorage). */
const files = readdirSync(__dirname).filter((f) => f.endsWith('.transcript'));

describe.each(files)('%s', (file) => {
  it('goes as written', async () => {
    const source = readFileSync(join(__dirname, file), 'utf8');
    const locale = /^# locale: (\S+)/m.exec(source)?.[1] ?? 'fr-FR';
    const { adapter } = testBot({ locale });
    let flow = adapter.send({
      type: 'conversationUpdate',
      membersAdded: [{ id: 'user', name: 'User' }],
      recipient: { id: 'bot', name: 'Relais' },
    });
    for (const line of source.split('\n')) {
      const user = /^user> (.*)$/.exec(line);
      const bot = /^bot> (.*)$/.exec(line);
      if (user) {
        const said = user[1]!;
        flow = flow.then(() => {
          adapter.activeQueue.length = 0;
        });
        flow = flow.send({ type: 'message', text: said, locale });
      } else if (bot) {
        const expected = bot[1]!;
        flow = flow.then(() => {
          const texts = adapter.activeQueue.filter(isMessage).map(messageText);
          expect(texts.join('\n')).toContain(expected);
        });
      }
    }
    await flow.startTest();
  });
});
