import { CardFactory, type Attachment } from 'botbuilder';
import type { Locale } from '../content';
import {
  formatDateTime,
  formatPeriod,
  keyFigures,
  type Form,
  type SynthesisText,
  type Synthesis,
  type Tally,
} from '../reports';

const SHOWN = 5;

/**
 * The weekly synthesis as an Adaptive Card (1.5): key figures, reports by type, the busiest places and hours,
 * services called and notable cases, with a markdown link to the page with charts when there is one.
 */
export function synthesisCard(
  synthesis: Synthesis,
  forms: readonly Form[],
  locale: Locale,
  t: SynthesisText,
  team: string,
  pageUrl?: string,
): Attachment {
  const body: object[] = [
    { type: 'TextBlock', text: t('synthesis.title', { team }), weight: 'Bolder', size: 'Medium', wrap: true },
    {
      type: 'TextBlock',
      text: t('synthesis.period', formatPeriod(synthesis.from, synthesis.to, locale)),
      isSubtle: true,
      spacing: 'None',
      wrap: true,
    },
  ];
  if (synthesis.total === 0) body.push({ type: 'TextBlock', text: t('synthesis.none'), wrap: true });
  else {
    body.push(
      facts(keyFigures(synthesis).map(([key, n]) => [t(key), n])),
      ...tallies(t('synthesis.byForm'), synthesis.byForm, locale, t),
      ...tallies(t('report.team.card.topPlaces'), synthesis.byPlace, locale, t),
      ...tallies(t('report.team.card.busiestHours'), busiestHours(synthesis.byHour), locale, t),
      ...(synthesis.services.length > 0
        ? tallies(t('synthesis.services'), synthesis.services, locale, t)
        : [heading(t('synthesis.services')), { type: 'TextBlock', text: t('synthesis.noServices'), wrap: true }]),
      heading(t('synthesis.notable')),
      ...(synthesis.notable.length === 0
        ? [{ type: 'TextBlock', text: t('synthesis.nothing'), wrap: true }]
        : synthesis.notable.slice(0, SHOWN).map((c) => ({
            type: 'TextBlock',
            wrap: true,
            spacing: 'Small',
            text: `${formatDateTime(c.at, locale)} · ${forms.find((f) => f.id === c.form)?.title[locale] ?? c.form}${c.place ? ` · ${c.place}` : ''} · ${c.author}`,
          }))),
    );
  }
  // A link in the text rather than Action.OpenUrl: cards keep to Action.Submit, and Teams and Web Chat open it.
  if (pageUrl)
    body.push({
      type: 'TextBlock',
      text: `[${t('report.team.buttons.synthesis')}](${pageUrl})`,
      wrap: true,
      spacing: 'Medium',
    });
  return CardFactory.adaptiveCard({
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    type: 'AdaptiveCard',
    version: '1.5',
    body,
  });
}

function heading(text: string): object {
  return { type: 'TextBlock', text, weight: 'Bolder', spacing: 'Medium', wrap: true };
}

function facts(rows: readonly [string, number | string][]): object {
  return { type: 'FactSet', facts: rows.map(([title, value]) => ({ title, value: String(value) })) };
}

function tallies(title: string, list: readonly Tally[], locale: Locale, t: SynthesisText): object[] {
  if (list.length === 0) return [];
  const rows: [string, number | string][] = list.slice(0, SHOWN).map((x) => [x.label[locale], x.count]);
  if (list.length > SHOWN) rows.push([t('report.team.card.more', { count: list.length - SHOWN }), '']);
  return [heading(title), facts(rows)];
}

/** The three busiest hours of the day, as "14h–15h". */
function busiestHours(byHour: readonly number[]): Tally[] {
  return byHour
    .map((count, h) => ({ id: String(h), label: { fr: `${h}h–${h + 1}h`, en: `${h}:00–${h + 1}:00` }, count }))
    .filter((x) => x.count > 0)
    .sort((a, b) => b.count - a.count || Number(a.id) - Number(b.id))
    .slice(0, 3);
}
