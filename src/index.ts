import { join } from 'node:path';
import { CloudAdapter, ConfigurationBotFrameworkAuthentication, ConversationState, UserState } from 'botbuilder';
import { RelaisBot, createTurnErrorHandler } from './bot';
import { loadConfig, type Config } from './config';
import { ContentError } from './content';
import {
  ALERT_CALL_DIALOG,
  ComingSoonDialog,
  MainDialog,
  OrientationAnswers,
  OrientationDialog,
  Replies,
  RulesAnswers,
  RulesDialog,
  RulesFlow,
  loadDialogCatalogue,
  type DialogCatalogue,
} from './dialogs';
import {
  loadKnowledge,
  loadOrientation,
  loadRules,
  placedRules,
  situationCorpus,
  utteranceCorpus,
  type Knowledge,
  type Orientation,
  type RulesKnowledge,
} from './knowledge';
import { createLogger, type Logger } from './logger';
import { DirectorySearch, NaturalRecognizer, RuleResolver, type Recognizer } from './nlu';
import { RouteRoleResolver, type RosterSource } from './roles';
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

export interface Content {
  knowledge: Knowledge;
  orientation: Orientation;
  rules: RulesKnowledge;
  catalogue: DialogCatalogue;
}

/** Loads and validates knowledge/ and dialogs/; throws a ContentError naming every bad file and field. */
export function loadContent(rootDir: string): Content {
  const orientation = loadOrientation(join(rootDir, 'knowledge'), rootDir);
  return {
    knowledge: loadKnowledge(join(rootDir, 'knowledge'), rootDir),
    orientation,
    rules: loadRules(join(rootDir, 'knowledge'), rootDir, orientation),
    catalogue: loadDialogCatalogue(join(rootDir, 'dialogs'), rootDir),
  };
}

/** The recogniser trained on content: intents, situations, rules (with limits and guidance) and emergency triggers. */
export function createRecognizer({ knowledge, orientation, rules }: Content): NaturalRecognizer {
  return new NaturalRecognizer({
    intents: knowledge.intents,
    situations: situationCorpus(orientation.situations),
    rules: utteranceCorpus([...rules.rules, ...placedRules(rules), ...rules.limits, ...rules.guidance]),
    triggers: orientation.triggers,
  });
}

export interface BotParts {
  content: Content;
  stateStore: StateStore;
  roster: RosterSource;
  logger: Logger;
  now?: () => Date;
  /** A recogniser already trained on this content (tests share one; training takes a second or two). */
  recognizer?: Recognizer;
}

/** Builds the bot and its dialogs from content: the same wiring for the server and for tests. */
export function createRelaisBot({ content, stateStore, roster, logger, now, recognizer }: BotParts) {
  const { knowledge, catalogue } = content;
  const conversationState = new ConversationState(stateStore);
  const userState = new UserState(stateStore);
  const replies = new Replies(knowledge.messages, catalogue);
  const answers = new OrientationAnswers(content.orientation, replies, now);
  const search = new DirectorySearch(content.orientation);
  const capabilities = catalogue.capabilities.map((declaration) => {
    if (declaration.status !== 'available') return new ComingSoonDialog(declaration, replies);
    switch (declaration.id) {
      case 'orientation':
        return new OrientationDialog(declaration, replies, answers, search);
      case 'rules': {
        const { territory } = content.orientation.directory;
        const resolver = new RuleResolver(content.rules, territory.places, RulesFlow.parse(declaration.flow).rule);
        const rulesAnswers = new RulesAnswers(content.rules, resolver, territory, replies);
        return new RulesDialog(declaration, replies, rulesAnswers, resolver, content.rules.audiences);
      }
      default:
        return new ComingSoonDialog(declaration, replies);
    }
  });
  const mainDialog = new MainDialog(replies, catalogue.main, capabilities, {
    emergency: answers,
    emergencyExempt: [ALERT_CALL_DIALOG],
  });
  const bot = new RelaisBot({
    conversationState,
    userState,
    mainDialog,
    recognizer: recognizer ?? createRecognizer(content),
    roles: new RouteRoleResolver(roster),
    replies,
    logger,
    now,
  });
  const onTurnError = createTurnErrorHandler(knowledge.messages, conversationState, logger);
  return { bot, onTurnError, conversationState, userState };
}

/** The composition root: config → content → storage → bot → server. */
export async function startRelais(config: Config, options: StartOptions = {}): Promise<Relais> {
  const logger = options.logger ?? createLogger(config.logLevel);
  let ready = false;
  const started = Date.now();

  const content = loadContent(config.rootDir);
  const store = options.stateStore ?? new LowdbStateStore(join(config.dataDir, 'state'));
  const roster = await new LowdbRoster(join(config.dataDir, 'roster.json')).load();
  const { bot, onTurnError } = createRelaisBot({ content, stateStore: store, roster, logger });

  const auth = new ConfigurationBotFrameworkAuthentication(config.botAuth);
  const adapter = new CloudAdapter(auth);
  adapter.onTurnError = onTurnError;

  const server = createServer({ adapter, bot, logger, isReady: () => ready });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, '0.0.0.0', () => resolve());
  });
  const { port } = server.address();
  ready = true;
  logger.info(
    `Relais listening on port ${port} (${config.botAuth.MicrosoftAppId ? 'Bot Framework authentication on' : 'no app id: anonymous local mode'}; ` +
      `data in ${config.dataDir}; roster: ${roster.size} user(s); ready in ${Date.now() - started} ms)`,
  );

  return {
    port,
    async close() {
      ready = false;
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
      });
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
    logger.error(
      error instanceof ContentError ? error.message : 'Relais could not start',
      error instanceof ContentError ? undefined : error,
    );
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
