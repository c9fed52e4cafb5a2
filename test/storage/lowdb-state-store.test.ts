import { mkdtempSync, readFileSync, readdirSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import {
  ConversationState,
  MemoryStorage,
  TestAdapter,
  TurnContext,
  type Activity,
  type ConversationAccount,
  type Storage,
} from 'botbuilder';
import { LowdbStateStore } from '../../src/storage';

function freshDir(): string {
  return mkdtempSync(join(tmpdir(), 'relais-state-'));
}

function allFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name));
}

describe('LowdbStateStore', () => {
  it('writes, reads back and deletes items, assigning a new eTag on each write', async () => {
    const store = new LowdbStateStore(freshDir());
    await store.write({ 'emulator/conversations/c1/': { count: 1 } });
    const first = await store.read(['emulator/conversations/c1/', 'missing']);
    expect(first['emulator/conversations/c1/']).toMatchObject({ count: 1, eTag: expect.any(String) });
    expect(first).not.toHaveProperty('missing');

    await store.write({ 'emulator/conversations/c1/': { ...first['emulator/conversations/c1/'], count: 2 } });
    const second = await store.read(['emulator/conversations/c1/']);
    expect(second['emulator/conversations/c1/']?.count).toBe(2);
    expect(second['emulator/conversations/c1/']?.eTag).not.toBe(first['emulator/conversations/c1/']?.eTag);

    await store.delete(['emulator/conversations/c1/']);
    expect(await store.read(['emulator/conversations/c1/'])).toEqual({});
  });

  it('rejects a stale write with an eTag conflict, as botbuilder storages do', async () => {
    const store = new LowdbStateStore(freshDir());
    await store.write({ k: { v: 'a' } });
    const { k: read } = await store.read(['k']);
    await store.write({ k: { ...read, v: 'b' } });
    await expect(store.write({ k: { ...read, v: 'stale' } })).rejects.toThrow(
      'Storage: error writing "k" due to eTag conflict.',
    );
    expect((await store.read(['k'])).k?.v).toBe('b');
    await store.write({ k: { v: 'forced', eTag: '*' } });
    expect((await store.read(['k'])).k?.v).toBe('forced');
  });

  it('survives a restart: a new store on the same folder reads what was written', async () => {
    const dir = freshDir();
    const store = new LowdbStateStore(dir);
    await store.write({ 'user/u1/': { name: 'Awa' } });
    await store.close();
    expect((await new LowdbStateStore(dir).read(['user/u1/']))['user/u1/']).toMatchObject({ name: 'Awa' });
  });

  it('writes atomically: only complete JSON files and no temporary file are left', async () => {
    const dir = freshDir();
    const store = new LowdbStateStore(dir);
    await Promise.all(
      Array.from({ length: 40 }, (_, i) => store.write({ [`key-${i % 8}`]: { i, blob: 'x'.repeat(5000) } })),
    );
    await store.close();
    const files = allFiles(dir);
    expect(files.filter((f) => f.endsWith('.tmp'))).toEqual([]);
    expect(files).toHaveLength(8);
    for (const f of files) expect(() => JSON.parse(readFileSync(f, 'utf8')) as unknown).not.toThrow();
  });

  it('serialises concurrent writes to one key: with the same eTag exactly one wins', async () => {
    const store = new LowdbStateStore(freshDir());
    await store.write({ k: { n: 0 } });
    const { k: base } = await store.read(['k']);
    const results = await Promise.allSettled(
      Array.from({ length: 20 }, (_, i) => store.write({ k: { ...base, n: i + 1 } })),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(results.filter((r) => r.status === 'rejected')).toHaveLength(19);
  });

  it('loses no write when many conversations write at once', async () => {
    const dir = freshDir();
    const store = new LowdbStateStore(dir);
    await Promise.all(Array.from({ length: 200 }, (_, i) => store.write({ [`conv-${i}`]: { i } })));
    const keys = Array.from({ length: 200 }, (_, i) => `conv-${i}`);
    const fresh = await new LowdbStateStore(dir).read(keys);
    expect(Object.keys(fresh)).toHaveLength(200);
  });

  it('refuses to overwrite a corrupted file and names it', async () => {
    const dir = freshDir();
    const hash = createHash('sha256').update('broken').digest('hex');
    mkdirSync(join(dir, hash.slice(0, 2)), { recursive: true });
    const path = join(dir, hash.slice(0, 2), `${hash}.json`);
    writeFileSync(path, '{"key": "broken", "item": {');
    const store = new LowdbStateStore(dir);
    await expect(store.read(['broken'])).rejects.toThrow(path);
    await expect(store.write({ broken: { v: 1 } })).rejects.toThrow(/unreadable/);
    expect(readFileSync(path, 'utf8')).toBe('{"key": "broken", "item": {');
  });

  it('refuses writes after close and waits for pending ones', async () => {
    const store = new LowdbStateStore(freshDir());
    const pending = store.write({ k: { v: 1 } });
    await store.close();
    await expect(pending).resolves.toBeUndefined();
    await expect(store.write({ k: { v: 2 } })).rejects.toThrow(/closed/);
  });

  it.each([
    ['LowdbStateStore', () => new LowdbStateStore(freshDir()) as Storage],
    ['MemoryStorage', () => new MemoryStorage()],
  ])('%s backs botbuilder ConversationState the same way', async (_name, make) => {
    const storage = make();
    const state = new ConversationState(storage);
    const prop = state.createProperty<number>('count');
    const adapter = new TestAdapter();
    const activity: Partial<Activity> = {
      type: 'message',
      channelId: 'test',
      conversation: { id: 'c' } as ConversationAccount,
      from: { id: 'u', name: 'U' },
      recipient: { id: 'b', name: 'B' },
    };
    for (const expected of [1, 2, 3]) {
      const context = new TurnContext(adapter, activity);
      await state.load(context);
      await prop.set(context, (await prop.get(context, 0)) + 1);
      await state.saveChanges(context);
      expect(await prop.get(context)).toBe(expected);
    }
  });
});
