import { Form, FormEngine, holds, type Report } from '../../src/reports';

const NOW = new Date('2026-11-26T13:30:00Z');
const t = (fr: string) => ({ fr, en: fr });
const form = Form.parse({
  id: 'test-form',
  kind: 'technical',
  title: t('Test'),
  description: t('Test'),
  sources: ['test'],
  verified_on: '2026-11-26',
  fields: [
    {
      id: 'when',
      type: 'datetime',
      label: t('Quand ?'),
      required: true,
      default: 'now',
      constraint: { not_future: true, max_age_days: 31, message: t('Pas dans le futur ni trop ancien.') },
    },
    { id: 'situation', type: 'text', label: t('Situation'), prefill: 'situation' },
    {
      id: 'kind',
      type: 'single-choice',
      label: t('Type'),
      required: true,
      choices: [
        { id: 'a', label: t('A') },
        { id: 'b', label: t('B') },
      ],
    },
    { id: 'danger', type: 'yes-no', label: t('Danger ?') },
    {
      id: 'detail',
      type: 'long-text',
      label: t('Détail'),
      required: true,
      relevant: { field: 'danger', equals: true },
      constraint: { min_length: 5, message: t('Cinq lettres au moins.') },
    },
    {
      id: 'count',
      type: 'number',
      label: t('Combien ?'),
      constraint: { min: 1, max: 10, integer: true, message: t('De 1 à 10.') },
    },
    {
      id: 'services',
      type: 'multiple-choice',
      label: t('Services'),
      choices: [
        { id: 'x', label: t('X') },
        { id: 'none', label: t('Aucun') },
      ],
      constraint: { max: 2, message: t('Deux au plus.') },
    },
    {
      id: 'called-at',
      type: 'datetime',
      label: t('Appelé à ?'),
      relevant: { all: [{ field: 'services', answered: true }, { any: [{ field: 'services', includes: 'x' }] }] },
    },
  ],
});
const engine = new FormEngine(form);
const author = { id: 'agent-1' };
const start = (): Report =>
  engine.start({
    author,
    team: 'nord',
    now: NOW,
    random: () => 0.5,
    prefill: { situation: { id: 'lift-breakdown', text: 'Ascenseur en panne' } },
  });

describe('FormEngine', () => {
  it('starts a draft with the time and the previous answer filled in', () => {
    const draft = start();
    expect(draft).toMatchObject({
      id: '20261126-80000000',
      status: 'draft',
      team: 'nord',
      origin: { situation: 'lift-breakdown' },
    });
    expect(draft.answers).toEqual({ when: NOW.toISOString(), situation: 'Ascenseur en panne' });
    expect(draft.prefilled).toEqual(['when', 'situation']);
    expect(engine.next(draft)?.id).toBe('kind');
  });

  it('fills a "prefill: time" field from the previous answer only; without one, only "default: now" fills it', () => {
    const debrief = new FormEngine({
      ...form,
      fields: [{ ...form.fields[0]!, default: undefined, prefill: 'time' }, form.fields[1]!],
    });
    const earlier = new Date(NOW.getTime() - 3_600_000);
    const fromMenu = debrief.start({ author, team: 'nord', now: NOW, random: () => 0.5 });
    expect(fromMenu.answers).toEqual({});
    expect(debrief.next(fromMenu)?.id).toBe('when');
    const afterAnswer = debrief.start({
      author,
      team: 'nord',
      now: NOW,
      random: () => 0.5,
      prefill: { time: earlier },
    });
    expect(afterAnswer.answers).toEqual({ when: earlier.toISOString() });
  });

  it('asks a field only when its condition holds, and drops answers that no longer apply', () => {
    let draft = engine.answer(start(), 'kind', 'a', NOW);
    draft = engine.answer(draft, 'danger', true, NOW);
    expect(engine.next(draft)?.id).toBe('detail');
    draft = engine.answer(draft, 'detail', 'porte ouverte', NOW);
    expect(engine.next(draft)?.id).toBe('count');
    draft = engine.answer(draft, 'danger', false, NOW);
    expect(draft.answers).not.toHaveProperty('detail');
    expect(engine.missing(draft)).toEqual([]);
    draft = engine.answer(draft, 'services', ['none'], NOW);
    expect(engine.relevantFields(draft).map((f) => f.id)).not.toContain('called-at');
    draft = engine.answer(draft, 'services', ['x'], NOW);
    expect(engine.relevantFields(draft).map((f) => f.id)).toContain('called-at');
  });

  it.each([
    ['count', 0, false],
    ['count', 11, false],
    ['count', 2.5, false],
    ['count', 3, true],
    ['detail', 'non', false],
    ['detail', 'porte ouverte', true],
    ['services', ['x', 'none', 'y'], false],
    ['when', '2026-11-26T14:00:00Z', false],
    ['when', '2026-09-01T10:00:00Z', false],
    ['when', '2026-11-26T12:00:00Z', true],
  ])('checks %s = %j → %s', (id, value, ok) => {
    expect(
      engine.check(
        form.fields.find((f) => f.id === id)!,
        value,
        NOW,
      ).ok,
    ).toBe(ok);
  });

  it('skips optional fields, refuses to submit with a required answer missing, and submits', () => {
    let draft = engine.skip(start(), 'kind', NOW);
    expect(draft.skipped).toEqual(['kind']);
    expect(engine.missing(draft).map((f) => f.id)).toEqual(['kind']);
    expect(() => engine.submit(draft, NOW)).toThrow('missing answers: kind');
    draft = engine.answer(draft, 'kind', 'b', NOW);
    expect(draft.skipped).toEqual([]);
    expect(engine.submit(draft, NOW)).toMatchObject({ status: 'submitted', submitted_at: NOW.toISOString() });
  });

  it('evaluates the closed vocabulary of conditions', () => {
    const answers = { a: 'x', n: 3, list: ['p', 'q'] };
    expect(holds({ field: 'a', equals: 'x' }, answers)).toBe(true);
    expect(holds({ field: 'a', not_equals: 'x' }, answers)).toBe(false);
    expect(holds({ field: 'missing', not_equals: 'x' }, answers)).toBe(false);
    expect(holds({ field: 'n', in: [1, 3] }, answers)).toBe(true);
    expect(holds({ field: 'list', includes: 'q' }, answers)).toBe(true);
    expect(holds({ field: 'missing', answered: false }, answers)).toBe(true);
    expect(holds({ any: [{ field: 'a', equals: 'y' }, { all: [{ field: 'n', equals: 3 }] }] }, answers)).toBe(true);
  });

  it('rejects forms whose conditions read later or unknown fields, and choices on the wrong types', () => {
    const bad = Form.safeParse({
      ...form,
      fields: [
        {
          id: 'a',
          type: 'text',
          label: t('A'),
          relevant: { field: 'b', equals: 'x' },
          choices: [{ id: 'x', label: t('X') }],
        },
        { id: 'b', type: 'single-choice', label: t('B'), choices: [{ id: 'x', label: t('X') }] },
      ],
    });
    expect(bad.success).toBe(false);
    const messages = bad.error!.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    expect(messages).toEqual(
      expect.arrayContaining([
        'fields.0.choices: a text field has no choices',
        'fields.1.choices: a single-choice field needs at least 2 choices',
        'fields.0.relevant: "b" must be a field asked before "a"',
      ]),
    );
  });
});
