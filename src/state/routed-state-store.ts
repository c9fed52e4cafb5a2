import type { Closable, StateStore, StoreItems } from './state-store';

/**
 * Sends each state key to the store of its first matching prefix, else to the default store. Relais keys
 * start with the channel id (`kiosk/conversations/…`), so the kiosk's state can live in memory while
 * agents' conversations are kept on disk.
 */
export class RoutedStateStore implements StateStore, Closable {
  constructor(
    private readonly fallback: StateStore & Partial<Closable>,
    private readonly routes: ReadonlyArray<{ prefix: string; store: StateStore & Partial<Closable> }>,
  ) {}

  async read(keys: string[]): Promise<StoreItems> {
    const parts = await Promise.all([...this.split(keys)].map(([store, some]) => store.read(some)));
    return Object.assign({}, ...parts) as StoreItems;
  }

  async write(changes: StoreItems): Promise<void> {
    const byStore = this.split(Object.keys(changes));
    await Promise.all(
      [...byStore].map(([store, keys]) => store.write(Object.fromEntries(keys.map((k) => [k, changes[k]!])))),
    );
  }

  async delete(keys: string[]): Promise<void> {
    await Promise.all([...this.split(keys)].map(([store, some]) => store.delete(some)));
  }

  async close(): Promise<void> {
    await Promise.all([this.fallback, ...this.routes.map((r) => r.store)].map((s) => s.close?.() ?? Promise.resolve()));
  }

  private storeOf(key: string): StateStore {
    return this.routes.find((r) => key.startsWith(r.prefix))?.store ?? this.fallback;
  }

  private split(keys: string[]): Map<StateStore, string[]> {
    const byStore = new Map<StateStore, string[]>();
    for (const key of keys) {
      const store = this.storeOf(key);
      byStore.set(store, [...(byStore.get(store) ?? []), key]);
    }
    return byStore;
  }
}
