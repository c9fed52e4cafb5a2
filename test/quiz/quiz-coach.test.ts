import { QuizFlow } from '../../src/dialogs/quiz-flow';
import type { BankQuestion } from '../../src/knowledge';
import { MemoryQuizStore, QuizCoach, type QuizAnswer } from '../../src/quiz';
import { prng } from '../bench/prng';
import { content } from '../helpers';

const bank = content().quiz;
const flow = QuizFlow.parse(content().catalogue.capabilities.find((c) => c.id === 'quiz')?.flow);
const learner = { id: 'trainee-1', name: 'Léa', team: 'promo-a' };
/** Thursday 26 November 2026, 10:00 in Paris. */
const START = new Date(2026, 10, 26, 10, 0).getTime();

function setUp(seed = 7) {
  let now = START;
  const store = new MemoryQuizStore();
  const coach = new QuizCoach(bank, { store, settings: flow.settings, now: () => new Date(now), random: prng(seed) });
  return {
    store,
    coach,
    /** Moves the clock on. */
    wait: (ms: number) => {
      now += ms;
    },
  };
}

/** The right answer to a question (ordering: the steps in their written order). */
function right(q: BankQuestion): QuizAnswer {
  if (q.type === 'true-false') return { value: q.answer };
  if (q.type === 'ordering') return { order: q.steps.map((_, i) => i) };
  return { choices: q.options.flatMap((o, i) => (o.correct ? [i] : [])) };
}
function wrong(q: BankQuestion): QuizAnswer {
  if (q.type === 'true-false') return { value: !q.answer };
  if (q.type === 'ordering') return { order: q.steps.map((_, i) => i).reverse() };
  return { choices: [q.options.findIndex((o) => !o.correct)] };
}

async function answerAll(
  s: ReturnType<typeof setUp>,
  pick: (q: BankQuestion, i: number) => QuizAnswer,
  seconds = 20,
): Promise<void> {
  for (let i = 0; ; i++) {
    const session = await s.coach.openSession(learner.id);
    const current = session && s.coach.current(session);
    if (!current) return;
    s.wait(seconds * 1000);
    await s.coach.answer(learner, pick(current.question, i));
  }
}

describe('QuizCoach', () => {
  it('practises one CCP with the set number of questions, all from that CCP, none twice', async () => {
    const s = setUp();
    const result = await s.coach.start(learner, { mode: 'practice', locale: 'fr', ccp: 'ccp2' });
    if (!result.ok) throw new Error('no session');
    const ids = result.session.questions.map((q) => q.id);
    expect(ids).toHaveLength(flow.settings.practice_size);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(bank.questions.find((q) => q.id === id)?.ccp).toBe('ccp2');
  });

  it('practises one competency', async () => {
    const s = setUp();
    const result = await s.coach.start(learner, { mode: 'practice', locale: 'en', competency: 'ensure-safety' });
    if (!result.ok) throw new Error('no session');
    expect(
      result.session.questions.every(
        (q) => q.id && bank.questions.find((b) => b.id === q.id)?.competency === 'ensure-safety',
      ),
    ).toBe(true);
  });

  it('scores answers, gives the summary after the last one and closes the session', async () => {
    const s = setUp();
    await s.coach.start(learner, { mode: 'practice', locale: 'fr', competency: 'uphold-rules' });
    await answerAll(s, (q, i) => (i % 2 === 0 ? right(q) : wrong(q)));
    expect(await s.coach.openSession(learner.id)).toBeUndefined();
    const record = await s.store.get(learner.id);
    expect(record?.attempts).toHaveLength(10);
    expect(record?.attempts.map((a) => a.score)).toEqual([1, 0, 1, 0, 1, 0, 1, 0, 1, 0]);
    expect(record?.attempts.every((a) => a.response_ms === 20_000)).toBe(true);
    expect(Object.keys(record?.cards ?? {})).toHaveLength(10);
  });

  it('keeps a stopped session open and resumes it where it stopped', async () => {
    const s = setUp();
    await s.coach.start(learner, { mode: 'practice', locale: 'fr', ccp: 'ccp1' });
    for (let i = 0; i < 3; i++) {
      const current = s.coach.current((await s.coach.openSession(learner.id))!)!;
      await s.coach.answer(learner, right(current.question));
    }
    const summary = await s.coach.stop(learner.id);
    expect(summary).toMatchObject({ answered: 3, total: 10, score: 1 });
    s.wait(2 * 3600_000);
    const resumed = await s.coach.resume(learner);
    expect(resumed && s.coach.current(resumed)?.position).toBe(4);
    // The response time runs from the resumption, not from the last answer two hours ago.
    s.wait(5_000);
    await s.coach.answer(learner, { choices: [0] });
    expect((await s.store.get(learner.id))?.attempts.at(-1)?.response_ms).toBe(5_000);
  });

  it('reviews only the questions that are due, the wrong ones coming back first', async () => {
    const s = setUp();
    expect(await s.coach.start(learner, { mode: 'review', locale: 'fr' })).toEqual({
      ok: false,
      reason: 'nothing-due',
    });
    await s.coach.start(learner, { mode: 'practice', locale: 'fr', competency: 'address-a-group' });
    const missed: string[] = [];
    await answerAll(s, (q, i) => {
      if (i < 3) {
        missed.push(q.id);
        return wrong(q);
      }
      return right(q);
    });
    // Nothing is due straight away for the right answers; the wrong ones come back within the day.
    s.wait(24 * 3600_000);
    const review = await s.coach.start(learner, { mode: 'review', locale: 'fr' });
    if (!review.ok) throw new Error('nothing due');
    expect(review.session.questions.map((q) => q.id).sort()).toEqual([...missed].sort());
    await answerAll(s, right);
    const later = await s.coach.start(learner, { mode: 'review', locale: 'fr' });
    expect(later).toMatchObject({ ok: false, reason: 'nothing-due' });
    if (!later.ok) expect(later.nextDue!.getTime()).toBeGreaterThan(START + 24 * 3600_000);
  });

  it('makes an exam of the set size across the 3 CCPs, every competency asked, with a score and a verdict per CCP', async () => {
    const s = setUp();
    const result = await s.coach.start(learner, { mode: 'exam', locale: 'fr' });
    if (!result.ok) throw new Error('no exam');
    const questions = result.session.questions.map((e) => bank.questions.find((q) => q.id === e.id)!);
    const { per_ccp } = flow.settings.exam;
    for (const ccp of ['ccp1', 'ccp2', 'ccp3'] as const)
      expect(questions.filter((q) => q.ccp === ccp)).toHaveLength(per_ccp[ccp]);
    expect(new Set(questions.map((q) => q.competency)).size).toBe(13);
    // Right in CCP1 and CCP2, wrong in CCP3.
    await answerAll(s, (q) => (q.ccp === 'ccp3' ? wrong(q) : right(q)));
    const last = (await s.store.get(learner.id))!;
    const summary = s.coach.summarise({ ...result.session, scores: last.attempts.map((a) => a.score) });
    expect(summary.byCcp).toEqual([
      { id: 'ccp1', answered: per_ccp.ccp1, score: 1, passed: true },
      { id: 'ccp2', answered: per_ccp.ccp2, score: 1, passed: true },
      { id: 'ccp3', answered: per_ccp.ccp3, score: 0, passed: false },
    ]);
    expect(summary.passed).toBe(false);
  });

  it('drills the weakest competencies: those answered wrong before those mastered', async () => {
    const s = setUp();
    // Master every competency but two: all right, except ensure-safety and address-a-group all wrong.
    for (const c of bank.competencies) {
      await s.coach.start(learner, { mode: 'practice', locale: 'fr', competency: c.id });
      const bad = c.id === 'ensure-safety' || c.id === 'address-a-group';
      await answerAll(s, (q) => (bad ? wrong(q) : right(q)));
    }
    const drill = await s.coach.start(learner, { mode: 'weak-spot', locale: 'fr' });
    if (!drill.ok) throw new Error('no drill');
    expect(drill.session.scope.competencies?.sort()).toEqual(['address-a-group', 'ensure-safety']);
    const picked = drill.session.questions.map((e) => bank.questions.find((q) => q.id === e.id)!.competency);
    expect(new Set(picked)).toEqual(new Set(['address-a-group', 'ensure-safety']));
  });

  it('reports mastery per competency, the streak and what is due today', async () => {
    const s = setUp();
    const before = await s.coach.progress(learner.id, 'fr');
    expect(before.mastery).toHaveLength(13);
    expect(before.mastery.every((m) => m.mastery === 0)).toBe(true);
    expect(before).toMatchObject({ streak: 0, dueToday: 0, answered: 0 });

    await s.coach.start(learner, { mode: 'practice', locale: 'fr', competency: 'inform-and-orient' });
    await answerAll(s, right);
    s.wait(24 * 3600_000);
    await s.coach.start(learner, { mode: 'practice', locale: 'fr', competency: 'inform-and-orient' });
    await answerAll(s, right);
    const after = await s.coach.progress(learner.id, 'fr');
    const inform = after.mastery.find((m) => m.competency === 'inform-and-orient')!;
    expect(inform.answered).toBe(12);
    expect(inform.mastery).toBeGreaterThan(0.5);
    expect(after.mastery.filter((m) => m.competency !== 'inform-and-orient').every((m) => m.mastery === 0)).toBe(true);
    expect(after.streak).toBe(2);
    expect(after.answered).toBe(20);
  });

  it('asks English speakers only questions written in English', async () => {
    const s = setUp();
    const result = await s.coach.start(learner, { mode: 'exam', locale: 'en' });
    if (!result.ok) throw new Error('no exam');
    for (const e of result.session.questions)
      expect(bank.questions.find((q) => q.id === e.id)?.prompt.en).toBeDefined();
  });

  it("gives the trainer the group's mastery and item statistics, for the team's learners only", async () => {
    const s = setUp();
    const others = { id: 'trainee-9', team: 'promo-b' };
    for (const [who, good] of [
      [learner, true],
      [{ id: 'trainee-2', team: 'promo-a' }, false],
      [others, true],
    ] as const) {
      await s.coach.start(who, { mode: 'practice', locale: 'fr', competency: 'ensure-safety' });
      for (;;) {
        const session = await s.coach.openSession(who.id);
        const current = session && s.coach.current(session);
        if (!current) break;
        await s.coach.answer(who, good ? right(current.question) : wrong(current.question));
      }
    }
    const view = await s.coach.group('promo-a');
    expect(view.learners).toBe(2);
    expect(view.mastery.find((m) => m.competency === 'ensure-safety')!.mastery).toBeGreaterThan(0);
    expect(view.items.every((i) => i.competency === 'ensure-safety')).toBe(true);
    const counts = view.items.map((i) => i.attempts);
    expect(Math.max(...counts)).toBeLessThanOrEqual(2);
  });

  it('drops a stopped session whose questions no longer exist', async () => {
    const s = setUp();
    await s.store.update(learner, (r) => ({
      ...r,
      session: {
        id: 'old',
        mode: 'practice',
        scope: {},
        locale: 'fr',
        questions: [{ id: 'a-question-removed-from-the-bank' }],
        scores: [],
        started_at: new Date(START).toISOString(),
      },
    }));
    expect(await s.coach.openSession(learner.id)).toBeUndefined();
  });
});
