import { ReportFlow } from '../../src/dialogs';
import { TeamRequestReader, type TeamRequest } from '../../src/nlu';
import { content } from '../helpers';

const { catalogue, orientation } = content();
const flow = ReportFlow.parse(catalogue.capabilities.find((d) => d.id === 'report')!.flow);
const reader = new TeamRequestReader({
  words: { ...flow.team.words, statuses: flow.team.statuses, periods: flow.team.periods },
  forms: catalogue.forms.map((f) => ({ id: f.id, names: [f.id.replace(/-/g, ' '), f.title.fr, f.title.en] })),
  places: orientation.directory.territory.places,
});
/** Thursday 26 November 2026, 14:30 (jest runs in Europe/Paris). */
const NOW = new Date(2026, 10, 26, 14, 30);
const days = (r: TeamRequest) =>
  r.period && [r.period.from.toLocaleDateString('fr-FR'), r.period.to.toLocaleDateString('fr-FR')];

describe('TeamRequestReader', () => {
  it.each<[string, Partial<TeamRequest>, string[] | undefined]>([
    ["les fiches de l'équipe", { team: true, list: true }, undefined],
    ['synthèse de la semaine dernière', { action: 'synthesis' }, ['16/11/2026', '23/11/2026']],
    ['export csv des fiches du mois dernier', { action: 'export' }, ['01/10/2026', '01/11/2026']],
    ['fiches à valider depuis lundi', { statuses: ['submitted'] }, ['23/11/2026', '27/11/2026']],
    ['les fiches du 2 au 8 novembre', { list: true }, ['02/11/2026', '09/11/2026']],
    ['rapports des 30 derniers jours', { list: true }, ['28/10/2026', '27/11/2026']],
    ["main courante d'hier", { forms: ['main-courante'] }, ['25/11/2026', '26/11/2026']],
    [
      'fiches de veille technique aux Tilleuls',
      { forms: ['veille-technique'], place: { id: 'cite-des-tilleuls', text: 'Cité des Tilleuls' } },
      undefined,
    ],
    ['weekly summary for last week', { action: 'synthesis' }, ['16/11/2026', '23/11/2026']],
    ['team reports to validate today', { team: true, statuses: ['submitted'] }, ['26/11/2026', '27/11/2026']],
    ['FICHES A REPRENDRE', { statuses: ['to-revise'] }, undefined],
  ])('%s', (text, expected, period) => {
    const request = reader.read(text, text.match(/[a-z]+ (reports|summary)/) ? 'en' : 'fr', NOW);
    expect(request).toMatchObject(expected);
    expect(days(request)).toEqual(period);
  });

  it('finds a report id, and does not take its digits for a date', () => {
    const request = reader.read('ouvre la fiche 20261124-0000abcd', 'fr', NOW);
    expect(request.reportId).toBe('20261124-0000abcd');
    expect(request.period).toBeUndefined();
  });

  it('reads nothing in words that are not a request about reports', () => {
    for (const text of ['bonjour', "l'ascenseur est en panne", '', '!!!'])
      expect(reader.read(text, 'fr', NOW)).toEqual({ team: false, list: false });
  });
});
