import type { Activity, Attachment } from 'botbuilder';
import type { QuizLinks } from '../../src/dialogs';
import type { BankQuestion } from '../../src/knowledge';
import { MemoryQuizStore } from '../../src/quiz';
import { prng } from '../bench/prng';
import { buttonTitles, buttonValues, content, messageText, say, testBot } from '../helpers';

const { knowledge, quiz: bank } = content();
const fr = (key: string, vars?: Record<string, string | number>) => knowledge.messages.text('fr', key, vars);
const en = (key: string, vars?: Record<string, string | number>) => knowledge.messages.text('en', key, vars);
const LETTERS = 'ABCDEF';
/** Thursday 26 November 2026, 10:00 in Paris. */
const START = new Date(2026, 10, 26, 10, 0).getTime();

interface CardJson {
  version: string;
  body: { type: string; text?: string; choices?: { title: string; value: string }[] }[];
  actions: {
    type: string;
    title: string;
    data: { capability: string; quiz: { do: string; q?: string; value?: boolean } };
  }[];
}

class RecordedLinks implements QuizLinks {
  readonly minutes = 30;
  readonly asked: string[] = [];
  quizItems(team: string): string {
    this.asked.push(team);
    return 'https://relais.test/quiz/items.csv?t=signed';
  }
}

function setUp(
  options: { locale?: string; user?: string; store?: MemoryQuizStore; links?: QuizLinks; start?: number } = {},
) {
  let now = options.start ?? START;
  const store = options.store ?? new MemoryQuizStore();
  const id = options.user ?? 'trainee-1';
  const bot = testBot({
    now: () => new Date(now),
    random: prng(11),
    quiz: store,
    roster: {
      'trainee-1': 'trainee',
      'trainee-2': 'trainee',
      'sup-1': 'supervisor',
      'sup-2': 'supervisor',
      'agent-1': 'agent',
    },
    teams: { 'trainee-1': 'promo-a', 'trainee-2': 'promo-a', 'sup-1': 'promo-a' },
    user: { id, name: id },
    ...(options.links ? { links: options.links as never } : {}),
    ...(options.locale ? { locale: options.locale } : {}),
  });
  return {
    bot,
    store,
    send: (activity: string | Partial<Activity>) => {
      now += 15_000;
      return say(bot, activity);
    },
  };
}

function cardOf(messages: Partial<Activity>[]): CardJson | undefined {
  const attachment = messages
    .flatMap((m) => m.attachments ?? [])
    .find((a: Attachment) => a.contentType === 'application/vnd.microsoft.card.adaptive');
  return attachment?.content as CardJson | undefined;
}

/** The question a card shows (its buttons carry the id). */
function questionOf(card: CardJson | undefined): BankQuestion {
  const id = card?.actions[0]?.data.quiz.q;
  const question = bank.questions.find((q) => q.id === id);
  if (!question) throw new Error(`no question card: ${JSON.stringify(card)}`);
  return question;
}

/** The right answer typed as text, from what the card shows (ordering steps are shuffled on the card). */
function typedRight(card: CardJson, locale: 'fr' | 'en' = 'fr'): string {
  const q = questionOf(card);
  if (q.type === 'true-false')
    return q.answer ? (locale === 'fr' ? 'vrai' : 'true') : locale === 'fr' ? 'faux' : 'false';
  if (q.type === 'ordering') {
    const shown = card.body.filter((b) => b.text && /^[A-F]\. /.test(b.text)).map((b) => b.text!.slice(3));
    return q.steps.map((step) => LETTERS[shown.indexOf(step[locale] ?? step.fr)]).join(' ');
  }
  return q.options.flatMap((o, i) => (o.correct ? [LETTERS[i]] : [])).join(' ');
}

function typedWrong(card: CardJson): string {
  const q = questionOf(card);
  if (q.type === 'true-false') return q.answer ? 'faux' : 'vrai';
  if (q.type === 'ordering') return typedRight(card).split(' ').reverse().join(' ');
  return LETTERS[q.options.findIndex((o) => !o.correct)]!;
}

const all = (messages: Partial<Activity>[]) => messages.map(messageText).join('\n');

/** Answers every question right until the session ends; returns the last messages. */
async function finish(s: ReturnType<typeof setUp>, first: Partial<Activity>[]): Promise<Partial<Activity>[]> {
  let messages = first;
  for (let i = 0; i < 40; i++) {
    const card = cardOf(messages);
    if (!card || !card.actions[0]?.data.quiz.q) return messages;
    messages = await s.send(typedRight(card));
  }
  throw new Error('the session did not end');
}

describe('QuizDialog', () => {
  it('offers the modes, says which référentiel it follows, and lets a trainee pick a CCP', async () => {
    const s = setUp();
    const menu = await s.send('quiz');
    expect(messageText(menu[0])).toContain(fr('quiz.menu'));
    expect(messageText(menu[0])).toContain(bank.referentiel.version.statement.fr);
    expect(buttonTitles(menu[0])).toEqual([
      fr('quiz.menuReview', { count: 0 }),
      fr('quiz.menuPractice'),
      fr('quiz.menuExam'),
      fr('quiz.menuWeakSpot'),
      fr('quiz.menuProgress'),
    ]);
    const scope = await s.send({ type: 'message', text: fr('quiz.menuPractice'), value: buttonValues(menu[0])[1] });
    expect(buttonTitles(scope[0])).toEqual([...bank.referentiel.ccps.map((c) => c.short.fr), fr('quiz.allCcps')]);
    const started = await s.send({ type: 'message', value: buttonValues(scope[0])[2] });
    expect(messageText(started[0])).toContain('CCP3');
    expect(questionOf(cardOf(started)).ccp).toBe('ccp3');
  });

  it('asks each question as an Adaptive Card 1.5 with Action.Submit only, with a plain-text fallback', async () => {
    const s = setUp();
    const started = await s.send('quiz ccp2');
    expect(messageText(started[0])).toBe(fr('quiz.start.practice', { count: 10, scope: 'CCP2 · Médiation', pass: 70 }));
    const card = cardOf(started)!;
    expect(card.version).toBe('1.5');
    expect(card.actions.every((a) => a.type === 'Action.Submit')).toBe(true);
    const q = questionOf(card);
    expect(q.ccp).toBe('ccp2');
    expect(JSON.stringify(card)).toContain(q.prompt.fr);
    expect((card as unknown as { fallbackText: string }).fallbackText).toContain(q.prompt.fr);
  });

  it('gives immediate feedback with the explanation in practice, for typed letters, words and card clicks', async () => {
    const s = setUp();
    let messages = await s.send("s'entraîner sur la compétence sécurité");
    for (let i = 0; i < 6; i++) {
      const card = cardOf(messages)!;
      const q = questionOf(card);
      expect(q.competency).toBe('ensure-safety');
      const wrongOnce = i % 2 === 1;
      messages = await s.send(wrongOnce ? typedWrong(card) : typedRight(card));
      const feedback = messageText(messages[0]);
      if (wrongOnce) expect(feedback.split('\n')[0]).toMatch(/^(❌|🟠)/);
      else expect(feedback.split('\n')[0]).toBe(fr('quiz.feedback.right'));
      const why =
        q.type === 'true-false' || q.type === 'ordering' ? q.why.fr : q.options.find((o) => o.correct)!.why.fr;
      expect(feedback).toContain(why);
    }
    // A click on the card: the choice set's value is the option's position.
    const card = cardOf(messages)!;
    const q = questionOf(card);
    const click =
      q.type === 'true-false'
        ? { capability: 'quiz', quiz: { do: 'answer', q: q.id, value: q.answer } }
        : q.type === 'ordering'
          ? { capability: 'quiz', quiz: { do: 'answer', q: q.id }, order: typedRight(card) }
          : {
              capability: 'quiz',
              quiz: { do: 'answer', q: q.id },
              choices: q.options.flatMap((o, i) => (o.correct ? [String(i)] : [])).join(','),
            };
    const after = await s.send({ type: 'message', value: click });
    expect(messageText(after[0]).split('\n')[0]).toBe(fr('quiz.feedback.right'));
    const attempts = (await s.store.get('trainee-1'))!.attempts;
    expect(attempts.map((a) => a.score)).toEqual(
      [1, 0, 1, 0, 1, 0, 1].map((v, i) => (i % 2 === 1 ? attempts[i]!.score : v)),
    );
    expect(attempts.filter((_, i) => i % 2 === 1).every((a) => a.score < 1)).toBe(true);
  });

  it('answers politely when the text is not an answer, and keeps the question', async () => {
    const s = setUp();
    const started = await s.send('quiz ccp1');
    const q = questionOf(cardOf(started));
    const reply = await s.send('euh je sais pas trop');
    expect(messageText(reply[0])).toMatch(/^Je n'ai pas compris votre réponse/);
    const junk = await s.send('z'.repeat(1500));
    expect(messageText(junk[0])).toMatch(/^Je n'ai pas compris votre réponse/);
    const next = await s.send(typedRight(cardOf(started)!));
    expect(messageText(next[0]).split('\n')[0]).toBe(fr('quiz.feedback.right'));
    expect((await s.store.get('trainee-1'))!.attempts.map((a) => a.question)).toEqual([q.id]);
  });

  it('pauses at "stop" with a summary, and resumes at the same question', async () => {
    const s = setUp();
    const started = await s.send('quiz ccp1');
    const first = await s.send(typedRight(cardOf(started)!));
    const second = questionOf(cardOf(first));
    const stopped = await s.send('stop');
    expect(messageText(stopped[0])).toContain(fr('quiz.summary.paused', { answered: 1, total: 10, score: 100 }));
    expect(buttonTitles(stopped[0])).toContain(fr('quiz.resume'));
    const again = await s.send('quiz');
    expect(messageText(again[0])).toBe(fr('quiz.open', { mode: fr('quiz.modes.practice'), position: 2, total: 10 }));
    const resumed = await s.send('reprendre');
    expect(questionOf(cardOf(resumed)).id).toBe(second.id);
  });

  it('leaves the quiz paused for a clear other request, and answers it', async () => {
    const s = setUp();
    await s.send('quiz ccp1');
    const other = await s.send("est-ce qu'on a le droit de fumer sur le quai de la gare ?");
    expect(messageText(other[0])).toBe(fr('quiz.reroute'));
    expect(other.length).toBeGreaterThan(1);
    const back = await s.send('quiz');
    expect(messageText(back[0])).toBe(fr('quiz.open', { mode: fr('quiz.modes.practice'), position: 1, total: 10 }));
  });

  it('ignores a late click on a card already answered and shows the current question', async () => {
    const s = setUp();
    const started = await s.send('quiz ccp3');
    const old = questionOf(cardOf(started));
    const next = await s.send(typedRight(cardOf(started)!));
    const current = questionOf(cardOf(next));
    const late = await s.send({
      type: 'message',
      value: { capability: 'quiz', quiz: { do: 'answer', q: old.id }, choices: '0' },
    });
    expect(questionOf(cardOf(late)).id).toBe(current.id);
    expect((await s.store.get('trainee-1'))!.attempts).toHaveLength(1);
  });

  it('runs a mock exam without feedback, then scores each CCP against the pass mark', async () => {
    const s = setUp();
    const started = await s.send('examen blanc');
    expect(messageText(started[0])).toContain(fr('quiz.start.exam', { count: 20, pass: 70, scope: '' }).slice(0, 30));
    const afterFirst = await s.send(typedRight(cardOf(started)!));
    // No feedback: the next question comes straight away.
    expect(afterFirst).toHaveLength(1);
    expect(cardOf(afterFirst)).toBeDefined();
    const end = await finish(s, afterFirst);
    const text = all(end);
    expect(text).toContain(fr('quiz.summary.title', { score: 100, answered: 20, total: 20 }));
    for (const ccp of bank.referentiel.ccps)
      expect(text).toContain(
        fr('quiz.summary.examLine', { name: ccp.short.fr, score: 100, result: fr('quiz.summary.passed') }),
      );
    expect(text).toContain(fr('quiz.summary.examPassed', { pass: 70 }));
  });

  it('says there is nothing to review yet, then reviews the missed questions the next day', async () => {
    const s = setUp();
    const nothing = await s.send('révision du jour');
    expect(messageText(nothing[0])).toBe(fr('quiz.nothingDueYet'));
    let messages = await s.send('quiz compétence travail partenarial');
    const missed: string[] = [];
    for (let i = 0; i < 2; i++) {
      const card = cardOf(messages)!;
      missed.push(questionOf(card).id);
      messages = await s.send(typedWrong(card));
    }
    await s.send('stop');
    // The same trainee the next day, in a new conversation.
    const tomorrow = setUp({ store: s.store, start: START + 24 * 3600_000 });
    const menu = await tomorrow.send('quiz');
    expect(buttonTitles(menu[0])).toContain(fr('quiz.resume'));
    const review = await tomorrow.send('révision du jour');
    expect(messageText(review[0])).toContain(fr('quiz.replaced', { mode: fr('quiz.modes.practice') }));
    expect(messageText(review[1])).toBe(fr('quiz.start.review', { count: 2, scope: '', pass: 70 }));
    const asked = [questionOf(cardOf(review))];
    const next = await tomorrow.send(typedRight(cardOf(review)!));
    asked.push(questionOf(cardOf(next)));
    expect(asked.map((q) => q.id).sort()).toEqual([...missed].sort());
  });

  it('drills the weak spots: the competencies never practised or missed, not those mastered', async () => {
    const s = setUp();
    // Practise every competency of CCP2 and CCP3 first: the weak spots are then in CCP1.
    for (const c of bank.competencies.filter((x) => x.ccp !== 'ccp1')) {
      const start = { capability: 'quiz', quiz: { do: 'start', mode: 'practice', competency: c.id } };
      await finish(s, await s.send({ type: 'message', value: start }));
    }
    const drill = await s.send('points faibles');
    const names = bank.competencies.filter((c) => c.ccp === 'ccp1').map((c) => c.short.fr);
    expect(names.some((n) => messageText(drill[0]).includes(n))).toBe(true);
    let messages = drill;
    for (let i = 0; i < 3; i++) {
      const card = cardOf(messages)!;
      expect(questionOf(card).ccp).toBe('ccp1');
      messages = await s.send(typedRight(card));
    }
  });

  it('shows "mon bilan": streak, questions due and mastery per competency', async () => {
    const s = setUp();
    const started = await s.send('quiz ccp1');
    await finish(s, started);
    const progress = await s.send('mon bilan');
    const card = cardOf(progress)!;
    const text = JSON.stringify(card);
    expect(text).toContain(fr('quiz.progress.title'));
    expect(text).toContain(fr('quiz.progress.streakDays', { count: 1 }));
    for (const c of bank.competencies) expect(text).toContain(c.short.fr);
    expect(text).toMatch(/▰+▱* \d+ %/);
  });

  it('gives the trainer the group view with the CSV link; trainees are sent to their own progress', async () => {
    const store = new MemoryQuizStore();
    const trainee = setUp({ store });
    await finish(trainee, await trainee.send('quiz ccp2'));
    const refused = await trainee.send('stats du groupe');
    expect(messageText(refused[0])).toBe(fr('quiz.group.onlySupervisors'));

    const links = new RecordedLinks();
    const supervisor = setUp({ store, user: 'sup-1', links });
    const menu = await supervisor.send('quiz');
    expect(buttonTitles(menu[0])).toContain(fr('quiz.menuGroup'));
    const view = await supervisor.send('quiz : statistiques des questions du groupe');
    const card = JSON.stringify(cardOf(view));
    expect(card).toContain(fr('quiz.group.title', { team: 'promo-a' }));
    expect(card).toContain('https://relais.test/quiz/items.csv?t=signed');
    expect(links.asked).toEqual(['promo-a']);
    expect(card).toContain(fr('quiz.group.noItems', { min: 5 }));
  });

  it("never shows everyone's progress to a supervisor without a team", async () => {
    const store = new MemoryQuizStore();
    const trainee = setUp({ store });
    await finish(trainee, await trainee.send('quiz ccp2'));
    const supervisor = setUp({ store, user: 'sup-2', links: new RecordedLinks() });
    const view = await supervisor.send('stats du groupe');
    expect(messageText(view[0])).toBe(fr('quiz.group.noTeam'));
    expect(cardOf(view)).toBeUndefined();
  });

  it('answers an emergency at once from inside the quiz, and the question waits', async () => {
    const s = setUp();
    const started = await s.send('quiz ccp1');
    const emergency = await s.send('il y a le feu dans le local poubelles, de la fumée partout');
    expect(all(emergency)).toMatch(/18|112/);
    const next = await s.send(typedRight(cardOf(started)!));
    expect(messageText(next[0]).split('\n')[0]).toBe(fr('quiz.feedback.right'));
  });

  it('speaks English to an English-speaking trainee', async () => {
    const s = setUp({ locale: 'en-US' });
    const started = await s.send('quiz: mock exam');
    expect(messageText(started[0])).toContain(en('quiz.start.exam', { count: 20, pass: 70, scope: '' }).slice(0, 30));
    const card = cardOf(started)!;
    const q = questionOf(card);
    expect(JSON.stringify(card)).toContain(q.prompt.en);
    const next = await s.send(typedRight(card, 'en'));
    expect(cardOf(next)).toBeDefined();
  });

  it('is not offered to the public', async () => {
    const bot = testBot({ route: 'kiosk' });
    const reply = await say(bot, 'quiz');
    expect(all(reply)).not.toContain(fr('quiz.menu'));
  });
});
