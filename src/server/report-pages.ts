import type { Locale } from '../content';
import type { Messages } from '../knowledge';
import {
  renderSynthesisPage,
  reportsToCsv,
  synthesise,
  teamReportQuery,
  CSV_COLUMNS,
  REPORT_STATUSES,
  escapeHtml,
  type Form,
  type ReportStore,
  type TeamQuery,
} from '../reports';

/** What the signed links open: a team's reports as CSV, and its synthesis as an HTML page with charts. */
export class ReportPages {
  constructor(
    private readonly store: ReportStore,
    private readonly forms: readonly Form[],
    private readonly messages: Messages,
  ) {}

  async csv(team: string, query: TeamQuery, locale: Locale): Promise<string> {
    const reports = await this.store.list(teamReportQuery(team, query));
    const t = (key: string) => this.messages.text(locale, key);
    return reportsToCsv(reports, this.forms, locale, {
      columns: Object.fromEntries(CSV_COLUMNS.map((c) => [c, t(`report.csv.${c}`)])) as Record<
        (typeof CSV_COLUMNS)[number],
        string
      >,
      status: Object.fromEntries(REPORT_STATUSES.map((s) => [s, t(`report.status.${s}`)])) as Record<
        (typeof REPORT_STATUSES)[number],
        string
      >,
      yes: t('report.words.yes'),
      no: t('report.words.no'),
    });
  }

  /** The synthesis page; a link always carries a period (the dialog sets one). */
  async synthesis(team: string, query: TeamQuery, locale: Locale, now: Date): Promise<string> {
    const reports = await this.store.list(teamReportQuery(team, query));
    const period = {
      from: new Date(query.from ?? 0),
      to: query.to ? new Date(query.to) : now,
    };
    const synthesis = synthesise(reports, this.forms, period);
    return renderSynthesisPage(
      synthesis,
      this.forms,
      locale,
      (key, vars) => this.messages.text(locale, key, vars),
      team,
    );
  }

  /** The page shown for a link that is wrong or out of date, in both languages (the link says no language then). */
  refusal(reason: 'invalid' | 'expired'): string {
    const text = (['fr', 'en'] as const).map((l) => this.messages.text(l, `reportLinks.${reason}`));
    return `<!doctype html><html><head><meta charset="utf-8"><title>Relais</title></head><body>${text
      .map((t) => `<p>${escapeHtml(t)}</p>`)
      .join('')}</body></html>`;
  }
}
