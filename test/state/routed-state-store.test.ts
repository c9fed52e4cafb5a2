import { ETagConflictError, RoutedStateStore, type StateStore, type StoreItems } from '../../src/state';

/** A store that records what reaches it. */
class RecordingStore implements StateStore {
  readonly items = new Map<string, StoreItems[string]>();
  readonly calls: string[] = [];
  closed = 0;

  read(keys: string[]): Promise<StoreItems> {
    this.calls.push(`read ${keys.join(',')}`);
    return Promise.resolve(
      Object.fromEntries(keys.filter((k) => this.items.has(k)).map((k) => [k, this.items.get(k)!])),
    );
  }

  write(changes: StoreItems): Promise<void> {
    this.calls.push(`write ${Object.keys(changes).join(',')}`);
    for (const [k, v] of Object.entries(changes)) this.items.set(k, v);
    return Promise.resolve();
  }

  delete(keys: string[]): Promise<void> {
    this.calls.push(`delete ${keys.join(',')}`);
    for (const k of keys) this.items.delete(k);
    return Promise.resolve();
  }
}

class ClosableStore extends RecordingStore {
  close(): Promise<void> {
    this.closed++;
    return Promise.resolve();
  }
}

function routed() {
  const disk = new ClosableStore();
  const memory = new ClosableStore();
  const store = new RoutedStateStore(disk, [{ prefix: 'kiosk/', store: memory }]);
  return { disk, memory, store };
}

const KIOSK_CONVERSATION = 'kiosk/conversations/6f1c7a52/';
const KIOSK_USER = 'kiosk/users/visitor-6f1c7a52/';
const AGENT_CONVERSATION = 'webchat/conversations/0b6d/';

describe('RoutedStateStore', () => {
  it('writes kiosk/ keys to their store only, and the rest to the default store only', async () => {
    const { disk, memory, store } = routed();
    await store.write({ [KIOSK_CONVERSATION]: { n: 1 }, [AGENT_CONVERSATION]: { n: 2 }, [KIOSK_USER]: { n: 3 } });
    expect([...memory.items.keys()]).toEqual([KIOSK_CONVERSATION, KIOSK_USER]);
    expect([...disk.items.keys()]).toEqual([AGENT_CONVERSATION]);
    // One call per store, whatever the number of keys.
    expect(memory.calls).toEqual([`write ${KIOSK_CONVERSATION},${KIOSK_USER}`]);
    expect(disk.calls).toEqual([`write ${AGENT_CONVERSATION}`]);
  });

  it('matches the prefix at the start of the key only', async () => {
    const { disk, memory, store } = routed();
    await store.write({ 'emulator/conversations/kiosk/': { n: 1 }, 'Kiosk/conversations/x/': { n: 2 } });
    expect(memory.items.size).toBe(0);
    expect(disk.items.size).toBe(2);
  });

  it('merges what each store reads into one result', async () => {
    const { store } = routed();
    await store.write({ [KIOSK_CONVERSATION]: { n: 1 }, [AGENT_CONVERSATION]: { n: 2 } });
    expect(await store.read([KIOSK_CONVERSATION, AGENT_CONVERSATION, 'kiosk/missing', 'missing'])).toEqual({
      [KIOSK_CONVERSATION]: { n: 1 },
      [AGENT_CONVERSATION]: { n: 2 },
    });
  });

  it('asks a store only for its own keys, and no store for nothing', async () => {
    const { disk, memory, store } = routed();
    await store.read([KIOSK_CONVERSATION]);
    await store.read([]);
    expect(memory.calls).toEqual([`read ${KIOSK_CONVERSATION}`]);
    expect(disk.calls).toEqual([]);
  });

  it('deletes each key from its own store', async () => {
    const { disk, memory, store } = routed();
    await store.write({ [KIOSK_CONVERSATION]: { n: 1 }, [KIOSK_USER]: { n: 1 }, [AGENT_CONVERSATION]: { n: 2 } });
    await store.delete([KIOSK_CONVERSATION, KIOSK_USER]);
    expect(memory.items.size).toBe(0);
    expect(disk.items.size).toBe(1);
    expect(disk.calls.filter((c) => c.startsWith('delete'))).toEqual([]);
  });

  it('uses the first route whose prefix matches', async () => {
    const disk = new RecordingStore();
    const first = new RecordingStore();
    const second = new RecordingStore();
    const store = new RoutedStateStore(disk, [
      { prefix: 'kiosk/', store: first },
      { prefix: 'kiosk/conversations/', store: second },
    ]);
    await store.write({ [KIOSK_CONVERSATION]: { n: 1 } });
    expect(first.items.size).toBe(1);
    expect(second.items.size).toBe(0);
  });

  it('passes on a store’s eTag conflict', async () => {
    const disk = new RecordingStore();
    const failing: StateStore = {
      read: () => Promise.resolve({}),
      write: (changes) => Promise.reject(new ETagConflictError(Object.keys(changes)[0]!)),
      delete: () => Promise.resolve(),
    };
    const store = new RoutedStateStore(disk, [{ prefix: 'kiosk/', store: failing }]);
    await expect(store.write({ [KIOSK_CONVERSATION]: { n: 1, eTag: '3' } })).rejects.toBeInstanceOf(ETagConflictError);
  });

  it('closes every store that can be closed', async () => {
    const { disk, memory, store } = routed();
    await store.close();
    expect([disk.closed, memory.closed]).toEqual([1, 1]);
    // A store without close() is fine.
    await expect(
      new RoutedStateStore(new RecordingStore(), [{ prefix: 'kiosk/', store: memory }]).close(),
    ).resolves.toBeUndefined();
    expect(memory.closed).toBe(2);
  });
});
