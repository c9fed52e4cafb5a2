import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { ActivityTypes, MemoryStorage, TestAdapter, type Activity } from 'botbuilder';
import { createRecognizer, createRelaisBot, loadContent, type Content } from '../src';
import type { NaturalRecognizer } from '../src/nlu';
import { ContentError } from '../src/content';
import { loadOrientation } from '../src/knowledge';
import { silentLogger } from '../src/logger';
import type { ReportStore } from '../src/reports';
import type { QuizStore } from '../src/quiz';
import type { ReportLinks } from '../src/dialogs';
import type { Grant, Role, Route } from '../src/roles';
import { setRoute } from '../src/bot';

export const ROOT = resolve(__dirname, '..');
let cached: Content | undefined;
/** The real content of the repository, loaded once per test file. */
export function content(): Content {
  cached ??= loadContent(ROOT);
  return cached;
}

/** A copy of knowledge/ in a temporary folder, with one file (path relative to knowledge/) rewritten by `edit`. */
export function brokenKnowledgeCopy(file: string, edit: (text: string) => string): string {
  const dir = mkdtempSync(join(tmpdir(), 'relais-knowledge-'));
  cpSync(join(ROOT, 'knowledge'), join(dir, 'knowledge'), { recursive: true });
  const path = join(dir, 'knowledge', file);
  const text = readFileSync(path, 'utf8');
  const edited = edit(text);
  expect(edited).not.toEqual(text);
  writeFileSync(path, edited);
  return dir;
}

/** The ContentError that loading the orientation content of the project copy `dir` throws. */
export function orientationError(dir: string): ContentError {
  try {
    loadOrientation(join(dir, 'knowledge'), dir);
  } catch (error) {
    if (error instanceof ContentError) return error;
    throw error;
  }
  throw new Error('expected a ContentError');
}

let trained: NaturalRecognizer | undefined;
/** The recogniser trained on the real content, once per test file. */
export function recognizer(): NaturalRecognizer {
  trained ??= createRecognizer(content());
  return trained;
}

export class StaticRoster {
  constructor(
    private readonly roles: Record<string, Role> = {},
    private readonly teams: Record<string, string> = {},
  ) {}
  roleOf(id: string): Role | undefined {
    return this.roles[id];
  }
  teamOf(id: string): string | undefined {
    return this.teams[id];
  }
}

/** A TestAdapter running the real bot on MemoryStorage. */
export function testBot(
  options: {
    roster?: Record<string, Role>;
    /** Users' teams, by user id. */
    teams?: Record<string, string>;
    /** Who talks (TestAdapter's default user otherwise). */
    user?: { id: string; name: string };
    links?: ReportLinks;
    route?: Route;
    /** What the route vouches for (the web chat's invitation). */
    grant?: Grant;
    locale?: string;
    channelId?: string;
    now?: () => Date;
    reports?: ReportStore;
    quiz?: QuizStore;
    random?: () => number;
  } = {},
) {
  const parts = createRelaisBot({
    content: content(),
    stateStore: new MemoryStorage(),
    roster: new StaticRoster(options.roster, options.teams),
    logger: silentLogger,
    now: options.now,
    reports: options.reports,
    quiz: options.quiz,
    random: options.random,
    recognizer: recognizer(),
    links: options.links,
  });
  const template = {
    channelId: options.channelId ?? 'test',
    locale: options.locale ?? 'fr-FR',
    ...(options.user ? { from: options.user } : {}),
  };
  const adapter = new TestAdapter(
    async (context) => {
      setRoute(context, options.route ?? 'messages', options.grant);
      await parts.bot.run(context);
    },
    template,
    true,
  );
  adapter.onTurnError = parts.onTurnError;
  return { adapter, ...parts };
}

/** Sends one message (text, or an activity such as a card click) and returns the bot's messages for it. */
export async function say(
  bot: ReturnType<typeof testBot>,
  activity: string | Partial<Activity>,
): Promise<Partial<Activity>[]> {
  bot.adapter.activeQueue.length = 0;
  await bot.adapter.receiveActivity(typeof activity === 'string' ? { type: 'message', text: activity } : activity);
  return [...bot.adapter.activeQueue].filter(isMessage);
}

export function messageText(activity: Partial<Activity> | undefined): string {
  return activity?.text ?? '';
}

export function suggestedTitles(activity: Partial<Activity> | undefined): string[] {
  return (activity?.suggestedActions?.actions ?? []).map((a) => a.title ?? String(a.value));
}

/** The titles of the buttons of an activity's hero cards. */
export function buttonTitles(activity: Partial<Activity> | undefined): string[] {
  return (activity?.attachments ?? []).flatMap((a) =>
    ((a.content as { buttons?: { title?: string }[] } | undefined)?.buttons ?? []).map((b) => b.title ?? ''),
  );
}

/** The values the buttons of an activity's hero cards send back. */
export function buttonValues(activity: Partial<Activity> | undefined): unknown[] {
  return (activity?.attachments ?? []).flatMap((a) =>
    ((a.content as { buttons?: { value?: unknown }[] } | undefined)?.buttons ?? []).map((b) => b.value),
  );
}

export function isMessage(activity: Partial<Activity>): boolean {
  return activity.type === ActivityTypes.Message;
}
