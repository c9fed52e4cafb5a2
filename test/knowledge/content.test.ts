import { cpSync, mkdtempSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ContentError } from '../../src/content';
import { loadContent } from '../../src';
import { INTENTS } from '../../src/knowledge';
import { ROOT, content } from '../helpers';

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sourceFiles(path) : path.endsWith('.ts') ? [path] : [];
  });
}

describe('all content in knowledge/ and dialogs/', () => {
  it('loads and validates', () => {
    expect(() => content()).not.toThrow();
  });

  it('has training utterances for every intent in both languages', () => {
    const { intents } = content().knowledge;
    for (const locale of ['fr', 'en'] as const) {
      for (const intent of INTENTS) expect(intents[locale][intent].length).toBeGreaterThanOrEqual(15);
    }
  });

  it('declares a dialog for each capability intent, each with roles', () => {
    const { catalogue } = content();
    expect(catalogue.capabilities.map((c) => c.intent).sort()).toEqual(['orientation', 'quiz', 'report', 'rules']);
    expect(catalogue.capabilities.find((c) => c.id === 'report')?.roles).not.toContain('public');
  });

  it('has every message key used in src/ in both catalogues', () => {
    const { messages } = content().knowledge;
    const used = new Set<string>();
    for (const file of sourceFiles(join(ROOT, 'src'))) {
      const text = readFileSync(file, 'utf8');
      for (const m of text.matchAll(/(?:sayWithMenu|\.text)\([^,]+,\s*'([a-z][\w.-]+\.[\w.-]+)'/g)) used.add(m[1]!);
    }
    expect(used.size).toBeGreaterThan(5);
    for (const key of used) expect({ key, known: messages.has(key) }).toEqual({ key, known: true });
  });

  it('stops with a message naming the file and the field when a file is invalid', () => {
    const dir = mkdtempSync(join(tmpdir(), 'relais-bad-content-'));
    cpSync(join(ROOT, 'knowledge'), join(dir, 'knowledge'), { recursive: true });
    cpSync(join(ROOT, 'dialogs'), join(dir, 'dialogs'), { recursive: true });
    const quiz = join(dir, 'dialogs', 'quiz.yaml');
    writeFileSync(
      quiz,
      readFileSync(quiz, 'utf8').replace('roles: [agent, supervisor, trainee]', 'roles: [agent, janitor]'),
    );
    expect(() => loadContent(dir)).toThrow(ContentError);
    expect(() => loadContent(dir)).toThrow(/dialogs\/quiz\.yaml:\d+ at roles\.1: /);
  });
});
