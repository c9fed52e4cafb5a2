import type { Report } from '../../../src/reports';

/** A valid submitted report, numbered: the id carries the day and the number. */
export function sampleReport(n: number, { team = 'equipe-nord', day = 26 } = {}): Report {
  const at = new Date(Date.UTC(2026, 10, day, 9, 0, 0) + n * 1000).toISOString();
  return {
    id: `202611${String(day).padStart(2, '0')}-${n.toString(16).padStart(8, '0')}`,
    form: 'main-courante',
    status: 'submitted',
    author: { id: `agent-${n % 5}`, name: 'Agent' },
    team,
    created_at: at,
    updated_at: at,
    submitted_at: at,
    answers: { event: 'ronde', description: `Ronde numéro ${n}, rien à signaler.` },
    place: { id: 'gare-centrale', text: 'Gare centrale' },
    skipped: [],
    prefilled: [],
    redactions: 0,
  };
}
