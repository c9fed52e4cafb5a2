import * as restify from 'restify';
import type { CloudAdapter, TurnContext } from 'botbuilder';
import { setRoute } from '../bot';
import type { Route } from '../roles';
import type { Logger } from '../logger';
import { describeBodyProblem } from './activity-body';

/** Largest request body accepted (a 2 000-character message fits many times over). */
export const MAX_BODY_BYTES = 512 * 1024;

export interface ServerDeps {
  adapter: CloudAdapter;
  bot: { run(context: TurnContext): Promise<void> };
  logger: Logger;
  /** True once content is loaded and the bot can answer. */
  isReady: () => boolean;
}

/**
 * The HTTP face of Relais: POST /api/messages for Bot Framework channels (through CloudAdapter and its
 * authentication), GET /healthz for orchestrators. Malformed requests get a 4xx with a reason.
 */
export function createServer({ adapter, bot, logger, isReady }: ServerDeps): restify.Server {
  const server = restify.createServer({ name: 'relais', handleUncaughtExceptions: false });
  server.use(restify.plugins.bodyParser({ maxBodySize: MAX_BODY_BYTES, mapParams: false, rejectUnknown: true }));

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

  server.on(
    'restifyError',
    (req: restify.Request, res: restify.Response, error: Error & { statusCode?: number }, callback: () => void) => {
      logger.debug(`HTTP ${error.statusCode ?? 500} on ${req.method} ${req.url}: ${error.message}`);
      callback();
    },
  );
  return server;
}
