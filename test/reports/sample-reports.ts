import type { Report } from '../../src/reports';

/** A submitted report of the shipped forms, with its answers; the day and hour give its id and created_at. */
export function report(n: number, overrides: Partial<Report> & { at: Date }): Report {
  const { at, ...rest } = overrides;
  const day = `${at.getFullYear()}${String(at.getMonth() + 1).padStart(2, '0')}${String(at.getDate()).padStart(2, '0')}`;
  const iso = at.toISOString();
  return {
    id: `${day}-${n.toString(16).padStart(8, '0')}`,
    form: 'main-courante',
    status: 'submitted',
    author: { id: 'agent-1', name: 'Samir' },
    team: 'nord',
    created_at: iso,
    updated_at: iso,
    submitted_at: iso,
    answers: { time: iso, event: 'ronde', description: 'Ronde au parc, rien à signaler.' },
    skipped: [],
    prefilled: [],
    redactions: 0,
    ...rest,
  };
}

/** An intervention with police called and a follow-up needed, at the station. */
export function intervention(n: number, at: Date, overrides: Partial<Report> = {}): Report {
  return report(n, {
    at,
    form: 'intervention',
    place: { id: 'gare-centrale', text: 'Gare centrale de Val-de-Relais' },
    answers: {
      type: 'conflit-temps-reel',
      'started-at': at.toISOString(),
      place: { id: 'gare-centrale', text: 'Gare centrale de Val-de-Relais' },
      public: ['jeunes-adultes'],
      facts: 'Deux voyageurs se disputent une place assise, le ton monte.',
      actions: ['dialogue', 'apaisement'],
      'services-alerted': ['police-17', 'aucun'],
      outcome: 'a-suivre',
      'follow-up-needed': true,
    },
    ...overrides,
  });
}
