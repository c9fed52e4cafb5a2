import type { Activity, Attachment } from 'botbuilder';
import type { QuizLinks, ReportLinks } from '../../src/dialogs';
import { MemoryQuizStore } from '../../src/quiz';
import { MemoryReportStore } from '../../src/reports';
import { prng } from '../bench/prng';
import { buttonValues, content, say, testBot } from '../helpers';
import { intervention, report } from '../reports/sample-reports';

/**
 * Every card Relais sends must work in Teams (desktop and mobile) and in Web Chat: Adaptive Cards at version 1.5
 * at most, with Action.Submit as the only action, wherever it sits (card actions, ActionSet, selectAction,
 * inline actions); hero card buttons that send a message back or open a tel:/https link.
 */
const ADAPTIVE = 'application/vnd.microsoft.card.adaptive';
const HERO = 'application/vnd.microsoft.card.hero';
const HERO_BUTTONS = ['imBack', 'messageBack', 'postBack', 'openUrl'];

const { quiz: bank } = content();
/** Thursday 26 November 2026, 14:30 in Paris. */
const NOW = new Date(2026, 10, 26, 14, 30);
const days = (n: number, hour = 10) => new Date(2026, 10, 26 + n, hour, 0);

const ROSTER = { 'sup-1': 'supervisor', 'agent-1': 'agent', 'trainee-1': 'trainee' } as const;
const TEAMS = { 'sup-1': 'nord', 'agent-1': 'nord', 'trainee-1': 'nord' };

class FakeLinks implements ReportLinks, QuizLinks {
  readonly minutes = 30;
  csv(): string {
    return 'https://relais.test/reports/export.csv?t=signed';
  }
  synthesis(): string {
    return 'https://relais.test/reports/synthesis?t=signed';
  }
  quizItems(): string {
    return 'https://relais.test/quiz/items.csv?t=signed';
  }
}

function setUp(user: keyof typeof ROSTER, stores: { reports?: MemoryReportStore; quiz?: MemoryQuizStore } = {}) {
  const reports = stores.reports ?? new MemoryReportStore();
  const quiz = stores.quiz ?? new MemoryQuizStore();
  let now = NOW.getTime();
  const bot = testBot({
    now: () => new Date(now),
    random: prng(7),
    reports,
    quiz,
    links: new FakeLinks(),
    roster: { ...ROSTER },
    teams: TEAMS,
    user: { id: user, name: user },
  });
  const sent: Partial<Activity>[] = [];
  return {
    reports,
    quiz,
    sent,
    async send(activity: string | Partial<Activity>): Promise<Partial<Activity>[]> {
      now += 20_000;
      const messages = await say(bot, activity);
      sent.push(...messages);
      return messages;
    },
  };
}

function attachments(messages: readonly Partial<Activity>[], contentType: string): Attachment[] {
  return messages.flatMap((m) => m.attachments ?? []).filter((a) => a.contentType === contentType);
}

/** What keeps an Adaptive Card from working in Teams, each problem with its path in the card. */
function adaptiveCardProblems(card: unknown): string[] {
  const problems: string[] = [];
  const version = (card as { version?: unknown } | null)?.version;
  const match = typeof version === 'string' ? /^(\d+)\.(\d+)$/.exec(version) : null;
  if (!match || Number(match[1]) !== 1 || Number(match[2]) > 5) problems.push(`version: ${String(version)}`);
  const walk = (node: unknown, path: string): void => {
    if (Array.isArray(node)) {
      node.forEach((item, i) => walk(item, `${path}[${i}]`));
      return;
    }
    if (typeof node !== 'object' || node === null) return;
    const type = (node as { type?: unknown }).type;
    if (typeof type === 'string' && type.startsWith('Action.') && type !== 'Action.Submit')
      problems.push(`${path || 'card'}: ${type}`);
    if ('selectAction' in node && (node.selectAction as { type?: unknown } | null)?.type !== 'Action.Submit')
      problems.push(`${path}.selectAction: not an Action.Submit`);
    for (const [key, value] of Object.entries(node)) walk(value, path ? `${path}.${key}` : key);
  };
  walk(card, '');
  return problems;
}

/** What keeps a hero card's buttons from working everywhere. */
function heroCardProblems(card: unknown): string[] {
  const buttons = (card as { buttons?: { type?: string; value?: unknown }[] } | null)?.buttons ?? [];
  return buttons.flatMap((b, i) => {
    if (!b.type || !HERO_BUTTONS.includes(b.type)) return [`buttons[${i}]: ${String(b.type)}`];
    if (b.type === 'openUrl' && !(typeof b.value === 'string' && /^(tel:|https:\/\/)/.test(b.value)))
      return [`buttons[${i}]: openUrl ${String(b.value)}`];
    return [];
  });
}

function problemsOf(messages: readonly Partial<Activity>[]): string[] {
  return [
    ...attachments(messages, ADAPTIVE).flatMap((a) => adaptiveCardProblems(a.content)),
    ...attachments(messages, HERO).flatMap((a) => heroCardProblems(a.content)),
  ];
}

/** A valid typed answer to the question a card shows, whatever its type. */
function answerTo(card: unknown): string {
  const data = (card as { actions?: { data?: { quiz?: { q?: string } } }[] }).actions?.[0]?.data;
  const question = bank.questions.find((q) => q.id === data?.quiz?.q);
  if (!question) throw new Error(`not a question card: ${JSON.stringify(card)}`);
  if (question.type === 'true-false') return 'vrai';
  if (question.type === 'ordering') return 'ABCDEF'.slice(0, question.steps.length).split('').join(' ');
  return 'A';
}

function questionType(card: unknown): string | undefined {
  const id = (card as { actions?: { data?: { quiz?: { q?: string } } }[] }).actions?.[0]?.data?.quiz?.q;
  return bank.questions.find((q) => q.id === id)?.type;
}

describe('adaptiveCardProblems and heroCardProblems', () => {
  it('find what Teams would not render', () => {
    const card = {
      type: 'AdaptiveCard',
      version: '1.6',
      body: [
        { type: 'ColumnSet', columns: [{ type: 'Column', items: [], selectAction: { type: 'Action.OpenUrl' } }] },
        { type: 'ActionSet', actions: [{ type: 'Action.ShowCard', card: { actions: [{ type: 'Action.Execute' }] } }] },
        { type: 'Input.Text', id: 'x', inlineAction: { type: 'Action.ToggleVisibility' } },
      ],
      actions: [{ type: 'Action.Submit' }, { type: 'Action.OpenUrl', url: 'https://example.org' }],
    };
    expect(adaptiveCardProblems(card)).toEqual([
      'version: 1.6',
      'body[0].columns[0].selectAction: not an Action.Submit',
      'body[0].columns[0].selectAction: Action.OpenUrl',
      'body[1].actions[0]: Action.ShowCard',
      'body[1].actions[0].card.actions[0]: Action.Execute',
      'body[2].inlineAction: Action.ToggleVisibility',
      'actions[1]: Action.OpenUrl',
    ]);
    expect(adaptiveCardProblems({ type: 'AdaptiveCard', version: '1.5', body: [], actions: [] })).toEqual([]);
    expect(adaptiveCardProblems({ type: 'AdaptiveCard', body: [] })).toEqual(['version: undefined']);
    expect(
      heroCardProblems({
        buttons: [
          { type: 'messageBack', value: {} },
          { type: 'openUrl', value: 'tel:+33199000200' },
          { type: 'openUrl', value: 'http://relais.test' },
          { type: 'signin', value: 'https://relais.test' },
        ],
      }),
    ).toEqual(['buttons[2]: openUrl http://relais.test', 'buttons[3]: signin']);
  });
});

describe('Cards Relais sends work in Teams', () => {
  it('quiz questions of every type, the mock exam, the bilan and the trainer view', async () => {
    const trainee = setUp('trainee-1');
    const types = new Set<string>();
    const cards: unknown[] = [];
    let messages = await trainee.send('examen blanc');
    const wanted = new Set(bank.questions.map((q) => q.type));
    const competencies = bank.competencies.map((c) => c.id);
    for (let turn = 0; turn < 200; turn++) {
      const card = attachments(messages, ADAPTIVE)[0]?.content as unknown;
      const type = card === undefined ? undefined : questionType(card);
      if (card !== undefined && type !== undefined) {
        cards.push(card);
        types.add(type);
        messages = await trainee.send(answerTo(card));
        continue;
      }
      if (types.size === wanted.size || competencies.length === 0) break;
      const start = { capability: 'quiz', quiz: { do: 'start', mode: 'practice', competency: competencies.shift() } };
      messages = await trainee.send({ type: 'message', value: start });
    }
    expect([...types].sort()).toEqual([...wanted].sort());

    // A question clicked on its card rather than typed.
    const practice = await trainee.send('quiz ccp1');
    const card = attachments(practice, ADAPTIVE)[0]!.content as { actions: { data: object }[] };
    await trainee.send({ type: 'message', value: { ...card.actions[0]!.data, choices: '0', order: 'A B C D' } });
    await trainee.send('stop');

    const progress = await trainee.send('mon bilan');
    expect(attachments(progress, ADAPTIVE)).toHaveLength(1);

    const trainer = setUp('sup-1', { quiz: trainee.quiz });
    const group = await trainer.send('stats du groupe');
    const view = JSON.stringify(attachments(group, ADAPTIVE)[0]?.content);
    expect(view).toContain('(https://relais.test/quiz/items.csv?t=signed)');

    const sent = [...trainee.sent, ...trainer.sent];
    expect(attachments(sent, ADAPTIVE).length).toBeGreaterThan(cards.length);
    expect(problemsOf(sent)).toEqual([]);
  });

  it("the supervisor's team list, report view and weekly synthesis, with and without reports", async () => {
    const reports = new MemoryReportStore();
    await reports.save(intervention(1, days(-1, 18)));
    await reports.save(report(2, { at: days(-2, 9), author: { id: 'agent-2', name: 'Inès' } }));
    const supervisor = setUp('sup-1', { reports });
    const list = await supervisor.send("les fiches de l'équipe");
    const open = buttonValues(list[0]).find((v) => JSON.stringify(v).includes('"open"'));
    expect(open).toBeDefined();
    await supervisor.send({ type: 'message', text: 'Ouvrir', value: open });
    const thisWeek = await supervisor.send('synthèse de la semaine');
    const lastMonth = await supervisor.send('synthèse du mois dernier');
    const syntheses = [...thisWeek, ...lastMonth].flatMap((m) => attachments([m], ADAPTIVE));
    expect(syntheses).toHaveLength(2);
    for (const synthesis of syntheses)
      expect(JSON.stringify(synthesis.content)).toContain('(https://relais.test/reports/synthesis?t=signed)');
    await supervisor.send('export csv de la semaine');
    expect(attachments(supervisor.sent, HERO).length).toBeGreaterThan(0);
    expect(problemsOf(supervisor.sent)).toEqual([]);
  });

  it('orientation answers, the closest situations as choices, the alert call, rules and a report form', async () => {
    const agent = setUp('agent-1');
    const answer = await agent.send("ça sent le gaz dans le hall de l'immeuble");
    await agent.send('objets trouvés');
    const choices = { capability: 'orientation', show: 'alternatives', alternatives: ['stray-dog', 'lost-child'] };
    const offered = await agent.send({ type: 'message', value: choices });
    expect(attachments(offered, HERO)).toHaveLength(1);
    await agent.send('aide-moi à passer l’appel');
    await agent.send('annuler');
    await agent.send('un mec fume dans le bus');
    await agent.send('comment je lui explique ?');
    await agent.send('annuler');
    const report = buttonValues(answer.at(-1)).find((v) => (v as { capability?: string }).capability === 'report');
    expect(report).toBeDefined();
    await agent.send({ type: 'message', text: 'Rédiger la fiche', value: report });
    await agent.send('gare centrale');
    expect(attachments(agent.sent, HERO).length).toBeGreaterThan(3);
    expect(problemsOf(agent.sent)).toEqual([]);
  });

  it('the welcome and the menu use suggested actions that send text back', async () => {
    const agent = setUp('agent-1');
    await agent.send('menu');
    const actions = agent.sent.flatMap((m) => m.suggestedActions?.actions ?? []);
    expect(actions.length).toBeGreaterThan(0);
    expect(actions.every((a) => a.type === 'imBack')).toBe(true);
  });
});
