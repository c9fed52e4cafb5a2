import { ETagConflictError, ExpiringMemoryStateStore } from '../../src/state';

const TTL = 60_000;

/** A store on a clock the test moves; closed after each test (it owns a sweep timer). */
function store(options: { sweepEveryMs?: number } = {}) {
  const clock = { now: 1_000_000 };
  const s = new ExpiringMemoryStateStore(TTL, () => clock.now, options.sweepEveryMs);
  opened.push(s);
  return { store: s, clock };
}
const opened: ExpiringMemoryStateStore[] = [];
afterEach(async () => {
  await Promise.all(opened.splice(0).map((s) => s.close()));
  jest.useRealTimers();
});

describe('ExpiringMemoryStateStore', () => {
  it('reads back what was written, with an eTag, and only the keys asked for', async () => {
    const { store: s } = store();
    await s.write({ a: { n: 1, nested: { list: [1, 2] } }, b: { n: 2 } });
    const items = await s.read(['a', 'missing']);
    expect(items).toEqual({ a: { n: 1, nested: { list: [1, 2] }, eTag: expect.any(String) } });
  });

  it('keeps its own copies: changing what was written or read changes nothing stored', async () => {
    const { store: s } = store();
    const written = { nested: { n: 1 } };
    await s.write({ a: written });
    written.nested.n = 2;
    const read = await s.read(['a']);
    (read.a!.nested as { n: number }).n = 3;
    expect((await s.read(['a'])).a).toMatchObject({ nested: { n: 1 } });
  });

  it('forgets a key TTL after its last write', async () => {
    const { store: s, clock } = store();
    await s.write({ a: { n: 1 } });
    clock.now += TTL - 1;
    expect(s.size).toBe(1);
    clock.now += 1;
    expect(await s.read(['a'])).toEqual({});
    expect(s.size).toBe(0);
  });

  it('counts the TTL from the last read: a conversation in use is kept', async () => {
    const { store: s, clock } = store();
    await s.write({ a: { n: 1 } });
    for (let i = 0; i < 5; i++) {
      clock.now += TTL - 1;
      expect(Object.keys(await s.read(['a']))).toEqual(['a']);
    }
    clock.now += TTL;
    expect(await s.read(['a'])).toEqual({});
  });

  it('counts the TTL from the last write too', async () => {
    const { store: s, clock } = store();
    await s.write({ a: { n: 1 } });
    clock.now += TTL - 1;
    await s.write({ a: { n: 2 } });
    clock.now += TTL - 1;
    expect((await s.read(['a'])).a).toMatchObject({ n: 2 });
  });

  it('refreshes only the keys that are read or written', async () => {
    const { store: s, clock } = store();
    await s.write({ a: { n: 1 }, b: { n: 2 } });
    clock.now += TTL - 1;
    await s.read(['a']);
    clock.now += 1;
    expect(Object.keys(await s.read(['a', 'b']))).toEqual(['a']);
  });

  it('drops expired keys on a timer, without waiting for the next visitor', async () => {
    jest.useFakeTimers();
    const { store: s, clock } = store({ sweepEveryMs: 1_000 });
    await s.write({ a: { n: 1 } });
    const written = clock.now;
    clock.now += TTL;
    jest.advanceTimersByTime(1_000);
    // Back in time, an entry still held would be fresh again: it is gone, so the timer swept it.
    clock.now = written;
    expect(await s.read(['a'])).toEqual({});
  });

  it('forgets everything when closed', async () => {
    const { store: s } = store();
    await s.write({ a: { n: 1 } });
    await s.close();
    expect(await s.read(['a'])).toEqual({});
  });

  describe('eTags, as botbuilder’s MemoryStorage', () => {
    it('gives every write a new eTag', async () => {
      const { store: s } = store();
      await s.write({ a: { n: 1 } });
      const first = (await s.read(['a'])).a!.eTag;
      await s.write({ a: { n: 2 } });
      expect((await s.read(['a'])).a!.eTag).not.toBe(first);
    });

    it('refuses a write with a stale eTag, and writes none of the batch', async () => {
      const { store: s } = store();
      await s.write({ a: { n: 1 } });
      const stale = (await s.read(['a'])).a!;
      await s.write({ a: { n: 2 } });
      await expect(s.write({ b: { n: 9 }, a: { ...stale, n: 3 } })).rejects.toBeInstanceOf(ETagConflictError);
      await expect(s.write({ a: { ...stale, n: 3 } })).rejects.toThrow(/eTag conflict/);
      expect(await s.read(['a', 'b'])).toEqual({ a: { n: 2, eTag: expect.any(String) } });
    });

    it('accepts the current eTag, "*" and no eTag', async () => {
      const { store: s } = store();
      await s.write({ a: { n: 1 } });
      const current = (await s.read(['a'])).a!;
      await s.write({ a: { ...current, n: 2 } });
      await s.write({ a: { n: 3, eTag: '*' } });
      await s.write({ a: { n: 4 } });
      expect((await s.read(['a'])).a).toMatchObject({ n: 4 });
    });

    it('accepts any eTag for a key it does not hold (new or expired)', async () => {
      const { store: s, clock } = store();
      await s.write({ fresh: { n: 1, eTag: 'made-up' } });
      await s.write({ a: { n: 1 } });
      const old = (await s.read(['a'])).a!;
      clock.now += TTL;
      await s.write({ a: { ...old, n: 2 } });
      expect((await s.read(['a', 'fresh'])).a).toMatchObject({ n: 2 });
    });
  });

  it('deletes keys, and ignores keys it does not hold', async () => {
    const { store: s } = store();
    await s.write({ a: { n: 1 }, b: { n: 2 } });
    await s.delete(['a', 'never-written']);
    expect(Object.keys(await s.read(['a', 'b']))).toEqual(['b']);
    expect(s.size).toBe(1);
  });
});
