import { namedPeriod, renderSynthesisPage, reviewReport, synthesise } from '../../src/reports';
import { content } from '../helpers';
import { intervention, report } from './sample-reports';

const { catalogue, knowledge } = content();
const NOW = new Date(2026, 10, 26, 14, 30);
const WEEK = namedPeriod('this-week', NOW);
const at = (day: number, hour: number) => new Date(2026, 10, day, hour, 0);

function week() {
  return [
    intervention(1, at(23, 18)),
    intervention(2, at(24, 18), {
      answers: {
        ...intervention(2, at(24, 18)).answers,
        'services-alerted': ['aucun'],
        'follow-up-needed': false,
        outcome: 'resolu',
        type: 'information-orientation',
      },
    }),
    report(3, {
      at: at(25, 9),
      place: { text: 'Parvis <b>mairie</b>' },
      answers: { time: at(24, 22).toISOString(), event: 'incident', description: 'Altercation verbale.' },
    }),
    reviewReport(report(4, { at: at(26, 8) }), { status: 'to-revise', by: { id: 's' }, comment: 'Lieu ?' }, NOW),
    report(5, { at: at(26, 9), status: 'draft' }),
    report(6, { at: at(20, 9) }), // the week before
  ];
}

describe('synthesise', () => {
  it('counts the week’s sent reports by type, place, hour and day, from the time of the events', () => {
    const s = synthesise(week(), catalogue.forms, WEEK);
    expect(s.total).toBe(4);
    expect(s.byStatus).toEqual({ draft: 0, submitted: 3, validated: 0, 'to-revise': 1 });
    expect(s.byForm.map((t) => [t.id, t.count])).toEqual([
      ['intervention', 2],
      ['main-courante', 2],
    ]);
    expect(s.byForm[0]!.label.fr).toBe("Fiche d'intervention");
    expect(s.byPlace.map((t) => [t.label.fr, t.count])).toEqual([
      ['Gare centrale de Val-de-Relais', 2],
      ['Parvis <b>mairie</b>', 1],
    ]);
    expect(s.byHour[18]).toBe(2);
    expect(s.byHour[22]).toBe(1); // the main courante's own time, not when it was written
    expect(s.byHour[8]).toBe(1);
    expect(s.byWeekday).toEqual([1, 2, 0, 1, 0, 0, 0]);
  });

  it('lists services called without "aucun", open follow-ups and notable cases from each form’s rules', () => {
    const s = synthesise(week(), catalogue.forms, WEEK);
    expect(s.services.map((t) => [t.id, t.count])).toEqual([['police-17', 1]]);
    expect(s.followUps.map((c) => c.id).sort()).toEqual(
      [intervention(1, at(23, 18)).id, report(4, { at: at(26, 8) }).id].sort(),
    );
    expect(s.notable.map((c) => c.id).sort()).toEqual(
      [intervention(1, at(23, 18)).id, report(3, { at: at(25, 9) }).id].sort(),
    );
  });

  it('renders an HTML page with ECharts SVG charts, escaped text and no script', () => {
    const t = (key: string, vars?: Readonly<Record<string, string | number>>) =>
      knowledge.messages.text('fr', key, vars);
    const html = renderSynthesisPage(synthesise(week(), catalogue.forms, WEEK), catalogue.forms, 'fr', t, 'nord');
    expect(html).toContain('<html lang="fr">');
    expect(html).toContain('Du 23/11/2026 au 29/11/2026');
    expect(html.match(/<svg /g)).toHaveLength(5);
    expect(html).not.toContain('<b>mairie');
    expect(html).toContain('Parvis &#60;b&#62;mairie&#60;/b&#62;');
    expect(html).not.toMatch(/<script/i);
    expect(html).toContain(t('synthesis.notable'));

    const empty = renderSynthesisPage(synthesise([], catalogue.forms, WEEK), catalogue.forms, 'en', t, 'nord');
    expect(empty).toContain(t('synthesis.none'));
    expect(empty).not.toContain('<svg');
  });
});
