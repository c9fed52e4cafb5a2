import { mkdir, readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { Low } from 'lowdb';
import { z } from 'zod';
import { Report, matches, newestFirst, type ReportFacts, type ReportQuery, type ReportStore } from '../reports';
import { DurableJsonFile, isTemporaryFile } from './durable-json-file';
import { KeyedLock } from './keyed-lock';

/** One shard: the reports of one team started on one day. */
const Shard = z.strictObject({ version: z.literal(1), reports: z.array(Report) });
type Shard = z.infer<typeof Shard>;

/** What the index keeps of each report: enough to filter without reading shards. */
type Summary = ReportFacts & { shard: string };

export interface LowdbReportStoreOptions {
  /** How many shards stay in memory; the least recently used idle ones are dropped beyond that (default 64). */
  maxCached?: number;
}

/**
 * Reports on lowdb under `<dir>/<team>/<yyyy-mm-dd>.json` (docs/adr/0008-report-store.md): a save rewrites only the
 * shard of its team and day, so its cost does not grow with the number of stored reports. Writes are durable
 * (DurableJsonFile: fsync, then rename) and serialised per shard, so concurrent saves never lose one. `open()`
 * reads every shard once to build an index and stops with the file's name when one is damaged.
 */
export class LowdbReportStore implements ReportStore {
  private readonly index = new Map<string, Summary>();
  private readonly shards = new Map<string, Low<Shard>>();
  private readonly lock = new KeyedLock();
  private readonly maxCached: number;

  private constructor(
    private readonly dir: string,
    options: LowdbReportStoreOptions,
  ) {
    this.maxCached = options.maxCached ?? 64;
  }

  /** Opens the store: reads and checks every shard; throws, naming the file, on a damaged one. */
  static async open(dir: string, options: LowdbReportStoreOptions = {}): Promise<LowdbReportStore> {
    const store = new LowdbReportStore(dir, options);
    await mkdir(dir, { recursive: true });
    for (const team of await readdir(dir, { withFileTypes: true })) {
      if (!team.isDirectory()) continue;
      for (const name of await readdir(join(dir, team.name))) {
        const path = join(dir, team.name, name);
        if (isTemporaryFile(name)) await rm(path, { force: true });
        else if (name.endsWith('.json')) {
          const shard = join(team.name, name);
          const db = await store.read(shard);
          for (const report of db.data.reports) store.remember(report, shard);
        }
      }
    }
    return store;
  }

  get size(): number {
    return this.index.size;
  }

  async save(report: Report): Promise<void> {
    const checked = Report.parse(report);
    const shard = this.index.get(checked.id)?.shard ?? shardOf(checked);
    await this.lock.run(shard, async () => {
      const db = await this.shard(shard);
      const reports = db.data.reports.filter((r) => r.id !== checked.id);
      reports.push(structuredClone(checked));
      await mkdir(join(this.dir, teamFolder(checked.team)), { recursive: true });
      const next: Shard = { version: 1, reports };
      await db.adapter.write(next);
      db.data = next;
      this.remember(checked, shard);
    });
    this.evict();
  }

  async get(id: string): Promise<Report | undefined> {
    const summary = this.index.get(id);
    if (!summary) return undefined;
    const db = await this.lock.run(summary.shard, () => this.shard(summary.shard));
    const found = db.data.reports.find((r) => r.id === id);
    return found && structuredClone(found);
  }

  async list(query: ReportQuery): Promise<Report[]> {
    const wanted = [...this.index.values()]
      .filter((s) => matches(s, query))
      .sort(newestFirst)
      .slice(0, query.limit);
    const byShard = new Map<string, Set<string>>();
    for (const s of wanted) byShard.set(s.shard, (byShard.get(s.shard) ?? new Set()).add(s.id));
    const found: Report[] = [];
    for (const [shard, ids] of byShard) {
      const db = await this.lock.run(shard, () => this.shard(shard));
      for (const report of db.data.reports) if (ids.has(report.id)) found.push(structuredClone(report));
    }
    this.evict();
    return found.sort(newestFirst);
  }

  async remove(id: string): Promise<boolean> {
    const summary = this.index.get(id);
    if (!summary) return false;
    return this.removeFrom(summary.shard, new Set([id])).then((n) => n > 0);
  }

  async purge(before: Date): Promise<number> {
    const old = new Map<string, Set<string>>();
    for (const s of this.index.values())
      if (Date.parse(s.created_at) < before.getTime()) old.set(s.shard, (old.get(s.shard) ?? new Set()).add(s.id));
    let removed = 0;
    for (const [shard, ids] of old) removed += await this.removeFrom(shard, ids);
    return removed;
  }

  /** Waits for every queued write. */
  async close(): Promise<void> {
    await this.lock.drain();
  }

  private async removeFrom(shard: string, ids: ReadonlySet<string>): Promise<number> {
    return this.lock.run(shard, async () => {
      const db = await this.shard(shard);
      const kept = db.data.reports.filter((r) => !ids.has(r.id));
      const removed = db.data.reports.length - kept.length;
      if (removed === 0) return 0;
      if (kept.length === 0) {
        await rm(join(this.dir, shard), { force: true });
        this.shards.delete(shard);
      } else {
        const next: Shard = { version: 1, reports: kept };
        await db.adapter.write(next);
        db.data = next;
      }
      for (const id of ids) this.index.delete(id);
      return removed;
    });
  }

  private remember(report: Report, shard: string): void {
    const { id, form, status, team, author, created_at, place, review } = report;
    this.index.set(id, {
      id,
      form,
      status,
      team,
      author,
      created_at,
      shard,
      ...(place ? { place } : {}),
      ...(review ? { review } : {}),
    });
  }

  private async shard(shard: string): Promise<Low<Shard>> {
    const cached = this.shards.get(shard);
    if (cached) {
      this.shards.delete(shard);
      this.shards.set(shard, cached); // most recently used last
      return cached;
    }
    const db = await this.read(shard);
    this.shards.set(shard, db);
    return db;
  }

  private async read(shard: string): Promise<Low<Shard>> {
    const path = join(this.dir, shard);
    const db = new Low<Shard>(new DurableJsonFile<Shard>(path), { version: 1, reports: [] });
    try {
      await db.read();
    } catch (error) {
      throw new Error(`Report file ${path} is unreadable (${(error as Error).message}); it was left untouched.`, {
        cause: error,
      });
    }
    const parsed = Shard.safeParse(db.data);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new Error(
        `Report file ${path} is not a valid report file (at ${issue?.path.join('.') ?? ''}: ${issue?.message ?? ''}); ` +
          'it was left untouched.',
      );
    }
    db.data = parsed.data;
    return db;
  }

  private evict(): void {
    for (const shard of this.shards.keys()) {
      if (this.shards.size <= this.maxCached) break;
      if (this.lock.isIdle(shard)) this.shards.delete(shard);
    }
  }
}

/** Team names become folder names: letters, digits and dashes kept, the rest percent-encoded. */
function teamFolder(team: string): string {
  return encodeURIComponent(team).replace(/[!'()*~.]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** The shard of a report: its team and the day in its id (the day it was started). */
function shardOf(report: Report): string {
  const day = report.id.slice(0, 8);
  return join(teamFolder(report.team), `${day.slice(0, 4)}-${day.slice(4, 6)}-${day.slice(6, 8)}.json`);
}
