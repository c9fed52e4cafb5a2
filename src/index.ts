import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import {
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  ConversationState,
  UserState,
  type ConfigurationBotFrameworkAuthenticationOptions,
} from 'botbuilder';
import { RelaisBot, createTurnErrorHandler } from './bot';
import { loadConfig, type Config } from './config';
import { ContentError } from './content';
import { ComingSoonDialog, MainDialog, Replies, loadDialogCatalogue } from './dialogs';
import { loadKnowledge } from './knowledge';
import { createLogger, type Logger } from './logger';
import { NaturalRecognizer } from './nlu';
import { RouteRoleResolver } from './roles';
import { createServer } from './server';
import type { Closable, StateStore } from './state';
import { LowdbRoster, LowdbStateStore } from './storage';

// Opening hours are read in the process's time zone: the territory's, unless the environment says otherwise.
process.env.TZ ??= 'Europe/Paris';

export interface Relais {
  port: number;
  close(): Promise<void>;
}

export interface StartOptions {
  logger?: Logger;
  /** Replaces the lowdb state store (tests use botbuilder's MemoryStorage). */
  stateStore?: StateStore & Partial<Closable>;
}

/** The composition root: config → content → nlu → storage → dialogs → bot → server. */
export async function startRelais(config: Config, options: StartOptions = {}): Promise<Relais> {
  const logger = options.logger ?? createLogger(config.logLevel);
  let ready = false;
  const started = Date.now();

  const knowledge = loadKnowledge(join(config.rootDir, 'knowledge'), config.rootDir);
  const catalogue = loadDialogCatalogue(join(config.rootDir, 'dialogs'), config.rootDir);
  const recognizer = new NaturalRecognizer(knowledge.intents);

  const store = options.stateStore ?? new LowdbStateStore(join(config.dataDir, 'state'));
  const roster = await new LowdbRoster(join(config.dataDir, 'roster.json')).load();
  const conversationState = new ConversationState(store);
  const userState = new UserState(store);

  const replies = new Replies(knowledge.messages, catalogue);
  const capabilities = catalogue.capabilities.map((declaration) => new ComingSoonDialog(declaration, replies));
  const mainDialog = new MainDialog(replies, catalogue.main, capabilities);
  const bot = new RelaisBot({
    conversationState,
    userState,
    mainDialog,
    recognizer,
    roles: new RouteRoleResolver(roster),
    replies,
    logger,
  });

  const auth = new ConfigurationBotFrameworkAuthentication(config.botAuth as ConfigurationBotFrameworkAuthenticationOptions);
  const adapter = new CloudAdapter(auth);
  adapter.onTurnError = createTurnErrorHandler(knowledge.messages, conversationState, logger);

  const server = createServer({ adapter, bot, logger, isReady: () => ready });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, '0.0.0.0', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  ready = true;
  logger.info(
    `Relais listening on port ${port} (${config.botAuth.MicrosoftAppId ? 'Bot Framework authentication on' : 'no app id: anonymous local mode'}; ` +
      `data in ${config.dataDir}; roster: ${roster.size} user(s); ready in ${Date.now() - started} ms)`,
  );

  return {
    port,
    async close() {
      ready = false;
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await store.close?.();
    },
  };
}

async function main(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger(config.logLevel);
  let relais: Relais;
  try {
    relais = await startRelais(config, { logger });
  } catch (error) {
    logger.error(error instanceof ContentError ? error.message : 'Relais could not start', error instanceof ContentError ? undefined : error);
    process.exit(1);
  }
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info(`${signal} received: finishing pending writes and stopping`);
    const force = setTimeout(() => process.exit(1), 10_000);
    force.unref();
    relais.close().then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error('shutdown failed', error);
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}

if (require.main === module) void main();
