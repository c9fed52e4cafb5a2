import * as echarts from 'echarts';
import type { Locale } from '../content';
import { formatDateTime, formatPeriod } from './form-engine';
import type { Form } from './form';
import { keyFigures, type CaseLine, type Synthesis, type Tally } from './weekly-synthesis';

/** The sentences of the synthesis (page and card), from content (knowledge/messages, `synthesis.*`). */
export type SynthesisText = (key: string, vars?: Readonly<Record<string, string | number>>) => string;

const WIDTH = 640;
const HEIGHT = 300;
const COLOUR = '#2b5797';

/**
 * The weekly synthesis as a self-contained HTML page for the team meeting: figures, the charts drawn by Apache
 * ECharts on the server (SVG, no script in the page, so it prints and opens offline), follow-ups and notable cases.
 */
export function renderSynthesisPage(
  synthesis: Synthesis,
  forms: readonly Form[],
  locale: Locale,
  t: SynthesisText,
  team: string,
): string {
  const period = t('synthesis.period', formatPeriod(synthesis.from, synthesis.to, locale));
  const title = t('synthesis.title', { team });
  const formTitle = (id: string) => forms.find((f) => f.id === id)?.title[locale] ?? id;
  const hours = synthesis.byHour.map((_, h) => `${h}h`);
  const weekdays = t('synthesis.weekdays').split(',');
  const sections =
    synthesis.total === 0
      ? [`<p>${escapeHtml(t('synthesis.none'))}</p>`]
      : [
          figures(synthesis, t),
          chart(t('synthesis.byForm'), bars(synthesis.byForm, locale)),
          chart(t('synthesis.byHour'), columns(hours, synthesis.byHour)),
          chart(t('synthesis.byWeekday'), columns(weekdays, synthesis.byWeekday)),
          chart(t('synthesis.byPlace'), bars(synthesis.byPlace.slice(0, 10), locale)),
          synthesis.services.length > 0
            ? chart(t('synthesis.services'), bars(synthesis.services.slice(0, 10), locale))
            : section(t('synthesis.services'), `<p>${escapeHtml(t('synthesis.noServices'))}</p>`),
          cases(t('synthesis.followUps'), synthesis.followUps, formTitle, locale, t),
          cases(t('synthesis.notable'), synthesis.notable, formTitle, locale, t),
        ];
  return `<!doctype html>
<html lang="${locale}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>
body { font-family: system-ui, sans-serif; margin: 1.5rem auto; max-width: 46rem; padding: 0 1rem; color: #1b1b1b; }
h1 { font-size: 1.5rem; margin-bottom: 0.25rem; } h2 { font-size: 1.15rem; margin-top: 2rem; }
.period { color: #555; margin-top: 0; } svg { max-width: 100%; height: auto; }
dl { display: grid; grid-template-columns: auto 1fr; gap: 0.25rem 1rem; } dt { font-weight: 600; } dd { margin: 0; }
table { border-collapse: collapse; width: 100%; } th, td { border-bottom: 1px solid #ddd; padding: 0.3rem; text-align: left; }
</style>
</head>
<body>
<h1>${escapeHtml(title)}</h1>
<p class="period">${escapeHtml(period)}</p>
${sections.join('\n')}
</body>
</html>
`;
}

function figures(synthesis: Synthesis, t: SynthesisText): string {
  const rows = keyFigures(synthesis).map(([key, n]) => [t(key), n] as const);
  const items = rows.map(([name, n]) => `<dt>${escapeHtml(name)}</dt><dd>${n}</dd>`).join('');
  return section(t('synthesis.figures'), `<dl>${items}</dl>`);
}

function cases(
  heading: string,
  lines: readonly CaseLine[],
  formTitle: (id: string) => string,
  locale: Locale,
  t: SynthesisText,
): string {
  if (lines.length === 0) return section(heading, `<p>${escapeHtml(t('synthesis.nothing'))}</p>`);
  const head = ['caseDate', 'caseForm', 'casePlace', 'caseAuthor', 'caseStatus']
    .map((k) => `<th>${escapeHtml(t(`synthesis.${k}`))}</th>`)
    .join('');
  const rows = lines
    .map((c) =>
      [formatDateTime(c.at, locale), formTitle(c.form), c.place ?? '', c.author, t(`report.status.${c.status}`)]
        .map((cell) => `<td>${escapeHtml(cell)}</td>`)
        .join(''),
    )
    .map((cells, i) => `<tr id="${escapeHtml(lines[i]!.id)}">${cells}</tr>`)
    .join('\n');
  return section(heading, `<table><thead><tr>${head}</tr></thead><tbody>\n${rows}\n</tbody></table>`);
}

function section(heading: string, body: string): string {
  return `<section><h2>${escapeHtml(heading)}</h2>\n${body}</section>`;
}

function chart(heading: string, option: echarts.EChartsOption): string {
  return section(heading, renderSvg(option));
}

/** Horizontal bars, the largest on top. */
function bars(tallies: readonly Tally[], locale: Locale): echarts.EChartsOption {
  const shown = [...tallies].reverse();
  return {
    grid: { left: 8, right: 32, top: 8, bottom: 8, containLabel: true },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: { type: 'category', data: shown.map((t) => t.label[locale]) },
    series: [
      {
        type: 'bar',
        data: shown.map((t) => t.count),
        itemStyle: { color: COLOUR },
        label: { show: true, position: 'right' },
      },
    ],
  };
}

function columns(names: readonly string[], counts: readonly number[]): echarts.EChartsOption {
  return {
    grid: { left: 8, right: 8, top: 16, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: [...names] },
    yAxis: { type: 'value', minInterval: 1 },
    series: [{ type: 'bar', data: [...counts], itemStyle: { color: COLOUR } }],
  };
}

/** One chart as an SVG string, rendered on the server (ECharts' SSR mode needs no DOM). */
function renderSvg(option: echarts.EChartsOption): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width: WIDTH, height: HEIGHT });
  try {
    chart.setOption({ animation: false, textStyle: { fontFamily: 'system-ui, sans-serif' }, ...option });
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}

/** Text placed in HTML: the five characters that HTML gives a meaning to are escaped. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
