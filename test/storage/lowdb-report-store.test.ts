import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LowdbReportStore } from '../../src/storage';
import { sampleReport } from './crash/sample-report';

const freshDir = () => mkdtempSync(join(tmpdir(), 'relais-reports-'));

function files(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name).slice(dir.length + 1))
    .sort();
}

describe('LowdbReportStore', () => {
  it('saves, reads back, replaces and removes reports, one shard per team and day', async () => {
    const dir = freshDir();
    const store = await LowdbReportStore.open(dir);
    await store.save(sampleReport(1, { team: 'equipe-nord', day: 25 }));
    await store.save(sampleReport(2, { team: 'equipe-nord', day: 26 }));
    await store.save(sampleReport(3, { team: 'équipe sud', day: 26 }));
    expect(files(dir)).toEqual(
      ['equipe-nord/2026-11-25.json', 'equipe-nord/2026-11-26.json', '%C3%A9quipe%20sud/2026-11-26.json'].sort(),
    );

    const second = sampleReport(2, { team: 'equipe-nord', day: 26 });
    await store.save({ ...second, status: 'validated' });
    expect((await store.get(second.id))?.status).toBe('validated');
    expect(store.size).toBe(3);

    const reopened = await LowdbReportStore.open(dir);
    expect(reopened.size).toBe(3);
    expect(await reopened.get(second.id)).toEqual({ ...second, status: 'validated' });
    expect(await reopened.remove(second.id)).toBe(true);
    expect(await reopened.remove(second.id)).toBe(false);
    expect(files(dir)).not.toContain('equipe-nord/2026-11-26.json');
  });

  it('lists with filters on team, author, form, status, dates and place, newest first', async () => {
    const store = await LowdbReportStore.open(freshDir());
    for (let n = 0; n < 12; n++)
      await store.save({
        ...sampleReport(n, { team: n % 2 ? 'b' : 'a', day: 20 + (n % 3) }),
        ...(n === 4 ? { form: 'veille-technique', place: { text: 'Arrêt République' } } : {}),
      });
    const ids = async (query: Parameters<typeof store.list>[0]) =>
      (await store.list(query)).map((r) => Number.parseInt(r.id.slice(9), 16));

    expect(await ids({ team: 'a' })).toEqual([8, 2, 10, 4, 6, 0]);
    expect(await ids({ team: 'a', author: 'agent-0' })).toEqual([10, 0]);
    expect(await ids({ forms: ['veille-technique'] })).toEqual([4]);
    expect(await ids({ place: 'république' })).toEqual([4]);
    expect(await ids({ place: 'gare-centrale' })).toEqual([11, 8, 5, 2, 10, 7, 1, 9, 6, 3, 0]);
    expect(await ids({ from: new Date(Date.UTC(2026, 10, 21)), to: new Date(Date.UTC(2026, 10, 22)) })).toEqual([
      10, 7, 4, 1,
    ]);
    expect(await ids({ statuses: ['draft'] })).toEqual([]);
  });

  it('finds reviews not yet told from its index after reopening, and reads only the newest asked for', async () => {
    const dir = freshDir();
    const store = await LowdbReportStore.open(dir);
    const review = { status: 'validated' as const, by: { id: 'sup-1' }, at: '2026-11-26T10:00:00.000Z' };
    await store.save({ ...sampleReport(1, { day: 24 }), author: { id: 'agent-1' }, review });
    await store.save({ ...sampleReport(2, { day: 25 }), author: { id: 'agent-1' }, review });
    await store.save({
      ...sampleReport(3, { day: 26 }),
      author: { id: 'agent-1' },
      review: { ...review, seen_at: review.at },
    });
    const reopened = await LowdbReportStore.open(dir);
    const unseen = await reopened.list({ author: 'agent-1', unseenReview: true });
    expect(unseen.map((r) => r.id)).toEqual([sampleReport(2, { day: 25 }).id, sampleReport(1, { day: 24 }).id]);
    expect(await reopened.list({ author: 'agent-1', unseenReview: true, limit: 1 })).toEqual([unseen[0]]);
    expect((await reopened.list({ unseenReview: false })).map((r) => r.id)).toEqual([sampleReport(3, { day: 26 }).id]);
  });

  it('purges the reports created before a date and says how many', async () => {
    const dir = freshDir();
    const store = await LowdbReportStore.open(dir);
    for (let n = 0; n < 6; n++) await store.save(sampleReport(n, { day: 20 + n }));
    expect(await store.purge(new Date(Date.UTC(2026, 10, 23)))).toBe(3);
    expect(files(dir)).toEqual([
      'equipe-nord/2026-11-23.json',
      'equipe-nord/2026-11-24.json',
      'equipe-nord/2026-11-25.json',
    ]);
    expect((await LowdbReportStore.open(dir)).size).toBe(3);
  });

  it('never loses a report to concurrent saves', async () => {
    const dir = freshDir();
    const store = await LowdbReportStore.open(dir);
    await Promise.all(
      Array.from({ length: 200 }, (_, n) => store.save(sampleReport(n, { team: `t${n % 3}`, day: 1 + (n % 2) }))),
    );
    expect((await LowdbReportStore.open(dir)).size).toBe(200);
  });

  it('stops at opening on a damaged file, naming it, and leaves it untouched', async () => {
    const dir = freshDir();
    mkdirSync(join(dir, 'equipe-nord'));
    const damaged = join(dir, 'equipe-nord', '2026-11-26.json');
    writeFileSync(damaged, '{"version":1,"reports":[{"id":');
    await expect(LowdbReportStore.open(dir)).rejects.toThrow(`Report file ${damaged} is unreadable`);
    writeFileSync(damaged, '{"version":1,"reports":[{"id":"x"}]}');
    await expect(LowdbReportStore.open(dir)).rejects.toThrow(
      /not a valid report file \(at reports\.0\.id.*left untouched/,
    );
    expect(readFileSync(damaged, 'utf8')).toBe('{"version":1,"reports":[{"id":"x"}]}');
  });

  it('keeps every acknowledged report when the process is killed (kill -9) during concurrent saves', async () => {
    const dir = freshDir();
    const acked = await new Promise<string[]>((resolve, reject) => {
      const child = spawn(
        process.execPath,
        ['--import', 'tsx', join(__dirname, 'crash', 'save-reports.ts'), dir, '12'],
        {
          stdio: ['ignore', 'pipe', 'pipe'],
        },
      );
      const ids: string[] = [];
      let buffer = '';
      let stderr = '';
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      child.stdout.on('data', (chunk: Buffer) => {
        buffer += chunk.toString();
        const lines = buffer.split('\n');
        buffer = lines.pop() ?? '';
        for (const line of lines) if (line.startsWith('ack ')) ids.push(line.slice(4));
        if (ids.length >= 300 && !child.killed) child.kill('SIGKILL');
      });
      child.on('exit', (code, signal) =>
        signal === 'SIGKILL' ? resolve(ids) : reject(new Error(`child ended with ${code}: ${stderr}`)),
      );
    });
    expect(acked.length).toBeGreaterThanOrEqual(300);
    const store = await LowdbReportStore.open(dir);
    const missing: string[] = [];
    for (const id of acked) if (!(await store.get(id))) missing.push(id);
    expect(missing).toEqual([]);
    expect(files(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  }, 60_000);
});
