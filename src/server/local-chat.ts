import { randomUUID } from 'node:crypto';
import { ConversationState, TurnContext, UserState, type Activity, type ChannelAccount } from 'botbuilder';
import * as restify from 'restify';
import { setRoute } from '../bot';
import type { Invitations } from '../roles';
import type { StateStore } from '../state';
import type { Logger } from '../logger';
import type { LocalAdapter } from './local-adapter';
import { LocalActivity, grantOf, type LocalSession, type LocalSessions } from './local-session';

/** Largest activity a page may post: a long message and a card's values fit; a flood of text does not. */
export const LOCAL_MAX_BODY_BYTES = 16 * 1024;

/** How many requests a client may make at once (burst) and per second after that (rate). */
export interface Throttle {
  burst: number;
  rate: number;
}

export const LOCAL_LIMITS = {
  /** New conversations, per client address: a kiosk reloads after each visitor, not ten times a second. */
  conversations: { burst: 10, rate: 0.5 },
  /** Messages, per conversation: people do not send more than one a second for long. */
  messages: { burst: 8, rate: 1 },
} as const satisfies Record<string, Throttle>;

export interface LocalChatDeps {
  adapter: LocalAdapter;
  bot: { run(context: TurnContext): Promise<void> };
  sessions: LocalSessions;
  /** The web chat's invitations; without them the web chat is closed (the kiosk needs none). */
  invitations?: Invitations;
  /** Bot state: the kiosk's conversations are deleted from it when a visitor is done. */
  state: StateStore;
  logger: Logger;
  now?: () => Date;
  /** How long a session token lasts: a shift for agents, less for the kiosk. */
  sessionMinutes?: { webchat: number; kiosk: number };
  limits?: { conversations: Throttle; messages: Throttle };
}

type Kind = LocalSession['kind'];
const SESSION = Symbol('relais.session');
type SessionRequest = restify.Request & { [SESSION]?: LocalSession };

/**
 * The API behind Relais's own pages: POST …/conversations starts a conversation (the web chat with an
 * invitation, the kiosk with none) and returns the welcome; POST …/conversations/:id/activities runs a
 * turn and returns its replies; DELETE …/conversations/:id (kiosk) forgets a visitor's conversation.
 * The server sets every id, the channel and the role: a page only sends text and card values.
 */
export function mountLocalChat(server: restify.Server, deps: LocalChatDeps): void {
  const now = deps.now ?? (() => new Date());
  const minutes = deps.sessionMinutes ?? { webchat: 12 * 60, kiosk: 120 };
  const limits = deps.limits ?? LOCAL_LIMITS;

  const perAddress = (req: restify.Request, _res: restify.Response, next: restify.Next) => {
    req.username = `address:${req.socket.remoteAddress ?? '?'}`;
    next();
  };
  const perSession = (kind: Kind) => (req: restify.Request, res: restify.Response, next: restify.Next) => {
    const token = bearer(req);
    const check = deps.sessions.check(token);
    const id = (req.params as Record<string, unknown>).id;
    if (!check.ok || check.payload.kind !== kind || check.payload.c !== id) {
      res.json(check.ok ? 403 : 401, { error: check.ok ? 'not your conversation' : `session ${check.reason}` });
      next(false);
      return;
    }
    (req as SessionRequest)[SESSION] = check.payload;
    req.username = `session:${check.payload.c}`;
    next();
  };
  const throttle = (limit: Throttle) =>
    restify.plugins.throttle({ burst: limit.burst, rate: limit.rate, username: true, maxKeys: 10_000 });

  const run = async (session: LocalSession, activity: Partial<Activity>): Promise<object[]> => {
    const route = session.kind;
    const replies = await deps.adapter.exchange(
      {
        ...activity,
        channelId: route,
        serviceUrl: 'http://relais.local/',
        conversation: { id: session.c, conversationType: 'personal', isGroup: false, name: route },
        recipient: { id: 'relais', name: 'Relais', role: 'bot' },
      },
      async (context) => {
        setRoute(context, route, route === 'webchat' ? grantOf(session) : undefined);
        await deps.bot.run(context);
      },
    );
    const at = activity.timestamp instanceof Date ? activity.timestamp.getTime() : now().getTime();
    return replies.map(({ replyToId, ...reply }, i) => ({
      ...reply,
      // Web Chat holds back a reply until it has shown what it replies to: the page never sees a
      // conversationUpdate, so the welcome must not point at one.
      ...(activity.type === 'message' && replyToId ? { replyToId } : {}),
      id: `${activity.id ?? session.c}.${i + 1}`,
      // After the message they answer, in order: Web Chat sorts by timestamp.
      timestamp: new Date(at + i + 1).toISOString(),
    }));
  };

  const start = (kind: Kind) => async (req: restify.Request, res: restify.Response) => {
    let session: LocalSession;
    const c = randomUUID();
    if (kind === 'webchat') {
      if (!deps.invitations) {
        res.json(503, { error: 'the web chat is not set up on this server (INVITE_SECRET)' });
        return;
      }
      const invite = deps.invitations.check(bearer(req));
      if (!invite.ok) {
        res.json(invite.reason === 'expired' ? 410 : 401, { error: `invitation ${invite.reason}` });
        return;
      }
      const { id, name, role, team } = invite.invitee;
      const exp = Math.min(invite.expires.getTime(), now().getTime() + minutes.webchat * 60_000);
      session = { kind, c, u: id, n: name, r: role, ...(team ? { t: team } : {}), exp };
    } else {
      session = { kind, c, u: `visitor-${c.slice(0, 8)}`, r: 'public', exp: now().getTime() + minutes.kiosk * 60_000 };
    }
    const locale = localeOf(req.body);
    try {
      const activities = await run(session, {
        type: 'conversationUpdate',
        id: randomUUID(),
        timestamp: now(),
        from: account(session),
        membersAdded: [account(session)],
        ...(locale ? { locale } : {}),
      });
      res.json(201, {
        conversationId: c,
        token: deps.sessions.sign(session),
        expiresAt: new Date(session.exp).toISOString(),
        user: { id: session.u, ...(session.n ? { name: session.n } : {}) },
        activities,
      });
    } catch (error) {
      deps.logger.error(`${kind}: the conversation could not start`, error instanceof Error ? error.message : error);
      res.json(500, { error: 'the conversation could not start' });
    }
  };

  const post = async (req: restify.Request, res: restify.Response) => {
    const session = (req as SessionRequest)[SESSION]!;
    if (bodyBytes(req) > LOCAL_MAX_BODY_BYTES) {
      res.json(413, { error: `an activity is at most ${LOCAL_MAX_BODY_BYTES} bytes` });
      return;
    }
    const parsed = LocalActivity.safeParse(req.body);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      res.json(400, { error: `invalid activity at ${issue?.path.join('.') || '(root)'}: ${issue?.message ?? ''}` });
      return;
    }
    const { text, value, locale, channelData } = parsed.data;
    const id = randomUUID();
    const timestamp = now();
    try {
      const activities = await run(session, {
        type: 'message',
        id,
        timestamp,
        from: account(session),
        ...(text !== undefined ? { text } : {}),
        ...(value !== undefined ? { value } : {}),
        ...(locale ? { locale } : {}),
        ...(channelData?.clientActivityID ? { channelData: { clientActivityID: channelData.clientActivityID } } : {}),
      });
      res.json(200, { id, timestamp: timestamp.toISOString(), activities });
    } catch (error) {
      deps.logger.error(`${session.kind}: a turn failed`, error instanceof Error ? error.message : error);
      res.json(500, { error: 'the message could not be processed' });
    }
  };

  // The bot keeps a conversation's state and its visitor's under botbuilder's keys (`kiosk/conversations/<id>/`,
  // `kiosk/users/<id>/`): asked of botbuilder, not spelt here, so that they cannot drift apart.
  const conversationState = new ConversationState(deps.state);
  const userState = new UserState(deps.state);
  const forget = async (req: restify.Request, res: restify.Response) => {
    const session = (req as SessionRequest)[SESSION]!;
    const context = new TurnContext(deps.adapter, {
      type: 'event',
      channelId: session.kind,
      conversation: { id: session.c, conversationType: 'personal', isGroup: false, name: session.kind },
      from: account(session),
    });
    await Promise.all([conversationState.delete(context), userState.delete(context)]);
    res.send(204);
  };

  for (const kind of ['webchat', 'kiosk'] as const) {
    const base = kind === 'webchat' ? '/chat/api/conversations' : '/kiosk/api/conversations';
    server.post(base, perAddress, throttle(limits.conversations), start(kind));
    server.post(`${base}/:id/activities`, perSession(kind), throttle(limits.messages), post);
  }
  server.del('/kiosk/api/conversations/:id', perSession('kiosk'), forget);
}

function account(session: LocalSession): ChannelAccount {
  return { id: session.u, name: session.n ?? '', role: 'user' };
}

/**
 * The size of the body as sent: Content-Length alone can be left out (chunked) or describe a compressed
 * body (Content-Encoding: gzip, which the body parser inflates), so the body read is measured too.
 */
function bodyBytes(req: restify.Request): number {
  const raw: unknown = req.rawBody;
  const read = typeof raw === 'string' ? Buffer.byteLength(raw, 'utf8') : Buffer.isBuffer(raw) ? raw.length : 0;
  return Math.max(Number(req.header('content-length') ?? 0) || 0, read);
}

function bearer(req: restify.Request): string | undefined {
  const header = req.header('authorization') ?? '';
  return /^Bearer\s+(\S+)$/i.exec(header)?.[1];
}

function localeOf(body: unknown): string | undefined {
  if (typeof body !== 'object' || body === null || !('locale' in body)) return undefined;
  const { locale } = body;
  return typeof locale === 'string' && locale.length <= 32 ? locale : undefined;
}
