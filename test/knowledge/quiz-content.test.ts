import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ContentError } from '../../src/content';
import {
  BALANCE_HIGH,
  BALANCE_LOW,
  balanceIssues,
  LONGEST_RIGHT_MAX,
  answerPositions,
  hasEnglish,
  loadQuiz,
  longestRight,
  nearDuplicates,
} from '../../src/knowledge';
import { ROOT, brokenKnowledgeCopy, content } from '../helpers';

const { quiz, orientation, rules } = content();

function quizError(dir: string): ContentError {
  try {
    loadQuiz(join(dir, 'knowledge'), dir, { orientation, rules });
  } catch (error) {
    if (error instanceof ContentError) return error;
    throw error;
  }
  throw new Error('expected a ContentError');
}

describe('the quiz référentiel', () => {
  it('has the 3 CCP and 13 competencies of the 2011 wording, each mapped to its current bloc', () => {
    const { ccps, version } = quiz.referentiel;
    expect(version.wording).toBe('2011');
    expect(ccps.map((c) => [c.id, c.current_bloc.code, c.competencies.length])).toEqual([
      ['ccp1', 'BC01', 5],
      ['ccp2', 'BC02', 5],
      ['ccp3', 'BC03', 3],
    ]);
    // Verbatim from the arrêté (domain.md §1.2).
    expect(ccps[1]!.title.fr).toBe('Réguler par la médiation des situations de tension et de conflit');
    expect(quiz.competencies.find((c) => c.id === 'respect-limits-and-hand-over')?.title.fr).toBe(
      'Respecter les limites de ses responsabilités et passer le relais aux autres intervenants.',
    );
  });
});

describe('the question bank', () => {
  it('has at least 150 questions, at least 10 per competency, a third of them in English too', () => {
    expect(quiz.questions.length).toBeGreaterThanOrEqual(150);
    for (const c of quiz.competencies)
      expect({ c: c.id, n: quiz.questions.filter((q) => q.competency === c.id).length >= 10 }).toEqual({
        c: c.id,
        n: true,
      });
    expect(quiz.questions.filter(hasEnglish).length).toBeGreaterThanOrEqual(quiz.questions.length / 3);
  });

  it('uses every question type in every CCP, and three difficulties', () => {
    for (const ccp of ['ccp1', 'ccp2', 'ccp3'])
      expect(new Set(quiz.questions.filter((q) => q.ccp === ccp).map((q) => q.type))).toEqual(
        new Set(['single-choice', 'scenario', 'multiple-choice', 'true-false', 'ordering']),
      );
    expect(new Set(quiz.questions.map((q) => q.difficulty))).toEqual(new Set([1, 2, 3]));
  });

  it('spreads right answers evenly over positions, and the right option is rarely the longest', () => {
    for (const [, counts] of answerPositions(quiz.questions)) {
      const expected = counts.reduce((a, b) => a + b, 0) / counts.length;
      for (const n of counts) {
        expect(n).toBeGreaterThanOrEqual(BALANCE_LOW * expected);
        expect(n).toBeLessThanOrEqual(BALANCE_HIGH * expected);
      }
    }
    const longest = longestRight(quiz.questions);
    expect(longest.ids.length).toBeLessThanOrEqual(LONGEST_RIGHT_MAX * longest.total);
  });

  it('has no near-duplicate questions', () => {
    expect(nearDuplicates(quiz.questions).map(([a, b]) => `${a.id} ~ ${b.id}`)).toEqual([]);
  });

  it('refuses a question that copies another one, naming both', () => {
    const dir = brokenKnowledgeCopy('quiz/questions/address-a-group.yaml', (text) => {
      const source = readFileSync(join(ROOT, 'knowledge/quiz/questions/ensure-safety.yaml'), 'utf8');
      const first = source.split('\n  - id: ')[1]!;
      return `${text.trimEnd()}\n  - id: copied-${first}`;
    });
    expect(quizError(dir).message).toMatch(
      /address-a-group\.yaml.*near-duplicate of "[a-z0-9-]+" in knowledge\/quiz\/questions\/ensure-safety\.yaml/,
    );
  });

  it('refuses a reliance on a knowledge item that does not exist', () => {
    const dir = brokenKnowledgeCopy('quiz/questions/inform-and-orient.yaml', (text) =>
      text.replace(/relies_on: \[\{ number: [a-z0-9-]+ \}/, 'relies_on: [{ number: numero-invente }'),
    );
    expect(quizError(dir).message).toMatch(
      /inform-and-orient\.yaml.*relies_on\.0\.number: unknown number "numero-invente"/,
    );
  });

  it('refuses a question half translated', () => {
    const dir = brokenKnowledgeCopy('quiz/questions/uphold-rules.yaml', (text) =>
      text.replace(/\n(\s+)en: "[^"\n]*"\n/, '\n'),
    );
    expect(quizError(dir).message).toMatch(
      /uphold-rules\.yaml.*a question is either fully in English or only in French/,
    );
  });

  it('refuses a bank whose right answers all sit in the same place', () => {
    const skewed = quiz.questions
      .filter((q) => q.type === 'single-choice')
      .slice(0, 12)
      .map((q) => ({
        ...q,
        options: q.options.map((o, i) => ({ ...o, correct: i === 0 })),
      }));
    expect(balanceIssues(skewed, 'questions').map((i) => i.message)).toEqual([
      expect.stringMatching(/^right answers are not spread evenly: 12 \/ 0 \/ 0 \/ 0 by position/),
      expect.stringMatching(/position 2 holds 0/),
      expect.stringMatching(/position 3 holds 0/),
      expect.stringMatching(/position 4 holds 0/),
    ]);
    expect(balanceIssues(quiz.questions, 'questions')).toEqual([]);
  });
});
