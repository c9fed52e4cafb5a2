import { createHash } from 'node:crypto';
import { mkdir, readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { Low } from 'lowdb';
import { z } from 'zod';
import { LearnerRecord, emptyRecord, type Learner, type QuizStore } from '../quiz';
import { DurableJsonFile, isTemporaryFile } from './durable-json-file';
import { KeyedLock } from './keyed-lock';

const LearnerFile = z.strictObject({ version: z.literal(1), record: LearnerRecord });
type LearnerFile = z.infer<typeof LearnerFile>;

/**
 * Quiz progress on lowdb, one file per learner under `<dir>/<hash of the learner id>.json` (channel ids such as
 * Teams' "29:1a…" are not file names): an answer rewrites only its learner's file, durably (DurableJsonFile), and
 * updates of one learner run one after the other. `open()` reads every file once to index learners by team, and
 * stops with the file's name when one is damaged.
 */
export class LowdbQuizStore implements QuizStore {
  private readonly teams = new Map<string, string | undefined>();
  private readonly lock = new KeyedLock();

  private constructor(private readonly dir: string) {}

  static async open(dir: string): Promise<LowdbQuizStore> {
    const store = new LowdbQuizStore(dir);
    await mkdir(dir, { recursive: true });
    for (const name of await readdir(dir)) {
      if (isTemporaryFile(name)) await rm(join(dir, name), { force: true });
      else if (name.endsWith('.json')) {
        const { record } = await store.readFile(name);
        store.teams.set(record.learner.id, record.learner.team);
      }
    }
    return store;
  }

  async get(learnerId: string): Promise<LearnerRecord | undefined> {
    if (!this.teams.has(learnerId)) return undefined;
    const name = fileName(learnerId);
    return this.lock.run(name, async () => (await this.readFile(name)).record);
  }

  async update(learner: Learner, change: (record: LearnerRecord) => LearnerRecord): Promise<LearnerRecord> {
    const name = fileName(learner.id);
    return this.lock.run(name, async () => {
      const current = this.teams.has(learner.id) ? (await this.readFile(name)).record : emptyRecord(learner);
      const next = LearnerRecord.parse(change({ ...current, learner: { ...current.learner, ...learner } }));
      const db = new Low<LearnerFile>(new DurableJsonFile(join(this.dir, name)), { version: 1, record: next });
      await db.write();
      this.teams.set(learner.id, next.learner.team);
      return structuredClone(next);
    });
  }

  async list(filter: { team?: string } = {}): Promise<LearnerRecord[]> {
    const ids = [...this.teams.entries()]
      .filter(([, team]) => filter.team === undefined || team === filter.team)
      .map(([id]) => id);
    const records: LearnerRecord[] = [];
    for (const id of ids) {
      const record = await this.get(id);
      if (record) records.push(record);
    }
    return records;
  }

  /** Waits for every queued write. */
  async close(): Promise<void> {
    await this.lock.drain();
  }

  private async readFile(name: string): Promise<LearnerFile> {
    const path = join(this.dir, name);
    const db = new Low<LearnerFile | null>(new DurableJsonFile(path), null);
    await db.read();
    const parsed = LearnerFile.safeParse(db.data);
    if (!parsed.success)
      throw new Error(`${path} is not a valid quiz progress file: ${parsed.error.issues[0]?.message ?? ''}`);
    return parsed.data;
  }
}

function fileName(learnerId: string): string {
  return `${createHash('sha256').update(learnerId).digest('hex').slice(0, 32)}.json`;
}
