import { matches, newestFirst, type Report, type ReportQuery, type ReportStore } from './report';

/** Reports in memory: for tests and for set-ups that keep nothing (the lowdb store is the default). */
export class MemoryReportStore implements ReportStore {
  private readonly reports = new Map<string, Report>();

  save(report: Report): Promise<void> {
    this.reports.set(report.id, structuredClone(report));
    return Promise.resolve();
  }

  get(id: string): Promise<Report | undefined> {
    const found = this.reports.get(id);
    return Promise.resolve(found && structuredClone(found));
  }

  list(query: ReportQuery): Promise<Report[]> {
    return Promise.resolve(
      [...this.reports.values()]
        .filter((r) => matches(r, query))
        .sort(newestFirst)
        .slice(0, query.limit)
        .map((r) => structuredClone(r)),
    );
  }

  remove(id: string): Promise<boolean> {
    return Promise.resolve(this.reports.delete(id));
  }

  purge(before: Date): Promise<number> {
    let removed = 0;
    for (const [id, report] of this.reports)
      if (Date.parse(report.created_at) < before.getTime()) removed += Number(this.reports.delete(id));
    return Promise.resolve(removed);
  }
}
