import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Activity, TurnContext } from 'botbuilder';
import type * as restify from 'restify';
import { startRelais, type Relais } from '../../src';
import { MAX_MESSAGE_CHARS, getRoute } from '../../src/bot';
import { loadConfig } from '../../src/config';
import { silentLogger } from '../../src/logger';
import { Invitations, SignedToken, type Invitee } from '../../src/roles';
import {
  LOCAL_LIMITS,
  LOCAL_MAX_BODY_BYTES,
  LocalAdapter,
  LocalSession,
  WebPages,
  createServer,
  type Throttle,
} from '../../src/server';
import { ExpiringMemoryStateStore } from '../../src/state';
import { ROOT, content } from '../helpers';

const SECRET = 'the invitation secret of this test server';
const DAY = 86_400_000;
const { knowledge, catalogue, orientation } = content();
const text = (key: string, vars?: Record<string, string | number>) => knowledge.messages.text('fr', key, vars);
const menuLabel = (id: string) => catalogue.capabilities.find((c) => c.id === id)!.menu.fr;

// ---------------------------------------------------------------------------------------------------------------
// HTTP with node:http, so that tests choose the headers (chunked, gzip, content types) and no connection is kept.

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
  json: unknown;
}

function http(
  port: number,
  method: string,
  path: string,
  options: { token?: string; body?: unknown; raw?: string | Buffer; headers?: Record<string, string> } = {},
): Promise<Reply> {
  const body =
    options.raw ?? (options.body === undefined ? undefined : Buffer.from(JSON.stringify(options.body), 'utf8'));
  const headers: Record<string, string> = {
    ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
    ...(body !== undefined && !options.headers?.['transfer-encoding']
      ? { 'content-length': String(Buffer.byteLength(body)) }
      : {}),
    ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
    ...options.headers,
  };
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, method, path, headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        let json: unknown;
        try {
          json = JSON.parse(text);
        } catch {
          json = undefined;
        }
        resolve({ status: res.statusCode ?? 0, headers: res.headers, text, json });
      });
    });
    req.on('error', reject);
    if (body !== undefined) req.write(body);
    req.end();
  });
}

/** A body as sent on the wire, with the headers that say how. */
type RawBody = { raw: string | Buffer; headers?: Record<string, string> };

type Kind = 'chat' | 'kiosk';
interface Conversation {
  kind: Kind;
  id: string;
  token: string;
  user: { id: string; name?: string };
  expiresAt: string;
  activities: Partial<Activity>[];
}

function invitation(invitee: Invitee, options: { days?: number; now?: Date; secret?: string } = {}): string {
  const now = options.now ?? new Date();
  return new Invitations(options.secret ?? SECRET, () => now).create(invitee, options.days ?? 1);
}

const agent: Invitee = { id: 'agent-awa', name: 'Awa Diallo', role: 'agent', team: 'nord' };
const trainee: Invitee = { id: 'trainee-leo', name: 'Léo Martin', role: 'trainee', team: 'nord' };
const supervisor: Invitee = { id: 'sup-claire', name: 'Claire Petit', role: 'supervisor', team: 'nord' };

async function start(port: number, kind: Kind, invite?: string): Promise<Conversation> {
  const res = await http(port, 'POST', `/${kind}/api/conversations`, { token: invite, body: { locale: 'fr-FR' } });
  if (res.status !== 201) throw new Error(`start ${kind}: ${res.status} ${res.text}`);
  const { conversationId, token, user, expiresAt, activities } = res.json as {
    conversationId: string;
    token: string;
    user: Conversation['user'];
    expiresAt: string;
    activities: Partial<Activity>[];
  };
  return { kind, id: conversationId, token, user, expiresAt, activities };
}

function post(port: number, conversation: Conversation, activity: object | string, token = conversation.token) {
  const body = typeof activity === 'string' ? { type: 'message', text: activity } : activity;
  return http(port, 'POST', `/${conversation.kind}/api/conversations/${conversation.id}/activities`, { token, body });
}

/** Sends a message and returns the bot's replies (the request must succeed). */
async function say(port: number, conversation: Conversation, activity: object | string): Promise<Partial<Activity>[]> {
  const res = await post(port, conversation, activity);
  if (res.status !== 200) throw new Error(`say: ${res.status} ${res.text}`);
  return (res.json as { activities: Partial<Activity>[] }).activities;
}

const texts = (activities: Partial<Activity>[]) => activities.map((a) => a.text ?? '');
const allText = (activities: Partial<Activity>[]) => JSON.stringify(activities);
const suggested = (activities: Partial<Activity>[]) =>
  activities.flatMap((a) => a.suggestedActions?.actions ?? []).map((a) => a.title);
/** Every button value (hero cards and suggested actions). */
const buttonValues = (activities: Partial<Activity>[]): unknown[] =>
  activities.flatMap((a) => [
    ...(a.suggestedActions?.actions ?? []).map((b) => b.value as unknown),
    ...(a.attachments ?? []).flatMap((x) =>
      ((x.content as { buttons?: { value?: unknown }[] } | undefined)?.buttons ?? []).map((b) => b.value),
    ),
  ]);
const capabilitiesOffered = (activities: Partial<Activity>[]) =>
  buttonValues(activities).map((v) => (v as { capability?: unknown } | undefined)?.capability);

/** Every entry under `dir`: path, kind, size, mtime and a hash of each file's bytes. */
function snapshot(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .sort()
    .map((path) => {
      const full = join(dir, path);
      const stat = statSync(full);
      if (stat.isDirectory()) return `${path}/ dir mtime=${stat.mtimeMs}`;
      const hash = createHash('sha256').update(readFileSync(full)).digest('hex');
      return `${path} size=${stat.size} mtime=${stat.mtimeMs} sha256=${hash}`;
    });
}

/** Lets anything a request started in the background (a deferred write) reach the disk before looking. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 200));

// ---------------------------------------------------------------------------------------------------------------

describe('web chat and kiosk on a real Relais (startRelais, INVITE_SECRET set)', () => {
  let relais: Relais;
  let port: number;
  let dataDir: string;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'relais-local-chat-'));
    relais = await startRelais(loadConfig({ PORT: '0', DATA_DIR: dataDir, INVITE_SECRET: SECRET }, ROOT), {
      logger: silentLogger,
    });
    port = relais.port;
  });
  afterAll(async () => {
    await relais.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  // New conversations are throttled per address (LOCAL_LIMITS.conversations, burst 10 for each of /chat and
  // /kiosk), and every request here comes from 127.0.0.1: the tests share conversations where they can.
  let agentChat: Promise<Conversation> | undefined;
  const agentConversation = () => (agentChat ??= start(port, 'chat', invitation(agent)));

  describe('GET /chat, the agents’ page', () => {
    it('refuses a visit without an invitation (403 page)', async () => {
      const res = await http(port, 'GET', '/chat');
      expect(res.status).toBe(403);
      expect(res.headers['content-type']).toMatch(/^text\/html/);
      expect(res.headers['cache-control']).toBe('no-store');
    });

    it('refuses a changed invitation (403) and another server’s (403)', async () => {
      const valid = invitation(agent);
      const changed = `${valid.slice(0, 10)}${valid[10] === 'A' ? 'B' : 'A'}${valid.slice(11)}`;
      const foreign = invitation(agent, { secret: 'a secret that is not the server’s one!!' });
      for (const token of [changed, foreign, 'nonsense'])
        expect((await http(port, 'GET', `/chat?invite=${encodeURIComponent(token)}`)).status).toBe(403);
    });

    it('says an expired invitation is gone (410)', async () => {
      const expired = invitation(agent, { days: 1, now: new Date(Date.now() - 2 * DAY) });
      expect((await http(port, 'GET', `/chat?invite=${expired}`)).status).toBe(410);
    });

    it('opens the page for a valid invitation, with the name escaped', async () => {
      const res = await http(port, 'GET', `/chat?invite=${invitation({ ...agent, name: 'Awa <b>"Diallo"</b>' })}`);
      expect(res.status).toBe(200);
      expect(res.headers['content-security-policy']).toContain("script-src 'self'");
      expect(res.headers['referrer-policy']).toBe('no-referrer');
      expect(res.text).toMatch(/Awa &(lt|#60);b&(gt|#62);/);
      expect(res.text).not.toContain('<b>');
    });
  });

  describe('POST /chat/api/conversations: an invitation starts a conversation with its role', () => {
    it('refuses no invitation, a bad one (401) and an expired one (410)', async () => {
      expect((await http(port, 'POST', '/chat/api/conversations', { body: {} })).status).toBe(401);
      expect((await http(port, 'POST', '/chat/api/conversations', { body: {}, token: 'abc.def' })).status).toBe(401);
      const expired = invitation(agent, { days: 1, now: new Date(Date.now() - 2 * DAY) });
      const res = await http(port, 'POST', '/chat/api/conversations', { body: {}, token: expired });
      expect(res.status).toBe(410);
      expect(res.json).toEqual({ error: 'invitation expired' });
    });

    it('welcomes a trainee with the quiz and without reports; reports are refused, the quiz starts', async () => {
      const invite = invitation(trainee, { days: 3 });
      const before = Date.now();
      const chat = await start(port, 'chat', invite);
      expect(chat.id).toMatch(/^[0-9a-f-]{36}$/);
      expect(chat.user).toEqual({ id: trainee.id, name: trainee.name });
      // A session lasts a shift (12 h), less than the 3-day invitation.
      const expires = Date.parse(chat.expiresAt);
      expect(expires).toBeGreaterThan(before);
      expect(expires).toBeLessThanOrEqual(Date.now() + 12 * 3_600_000);
      expect(texts(chat.activities)).toEqual([text('welcome.title'), text('welcome.body')]);
      expect(suggested(chat.activities)).toContain(menuLabel('quiz'));
      expect(suggested(chat.activities)).not.toContain(menuLabel('report'));

      expect(texts(await say(port, chat, 'je veux faire une fiche'))).toEqual([text('roles.notAllowed')]);
      const quiz = await say(port, chat, 'lance un quiz');
      expect(texts(quiz)).not.toContain(text('roles.notAllowed'));
      expect(capabilitiesOffered(quiz)).toContain('quiz');
    });

    it('gives a supervisor every feature, with the team of the invitation', async () => {
      const chat = await start(port, 'chat', invitation(supervisor));
      expect(suggested(chat.activities)).toEqual(['orientation', 'rules', 'report', 'quiz'].map(menuLabel));
      const group = await say(port, chat, 'suivi du groupe');
      expect(allText(group)).toContain(text('quiz.group.title', { team: 'nord' }));
      const reports = await say(port, chat, "fiches de l'équipe");
      expect(allText(reports)).toContain("l'équipe nord");
      expect(texts(reports)).not.toContain(text('report.team.onlySupervisors'));
    });

    it('refuses an agent the supervisor’s features politely, turn after turn', async () => {
      const chat = await agentConversation();
      expect(suggested(chat.activities)).toEqual(['orientation', 'rules', 'report', 'quiz'].map(menuLabel));
      expect(texts(await say(port, chat, 'suivi du groupe'))).toEqual([text('quiz.group.onlySupervisors')]);
      expect(texts(await say(port, chat, "export csv des fiches de l'équipe"))).toEqual([
        text('report.team.onlySupervisors'),
      ]);
    });
  });

  describe('session tokens', () => {
    let first: Conversation;
    let second: Conversation;
    let kiosk: Conversation;
    beforeAll(async () => {
      first = await agentConversation();
      second = await start(port, 'chat', invitation(agent));
      kiosk = await start(port, 'kiosk');
    });

    it('lets a conversation’s token post to that conversation only (403 elsewhere)', async () => {
      expect((await post(port, first, 'merci')).status).toBe(200);
      const res = await post(port, second, 'merci', first.token);
      expect(res.status).toBe(403);
      expect(res.json).toEqual({ error: 'not your conversation' });
    });

    it('requires a token (401) and refuses a changed one (401)', async () => {
      const none = await http(port, 'POST', `/chat/api/conversations/${first.id}/activities`, {
        body: { type: 'message', text: 'merci' },
      });
      expect(none.status).toBe(401);
      const [body, signature] = first.token.split('.') as [string, string];
      const payload = JSON.parse(Buffer.from(body, 'base64url').toString()) as LocalSession;
      const promoted = Buffer.from(JSON.stringify({ ...payload, r: 'supervisor' })).toString('base64url');
      expect((await post(port, first, 'merci', `${promoted}.${signature}`)).status).toBe(401);
      expect((await post(port, first, 'merci', `${first.token}=`)).status).toBe(401);
    });

    it('does not take an invitation for a session token, nor a session token for an invitation', async () => {
      const invite = invitation(agent);
      expect((await post(port, first, 'merci', invite)).status).toBe(401);
      const res = await http(port, 'POST', '/chat/api/conversations', { body: {}, token: first.token });
      expect(res.status).toBe(401);
    });

    it('keeps the kiosk out of the web chat, and the web chat out of the kiosk', async () => {
      const onChat = await http(port, 'POST', `/chat/api/conversations/${kiosk.id}/activities`, {
        token: kiosk.token,
        body: { type: 'message', text: 'je veux faire une fiche' },
      });
      expect([401, 403]).toContain(onChat.status);
      const onKiosk = await http(port, 'POST', `/kiosk/api/conversations/${first.id}/activities`, {
        token: first.token,
        body: { type: 'message', text: 'merci' },
      });
      expect([401, 403]).toContain(onKiosk.status);
      expect((await http(port, 'DELETE', `/kiosk/api/conversations/${first.id}`, { token: first.token })).status).toBe(
        403,
      );
    });
  });

  describe('the kiosk', () => {
    it('starts without credentials, with the public welcome and a visitor id', async () => {
      const kiosk = await start(port, 'kiosk');
      expect(texts(kiosk.activities)).toEqual([text('welcome.public')]);
      expect(kiosk.user).toEqual({ id: expect.stringMatching(/^visitor-/) });
      expect(capabilitiesOffered(kiosk.activities)).not.toContain('report');
      expect(capabilitiesOffered(kiosk.activities)).not.toContain('quiz');
      expect(suggested(kiosk.activities)).not.toContain(menuLabel('report'));
      expect(suggested(kiosk.activities)).not.toContain(menuLabel('quiz'));

      const lost = await say(port, kiosk, "j'ai perdu mon portefeuille dans le bus");
      const situation = orientation.situations.find((s) => s.id === 'lost-property-transport')!;
      expect(allText(lost)).toContain(situation.title.fr);
      for (const fallback of ['fallback.notUnderstood', 'fallback.outOfScope', 'clarify.question'])
        expect(texts(lost)).not.toContain(text(fallback));

      // Never a report or the quiz, asked for in words or by a forged card.
      for (const request of [
        'je veux faire une fiche',
        'rédiger un rapport',
        'lance un quiz',
        { type: 'message', value: { capability: 'report' } },
        { type: 'message', value: { capability: 'quiz' } },
      ]) {
        const replies = await say(port, kiosk, request);
        expect([request, capabilitiesOffered(replies)]).toEqual([request, expect.not.arrayContaining(['report'])]);
        expect([request, capabilitiesOffered(replies)]).toEqual([request, expect.not.arrayContaining(['quiz'])]);
        expect(allText(replies)).not.toContain('AdaptiveCard');
      }
      expect(texts(await say(port, kiosk, 'je veux faire une fiche'))).toEqual([text('roles.notAllowed')]);
    });

    it('ZERO RETENTION: a whole kiosk conversation leaves DATA_DIR exactly as it was', async () => {
      await settle();
      const before = snapshot(dataDir);
      expect(before.length).toBeGreaterThan(0);

      const kiosk = await start(port, 'kiosk');
      await say(port, kiosk, "j'ai perdu mon portefeuille dans le bus, il y avait ma carte vitale");
      const smoking = await say(port, kiosk, 'on peut fumer ?');
      const card = buttonValues(smoking).find((v) => (v as { capability?: string }).capability === 'rules');
      expect(card).toBeDefined();
      await say(port, kiosk, { type: 'message', value: card });
      await say(port, kiosk, 'mon voisin Jean Dupont 06 12 34 56 78 fait du bruit');
      await say(port, kiosk, 'merci');
      expect((await http(port, 'DELETE', `/kiosk/api/conversations/${kiosk.id}`, { token: kiosk.token })).status).toBe(
        204,
      );
      await settle();
      expect(snapshot(dataDir)).toEqual(before);
    });

    it('(contrast) an agent’s web chat conversation does write its state under DATA_DIR/state', async () => {
      await settle();
      const before = snapshot(dataDir);
      await say(port, await agentConversation(), 'on peut fumer ?');
      await settle();
      const after = snapshot(dataDir);
      expect(after).not.toEqual(before);
      expect(after.filter((e) => !before.includes(e)).some((e) => e.startsWith('state'))).toBe(true);
    });

    it('DELETE forgets the conversation (a pending question is gone), with that conversation’s token only', async () => {
      const remembered = await start(port, 'kiosk');
      const forgotten = await start(port, 'kiosk');
      for (const k of [remembered, forgotten])
        expect(texts(await say(port, k, 'on peut fumer ?'))).not.toContain(text('fallback.notUnderstood'));

      const deleteRemembered = (token?: string) =>
        http(port, 'DELETE', `/kiosk/api/conversations/${remembered.id}`, token ? { token } : {});
      expect((await deleteRemembered(forgotten.token)).status).toBe(403);
      expect((await deleteRemembered()).status).toBe(401);
      // Not deleted: the answer to the pending question is the rule.
      const rule = texts(await say(port, remembered, 'dans la gare')).join('\n');
      expect(rule).toMatch(/^\*\*/);

      const res = await http(port, 'DELETE', `/kiosk/api/conversations/${forgotten.id}`, { token: forgotten.token });
      expect(res.status).toBe(204);
      // The token still talks, but to a conversation that starts afresh.
      const afterDelete = texts(await say(port, forgotten, 'dans la gare')).join('\n');
      expect(afterDelete).not.toContain(rule.split('\n')[0]);
    });
  });

  describe('bad input on a kiosk conversation', () => {
    // A session may send LOCAL_LIMITS.messages.burst requests at once: the full table of bad bodies is
    // played against the echo server below; here, what the real bot says.
    let kiosk: Conversation;
    beforeAll(async () => {
      kiosk = await start(port, 'kiosk');
    });

    it('refuses bad bodies (not JSON, 25 000 characters, over 16 KB) without harm to the conversation', async () => {
      const path = `/kiosk/api/conversations/${kiosk.id}/activities`;
      expect((await http(port, 'POST', path, { token: kiosk.token, raw: '{"type": "message", ' })).status).toBe(400);
      expect([400, 413]).toContain((await post(port, kiosk, 'a'.repeat(25_000))).status);
      const big = { type: 'message', value: { notes: 'n'.repeat(LOCAL_MAX_BODY_BYTES) } };
      expect((await post(port, kiosk, big)).status).toBe(413);
    });

    it('answers a 2 500-character text with the polite “too long” reply', async () => {
      const replies = await say(port, kiosk, 'a'.repeat(2_500));
      expect(texts(replies)).toEqual([text('input.tooLong', { length: 2_500, max: MAX_MESSAGE_CHARS })]);
    });

    it('keeps serving after all that', async () => {
      expect(texts(await say(port, kiosk, 'merci'))).toEqual([text('smalltalk.thanks')]);
      expect((await http(port, 'GET', '/healthz')).status).toBe(200);
    });
  });

  describe('throttling (LOCAL_LIMITS)', () => {
    it('turns away a flood from one kiosk session (429) while another session is served', async () => {
      const flooding = await start(port, 'kiosk');
      const other = await start(port, 'kiosk');
      const [results, alone] = await Promise.all([
        Promise.all(Array.from({ length: 30 }, () => post(port, flooding, 'merci'))),
        post(port, other, 'merci'),
      ]);
      const statuses = results.map((r) => r.status);
      expect(statuses.filter((s) => s !== 200 && s !== 429)).toEqual([]);
      expect(statuses.filter((s) => s === 200).length).toBeGreaterThanOrEqual(LOCAL_LIMITS.messages.burst);
      expect(statuses).toContain(429);
      expect(alone.status).toBe(200);
      expect(texts((alone.json as { activities: Partial<Activity>[] }).activities)).toEqual([text('smalltalk.thanks')]);
    });
  });
});

// ---------------------------------------------------------------------------------------------------------------

const GENEROUS = { conversations: { burst: 100, rate: 100 }, messages: { burst: 100, rate: 100 } };

/**
 * Relais's server (createServer) with a bot that echoes the text and shows, in channelData, what the turn
 * carried: cheap to start. No INVITE_SECRET unless `invitations` are given; a clock the test can move.
 */
async function bareServer(
  options: {
    limits?: { conversations: Throttle; messages: Throttle };
    invitations?: Invitations;
    clock?: { now: Date };
  } = {},
) {
  const adapter = new LocalAdapter();
  const state = new ExpiringMemoryStateStore(60_000);
  const now = options.clock ? () => options.clock!.now : undefined;
  const bot = {
    run: async (context: TurnContext) => {
      const { activity } = context;
      await context.sendActivity({
        type: 'message',
        text: `echo ${activity.text ?? activity.type}`,
        channelData: {
          seen: {
            ...getRoute(context),
            channelId: activity.channelId,
            from: activity.from,
            conversation: activity.conversation,
          },
        },
      });
    },
  };
  const server: restify.Server = createServer({
    adapter,
    bot,
    logger: silentLogger,
    isReady: () => true,
    local: {
      adapter,
      sessions: new SignedToken(LocalSession, undefined, now),
      ...(options.invitations ? { invitations: options.invitations } : {}),
      ...(now ? { now } : {}),
      state,
      limits: options.limits ?? GENEROUS,
      pages: new WebPages(join(ROOT, 'web'), knowledge.messages, orientation.numbers, {
        idleSeconds: 90,
        warningSeconds: 30,
      }),
    },
  });
  await new Promise<void>((resolve) => {
    server.listen(0, '127.0.0.1', resolve);
  });
  return {
    port: server.address().port,
    close: async () => {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
      });
      await state.close();
    },
  };
}

describe('local chat without INVITE_SECRET, with small limits (a server with an echo bot)', () => {
  // Rates so low that no token comes back during a test: counts are exact.
  const limits = { conversations: { burst: 3, rate: 0.0001 }, messages: { burst: 2, rate: 0.0001 } };
  let server: Awaited<ReturnType<typeof bareServer>>;
  beforeEach(async () => {
    server = await bareServer({ limits });
  });
  afterEach(async () => {
    await server.close();
  });

  it('closes the web chat (503 page and API) but keeps the kiosk open', async () => {
    expect((await http(server.port, 'GET', `/chat?invite=${invitation(agent)}`)).status).toBe(503);
    const res = await http(server.port, 'POST', '/chat/api/conversations', { body: {}, token: invitation(agent) });
    expect(res.status).toBe(503);
    expect((await http(server.port, 'GET', '/kiosk')).status).toBe(200);
    expect(texts((await start(server.port, 'kiosk')).activities)).toEqual(['echo conversationUpdate']);
  });

  it('turns away a flood of new conversations from one address after the burst', async () => {
    const results = await Promise.all(
      Array.from({ length: 6 }, () => http(server.port, 'POST', '/kiosk/api/conversations', { body: {} })),
    );
    expect(results.map((r) => r.status).sort()).toEqual([201, 201, 201, 429, 429, 429]);
  });

  it('lets each session through its own burst of messages, and no further', async () => {
    const a = await start(server.port, 'kiosk');
    const b = await start(server.port, 'kiosk');
    const flood = await Promise.all(Array.from({ length: 5 }, () => post(server.port, a, 'x')));
    expect(flood.map((r) => r.status).sort()).toEqual([200, 200, 429, 429, 429]);
    const other = await post(server.port, b, 'y');
    expect([other.status, texts((other.json as { activities: Partial<Activity>[] }).activities)]).toEqual([
      200,
      ['echo y'],
    ]);
  });
});

describe('bad bodies (a server with an echo bot)', () => {
  let server: Awaited<ReturnType<typeof bareServer>>;
  let kiosk: Conversation;
  beforeAll(async () => {
    server = await bareServer();
    kiosk = await start(server.port, 'kiosk');
  });
  afterAll(async () => {
    await server.close();
  });
  const send = (options: Parameters<typeof http>[3]) =>
    http(server.port, 'POST', `/kiosk/api/conversations/${kiosk.id}/activities`, { token: kiosk.token, ...options });

  it.each([
    ['not JSON', 400, { raw: '{"type": "message", ' }],
    ['text/plain', 415, { raw: 'bonjour', headers: { 'content-type': 'text/plain' } }],
    ['a JSON array', 400, { body: [{ type: 'message', text: 'bonjour' }] }],
    ['a JSON string', 400, { body: 'bonjour' }],
    ['a conversationUpdate', 400, { body: { type: 'conversationUpdate', membersAdded: [{ id: 'x' }] } }],
    ['an event', 400, { body: { type: 'event', name: 'webchat/join' } }],
    ['no type', 400, { body: { text: 'bonjour' } }],
    ['a text that is not a string', 400, { body: { type: 'message', text: 42 } }],
    ['a card value that is not an object', 400, { body: { type: 'message', value: 'x' } }],
    [
      'a gzipped body (it could inflate far past any limit)',
      415,
      {
        raw: gzipSync(JSON.stringify({ type: 'message', text: 'bonjour' })),
        headers: { 'content-encoding': 'gzip' },
      },
    ],
    [
      'a multipart upload (restify would write it to a temporary file)',
      415,
      {
        raw: '--x\r\nContent-Disposition: form-data; name="file"; filename="a.txt"\r\n\r\nsecret\r\n--x--\r\n',
        headers: { 'content-type': 'multipart/form-data; boundary=x' },
      },
    ],
  ] as const)('refuses %s with %d', async (_label, status, options) => {
    expect((await send(options)).status).toBe(status);
  });

  it('refuses a body over 16 KB with 413, however it is sent (length, chunked)', async () => {
    const big = JSON.stringify({ type: 'message', value: { notes: 'n'.repeat(LOCAL_MAX_BODY_BYTES) } });
    const ways: RawBody[] = [{ raw: big }, { raw: big, headers: { 'transfer-encoding': 'chunked' } }];
    for (const options of ways) expect([options.headers, (await send(options)).status]).toEqual([options.headers, 413]);
  });

  it('accepts a body just under 16 KB, however it is sent', async () => {
    const fits = JSON.stringify({
      type: 'message',
      text: 'bonjour',
      value: { notes: 'n'.repeat(LOCAL_MAX_BODY_BYTES - 200) },
      from: { id: 'someone-else', role: 'bot' },
      channelId: 'emulator',
    });
    const ways: RawBody[] = [{ raw: fits }, { raw: fits, headers: { 'transfer-encoding': 'chunked' } }];
    for (const options of ways) {
      const res = await send(options);
      expect([options.headers, res.status]).toEqual([options.headers, 200]);
      expect(texts((res.json as { activities: Partial<Activity>[] }).activities)).toEqual(['echo bonjour']);
    }
  });

  it('keeps serving after all that', async () => {
    const res = await post(server.port, kiosk, 'encore là ?');
    expect([res.status, texts((res.json as { activities: Partial<Activity>[] }).activities)]).toEqual([
      200,
      ['echo encore là ?'],
    ]);
  });
});

describe('what a turn carries (a server with an echo bot and invitations)', () => {
  const clock = { now: new Date('2026-03-02T08:00:00Z') };
  const invitations = new Invitations(SECRET, () => clock.now);
  let server: Awaited<ReturnType<typeof bareServer>>;
  beforeAll(async () => {
    server = await bareServer({ invitations, clock });
  });
  afterAll(async () => {
    await server.close();
  });
  const seen = (res: Reply) =>
    (res.json as { activities: { channelData: { seen: unknown } }[] }).activities[0]!.channelData.seen;

  it('takes the route, the role, the team and every id from the session, never from the body', async () => {
    const chat = await start(server.port, 'chat', invitations.create(trainee, 1));
    const forged = {
      type: 'message',
      text: 'bonjour',
      from: { id: 'sup-claire', name: 'Claire', role: 'supervisor' },
      recipient: { id: 'someone' },
      channelId: 'emulator',
      conversation: { id: 'another-conversation' },
      role: 'supervisor',
      channelData: { clientActivityID: 'c1', role: 'supervisor', team: 'sud' },
    };
    const res = await post(server.port, chat, forged);
    expect(res.status).toBe(200);
    expect(seen(res)).toEqual({
      route: 'webchat',
      grant: { role: 'trainee', team: 'nord' },
      channelId: 'webchat',
      from: { id: trainee.id, name: trainee.name, role: 'user' },
      conversation: expect.objectContaining({ id: chat.id }),
    });

    const kiosk = await start(server.port, 'kiosk');
    const fromKiosk = await post(server.port, kiosk, { ...forged, text: 'au revoir' });
    expect(seen(fromKiosk)).toEqual({
      route: 'kiosk',
      channelId: 'kiosk',
      from: { id: kiosk.user.id, name: '', role: 'user' },
      conversation: expect.objectContaining({ id: kiosk.id }),
    });
  });

  it('ends a web chat session with its invitation when that comes first, and says so (401)', async () => {
    const chat = await start(server.port, 'chat', invitations.create(agent, 1 / 48));
    expect(Date.parse(chat.expiresAt)).toBe(clock.now.getTime() + 30 * 60_000);
    const started = clock.now;
    try {
      clock.now = new Date(started.getTime() + 30 * 60_000 - 1);
      expect((await post(server.port, chat, 'encore')).status).toBe(200);
      clock.now = new Date(started.getTime() + 30 * 60_000);
      const res = await post(server.port, chat, 'encore');
      expect([res.status, res.json]).toEqual([401, { error: 'session expired' }]);
    } finally {
      clock.now = started;
    }
  });

  it('ends a web chat session after a shift (12 h) even if the invitation lasts longer', async () => {
    const chat = await start(server.port, 'chat', invitations.create(agent, 30));
    expect(Date.parse(chat.expiresAt)).toBe(clock.now.getTime() + 12 * 3_600_000);
  });

  it('ends a kiosk session after two hours', async () => {
    const kiosk = await start(server.port, 'kiosk');
    const started = clock.now;
    try {
      expect(Date.parse(kiosk.expiresAt)).toBe(started.getTime() + 120 * 60_000);
      clock.now = new Date(started.getTime() + 120 * 60_000);
      expect((await post(server.port, kiosk, 'encore')).status).toBe(401);
    } finally {
      clock.now = started;
    }
  });
});
