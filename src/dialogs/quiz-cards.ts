import { CardFactory, type Attachment } from 'botbuilder';
import type { Locale } from '../content';
import type { Competency, QuizText } from '../knowledge/quiz-bank';
import type { CompetencyMastery, CurrentQuestion, GroupView, Progress } from '../quiz';

type T = (key: string, vars?: Record<string, string | number>) => string;

const LETTERS = 'ABCDEFGHIJ';

/** A card button's payload: `{ capability: 'quiz', quiz: … }`, so the router knows where it goes. */
export interface QuizAction {
  do: 'answer' | 'start' | 'resume' | 'fresh' | 'progress' | 'group' | 'choose-scope';
  /** The question answered (a late click on an older card is ignored). */
  q?: string;
  value?: boolean;
  mode?: 'practice' | 'review' | 'exam' | 'weak-spot';
  ccp?: string;
  competency?: string;
}

export function letter(position: number): string {
  return LETTERS[position] ?? String(position + 1);
}

export function say(text: QuizText, locale: Locale): string {
  return text[locale] ?? text.fr;
}

/** The texts shown for a question's options or steps, in display order. */
export function shownTexts(current: CurrentQuestion, locale: Locale): string[] {
  const { question, shown } = current;
  if ('options' in question) return question.options.map((o) => say(o.text, locale));
  if (question.type === 'ordering')
    return (shown ?? question.steps.map((_, i) => i)).map((i) => say(question.steps[i]!, locale));
  return [];
}

/** An example answer for an ordering of `n` steps ("B D A C" for 4). */
export function orderExample(n: number): string {
  const example = [1, 3, 0, 2, 4, 5].filter((i) => i < n);
  return example.map(letter).join(' ');
}

const submit = (title: string, quiz: QuizAction) => ({
  type: 'Action.Submit',
  title,
  data: { capability: 'quiz', quiz },
});

/**
 * A question as an Adaptive Card 1.5 (Action.Submit only, so it works in Teams and Web Chat): single choice and
 * scenarios as radio buttons, multiple choice as check boxes, true/false as two buttons, ordering as lettered steps
 * and a text box. The plain-text fallback lists the options with their letters: typing one answers too.
 */
export function questionCard(
  current: CurrentQuestion,
  names: { ccp: string; competency: string },
  locale: Locale,
  t: T,
): Attachment {
  const { question } = current;
  const q = question.id;
  const body: object[] = [
    {
      type: 'TextBlock',
      text: t('quiz.card.header', { ...names, position: current.position, total: current.total }),
      isSubtle: true,
      size: 'Small',
      wrap: true,
    },
  ];
  if (question.type === 'scenario')
    body.push({ type: 'TextBlock', text: say(question.scene, locale), wrap: true, style: 'default' });
  body.push({ type: 'TextBlock', text: say(question.prompt, locale), weight: 'Bolder', wrap: true });
  const texts = shownTexts(current, locale);
  const lines = texts.map((text, i) => `${letter(i)}. ${text}`);
  let actions: object[];
  switch (question.type) {
    case 'single-choice':
    case 'scenario':
    case 'multiple-choice': {
      const multiple = question.type === 'multiple-choice';
      body.push(
        {
          type: 'TextBlock',
          text: t(multiple ? 'quiz.card.pickSeveral' : 'quiz.card.pickOne'),
          isSubtle: true,
          wrap: true,
        },
        {
          type: 'Input.ChoiceSet',
          id: 'choices',
          style: 'expanded',
          isMultiSelect: multiple,
          wrap: true,
          choices: lines.map((title, i) => ({ title, value: String(i) })),
        },
      );
      actions = [submit(t('quiz.card.submit'), { do: 'answer', q })];
      break;
    }
    case 'true-false':
      actions = [
        submit(t('quiz.card.true'), { do: 'answer', q, value: true }),
        submit(t('quiz.card.false'), { do: 'answer', q, value: false }),
      ];
      break;
    case 'ordering': {
      const example = orderExample(texts.length);
      body.push(
        ...lines.map((text) => ({ type: 'TextBlock', text, wrap: true, spacing: 'Small' })),
        { type: 'TextBlock', text: t('quiz.card.orderHint', { example }), isSubtle: true, wrap: true },
        { type: 'Input.Text', id: 'order', placeholder: t('quiz.card.orderPlaceholder', { example }), maxLength: 40 },
      );
      actions = [submit(t('quiz.card.submit'), { do: 'answer', q })];
      break;
    }
  }
  body.push({ type: 'TextBlock', text: t('quiz.card.typeHint'), isSubtle: true, size: 'Small', wrap: true });
  const fallback = [
    t('quiz.card.header', { ...names, position: current.position, total: current.total }),
    question.type === 'scenario' ? say(question.scene, locale) : '',
    say(question.prompt, locale),
    ...(question.type === 'true-false' ? [`A. ${t('quiz.card.true')}`, `B. ${t('quiz.card.false')}`] : lines),
  ]
    .filter(Boolean)
    .join('\n');
  return CardFactory.adaptiveCard({
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: '1.5',
    fallbackText: fallback,
    speak: say(question.prompt, locale),
    body,
    actions,
  });
}

/** A mastery bar in text, so that it reads the same on every client: ▰▰▰▱▱▱▱▱▱▱ 30 %. */
export function bar(share: number, locale: Locale): string {
  const filled = Math.round(Math.max(0, Math.min(1, share)) * 10);
  return `${'▰'.repeat(filled)}${'▱'.repeat(10 - filled)} ${percent(share, locale)}`;
}

export function percent(share: number, locale: Locale): string {
  const n = Math.round(share * 100);
  return locale === 'fr' ? `${n} %` : `${n}%`;
}

function masteryRows(
  rows: readonly Pick<CompetencyMastery, 'competency' | 'ccp' | 'mastery'>[],
  competencies: readonly (Competency & { ccp: string })[],
  ccpNames: ReadonlyMap<string, string>,
  locale: Locale,
): object[] {
  const out: object[] = [];
  let ccp = '';
  for (const row of rows) {
    if (row.ccp !== ccp) {
      ccp = row.ccp;
      out.push({ type: 'TextBlock', text: ccpNames.get(ccp) ?? ccp, weight: 'Bolder', spacing: 'Medium', wrap: true });
    }
    const name = competencies.find((c) => c.id === row.competency)?.short[locale] ?? row.competency;
    out.push({
      type: 'ColumnSet',
      spacing: 'Small',
      columns: [
        { type: 'Column', width: 'stretch', items: [{ type: 'TextBlock', text: name, wrap: true }] },
        {
          type: 'Column',
          width: 'auto',
          items: [{ type: 'TextBlock', text: bar(row.mastery, locale), fontType: 'Monospace' }],
        },
      ],
    });
  }
  return out;
}

/** "Mon bilan": key figures, then a mastery bar per competency, grouped by CCP. */
export function progressCard(
  progress: Progress,
  competencies: readonly (Competency & { ccp: string })[],
  ccpNames: ReadonlyMap<string, string>,
  locale: Locale,
  t: T,
  modeName: (mode: string) => string,
): Attachment {
  const body: object[] = [
    { type: 'TextBlock', text: t('quiz.progress.title'), weight: 'Bolder', size: 'Medium', wrap: true },
    {
      type: 'FactSet',
      facts: [
        { title: t('quiz.progress.streak'), value: t('quiz.progress.streakDays', { count: progress.streak }) },
        { title: t('quiz.progress.due'), value: String(progress.dueToday) },
        { title: t('quiz.progress.answered'), value: String(progress.answered) },
      ],
    },
  ];
  if (progress.open)
    body.push({
      type: 'TextBlock',
      text: t('quiz.progress.openSession', { ...progress.open, mode: modeName(progress.open.mode) }),
      wrap: true,
    });
  if (progress.answered === 0) body.push({ type: 'TextBlock', text: t('quiz.progress.none'), wrap: true });
  body.push({ type: 'TextBlock', text: t('quiz.progress.mastery'), isSubtle: true, wrap: true, spacing: 'Medium' });
  body.push(...masteryRows(progress.mastery, competencies, ccpNames, locale));
  const actions = [
    submit(t('quiz.menuReview', { count: progress.dueToday }), { do: 'start', mode: 'review' }),
    submit(t('quiz.menuWeakSpot'), { do: 'start', mode: 'weak-spot' }),
    submit(t('quiz.menuPractice'), { do: 'choose-scope' }),
  ];
  return CardFactory.adaptiveCard({
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: '1.5',
    body,
    actions,
  });
}

/** The trainer's view: learners, mean mastery per competency, questions to look at, and the CSV link. */
export function groupCard(
  view: GroupView,
  team: string,
  competencies: readonly (Competency & { ccp: string })[],
  ccpNames: ReadonlyMap<string, string>,
  flagged: readonly string[],
  locale: Locale,
  t: T,
  csv?: { url: string; minutes: number },
): Attachment {
  const body: object[] = [
    { type: 'TextBlock', text: t('quiz.group.title', { team }), weight: 'Bolder', size: 'Medium', wrap: true },
    { type: 'FactSet', facts: [{ title: t('quiz.group.learners'), value: String(view.learners) }] },
  ];
  if (view.learners === 0) body.push({ type: 'TextBlock', text: t('quiz.group.none'), wrap: true });
  else {
    body.push({ type: 'TextBlock', text: t('quiz.group.mastery'), isSubtle: true, wrap: true });
    body.push(...masteryRows(view.mastery, competencies, ccpNames, locale));
    body.push({ type: 'TextBlock', text: t('quiz.group.items'), weight: 'Bolder', spacing: 'Medium', wrap: true });
    for (const line of flagged) body.push({ type: 'TextBlock', text: line, wrap: true, spacing: 'Small' });
  }
  // A link in the text rather than Action.OpenUrl: cards keep to Action.Submit, and every client opens links.
  if (csv)
    body.push(
      { type: 'TextBlock', text: `[${t('quiz.group.export')}](${csv.url})`, wrap: true, spacing: 'Medium' },
      { type: 'TextBlock', text: t('quiz.group.exportNote', { minutes: csv.minutes }), isSubtle: true, wrap: true },
    );
  return CardFactory.adaptiveCard({
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: '1.5',
    body,
    actions: [],
  });
}
