import type { DataInclusionImport, RecordKind } from '../knowledge/data-inclusion-import';

/** Where a record came from: the FILE argument and its position in that file's list of records. */
export interface RecordOrigin {
  file: string;
  position: number;
}

export interface ImportReport {
  source: 'data-inclusion';
  generated_at: string;
  inputs: { file: string; records: number }[];
  territory: { id: string; name: string };
  output: string | null;
  contacts_urgence: string;
  /** With --departement: the département kept, and how many records lay outside it (left out, not rejected). */
  area?: { departement: string; outside: { structures: number; services: number } };
  counts: {
    read: Record<RecordKind, number>;
    kept: { structures: number; services: number };
    rejected: Record<RecordKind, number>;
    warnings: number;
  };
  rejected: { record: string; id?: string; kind: RecordKind; reasons: string[] }[];
  warnings: { record: string; id?: string; kind: RecordKind; message: string }[];
}

/** "services.json[3]": the FILE argument and the record's position in it. */
export function recordName(origins: readonly RecordOrigin[], index: number): string {
  const origin = origins[index];
  return origin ? `${origin.file}[${origin.position}]` : `record ${index}`;
}

function countByKind(items: readonly { kind: RecordKind }[]): Record<RecordKind, number> {
  const counts: Record<RecordKind, number> = { structure: 0, service: 0, unknown: 0 };
  for (const item of items) counts[item.kind] += 1;
  return counts;
}

export function buildImportReport(
  result: DataInclusionImport,
  origins: readonly RecordOrigin[],
  context: Pick<ImportReport, 'generated_at' | 'inputs' | 'territory' | 'output' | 'contacts_urgence' | 'area'>,
): ImportReport {
  const rejected = countByKind(result.rejected);
  return {
    source: 'data-inclusion',
    ...context,
    counts: {
      read: {
        structure: result.structures.length + rejected.structure,
        service: result.services.length + rejected.service,
        unknown: rejected.unknown,
      },
      kept: { structures: result.structures.length, services: result.services.length },
      rejected,
      warnings: result.warnings.length,
    },
    rejected: result.rejected.map(({ index, id, kind, reasons }) => ({
      record: recordName(origins, index),
      id,
      kind,
      reasons,
    })),
    warnings: result.warnings.map(({ index, id, kind, message }) => ({
      record: recordName(origins, index),
      id,
      kind,
      message,
    })),
  };
}

/** The report for the terminal: counts, then at most `max` rejected records and `max` warnings. */
export function reportLines(report: ImportReport, max = 20): string[] {
  const { read, kept, rejected } = report.counts;
  const lines = [
    `read ${read.structure + read.service + read.unknown} records from ${report.inputs.length} file(s): ` +
      `${read.structure} structures, ${read.service} services` +
      (read.unknown > 0 ? `, ${read.unknown} not records` : ''),
    `kept ${kept.structures} structures and ${kept.services} services; ` +
      `rejected ${rejected.structure} structures, ${rejected.service} services` +
      (rejected.unknown > 0 ? `, ${rejected.unknown} other` : '') +
      `; ${report.counts.warnings} warning(s)`,
  ];
  if (report.area) {
    const { departement, outside } = report.area;
    lines.unshift(
      `left out ${outside.structures} structures and ${outside.services} services outside département ${departement} ` +
        '(not counted below)',
    );
  }
  const list = <T>(title: string, items: readonly T[], line: (item: T) => string) => {
    if (items.length === 0) return;
    lines.push(`${title}${items.length > max ? ` (first ${max} of ${items.length})` : ''}:`);
    for (const item of items.slice(0, max)) lines.push(`  ${line(item)}`);
  };
  const label = (r: { record: string; id?: string; kind: RecordKind }) =>
    `${r.record} ${r.kind}${r.id ? ` ${r.id}` : ''}`;
  list('rejected', report.rejected, (r) => `${label(r)}: ${r.reasons.join('; ')}`);
  list('warnings', report.warnings, (w) => `${label(w)}: ${w.message}`);
  return lines;
}
