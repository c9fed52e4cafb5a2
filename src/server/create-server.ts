import * as restify from 'restify';
import type { CloudAdapter, TurnContext } from 'botbuilder';
import { setRoute } from '../bot';
import type { Route } from '../roles';
import type { Logger } from '../logger';
import { describeBodyProblem } from './activity-body';
import type { LinkKind, SignedReportLinks } from './report-links';
import type { QuizPages } from './quiz-pages';
import type { ReportPages } from './report-pages';
import { mountLocalChat, type LocalChatDeps } from './local-chat';
import type { WebPages } from './web-pages';
import { mountWebPages } from './web-routes';

/** Largest request body accepted (a 2 000-character message fits many times over). */
export const MAX_BODY_BYTES = 512 * 1024;

export interface ServerDeps {
  adapter: CloudAdapter;
  bot: { run(context: TurnContext): Promise<void> };
  logger: Logger;
  /** True once content is loaded and the bot can answer. */
  isReady: () => boolean;
  /** The supervisor's CSV export and synthesis page, behind signed links. */
  reports?: { links: SignedReportLinks; pages: ReportPages; now?: () => Date };
  /** The trainer's CSV of quiz item statistics, behind the same signed links. */
  quiz?: QuizPages;
  /** Relais's own pages: the agents' web chat (with an invitation) and the public kiosk, and their API. */
  local?: Omit<LocalChatDeps, 'bot' | 'logger'> & { pages: WebPages };
}

/** Headers of what a signed link opens: never cached, never sent on as a referrer, no script in the page. */
const PRIVATE_HEADERS = {
  'cache-control': 'no-store',
  'referrer-policy': 'no-referrer',
  'x-content-type-options': 'nosniff',
  'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'; img-src data:",
};

/**
 * The HTTP face of Relais: POST /api/messages for Bot Framework channels (through CloudAdapter and its
 * authentication), GET /healthz for orchestrators, the signed report and quiz links, and Relais's own
 * pages (web chat, kiosk). Malformed requests get a 4xx with a reason.
 */
export function createServer({ adapter, bot, logger, isReady, reports, quiz, local }: ServerDeps): restify.Server {
  const server = restify.createServer({ name: 'relais', handleUncaughtExceptions: false });
  // restify logs each throttled request on its own: Relais's logger says what matters. (restify 11 logs with
  // pino, whose level is a property; @types/restify still describes bunyan's level() method.)
  (server.log as unknown as { level: string }).level = 'warn';
  // Only JSON bodies, uncompressed, are read: a multipart upload would be written to a temporary file
  // (nothing from the kiosk may reach the disk) and a gzip body could inflate far past the size limit.
  server.use((req, res, next) => {
    if (!['POST', 'PUT', 'PATCH'].includes(req.method ?? '')) return next();
    const encoding = (req.header('content-encoding') ?? 'identity').trim().toLowerCase();
    const hasBody = req.isChunked() || Number(req.header('content-length') ?? 0) > 0;
    if (encoding !== 'identity' || (hasBody && !req.is('json'))) {
      res.json(415, { error: 'send the body as uncompressed application/json' });
      return next(false);
    }
    return next();
  });
  // Only requests that carry a body are parsed: restify would answer 415 to a DELETE sent without one.
  const parsers = restify.plugins.bodyParser({ maxBodySize: MAX_BODY_BYTES, mapParams: false, rejectUnknown: true });
  server.use(
    parsers.map((parse): restify.RequestHandler => (req, res, next) => {
      if (['POST', 'PUT', 'PATCH'].includes(req.method ?? '')) parse(req, res, next);
      else next();
    }),
  );

  server.get('/healthz', (_req, res, next) => {
    const ready = isReady();
    res.json(ready ? 200 : 503, { status: ready ? 'ok' : 'starting' });
    next();
  });

  const messages = (route: Route) => async (req: restify.Request, res: restify.Response) => {
    if (!req.is('json')) {
      res.json(415, { error: 'Content-Type must be application/json' });
      return;
    }
    const problem = describeBodyProblem(req.body);
    if (problem) {
      res.json(400, { error: problem });
      return;
    }
    try {
      await adapter.process(req, res, async (context) => {
        setRoute(context, route);
        await bot.run(context);
      });
    } catch (error) {
      logger.warn(`rejected activity on ${req.path()}`, error instanceof Error ? error.message : error);
      if (!res.headersSent) res.json(400, { error: 'the activity could not be processed' });
    }
  };
  server.post('/api/messages', messages('messages'));

  if (local) {
    const { pages, ...chat } = local;
    mountLocalChat(server, { ...chat, bot, logger });
    mountWebPages(server, pages, chat.invitations);
  }

  if (reports) {
    const { links, pages } = reports;
    const now = reports.now ?? (() => new Date());
    const page =
      (kind: LinkKind) =>
      async (req: restify.Request, res: restify.Response): Promise<void> => {
        const token = new URL(req.url ?? '', 'http://relais.invalid').searchParams.get('t');
        const check = links.check(token, kind);
        if (!check.ok) {
          res.writeHead(check.reason === 'expired' ? 410 : 403, {
            ...PRIVATE_HEADERS,
            'content-type': 'text/html; charset=utf-8',
          });
          res.end(pages.refusal(check.reason));
          return;
        }
        const { team, query, locale } = check.payload;
        try {
          if (kind === 'quiz-items' && quiz) {
            const day = now().toISOString().slice(0, 10);
            res.writeHead(200, {
              ...PRIVATE_HEADERS,
              'content-type': 'text/csv; charset=utf-8',
              'content-disposition': `attachment; filename="relais-quiz-${encodeURIComponent(team)}-${day}.csv"`,
            });
            res.end(await quiz.itemsCsv(team, locale));
          } else if (kind === 'csv') {
            const day = now().toISOString().slice(0, 10);
            res.writeHead(200, {
              ...PRIVATE_HEADERS,
              'content-type': 'text/csv; charset=utf-8',
              'content-disposition': `attachment; filename="relais-fiches-${encodeURIComponent(team)}-${day}.csv"`,
            });
            res.end(await pages.csv(team, query, locale));
          } else {
            const html = await pages.synthesis(team, query, locale, now());
            res.writeHead(200, { ...PRIVATE_HEADERS, 'content-type': 'text/html; charset=utf-8' });
            res.end(html);
          }
        } catch (error) {
          logger.error(`report ${kind} failed`, error instanceof Error ? error.message : error);
          if (!res.headersSent) res.json(500, { error: 'the report could not be produced' });
        }
      };
    server.get('/reports/export.csv', page('csv'));
    server.get('/reports/synthesis', page('synthesis'));
    if (quiz) server.get('/quiz/items.csv', page('quiz-items'));
  }

  server.on(
    'restifyError',
    (req: restify.Request, res: restify.Response, error: Error & { statusCode?: number }, callback: () => void) => {
      logger.debug(`HTTP ${error.statusCode ?? 500} on ${req.method} ${req.url}: ${error.message}`);
      callback();
    },
  );
  return server;
}
