import { createHash, randomBytes } from 'node:crypto';
import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { Low } from 'lowdb';
import { JSONFile } from 'lowdb/node';
import {
  ETagConflictError,
  isWriteAllowed,
  type Closable,
  type StateStore,
  type StoreItem,
  type StoreItems,
} from '../state';
import { KeyedLock } from './keyed-lock';

interface StateFile {
  key: string;
  item: StoreItem;
}

export interface LowdbStateStoreOptions {
  /** How many state files stay in memory; the least recently used idle ones are dropped beyond that. */
  maxCached?: number;
}

/**
 * Bot state on lowdb: one small JSON file per state key under `<dir>/<hash prefix>/<hash>.json`, so the
 * cost of a write does not grow with the number of conversations. Writes go through steno (temporary
 * file, then rename: a file is never half-written) and are serialised per file; eTags give optimistic
 * concurrency as botbuilder's storages do.
 */
export class LowdbStateStore implements StateStore, Closable {
  private readonly files = new Map<string, Low<StateFile | null>>();
  private readonly lock = new KeyedLock();
  private readonly pending = new Set<Promise<void>>();
  private readonly madeDirs = new Set<string>();
  private readonly maxCached: number;
  private readonly etagPrefix = randomBytes(4).toString('hex');
  private etagCounter = 0;
  private closed = false;

  constructor(
    private readonly dir: string,
    options: LowdbStateStoreOptions = {},
  ) {
    this.maxCached = options.maxCached ?? 5_000;
  }

  async read(keys: string[]): Promise<StoreItems> {
    const items: StoreItems = {};
    await Promise.all(
      keys.map((key) =>
        this.lock.run(key, async () => {
          const db = await this.open(key);
          if (db.data) items[key] = structuredClone(db.data.item);
        }),
      ),
    );
    return items;
  }

  async write(changes: StoreItems): Promise<void> {
    this.assertOpen();
    await Promise.all(
      Object.entries(changes).map(async ([key, incoming]) => {
        // The eTag check and the in-memory update are serialised per key; the disk write is not held
        // under the lock: steno merges writes queued behind a running one into the latest data, and
        // each promise resolves only once data at least as new as its own is on disk.
        const persisted = await this.lock.run(key, async () => {
          const db = await this.open(key);
          if (!isWriteAllowed(db.data?.item, incoming)) throw new ETagConflictError(key);
          await this.ensureDir(key);
          db.data = { key, item: { ...structuredClone(incoming), eTag: this.nextETag() } };
          return { done: db.write() };
        });
        this.pending.add(persisted.done);
        try {
          await persisted.done;
        } finally {
          this.pending.delete(persisted.done);
        }
      }),
    );
    this.evict();
  }

  async delete(keys: string[]): Promise<void> {
    this.assertOpen();
    await Promise.all(
      keys.map((key) =>
        this.lock.run(key, async () => {
          await rm(this.pathOf(key), { force: true });
          this.files.delete(key);
        }),
      ),
    );
  }

  /** Waits for every pending write to reach the disk; later writes are refused. */
  async close(): Promise<void> {
    this.closed = true;
    await this.lock.drain();
    await Promise.allSettled([...this.pending]);
  }

  private async open(key: string): Promise<Low<StateFile | null>> {
    const cached = this.files.get(key);
    if (cached) {
      this.files.delete(key);
      this.files.set(key, cached); // most recently used last
      return cached;
    }
    const path = this.pathOf(key);
    const db = new Low<StateFile | null>(new JSONFile<StateFile | null>(path), null);
    try {
      await db.read();
    } catch (error) {
      throw new Error(`State file ${path} is unreadable (${(error as Error).message}); it was left untouched.`, {
        cause: error,
      });
    }
    if (db.data && db.data.key !== key) throw new Error(`State file ${path} holds key "${db.data.key}", not "${key}".`);
    this.files.set(key, db);
    return db;
  }

  private evict(): void {
    if (this.files.size <= this.maxCached) return;
    for (const key of this.files.keys()) {
      if (this.files.size <= this.maxCached) break;
      if (this.lock.isIdle(key) && this.pending.size === 0) this.files.delete(key);
    }
  }

  private pathOf(key: string): string {
    const hash = createHash('sha256').update(key).digest('hex');
    return join(this.dir, hash.slice(0, 2), `${hash}.json`);
  }

  private async ensureDir(key: string): Promise<void> {
    const hash = createHash('sha256').update(key).digest('hex').slice(0, 2);
    if (this.madeDirs.has(hash)) return;
    await mkdir(join(this.dir, hash), { recursive: true });
    this.madeDirs.add(hash);
  }

  private nextETag(): string {
    this.etagCounter += 1;
    return `${this.etagPrefix}-${this.etagCounter.toString(36)}`;
  }

  private assertOpen(): void {
    if (this.closed) throw new Error('The state store is closed.');
  }
}
