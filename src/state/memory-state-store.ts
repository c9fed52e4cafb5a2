import {
  ETagConflictError,
  isWriteAllowed,
  type Closable,
  type StateStore,
  type StoreItem,
  type StoreItems,
} from './state-store';

/**
 * State kept in memory only, each key forgotten `ttlMs` after its last write or read: for the public
 * kiosk, where nothing a visitor types may reach the disk and an abandoned conversation must not linger.
 * Expired keys are dropped at every access and by a timer, so that the last visitor's conversation does not
 * stay in memory until the next one comes.
 */
export class ExpiringMemoryStateStore implements StateStore, Closable {
  private readonly items = new Map<string, { item: StoreItem; expires: number }>();
  private etagCounter = 0;
  private readonly timer: NodeJS.Timeout;

  constructor(
    private readonly ttlMs: number,
    private readonly now: () => number = Date.now,
    /** How often the timer drops expired keys. */
    sweepEveryMs = Math.min(ttlMs, 60_000),
  ) {
    this.timer = setInterval(() => this.sweep(), sweepEveryMs);
    this.timer.unref();
  }

  read(keys: string[]): Promise<StoreItems> {
    this.sweep();
    const found: StoreItems = {};
    for (const key of keys) {
      const entry = this.items.get(key);
      if (!entry) continue;
      entry.expires = this.now() + this.ttlMs;
      found[key] = structuredClone(entry.item);
    }
    return Promise.resolve(found);
  }

  write(changes: StoreItems): Promise<void> {
    this.sweep();
    for (const [key, incoming] of Object.entries(changes)) {
      if (!isWriteAllowed(this.items.get(key)?.item, incoming)) return Promise.reject(new ETagConflictError(key));
    }
    for (const [key, incoming] of Object.entries(changes)) {
      const item = { ...structuredClone(incoming), eTag: String(++this.etagCounter) };
      this.items.set(key, { item, expires: this.now() + this.ttlMs });
    }
    return Promise.resolve();
  }

  delete(keys: string[]): Promise<void> {
    for (const key of keys) this.items.delete(key);
    return Promise.resolve();
  }

  /** Stops the timer and forgets everything. */
  close(): Promise<void> {
    clearInterval(this.timer);
    this.items.clear();
    return Promise.resolve();
  }

  /** How many keys are held (tests and the log). */
  get size(): number {
    this.sweep();
    return this.items.size;
  }

  private sweep(): void {
    const now = this.now();
    for (const [key, entry] of this.items) if (entry.expires <= now) this.items.delete(key);
  }
}
