import { mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startRelais, type Relais } from '../../src';
import { loadConfig } from '../../src/config';
import { silentLogger } from '../../src/logger';
import { ROOT, content } from '../helpers';
import { intervention } from '../reports/sample-reports';

const { knowledge } = content();

async function start(
  env: Record<string, string> = {},
  prepare: (dataDir: string) => void = () => undefined,
): Promise<{ relais: Relais; base: string; dataDir: string }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'relais-http-'));
  prepare(dataDir);
  const config = loadConfig({ PORT: '0', DATA_DIR: dataDir, ...env }, ROOT);
  const relais = await startRelais(config, { logger: silentLogger });
  return { relais, base: `http://127.0.0.1:${relais.port}`, dataDir };
}

function activity(extra: Record<string, unknown>) {
  return {
    channelId: 'emulator',
    serviceUrl: 'http://127.0.0.1:1/unused',
    conversation: { id: `conv-${Math.random()}` },
    from: { id: 'agent-1', name: 'Agent' },
    recipient: { id: 'bot', name: 'Relais' },
    deliveryMode: 'expectReplies',
    locale: 'fr-FR',
    ...extra,
  };
}

async function post(base: string, body: unknown, headers: Record<string, string> = {}) {
  const res = await fetch(`${base}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await res.text();
  let json: { activities?: { type: string; text?: string; name?: string; value?: unknown }[]; error?: string } = {};
  try {
    json = JSON.parse(text) as typeof json;
  } catch {
    /* not JSON */
  }
  return { status: res.status, json };
}

describe('HTTP server, anonymous local mode', () => {
  let server: Awaited<ReturnType<typeof start>>;
  beforeAll(async () => {
    server = await start();
  });
  afterAll(async () => {
    await server.relais.close();
  });

  it('answers /healthz once content is loaded', async () => {
    const res = await fetch(`${server.base}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok' });
  });

  it('welcomes on conversationUpdate, with replies in the body (expectReplies)', async () => {
    const { status, json } = await post(
      server.base,
      activity({ type: 'conversationUpdate', membersAdded: [{ id: 'agent-1' }] }),
    );
    expect(status).toBe(200);
    expect(json.activities?.map((a) => a.text)).toContain(knowledge.messages.text('fr', 'welcome.title'));
  });

  it('routes a message and traces the recognition for the Emulator', async () => {
    const { status, json } = await post(server.base, activity({ type: 'message', text: 'lance un quiz' }));
    expect(status).toBe(200);
    const trace = json.activities?.find((a) => a.type === 'trace' && a.name === 'Recognizer');
    expect(trace?.value).toMatchObject({ intents: { quiz: { score: expect.any(Number) } } });
    expect(json.activities?.some((a) => a.type === 'message')).toBe(true);
  });

  it('sends traces on the emulator channel only', async () => {
    const { json } = await post(
      server.base,
      activity({ type: 'message', text: 'lance un quiz', channelId: 'webchat' }),
    );
    expect(json.activities?.filter((a) => a.type === 'trace')).toEqual([]);
    expect(json.activities?.some((a) => a.type === 'message')).toBe(true);
  });

  it('keeps state across turns on disk under DATA_DIR (lowdb)', async () => {
    const conversation = { id: 'persisted-conv' };
    await post(server.base, activity({ type: 'message', text: 'bonjour', conversation }));
    expect(
      readdirSync(join(server.dataDir, 'state'), { recursive: true }).some((f) => String(f).endsWith('.json')),
    ).toBe(true);
  });

  it.each([
    ['malformed JSON', '{"type": "message", ', 400],
    ['a JSON array', [1, 2, 3], 400],
    ['a JSON string', '"hello"', 400],
    ['an activity without conversation', { type: 'message', text: 'hi' }, 400],
    ['an activity without type', { conversation: { id: 'c' }, text: 'hi' }, 400],
  ] as const)('rejects %s with a 4xx and a reason', async (_name, body, expected) => {
    const { status } = await post(server.base, body);
    expect(status).toBe(expected);
  });

  it('rejects a body that is not JSON with 415', async () => {
    const res = await fetch(`${server.base}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: 'hello',
    });
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.status).toBeLessThan(500);
  });

  it('rejects an oversized body with 413', async () => {
    const { status } = await post(server.base, activity({ type: 'message', text: 'x'.repeat(600 * 1024) }));
    expect(status).toBe(413);
  });

  it('answers a 100 000-character message politely', async () => {
    const { status, json } = await post(server.base, activity({ type: 'message', text: 'é'.repeat(100_000) }));
    expect(status).toBe(200);
    expect(json.activities?.find((a) => a.type === 'message')?.text).toMatch(/100000/);
  });

  it('accepts unknown activity types and card values without a 5xx', async () => {
    expect((await post(server.base, activity({ type: 'weirdType' }))).status).toBe(200);
    const card = await post(server.base, activity({ type: 'message', value: { unexpected: [1, { deep: true }] } }));
    expect(card.status).toBe(200);
    expect(card.json.activities?.find((a) => a.type === 'message')?.text).toBe(
      knowledge.messages.text('fr', 'input.unexpectedCard'),
    );
  });

  it('keeps serving after bad input', async () => {
    await post(server.base, '{nope');
    const { status, json } = await post(server.base, activity({ type: 'message', text: 'merci' }));
    expect(status).toBe(200);
    expect(json.activities?.some((a) => a.text === knowledge.messages.text('fr', 'smalltalk.thanks'))).toBe(true);
  });
});

describe('HTTP server: a supervisor exports the team’s reports through a signed link', () => {
  it('answers "export csv" with a link that downloads the team’s reports, and nobody else’s', async () => {
    const ours = intervention(1, new Date(2026, 10, 25, 18));
    const theirs = intervention(2, new Date(2026, 10, 25, 19), { team: 'sud' });
    const { relais, base } = await start({}, (dir) => {
      const roster = { users: [{ id: 'sup-1', role: 'supervisor', name: 'Claire', team: 'nord' }] };
      writeFileSync(join(dir, 'roster.json'), JSON.stringify(roster));
      for (const report of [ours, theirs]) {
        mkdirSync(join(dir, 'reports', report.team), { recursive: true });
        writeFileSync(
          join(dir, 'reports', report.team, '2026-11-25.json'),
          JSON.stringify({ version: 1, reports: [report] }),
        );
      }
    });
    try {
      const { json } = await post(
        base,
        activity({ type: 'message', text: "export csv des fiches de l'équipe", from: { id: 'sup-1' } }),
      );
      const reply = json.activities?.map((a) => a.text ?? '').join('\n') ?? '';
      const link = /\((http:\/\/localhost:\d+\/reports\/export\.csv\?t=[^)]+)\)/.exec(reply)?.[1];
      expect(link).toBeDefined();
      const res = await fetch(link!.replace('localhost', '127.0.0.1'));
      expect(res.status).toBe(200);
      const csv = await res.text();
      expect(csv).toContain(ours.id);
      expect(csv).not.toContain(theirs.id);

      const agent = await post(base, activity({ type: 'message', text: "export csv des fiches de l'équipe" }));
      expect(agent.json.activities?.map((a) => a.text).join('\n')).toContain(
        knowledge.messages.text('fr', 'report.team.onlySupervisors'),
      );
    } finally {
      await relais.close();
    }
  });
});

describe('HTTP server with an app id', () => {
  it('answers 401 to a request without a valid token', async () => {
    const server = await start({
      MicrosoftAppId: '00000000-0000-0000-0000-000000000001',
      MicrosoftAppPassword: 'not-a-secret',
    });
    try {
      const { status } = await post(server.base, activity({ type: 'message', text: 'bonjour' }));
      expect(status).toBe(401);
      const forged = await post(server.base, activity({ type: 'message', text: 'bonjour' }), {
        authorization: 'Bearer abc.def.ghi',
      });
      expect(forged.status).toBe(401);
    } finally {
      await server.relais.close();
    }
  });
});

describe("HTTP server: a trainer downloads the quiz's item statistics through a signed link", () => {
  it("counts the answers of the trainer's team only", async () => {
    const { relais, base } = await start({}, (dir) => {
      const users = [
        { id: 'sup-1', role: 'supervisor', name: 'Claire', team: 'nord' },
        { id: 'trainee-1', role: 'trainee', name: 'Léa', team: 'nord' },
        { id: 'trainee-2', role: 'trainee', name: 'Hugo', team: 'sud' },
      ];
      writeFileSync(join(dir, 'roster.json'), JSON.stringify({ users }));
    });
    /** Starts a session and answers three questions ("A", or "A B C…" for an ordering); returns their ids. */
    const answerThree = async (id: string, request: string) => {
      const conversation = { id: `conv-${id}` };
      const asked: string[] = [];
      let { json } = await post(base, activity({ type: 'message', text: request, from: { id }, conversation }));
      for (let i = 0; i < 3; i++) {
        const q = /"q":"([a-z0-9-]+)"/.exec(JSON.stringify(json.activities))?.[1];
        const question = content().quiz.questions.find((x) => x.id === q);
        if (!question) break;
        asked.push(question.id);
        const answer =
          question.type === 'ordering' ? 'ABCDEF'.slice(0, question.steps.length).split('').join(' ') : 'A';
        ({ json } = await post(base, activity({ type: 'message', text: answer, from: { id }, conversation })));
      }
      return asked;
    };
    try {
      const ours = await answerThree('trainee-1', 'quiz ccp1');
      const theirs = await answerThree('trainee-2', 'quiz ccp3');
      expect(ours).toHaveLength(3);
      expect(theirs).toHaveLength(3);
      const { json } = await post(base, activity({ type: 'message', text: 'stats du groupe', from: { id: 'sup-1' } }));
      const link = /\((http:\/\/localhost:\d+\/quiz\/items\.csv\?t=[^)]+)\)/.exec(JSON.stringify(json.activities))?.[1];
      expect(link).toBeDefined();
      const res = await fetch(link!.replace('localhost', '127.0.0.1'));
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
      const rows = (await res.text())
        .replace(/^\uFEFF/, '')
        .trim()
        .split('\r\n')
        .map((r) => r.split(';'));
      expect(rows[0]!.slice(0, 2)).toEqual(['Question', 'Compétence']);
      expect(rows).toHaveLength(1 + content().quiz.questions.length);
      const attempts = (id: string) => rows.find((r) => r[0] === id)?.[5];
      for (const id of ours) expect(attempts(id)).toBe('1');
      for (const id of theirs) expect(attempts(id)).toBe('0');
      const tampered = await fetch(
        link!.replace('localhost', '127.0.0.1').replace(/.$/, (c) => (c === 'A' ? 'B' : 'A')),
      );
      expect(tampered.status).toBe(403);
    } finally {
      await relais.close();
    }
  });
});
