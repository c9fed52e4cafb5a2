import type { Activity } from 'botbuilder';
import { buttonTitles, buttonValues, content, messageText, say, testBot } from '../helpers';

const { knowledge, rules } = content();
const text = (key: string, locale: 'fr' | 'en' = 'fr', vars?: Record<string, string>) =>
  knowledge.messages.text(locale, key, vars);
const rule = (id: string) => rules.rules.find((r) => r.id === id)!;
const audience = (id: string) => rules.audiences.find((a) => a.id === id)!;

const click = (title: string, value: object): Partial<Activity> => ({ type: 'message', text: title, value });

describe('RulesDialog: the rule card', () => {
  it('gives the agent the rule to say, why, the reference, who may sanction, what to avoid, and the source', async () => {
    const [card] = await say(testBot(), 'un mec fume dans le bus');
    const body = messageText(card);
    const smoking = rule('smoking-transport');
    expect(body).toContain(smoking.title.fr);
    expect(body).toContain(smoking.rule.fr);
    expect(body).toContain(text('rules.why', 'fr', { text: smoking.why.fr }));
    expect(body).toContain(smoking.legal.reference!.fr);
    expect(body).toContain(smoking.sanctioned_by.fr);
    expect(body).toContain(smoking.avoid[0]!.fr);
    expect(body).toContain('vérifié le 26 novembre 2026');
    expect(buttonTitles(card)).toEqual(
      expect.arrayContaining([text('rules.buttons.explain'), text('rules.buttons.report')]),
    );
    // The report starts with the rule pre-filled.
    expect(buttonValues(card)).toContainEqual({
      capability: 'report',
      form: 'intervention',
      rule: 'smoking-transport',
    });
  });

  it('gives the public kiosk the plain rule and why, without the agent guidance nor buttons', async () => {
    const [card] = await say(testBot({ route: 'kiosk' }), 'on a le droit de fumer dans le tram ?');
    const body = messageText(card);
    const smoking = rule('smoking-transport');
    expect(body).toContain(smoking.rule.fr);
    expect(body).toContain(smoking.why.fr);
    expect(body).not.toContain(smoking.sanctioned_by.fr);
    expect(body).not.toContain(text('rules.avoid'));
    expect(buttonTitles(card)).toEqual([]);
  });

  it('asks the context only when the rule depends on it, and takes a typed answer', async () => {
    const bot = testBot();
    const [question] = await say(bot, 'on peut fumer ?');
    expect(messageText(question)).toBe(text('rules.askContext'));
    expect(buttonValues(question)).toEqual([
      { capability: 'rules', entry: 'smoking-transport' },
      { capability: 'rules', entry: 'smoking-enclosed-public-places' },
    ]);
    const [card] = await say(bot, 'dans le centre commercial');
    expect(messageText(card)).toContain(rule('smoking-enclosed-public-places').title.fr);
  });

  it('adds what the local document says at the place named, marked as demo data', async () => {
    const [card] = await say(testBot(), "on a le droit de boire de l'alcool au parc des berges ?");
    const body = messageText(card);
    expect(body).toContain(rule('alcohol-in-street').title.fr);
    expect(body).toContain('📍');
    expect(body).toContain(text('rules.demo', 'fr', { territory: 'Val-de-Relais' }));
  });

  it('gives a rule a local document adds, with the document as its reference', async () => {
    const [card] = await say(testBot(), 'un voisin fait un barbecue sur son balcon, il a le droit ?');
    const body = messageText(card);
    expect(body).toMatch(/Règlement intérieur[^\n]*\(démo\)/);
    expect(body).toContain(text('rules.status.local'));
  });

  it('answers in English in an English conversation', async () => {
    const [card] = await say(testBot({ locale: 'en-GB' }), 'someone is smoking on the bus');
    expect(messageText(card)).toContain(rule('smoking-transport').rule.en);
    expect(buttonTitles(card)).toContain(text('rules.buttons.explain', 'en'));
  });
});

describe('RulesDialog: how to explain it', () => {
  it('asks to whom after "comment je lui explique ?", then gives the DESC argument with tips and what to avoid', async () => {
    const bot = testBot();
    await say(bot, 'un mec fume dans le bus');
    const [question] = await say(bot, 'ok, comment je lui explique ?');
    expect(messageText(question)).toBe(text('rules.askAudience'));
    expect(buttonTitles(question)).toEqual(rules.audiences.map((a) => a.label.fr));

    const [argument] = await say(bot, "c'est un ado");
    const body = messageText(argument);
    const smoking = rule('smoking-transport');
    const teen = audience('teenager-group');
    expect(body).toContain(teen.label.fr);
    expect(body).toContain(teen.opening.fr);
    expect(body).toContain(smoking.argument.observe.fr);
    expect(body).toContain(smoking.argument.request.fr);
    expect(body).toContain(teen.avoid[0]!.fr);
    expect(body).toContain(smoking.avoid[0]!.fr);
  });

  it('gives the argument at once when the question names the rule and the audience', async () => {
    const [argument] = await say(testBot(), 'un ado fume dans le tram, comment je lui explique ?');
    expect(messageText(argument)).toContain(text('rules.argument.say'));
    expect(messageText(argument)).toContain(audience('teenager-group').label.fr);
  });

  it('adds the English words for a tourist', async () => {
    const bot = testBot();
    await say(bot, 'un mec fume dans le bus');
    const [argument] = await say(
      bot,
      click('Touriste', {
        capability: 'rules',
        entry: 'smoking-transport',
        show: 'argument',
        audience: 'tourist-foreign-speaker',
      }),
    );
    expect(messageText(argument)).toContain(text('rules.argument.otherLanguage'));
    expect(messageText(argument)).toContain(rule('smoking-transport').argument.request.en);
  });

  it('asks which rule when opened from the menu, then answers the next message', async () => {
    const bot = testBot();
    const [reply] = await say(bot, click('Une règle', { capability: 'rules' }));
    expect(messageText(reply)).toBe(text('rules.describe'));
    const [card] = await say(bot, 'des crottes de chien sur le trottoir');
    expect(messageText(card)).toContain(rule('dog-mess').title.fr);
  });
});

describe('RulesDialog: limits of the role and guidance', () => {
  it('answers "ai-je le droit ?" with the clear answer first, then why, what to do instead, and art. 73', async () => {
    const [card] = await say(testBot(), "est-ce que je peux retenir quelqu'un qui vient de voler un sac ?");
    const arrest = rules.limits.find((l) => l.id === 'citizens-arrest')!;
    const body = messageText(card);
    expect(body.indexOf(arrest.short.fr)).toBeLessThan(body.indexOf(arrest.why.fr));
    expect(body).toContain(text('rules.limit.instead', 'fr', { text: arrest.instead.fr }));
    expect(body).toContain('art. 73');
  });

  it('gives a guidance card with its steps', async () => {
    const [card] = await say(testBot(), "c'est quoi la méthode DESC ?");
    const desc = rules.guidance.find((g) => g.id === 'desc-method')!;
    expect(messageText(card)).toContain(desc.title.fr);
    expect(messageText(card)).toContain(`1. ${desc.steps[0]!.fr}`);
  });
});

describe('RulesDialog: after an answer', () => {
  it('hands a new question back to the router, which answers it in the same turn', async () => {
    const bot = testBot();
    await say(bot, 'un mec fume dans le bus');
    const [answer] = await say(bot, "ça sent le gaz dans le hall de l'immeuble");
    expect(messageText(answer)).toContain('Odeur ou fuite de gaz');
  });

  it('still gives the emergency answer at once', async () => {
    const bot = testBot();
    await say(bot, 'un mec fume dans le bus');
    const [answer] = await say(bot, 'au feu !');
    expect(messageText(answer)).toContain('18');
  });

  it('answers politely to a button for an entry that does not exist', async () => {
    const bot = testBot();
    const [reply] = await say(
      bot,
      click('Expliquer', { capability: 'rules', entry: 'no-such-rule', show: 'argument' }),
    );
    expect(messageText(reply)).toBe(text('rules.describe'));
  });
});
