import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Attempt, LearnerRecord } from '../../src/quiz';
import { LowdbQuizStore } from '../../src/storage/lowdb-quiz-store';

const freshDir = () => mkdtempSync(join(tmpdir(), 'relais-quiz-'));
const jsonFiles = (dir: string) => readdirSync(dir).filter((n) => n.endsWith('.json'));

/** An answer to question `question` at 10:00 on 26 November 2026 (Paris). */
function attempt(question: string, score = 1): Attempt {
  return {
    question,
    competency: 'ensure-safety',
    session: 'session-1',
    mode: 'practice',
    score,
    at: '2026-11-26T10:00:00+01:00',
    response_ms: 12000,
  };
}
const answer =
  (question: string, score = 1) =>
  (record: LearnerRecord): LearnerRecord => ({ ...record, attempts: [...record.attempts, attempt(question, score)] });

const LEA = { id: 'trainee-lea', name: 'Léa', team: 'promo-a' };
const SAM = { id: 'trainee-sam', name: 'Sam', team: 'promo-b' };

describe('LowdbQuizStore', () => {
  it('gives back what an update wrote, and nothing for a learner never seen', async () => {
    const store = await LowdbQuizStore.open(freshDir());
    expect(await store.get(LEA.id)).toBeUndefined();
    const written = await store.update(LEA, answer('q1'));
    expect(written).toEqual({ learner: LEA, cards: {}, attempts: [attempt('q1')] });
    expect(await store.get(LEA.id)).toEqual(written);
    expect(await store.update(LEA, answer('q2', 0.5))).toMatchObject({ attempts: [attempt('q1'), attempt('q2', 0.5)] });
    expect(await store.get('trainee-unknown')).toBeUndefined();
  });

  it('reads back every learner after a restart, with their teams', async () => {
    const dir = freshDir();
    const first = await LowdbQuizStore.open(dir);
    await first.update(LEA, answer('q1'));
    await first.update(SAM, answer('q2'));
    await first.update({ id: 'trainee-noa' }, answer('q3'));
    await first.close();

    const second = await LowdbQuizStore.open(dir);
    expect(await second.get(LEA.id)).toEqual({ learner: LEA, cards: {}, attempts: [attempt('q1')] });
    expect((await second.list({ team: 'promo-a' })).map((r) => r.learner.id)).toEqual([LEA.id]);
    expect((await second.list({ team: 'promo-b' })).map((r) => r.learner.id)).toEqual([SAM.id]);
    expect(await second.list({ team: 'promo-z' })).toEqual([]);
    expect((await second.list()).map((r) => r.learner.id).sort()).toEqual([LEA.id, 'trainee-noa', SAM.id]);
  });

  it('moves a learner to their new team in the list when an update changes it', async () => {
    const store = await LowdbQuizStore.open(freshDir());
    await store.update(LEA, answer('q1'));
    await store.update({ ...LEA, team: 'promo-b' }, answer('q2'));
    expect(await store.list({ team: 'promo-a' })).toEqual([]);
    expect((await store.list({ team: 'promo-b' })).map((r) => r.attempts.length)).toEqual([2]);
  });

  it('loses no answer when 50 updates of one learner run at once', async () => {
    const dir = freshDir();
    const store = await LowdbQuizStore.open(dir);
    const questions = Array.from({ length: 50 }, (_, n) => `q${n}`);
    await Promise.all(questions.map((q) => store.update(LEA, answer(q))));
    const record = await store.get(LEA.id);
    expect(record?.attempts.map((a) => a.question).sort()).toEqual([...questions].sort());
    expect(jsonFiles(dir)).toHaveLength(1);

    const reopened = await LowdbQuizStore.open(dir);
    expect((await reopened.get(LEA.id))?.attempts).toHaveLength(50);
  });

  it('refuses to open a folder holding a damaged file, naming the file', async () => {
    const dir = freshDir();
    const store = await LowdbQuizStore.open(dir);
    await store.update(LEA, answer('q1'));
    const [name] = jsonFiles(dir);
    writeFileSync(join(dir, name!), '{"version": 1, "record": {"learner": ');
    await expect(LowdbQuizStore.open(dir)).rejects.toThrow(join(dir, name!));
  });

  it('refuses to open a folder holding valid JSON that is not a progress file, naming the file', async () => {
    const dir = freshDir();
    writeFileSync(join(dir, 'stray.json'), JSON.stringify({ version: 1, record: { learner: { id: 'x' } } }));
    await expect(LowdbQuizStore.open(dir)).rejects.toThrow(
      `${join(dir, 'stray.json')} is not a valid quiz progress file`,
    );
  });

  it('keeps learner ids with ":" and "/" apart, in plain files of the folder', async () => {
    const dir = freshDir();
    const store = await LowdbQuizStore.open(dir);
    const teams = { id: '29:1a2B-c3/d4', team: 'promo-a' };
    const web = { id: 'webchat/../29:1a2B-c3', team: 'promo-a' };
    await store.update(teams, answer('q1'));
    await store.update(web, answer('q2'));
    expect(jsonFiles(dir)).toHaveLength(2);
    expect(readdirSync(dir, { withFileTypes: true }).every((e) => e.isFile())).toBe(true);

    const reopened = await LowdbQuizStore.open(dir);
    expect((await reopened.get(teams.id))?.attempts).toEqual([attempt('q1')]);
    expect((await reopened.get(web.id))?.attempts).toEqual([attempt('q2')]);
  });

  it('refuses a change that returns an invalid record and leaves the file as it was', async () => {
    const dir = freshDir();
    const store = await LowdbQuizStore.open(dir);
    const before = await store.update(LEA, answer('q1'));
    const [name] = jsonFiles(dir);
    const bytes = readFileSync(join(dir, name!), 'utf8');

    await expect(store.update(LEA, answer('q2', 2))).rejects.toThrow();
    await expect(
      store.update(LEA, (r) => ({ ...r, attempts: [{ ...attempt('q2'), at: 'yesterday' }] })),
    ).rejects.toThrow();
    expect(readFileSync(join(dir, name!), 'utf8')).toBe(bytes);
    expect(await store.get(LEA.id)).toEqual(before);

    // The learner's queue is not stuck, and a learner whose first change fails gets no file.
    await store.update(LEA, answer('q3'));
    expect((await store.get(LEA.id))?.attempts.map((a) => a.question)).toEqual(['q1', 'q3']);
    await expect(store.update(SAM, answer('q1', -1))).rejects.toThrow();
    expect(await store.get(SAM.id)).toBeUndefined();
    expect(jsonFiles(dir)).toHaveLength(1);
  });
});
