import type { Activity } from 'botbuilder';
import { MemoryReportStore, type Report } from '../../src/reports';
import { buttonTitles, buttonValues, content, messageText, say, testBot } from '../helpers';

const { knowledge, catalogue } = content();
const text = (key: string, vars?: Record<string, string | number>) => knowledge.messages.text('fr', key, vars);
const form = (id: string) => catalogue.forms.find((f) => f.id === id)!;
const label = (formId: string, field: string) => form(formId).fields.find((f) => f.id === field)!.label.fr;
const click = (title: string, value: object): Partial<Activity> => ({ type: 'message', text: title, value });
const act = (report: object) => ({ capability: 'report', report });
const NOW = new Date(2026, 10, 26, 14, 30);

function reportBot(options: Parameters<typeof testBot>[0] = {}) {
  const reports = new MemoryReportStore();
  let seed = 1;
  const bot = testBot({ now: () => NOW, random: () => (seed++ * 0.1234567) % 1, reports, ...options });
  return { bot, reports };
}
const all = (messages: Partial<Activity>[]) => messages.map(messageText).join('\n\n');

describe('ReportDialog: a main courante entry from start to save', () => {
  it('asks one question per turn, checks answers, guards personal data, and saves a submitted report', async () => {
    const { bot, reports } = reportBot();
    const started = all(await say(bot, 'je veux remplir la main courante'));
    expect(started).toContain(form('main-courante').title.fr);
    expect(started).toContain('Déjà rempli'); // the time, from the clock
    expect(started).toContain(label('main-courante', 'place'));

    const event = await say(bot, 'gare centrale');
    expect(messageText(event[0])).toContain(label('main-courante', 'event'));
    expect(buttonTitles(event[0])).toContain('Ronde');

    expect(all(await say(bot, 'rnde'))).toContain(label('main-courante', 'description')); // a typo still picks "Ronde"
    const tooShort = all(await say(bot, 'rien'));
    expect(tooShort).toContain(
      form('main-courante').fields.find((f) => f.id === 'description')!.constraint!.message.fr,
    );

    const flagged = await say(bot, 'Ronde au parc, M. Durand au 06 12 34 56 78 signale un banc cassé');
    expect(messageText(flagged[0])).toContain('données personnelles');
    expect(buttonValues(flagged[0])).toEqual([act({ do: 'replace' }), act({ do: 'keep' }), act({ do: 'retype' })]);
    expect(all(await say(bot, click(text('report.buttons.replace'), act({ do: 'replace' }))))).toContain(
      label('main-courante', 'action'),
    );

    await say(bot, 'passer');
    await say(bot, 'passer');
    const summary = await say(bot, 'passer');
    expect(messageText(summary[0])).toContain(text('report.summary', { title: form('main-courante').title.fr }));
    expect(messageText(summary[0])).toContain('Gare centrale de Val-de-Relais');
    expect(buttonValues(summary[0])).toContainEqual(act({ do: 'save' }));

    const saved = all(await say(bot, click(text('report.buttons.save'), act({ do: 'save' }))));
    expect(saved).toContain('✅');
    const [report] = await reports.list({});
    expect(report).toMatchObject({
      form: 'main-courante',
      status: 'submitted',
      team: 'default',
      redactions: 2,
      place: { id: 'gare-centrale' },
      answers: { event: 'ronde', time: NOW.toISOString() },
      skipped: ['action', 'partner', 'binome'],
    });
    expect(report!.answers.description).toBe('Ronde au parc, [personne] au [numéro retiré] signale un banc cassé');
    expect(saved).toContain(report!.id);
  });
});

describe('ReportDialog: from an orientation answer, skip logic, drafts', () => {
  it('pre-fills the situation and place, skips what does not apply, keeps the draft on cancel and resumes it', async () => {
    const { bot, reports } = reportBot();
    const answer = await say(bot, "l'ascenseur est en panne à la cité des tilleuls, personne dedans");
    const reportButton = buttonValues(answer.at(-1)).find(
      (v) => (v as { capability?: string }).capability === 'report',
    );
    expect(reportButton).toEqual({ capability: 'report', form: 'veille-technique', situation: 'lift-breakdown' });

    const started = all(await say(bot, click('Rédiger la fiche', reportButton as object)));
    expect(started).toContain(form('veille-technique').title.fr);
    expect(started).toContain(label('veille-technique', 'equipment'));
    await say(bot, 'ascenseur');
    await say(bot, 'bâtiment C, ascenseur 2');
    await say(bot, 'cité des tilleuls');
    const danger = all(await say(bot, 'La cabine est bloquée au 3e étage, porte ouverte'));
    expect(danger).toContain(label('veille-technique', 'danger'));
    // No danger: the danger detail and the measures taken are not asked.
    expect(all(await say(bot, 'non'))).toContain(label('veille-technique', 'owner'));

    const leave = await say(bot, 'annuler');
    expect(messageText(leave[0])).toBe(text('report.cancelAsk'));
    const kept = all(await say(bot, click(text('report.buttons.keepDraft'), act({ do: 'keep-draft' }))));
    expect(kept).toContain('Brouillon gardé');
    const [draft] = await reports.list({ statuses: ['draft'] });
    expect(draft).toMatchObject({ form: 'veille-technique', answers: { equipment: 'ascenseur', danger: false } });
    expect(draft!.answers).not.toHaveProperty('danger-detail');
    expect(draft!.place).toEqual({ id: 'cite-des-tilleuls', text: 'Cité des Tilleuls' });

    const drafts = await say(bot, 'mes brouillons');
    expect(messageText(drafts[0])).toContain(text('report.drafts', { count: 1 }));
    const resumed = all(await say(bot, click('Reprendre', buttonValues(drafts[0])[0] as object)));
    expect(resumed).toContain(text('report.resumed', { title: form('veille-technique').title.fr, answered: 6 }));
    expect(resumed).toContain(label('veille-technique', 'owner'));
  });

  it('answers an emergency at once from inside the form, and the form goes on', async () => {
    const { bot } = reportBot();
    await say(bot, 'je veux remplir la main courante');
    const emergency = all(await say(bot, 'il ne respire plus'));
    expect(emergency).toMatch(/15|112/);
    expect(all(await say(bot, 'gare centrale'))).toContain(label('main-courante', 'event'));
  });

  it('after three failed answers explains the question and offers to keep the draft', async () => {
    const { bot } = reportBot();
    await say(bot, 'je veux remplir la main courante');
    await say(bot, 'passer');
    await say(bot, 'ronde');
    await say(bot, 'rien');
    await say(bot, 'rien');
    const third = await say(bot, 'rien');
    expect(messageText(third[0])).toContain(text('report.requiredDraft'));
    expect(buttonValues(third[0])).toEqual([act({ do: 'pause' })]);
  });

  it('lists only the agent’s own reports', async () => {
    const { bot, reports } = reportBot();
    const other: Report = {
      id: '20261125-00000001',
      form: 'main-courante',
      status: 'submitted',
      author: { id: 'someone-else' },
      team: 'default',
      created_at: NOW.toISOString(),
      updated_at: NOW.toISOString(),
      answers: {},
      skipped: [],
      prefilled: [],
      redactions: 0,
    };
    await reports.save(other);
    expect(messageText((await say(bot, 'mes fiches'))[0])).toContain(text('report.mineNone'));
  });

  it.each([
    ['trainee', { roster: { user1: 'trainee' as const } }],
    ['public', { route: 'kiosk' as const }],
  ])('refuses the %s role', async (_role, options) => {
    const { bot, reports } = reportBot(options);
    const reply = all(await say(bot, { type: 'message', text: 'mes fiches', from: { id: 'user1', name: 'U' } }));
    expect(reply).toContain(text('roles.notAllowed'));
    await say(bot, { type: 'message', text: 'je veux remplir la main courante', from: { id: 'user1', name: 'U' } });
    expect(await reports.list({})).toEqual([]);
  });
});
