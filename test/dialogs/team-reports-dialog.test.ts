import type { Activity } from 'botbuilder';
import type { ReportLinks } from '../../src/dialogs';
import { MemoryReportStore, type TeamQuery } from '../../src/reports';
import { buttonValues, content, messageText, say, testBot } from '../helpers';
import { intervention, report } from '../reports/sample-reports';

const { knowledge } = content();
const text = (key: string, vars?: Record<string, string | number>) => knowledge.messages.text('fr', key, vars);
const click = (title: string, value: object): Partial<Activity> => ({ type: 'message', text: title, value });
const team = (action: object) => ({ capability: 'report', team: action });
const all = (messages: Partial<Activity>[]) => messages.map(messageText).join('\n\n');
/** Thursday 26 November 2026, 14:30 in Paris. */
const NOW = new Date(2026, 10, 26, 14, 30);
const days = (n: number, hour = 10) => new Date(2026, 10, 26 + n, hour, 0);

const ROSTER = { 'sup-1': 'supervisor', 'agent-1': 'agent', 'agent-2': 'agent', 'sup-2': 'supervisor' } as const;
const TEAMS = { 'sup-1': 'nord', 'agent-1': 'nord', 'agent-2': 'nord', 'sup-2': 'sud' };

class RecordedLinks implements ReportLinks {
  readonly minutes = 30;
  readonly asked: { kind: string; team: string; query: TeamQuery }[] = [];
  csv(team: string, query: TeamQuery): string {
    this.asked.push({ kind: 'csv', team, query });
    return 'https://relais.test/reports/export.csv?t=signed';
  }
  synthesis(team: string, query: TeamQuery): string {
    this.asked.push({ kind: 'synthesis', team, query });
    return 'https://relais.test/reports/synthesis?t=signed';
  }
}

function setUp() {
  const reports = new MemoryReportStore();
  const links = new RecordedLinks();
  const as = (id: keyof typeof ROSTER, name: string) =>
    testBot({ now: () => NOW, reports, links, roster: { ...ROSTER }, teams: TEAMS, user: { id, name } });
  return {
    reports,
    links,
    supervisor: as('sup-1', 'Claire'),
    agent: as('agent-1', 'Samir'),
    other: as('sup-2', 'Yann'),
  };
}

async function seed(reports: MemoryReportStore) {
  await reports.save(intervention(1, days(-1, 18)));
  await reports.save(report(2, { at: days(-2, 9), author: { id: 'agent-2', name: 'Inès' } }));
  await reports.save(report(3, { at: days(-3), status: 'validated' }));
  await reports.save(report(4, { at: days(0), status: 'draft' })); // the agent's own, unsent
  await reports.save(intervention(5, days(-1), { team: 'sud', author: { id: 'agent-9', name: 'Léo' } }));
  await reports.save(report(6, { at: days(-40) })); // outside the default period
}

describe('TeamReportsDialog: the supervisor lists, filters and opens the team’s reports', () => {
  it('lists the last 7 days of sent reports of their team only, newest first, and filters by status', async () => {
    const { reports, supervisor } = setUp();
    await seed(reports);
    const list = await say(supervisor, "les fiches de l'équipe");
    const shown = messageText(list[0]);
    expect(shown).toContain(
      text('report.team.list', { team: 'nord', filters: 'du 20/11/2026 au 26/11/2026', count: 3 }),
    );
    expect(shown.indexOf('1. 25/11/2026 18:00')).toBeGreaterThan(-1);
    expect(shown).toContain('Inès');
    expect(shown).not.toContain('Léo'); // another team
    expect(shown).not.toContain('19/10/2026'); // older than the default period
    expect(shown).not.toContain(text('report.status.draft'));
    expect(buttonValues(list[0])).toContainEqual(team({ open: intervention(1, days(-1, 18)).id }));

    const pending = messageText((await say(supervisor, 'seulement celles à valider'))[0]);
    expect(pending).toMatch(/: 2$/m);
    expect(pending).toContain(text('report.status.submitted'));

    // A message that is not about the team's reports goes to the router, in the same turn.
    expect(all(await say(supervisor, 'numéro du CCAS'))).toContain('CCAS');
    expect(all(await say(supervisor, '2'))).not.toContain('Ronde au parc'); // the list is closed
    expect(pending).not.toContain(`· ${text('report.status.validated')}`);
  });

  it('reads periods, forms and places in the request', async () => {
    const { reports, supervisor } = setUp();
    await seed(reports);
    const shown = messageText((await say(supervisor, "fiches d'intervention de la gare ce mois-ci"))[0]);
    expect(shown).toContain('du 01/11/2026 au 30/11/2026');
    expect(shown).toContain("Fiche d'intervention");
    expect(shown).toContain('Gare centrale de Val-de-Relais');
    expect(shown).toMatch(/: 1$/m);
  });

  it('opens a report by its number in the list, and never one of another team', async () => {
    const { reports, supervisor } = setUp();
    await seed(reports);
    await say(supervisor, "fiches de l'équipe");
    const opened = all(await say(supervisor, '1'));
    expect(opened).toContain('Deux voyageurs se disputent');
    expect(opened).toContain('17 (police / gendarmerie)');
    const sud = intervention(5, days(-1), { team: 'sud' }).id;
    expect(all(await say(supervisor, `ouvrir ${sud}`))).toContain(text('report.team.notFound'));
  });
});

describe('TeamReportsDialog: reviews, and the agent told at their next message', () => {
  it('sends a report back with a comment; the agent is told once, revises it and sends it again', async () => {
    const { reports, supervisor, agent } = setUp();
    const sent = intervention(1, days(-1, 18));
    await reports.save(sent);
    await say(supervisor, "fiches de l'équipe");
    await say(supervisor, click('Ouvrir 1', team({ open: sent.id })));
    const ask = all(await say(supervisor, click(text('report.team.buttons.revise'), team({ do: 'revise' }))));
    expect(ask).toContain(text('report.team.askRevise', { author: 'Samir' }));
    const done = all(await say(supervisor, "Précisez l'heure d'arrivée de la police."));
    expect(done).toContain(text('report.team.revised', { id: sent.id, author: 'Samir' }));
    expect(await reports.get(sent.id)).toMatchObject({
      status: 'to-revise',
      review: {
        status: 'to-revise',
        by: { id: 'sup-1', name: 'Claire' },
        comment: "Précisez l'heure d'arrivée de la police.",
      },
    });

    const told = await say(agent, 'bonjour');
    expect(messageText(told[0])).toContain('est à reprendre');
    expect(messageText(told[0])).toContain("Précisez l'heure d'arrivée de la police.");
    const resume = buttonValues(told[0])[0] as object;
    expect(resume).toEqual({ capability: 'report', report: { resume: sent.id } });
    expect((await reports.get(sent.id))?.review?.seen_at).toBe(NOW.toISOString());
    expect(all(await say(agent, 'bonjour'))).not.toContain('est à reprendre'); // told once

    const reopened = all(await say(agent, click('Reprendre', resume)));
    expect(reopened).toContain('Fiche à reprendre');
    expect(reopened).toContain(text('report.summary', { title: "Fiche d'intervention" }));
    await say(agent, click('Enregistrer', { capability: 'report', report: { do: 'save' } }));
    expect(await reports.get(sent.id)).toMatchObject({ status: 'submitted', review: { status: 'to-revise' } });
  });

  it('validates without a comment, and a report to revise needs one', async () => {
    const { reports, supervisor, agent } = setUp();
    const sent = report(2, { at: days(-2) });
    await reports.save(sent);
    await say(supervisor, click('Ouvrir', team({ open: sent.id })));
    await say(supervisor, click('À reprendre', team({ do: 'revise' })));
    expect(all(await say(supervisor, '   passer '))).toContain(text('report.team.commentNeeded'));
    await say(supervisor, click('Valider', team({ do: 'validate' })));
    const validated = all(await say(supervisor, click('Sans commentaire', team({ do: 'no-comment' }))));
    expect(validated).toContain(text('report.team.validated', { id: sent.id, author: 'Samir' }));
    expect((await reports.get(sent.id))?.status).toBe('validated');
    expect(all(await say(agent, 'salut'))).toContain('a été validée par Claire');
  });

  it('tells an agent in the middle of a form, who may switch to the report to revise and back', async () => {
    const { reports, supervisor, agent } = setUp();
    const sent = report(2, { at: days(-2) });
    await reports.save(sent);
    const started = all(await say(agent, 'je veux remplir la main courante'));
    expect(started).toContain('Main courante');
    const [draft] = await reports.list({ author: 'agent-1', statuses: ['draft'] });
    await say(supervisor, click('Ouvrir', team({ open: sent.id })));
    await say(supervisor, click('À reprendre', team({ do: 'revise' })));
    await say(supervisor, 'Il manque le lieu.');

    const told = await say(agent, 'gare centrale'); // the answer to the form's question, and the notice before it
    expect(messageText(told[0])).toContain('Il manque le lieu.');
    expect(all(told.slice(1))).toContain('Quel est l'.slice(0, 4));
    const switched = all(await say(agent, click('Reprendre', buttonValues(told[0])[0] as object)));
    expect(switched).toContain('Fiche à reprendre');
    expect((await reports.get(draft!.id))?.answers.place).toMatchObject({ id: 'gare-centrale' }); // kept
    // A later stale team button does not answer the form: the draft is kept and the button is routed.
    expect(all(await say(agent, click('Ouvrir', team({ open: sent.id }))))).toContain(
      text('report.team.onlySupervisors'),
    );
    expect(all(await say(agent, 'mes fiches à reprendre'))).not.toContain(text('report.team.onlySupervisors'));
  });

  it('refuses the team screens to agents, and a draft cannot be reviewed', async () => {
    const { reports, agent, supervisor } = setUp();
    await seed(reports);
    expect(all(await say(agent, "fiches de l'équipe à valider"))).toContain(text('report.team.onlySupervisors'));
    expect(all(await say(agent, click('Fiches', team({}))))).toContain(text('report.team.onlySupervisors'));
    const draft = report(4, { at: days(0), status: 'draft' }).id;
    await say(supervisor, click('Ouvrir', team({ open: draft })));
    expect(all(await say(supervisor, 'valider'))).toContain(text('report.team.notSubmitted'));
  });
});

describe('TeamReportsDialog: export and weekly synthesis', () => {
  it('gives a signed CSV link for the filters asked, and says when there is nothing to export', async () => {
    const { reports, supervisor, links } = setUp();
    await seed(reports);
    const exported = all(await say(supervisor, "export csv des fiches d'intervention"));
    expect(exported).toContain('https://relais.test/reports/export.csv?t=signed');
    expect(exported).toContain(
      text('report.team.export', { count: 1, url: 'https://relais.test/reports/export.csv?t=signed', minutes: 30 }),
    );
    expect(links.asked).toEqual([{ kind: 'csv', team: 'nord', query: { forms: ['intervention'] } }]);
    expect(all(await say(supervisor, 'export des fiches à reprendre'))).toContain(
      text('report.team.exportNone', { filters: 'toutes dates, à reprendre' }),
    );
    // A follow-up refines the last export: the same status, now last month.
    expect(all(await say(supervisor, 'et le mois dernier ?'))).toContain(
      text('report.team.exportNone', { filters: 'du 01/10/2026 au 31/10/2026, à reprendre' }),
    );
  });

  it('sums up last week as an Adaptive Card with a link to the charts', async () => {
    const { reports, supervisor, links } = setUp();
    await seed(reports);
    const [card, after] = await say(supervisor, 'synthèse de la semaine dernière');
    const attachment = card?.attachments?.[0];
    expect(attachment?.contentType).toBe('application/vnd.microsoft.card.adaptive');
    const json = JSON.stringify(attachment?.content);
    expect(json).toContain(text('synthesis.title', { team: 'nord' }));
    expect(json).toContain('Du 16/11/2026 au 22/11/2026');
    expect(json).toContain(text('synthesis.none')); // the seeded reports are all of this week
    // The page is a markdown link in the card's text: Teams cards keep to Action.Submit.
    expect(json).toContain(
      `[${text('report.team.buttons.synthesis')}](https://relais.test/reports/synthesis?t=signed)`,
    );
    expect(json).not.toContain('Action.OpenUrl');
    expect(messageText(after)).toContain('https://relais.test/reports/synthesis?t=signed');
    expect(links.asked[0]).toMatchObject({ kind: 'synthesis', team: 'nord' });

    const [thisWeek] = await say(supervisor, 'et cette semaine ?');
    const facts = JSON.stringify(thisWeek?.attachments?.[0]?.content);
    expect(facts).toContain(`"title":"${text('synthesis.total')}","value":"3"`);
    expect(facts).toContain(`"title":"17 (police / gendarmerie)","value":"1"`);
  });
});
