import type { Activity } from 'botbuilder';
import { buttonTitles, buttonValues, content, messageText, say, testBot } from '../helpers';

const { knowledge, orientation } = content();
const text = (key: string, locale: 'fr' | 'en' = 'fr', vars?: Record<string, string>) =>
  knowledge.messages.text(locale, key, vars);
/** A Thursday morning, outside school and public holidays. */
const THURSDAY_10_30 = new Date('2026-11-26T10:30:00+01:00');

function agentBot(now = THURSDAY_10_30) {
  return testBot({ now: () => now });
}

describe('OrientationDialog: a situation in one answer', () => {
  it('answers a gas smell with the banner, the reflexes, the numbers as tel: links and what to say', async () => {
    const [answer] = await say(agentBot(), "ça sent le gaz dans le hall de l'immeuble");
    const body = messageText(answer);
    expect(body).toContain(text('orientation.banner.critical'));
    expect(body).toContain('Odeur ou fuite de gaz');
    expect(body).toContain('[18](tel:18)');
    expect(body).toContain('(tel:0800473333)');
    expect(body).toContain(text('orientation.reflexes'));
    expect(buttonTitles(answer)).toEqual([
      text('orientation.buttons.alertCall'),
      text('orientation.buttons.report'),
      text('orientation.buttons.contacts'),
    ]);
  });

  it('says whether a local contact is open now and when it closes (injected clock)', async () => {
    const [answer] = await say(agentBot(), 'une voiture abandonnée depuis des semaines sur le parking');
    expect(messageText(answer)).toMatch(/Police municipale[^\n]*ouvert, ferme à \d\d:\d\d/);
  });

  it('says a service is closed for a public holiday, with its next opening', async () => {
    const christmas = new Date('2026-12-25T10:30:00+01:00');
    const [answer] = await say(agentBot(christmas), 'une voiture abandonnée depuis des semaines sur le parking');
    expect(messageText(answer)).toContain('fermé (jour férié), ouvre');
  });

  it('flags a contact checked more than six months ago', async () => {
    const [answer] = await say(agentBot(), 'un chien errant sans collier aboie sur les passants du marché');
    expect(messageText(answer)).toMatch(/Fourrière[^\n]*⚠️ vérifié le 18 février 2026 : à confirmer/);
  });

  it('answers the question a clarifying choice carries, instead of asking to describe it again', async () => {
    const clicked = {
      type: 'message',
      text: 'Qui appeler ?',
      value: { capability: 'orientation', question: 'ça sent le gaz dans le hall' },
    };
    const [answer] = await say(agentBot(), clicked);
    expect(messageText(answer)).toContain('Odeur ou fuite de gaz');
    // A question that is not text is ignored: the capability starts as if opened from the menu.
    const [asked] = await say(agentBot(), { ...clicked, value: { capability: 'orientation', question: 42 } });
    expect(messageText(asked)).toBe(text('orientation.describe'));
  });

  it('answers in English in an English conversation', async () => {
    const bot = testBot({ locale: 'en-US', now: () => THURSDAY_10_30 });
    const [answer] = await say(bot, 'I lost my wallet on the train');
    expect(messageText(answer)).toContain('Item lost on public transport');
    expect(messageText(answer)).toContain(text('orientation.contacts', 'en'));
  });

  it('shows all the contacts of the situation from the "other contacts" button', async () => {
    const bot = agentBot();
    const [answer] = await say(bot, "ça sent le gaz dans le hall de l'immeuble");
    const more = buttonValues(answer).find((v) => (v as { show?: string }).show === 'contacts');
    const [all] = await say(bot, { type: 'message', value: more });
    expect(messageText(all)).toContain(text('orientation.moreContacts', 'fr', { title: 'Odeur ou fuite de gaz' }));
  });
});

describe('OrientationDialog: never guesses, looks up, hides internal lines', () => {
  it('offers the closest situations as buttons when unsure, and answers the one chosen', async () => {
    const bot = agentBot();
    const [question] = await say(bot, {
      type: 'message',
      value: { capability: 'orientation', show: 'alternatives', alternatives: ['stray-dog', 'lost-child'] },
    });
    expect(messageText(question)).toBe(text('orientation.alternatives'));
    expect(buttonTitles(question)).toEqual([
      'Chien errant',
      orientation.situations.find((s) => s.id === 'lost-child')!.title.fr,
    ]);
    const [answer] = await say(bot, { type: 'message', value: buttonValues(question)[0] });
    expect(messageText(answer)).toContain('Chien errant');
  });

  it('finds a service by name, with its number and address', async () => {
    const [answer] = await say(agentBot(), 'numéro du CCAS');
    expect(messageText(answer)).toContain(text('orientation.lookup'));
    expect(messageText(answer)).toMatch(/CCAS[^\n]*\(tel:\+33199000120\)[^\n]*rue des Lavandières/);
  });

  it('looks up a service named outright, but answers the situation when the text is very sure of it', async () => {
    // "objets trouvés" names the lost-property services; it also resembles the lost-in-transport situation.
    const [named] = await say(agentBot(), 'objets trouvés');
    expect(messageText(named)).toContain(text('orientation.lookup'));
    expect(messageText(named)).toContain('Objets trouvés de la commune');
    // A word that one situation's phrasings mention ("a pharmacy window smashed") but that names a category.
    const [pharmacy] = await say(
      testBot({ route: 'kiosk', locale: 'en-GB', now: () => THURSDAY_10_30 }),
      'where is the pharmacy',
    );
    expect(messageText(pharmacy)).toContain(text('orientation.lookup', 'en'));
    expect(messageText(pharmacy)).toMatch(/pharmac/i);
    // "gaz" matches GRDF's name, but the gas leak situation is surer: its playbook comes first.
    const [gas] = await say(agentBot(), 'gaz');
    expect(messageText(gas)).not.toContain(text('orientation.lookup'));
    expect(messageText(gas)).toContain('Odeur ou fuite de gaz');
    expect(buttonTitles(gas)).toContain(text('orientation.buttons.report'));
  });

  it('looks up a service or category typed alone, which the intent model alone would not route to orientation', async () => {
    const fourrieres = orientation.directory.contacts_urgence.filter((c) => c.id.startsWith('fourriere-'));
    expect(fourrieres).toHaveLength(2);
    const [pound] = await say(agentBot(), 'fourrière');
    expect(messageText(pound)).toContain(text('orientation.lookup'));
    for (const c of fourrieres) expect(messageText(pound)).toContain(c.nom);
    const [police] = await say(agentBot(), 'police municipale');
    expect(messageText(police)).toContain(text('orientation.lookup'));
    expect(messageText(police)).toContain('Police municipale');
    // At a kiosk, in English, with words that only narrow the search ("open now").
    const kiosk = testBot({ route: 'kiosk', locale: 'en-GB', now: () => THURSDAY_10_30 });
    const [pharmacy] = await say(kiosk, 'where can I find a pharmacy open now');
    expect(messageText(pharmacy)).toContain(text('orientation.lookup', 'en'));
    expect(messageText(pharmacy)).toMatch(/Pharmacie/);
  });

  it('lists the emergency numbers when asked for them, at a kiosk as for an agent, and in English', async () => {
    const emergency = orientation.numbers.filter((n) => n.emergency);
    expect(emergency.map((n) => n.display)).toEqual(['15', '17', '18', '112', '114']);
    for (const [route, question, locale] of [
      ['kiosk', "Numéros d'urgence", 'fr'],
      ['messages', "c'est quoi les numeros d'urgence ?", 'fr'],
      ['kiosk', 'emergency numbers please', 'en'],
    ] as const) {
      const [answer] = await say(
        testBot({ route, now: () => THURSDAY_10_30, locale: locale === 'en' ? 'en-GB' : 'fr-FR' }),
        question,
      );
      expect(messageText(answer)).toContain(text('orientation.emergencyNumbers', locale));
      for (const n of emergency) expect(messageText(answer)).toContain(`[${n.display}](tel:${n.number})`);
      expect(messageText(answer)).toContain(text('orientation.emergency.alert', locale));
    }
    // A number asked for a situation the bot is sure of gets that situation's playbook.
    const [gas] = await say(agentBot(), "quel est le numéro d'urgence pour une fuite de gaz");
    expect(messageText(gas)).toContain('Odeur ou fuite de gaz');
    expect(messageText(gas)).not.toContain(text('orientation.emergencyNumbers'));
  });

  it('leaves agent-only lines and the report button out at a public kiosk', async () => {
    const agent = await say(agentBot(), "ça sent le gaz dans le hall de l'immeuble");
    const kiosk = await say(
      testBot({ route: 'kiosk', now: () => THURSDAY_10_30 }),
      "ça sent le gaz dans le hall de l'immeuble",
    );
    const internal = orientation.directory.contacts_urgence.find((c) => c.id === 'habitat-relais-astreinte')!;
    expect(internal.agents_only).toBe(true);
    expect(messageText(agent[0])).toContain(internal.nom);
    expect(messageText(kiosk[0])).not.toContain(internal.nom);
    expect(buttonTitles(kiosk[0])).not.toContain(text('orientation.buttons.report'));
  });

  it('asks for a description when the text says nothing it knows, then answers it', async () => {
    const bot = agentBot();
    const [ask] = await say(bot, { type: 'message', value: { capability: 'orientation' } });
    expect(messageText(ask)).toBe(text('orientation.describe'));
    const [answer] = await say(bot, "l'ascenseur est bloqué avec quelqu'un dedans");
    expect(messageText(answer)).toContain('Personne bloquée dans un ascenseur');
  });

  it('answers politely when a button sends an unknown or malformed choice', async () => {
    const bot = agentBot();
    const replies = await say(bot, {
      type: 'message',
      value: { capability: 'orientation', situation: 'no-such-thing', alternatives: 'x' },
    });
    expect(replies.map(messageText)).toEqual([text('orientation.describe')]);
  });
});

describe('Emergency override', () => {
  it('answers danger words at once with 15 and 112 and the alert message, then the situation', async () => {
    const [emergency, situation] = await say(agentBot(), 'un homme est par terre, il ne respire plus');
    expect(messageText(emergency)).toContain('[15](tel:15)');
    expect(messageText(emergency)).toContain('[112](tel:112)');
    expect(messageText(emergency)).toContain(text('orientation.emergency.alert'));
    expect(messageText(situation)).toContain('Personne inconsciente');
  });

  it('answers danger words from inside another dialog, which then goes on where it was', async () => {
    const bot = agentBot();
    const [ask] = await say(bot, { type: 'message', value: { capability: 'orientation' } });
    expect(messageText(ask)).toBe(text('orientation.describe'));
    const [emergency] = await say(bot, 'au secours il y a le feu au 3e étage');
    expect(messageText(emergency)).toContain('[18](tel:18)');
    expect(messageText(emergency)).toContain(text('orientation.emergency.paused'));
    const [answer] = await say(bot, 'un chien errant sans collier aboie sur les passants du marché');
    expect(messageText(answer)).toContain('Chien errant');
  });
});

describe('Alert-call helper', () => {
  it('asks the points of the alert message and gives the text to read out', async () => {
    const bot = agentBot();
    const steps = [
      "aide-moi à passer l'appel",
      'Sam, médiateur, 01 99 00 00 42',
      'gare centrale, quai 2',
      "un homme s'est effondré, il ne respire plus",
      'passer',
      'un homme, inconscient',
      'zone protégée',
    ];
    let last: Partial<Activity>[] = [];
    for (const step of steps) last = await say(bot, step);
    const script = messageText(last[0]);
    expect(script).toContain(text('alertCall.script'));
    expect(script).toContain('> Je suis Sam, médiateur, 01 99 00 00 42.');
    expect(script).toContain("> Il s'agit de : un homme s'est effondré, il ne respire plus.");
    expect(script).toContain(`> Risques : ${text('alertCall.unknown')}.`);
    expect(script).toContain(text('alertCall.stay'));
  });

  it('fills in "what is happening" from the situation when started from its button', async () => {
    const bot = agentBot();
    const [answer] = await say(bot, "ça sent le gaz dans le hall de l'immeuble");
    const help = buttonValues(answer).find((v) => (v as { show?: string }).show === 'alert-call');
    await say(bot, { type: 'message', value: help });
    const questions: string[] = [];
    for (let i = 0; i < 5; i++) questions.push(...(await say(bot, 'passer')).map(messageText));
    expect(questions.join('\n')).not.toContain('3/6');
    expect(questions.join('\n')).toContain("> Il s'agit de : Odeur ou fuite de gaz.");
  });
});
