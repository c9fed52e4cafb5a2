import { emptyRecord, type Learner, type LearnerRecord, type QuizStore } from './progress';

/** Progress in memory: for tests and for a bot without storage. Records are copied in and out. */
export class MemoryQuizStore implements QuizStore {
  private readonly records = new Map<string, LearnerRecord>();

  get(learnerId: string): Promise<LearnerRecord | undefined> {
    const record = this.records.get(learnerId);
    return Promise.resolve(record && structuredClone(record));
  }

  update(learner: Learner, change: (record: LearnerRecord) => LearnerRecord): Promise<LearnerRecord> {
    const current = this.records.get(learner.id) ?? emptyRecord(learner);
    const next = change(structuredClone({ ...current, learner: { ...current.learner, ...learner } }));
    this.records.set(learner.id, structuredClone(next));
    return Promise.resolve(next);
  }

  list(filter: { team?: string } = {}): Promise<LearnerRecord[]> {
    const all = [...this.records.values()].filter((r) => filter.team === undefined || r.learner.team === filter.team);
    return Promise.resolve(all.map((r) => structuredClone(r)));
  }
}
