import { createHmac } from 'node:crypto';
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
  QuizDialog,
  QuizFlow,
  Replies,
  ReportDialog,
  RulesAnswers,
  RulesDialog,
  ReportFlow,
  ReviewNotices,
  RulesFlow,
  loadDialogCatalogue,
  type DialogCatalogue,
  type QuizLinks,
  type ReportLinks,
} from './dialogs';
import {
  loadKnowledge,
  loadOrientation,
  loadQuiz,
  loadRules,
  placedRules,
  situationCorpus,
  utteranceCorpus,
  type Knowledge,
  type Orientation,
  type QuizBank,
  type Reliance,
  type RulesKnowledge,
} from './knowledge';
import { createLogger, type Logger } from './logger';
import {
  AnswerReader,
  DirectorySearch,
  NaturalRecognizer,
  QuizAnswerReader,
  QuizRequestReader,
  RuleResolver,
  TeamRequestReader,
  entryTitle,
  loadRecognizer,
  type NaturalRecognizerCorpus,
  type Recognizer,
} from './nlu';
import { MemoryReportStore, PersonalDataGuard, retentionCutoff, type ReportStore } from './reports';
import { MemoryQuizStore, QuizCoach, type QuizStore } from './quiz';
import { Invitations, RouteRoleResolver, SignedToken, type RosterSource } from './roles';
import {
  LocalAdapter,
  LocalSession,
  QuizPages,
  ReportPages,
  SignedReportLinks,
  WebPages,
  createServer,
} from './server';
import { ExpiringMemoryStateStore, RoutedStateStore, type Closable, type StateStore } from './state';
import { FileModelCache, LowdbQuizStore, LowdbReportStore, LowdbRoster, LowdbStateStore } from './storage';

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
  /** Replaces the lowdb report store. */
  reportStore?: ReportStore & Partial<Closable>;
  /** Replaces the lowdb quiz store (kiosk tests check that nothing is written). */
  quizStore?: QuizStore & Partial<Closable>;
}

export interface Content {
  knowledge: Knowledge;
  orientation: Orientation;
  rules: RulesKnowledge;
  quiz: QuizBank;
  catalogue: DialogCatalogue;
}

/** Loads and validates knowledge/ and dialogs/; throws a ContentError naming every bad file and field. */
export function loadContent(rootDir: string): Content {
  const orientation = loadOrientation(join(rootDir, 'knowledge'), rootDir);
  const rules = loadRules(join(rootDir, 'knowledge'), rootDir, orientation);
  return {
    knowledge: loadKnowledge(join(rootDir, 'knowledge'), rootDir),
    orientation,
    rules,
    quiz: loadQuiz(join(rootDir, 'knowledge'), rootDir, { orientation, rules }),
    catalogue: loadDialogCatalogue(join(rootDir, 'dialogs'), rootDir),
  };
}

/** What the recogniser learns from content: intents, situations, rules (with limits and guidance), emergency triggers. */
export function recognizerCorpus({ knowledge, orientation, rules }: Content): NaturalRecognizerCorpus {
  return {
    intents: knowledge.intents,
    situations: situationCorpus(orientation.situations),
    rules: utteranceCorpus([...rules.rules, ...placedRules(rules), ...rules.limits, ...rules.guidance]),
    triggers: orientation.triggers,
  };
}

/** The recogniser trained on content, without the model cache (tests, tools). */
export function createRecognizer(content: Content): NaturalRecognizer {
  return new NaturalRecognizer(recognizerCorpus(content));
}

export interface BotParts {
  content: Content;
  stateStore: StateStore;
  roster: RosterSource;
  logger: Logger;
  now?: () => Date;
  /** Randomness for report ids (tests fix it). */
  random?: () => number;
  /** Where reports are kept; in memory when absent. */
  reports?: ReportStore;
  /** A recogniser already trained on this content (tests share one; training takes a second or two). */
  recognizer?: Recognizer;
  /** Signed links to the supervisor's CSV export and synthesis page (the server serves them). */
  links?: ReportLinks & Partial<QuizLinks>;
  /** Where trainees' quiz progress is kept; in memory when absent. */
  quiz?: QuizStore;
}

/** Builds the bot and its dialogs from content: the same wiring for the server and for tests. */
export function createRelaisBot(parts: BotParts) {
  const { content, stateStore, roster, logger, now, random, recognizer, links } = parts;
  const { knowledge, catalogue } = content;
  const reports = parts.reports ?? new MemoryReportStore();
  const clock = now ?? (() => new Date());
  const conversationState = new ConversationState(stateStore);
  const userState = new UserState(stateStore);
  const replies = new Replies(knowledge.messages, catalogue);
  const answers = new OrientationAnswers(content.orientation, replies, now);
  const search = new DirectorySearch(content.orientation);
  const { territory } = content.orientation.directory;
  const rulesFlow = catalogue.capabilities.find((d) => d.id === 'rules')?.flow;
  const resolver = new RuleResolver(content.rules, territory.places, RulesFlow.parse(rulesFlow).rule);
  const quizFlow = QuizFlow.parse(catalogue.capabilities.find((d) => d.id === 'quiz')?.flow);
  // One coach for the dialog and for the trainer's CSV the server serves.
  const coach = new QuizCoach(content.quiz, {
    store: parts.quiz ?? new MemoryQuizStore(),
    settings: quizFlow.settings,
    now: clock,
    random: random ?? Math.random,
  });
  const capabilities = catalogue.capabilities.map((declaration) => {
    if (declaration.status !== 'available') return new ComingSoonDialog(declaration, replies);
    switch (declaration.id) {
      case 'orientation':
        return new OrientationDialog(declaration, replies, answers, search);
      case 'report': {
        const flow = ReportFlow.parse(declaration.flow);
        return new ReportDialog(declaration, replies, {
          forms: catalogue.forms,
          store: reports,
          reader: new AnswerReader({
            words: yesNoWords(flow),
            places: territory.places,
            service: (text) => serviceReference(search, content.orientation, text),
          }),
          teamReader: new TeamRequestReader({
            words: { ...flow.team.words, statuses: flow.team.statuses, periods: flow.team.periods },
            forms: catalogue.forms.map((f) => ({ id: f.id, names: [f.id.replace(/-/g, ' '), f.title.fr, f.title.en] })),
            places: territory.places,
          }),
          ...(links ? { links } : {}),
          guard: new PersonalDataGuard(knowledge.personalData),
          now: clock,
          random: random ?? Math.random,
          titleOf: (kind, id) => {
            if (kind === 'situation') return content.orientation.situations.find((s) => s.id === id)?.title;
            const entry = resolver.entry(id);
            return entry && entryTitle(entry);
          },
        });
      }
      case 'quiz': {
        const { words } = quizFlow;
        return new QuizDialog(declaration, replies, {
          coach,
          bank: content.quiz,
          answers: new QuizAnswerReader({ filler: words.filler, true: words.true, false: words.false }),
          requests: new QuizRequestReader({
            words,
            competencies: content.quiz.competencies.map((c) => ({
              id: c.id,
              keywords: [...c.keywords.fr, ...c.keywords.en, c.short.fr, c.short.en],
            })),
          }),
          basisTitle: (reliance, locale) => basisTitle(content, reliance, locale),
          ...(links?.quizItems ? { links: { minutes: links.minutes, quizItems: links.quizItems.bind(links) } } : {}),
        });
      }
      case 'rules': {
        const rulesAnswers = new RulesAnswers(content.rules, resolver, territory, replies);
        return new RulesDialog(declaration, replies, rulesAnswers, resolver, content.rules.audiences);
      }
      default:
        return new ComingSoonDialog(declaration, replies);
    }
  });
  const orientation = capabilities.find((d): d is OrientationDialog => d instanceof OrientationDialog);
  const mainDialog = new MainDialog(replies, catalogue.main, capabilities, {
    emergency: answers,
    ...(orientation ? { names: orientation } : {}),
    emergencyExempt: [ALERT_CALL_DIALOG],
    ownInterruptions: ['report', 'quiz'],
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
    notices: new ReviewNotices(reports, catalogue.forms, replies, clock),
  });
  const onTurnError = createTurnErrorHandler(knowledge.messages, conversationState, logger);
  return { bot, onTurnError, conversationState, userState, quizCoach: coach };
}

/** The composition root: config → content → storage → bot → server. */
export async function startRelais(config: Config, options: StartOptions = {}): Promise<Relais> {
  const logger = options.logger ?? createLogger(config.logLevel);
  let ready = false;
  const started = Date.now();

  const content = loadContent(config.rootDir);
  const modelDir = join(config.dataDir, 'model-cache');
  const nlu = await loadRecognizer(recognizerCorpus(content), new FileModelCache(modelDir));
  for (const problem of nlu.problems) logger.warn(`nlu: ${problem}`);
  logger.info(`nlu: models ${nlu.cached ? 'restored from' : 'trained and stored in'} ${modelDir}`);
  // The kiosk's state never reaches the disk: kept in memory, forgotten a few minutes after the page would
  // have cleared it anyway (idle warning), even if the page never says so.
  const kioskState = new ExpiringMemoryStateStore(
    (config.kiosk.idleSeconds + config.kiosk.warningSeconds + 300) * 1000,
  );
  const store = new RoutedStateStore(options.stateStore ?? new LowdbStateStore(join(config.dataDir, 'state')), [
    { prefix: 'kiosk/', store: kioskState },
  ]);
  const roster = await new LowdbRoster(join(config.dataDir, 'roster.json')).load();
  const reports = options.reportStore ?? (await LowdbReportStore.open(join(config.dataDir, 'reports')));
  const quiz = options.quizStore ?? (await LowdbQuizStore.open(join(config.dataDir, 'quiz')));
  if (config.purgeAtStart) {
    const removed = await reports.purge(retentionCutoff(config.reportRetentionDays, new Date()));
    logger.info(`purge: ${removed} report(s) older than ${config.reportRetentionDays} days removed`);
  }
  let port = config.port;
  const links = new SignedReportLinks({
    baseUrl: () => config.publicUrl ?? `http://localhost:${port}`,
    minutes: config.reportLinkMinutes,
    ...(config.reportLinkSecret ? { secret: config.reportLinkSecret } : {}),
  });
  const { bot, onTurnError, quizCoach } = createRelaisBot({
    content,
    stateStore: store,
    roster,
    logger,
    reports,
    links,
    quiz,
    recognizer: nlu.recognizer,
  });

  const auth = new ConfigurationBotFrameworkAuthentication(config.botAuth);
  const adapter = new CloudAdapter(auth);
  adapter.onTurnError = onTurnError;

  const localAdapter = new LocalAdapter();
  localAdapter.onTurnError = onTurnError;
  const invitations = config.inviteSecret ? new Invitations(config.inviteSecret) : undefined;
  // Web chat sessions outlive a restart when invitations are set up (their key derives from the secret).
  const sessionSecret = config.inviteSecret
    ? createHmac('sha256', config.inviteSecret).update('relais local sessions').digest('hex')
    : undefined;

  const pages = new ReportPages(reports, content.catalogue.forms, content.knowledge.messages);
  const quizPages = new QuizPages(quizCoach, content.quiz, content.knowledge.messages);
  const server = createServer({
    adapter,
    bot,
    logger,
    isReady: () => ready,
    reports: { links, pages },
    quiz: quizPages,
    local: {
      adapter: localAdapter,
      sessions: new SignedToken(LocalSession, sessionSecret),
      ...(invitations ? { invitations } : {}),
      state: store,
      pages: new WebPages(
        join(config.rootDir, 'web'),
        content.knowledge.messages,
        content.orientation.numbers,
        config.kiosk,
      ),
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, '0.0.0.0', () => resolve());
  });
  port = server.address().port;
  ready = true;
  logger.info(
    `Relais listening on port ${port} (${config.botAuth.MicrosoftAppId ? 'Bot Framework authentication on' : 'no app id: anonymous local mode'}; ` +
      `data in ${config.dataDir}; roster: ${roster.size} user(s); kiosk at /kiosk; web chat ${invitations ? 'at /chat by invitation' : 'closed (no INVITE_SECRET)'}; ready in ${Date.now() - started} ms)`,
  );

  return {
    port,
    async close() {
      ready = false;
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
      });
      await store.close?.();
      await reports.close?.();
      await quiz.close?.();
    },
  };
}

/** A typed service name → the directory entry it names (best hit), with its name. */
function serviceReference(search: DirectorySearch, orientation: Orientation, text: string) {
  const hit = search.search(text, { limit: 1, includeAgentOnly: true })[0];
  if (!hit || hit.score < 0.6) return undefined;
  const { directory, numbers } = orientation;
  const name =
    hit.kind === 'service'
      ? directory.services.find((s) => s.id === hit.id)?.nom
      : hit.kind === 'structure'
        ? directory.structures.find((s) => s.id === hit.id)?.nom
        : hit.kind === 'contact'
          ? directory.contacts_urgence.find((c) => c.id === hit.id)?.nom
          : numbers.find((n) => n.id === hit.id)?.name.fr;
  return name ? { id: hit.id, text: name } : undefined;
}

/** The name of the knowledge item a quiz question relies on, as the feedback shows it. */
function basisTitle(content: Content, reliance: Reliance, locale: 'fr' | 'en'): string | undefined {
  if ('number' in reliance) {
    const n = content.orientation.numbers.find((x) => x.id === reliance.number);
    return n && `${n.name[locale]} (${n.display})`;
  }
  if ('rule' in reliance) return content.rules.rules.find((r) => r.id === reliance.rule)?.title[locale];
  if ('limit' in reliance) {
    const question = content.rules.limits.find((l) => l.id === reliance.limit)?.question[locale];
    return question && content.knowledge.messages.text(locale, 'quiz.feedback.limit', { question });
  }
  if ('guidance' in reliance) return content.rules.guidance.find((g) => g.id === reliance.guidance)?.title[locale];
  if ('situation' in reliance)
    return content.orientation.situations.find((s) => s.id === reliance.situation)?.title[locale];
  return content.quiz.competencies.find((c) => c.id === reliance.referentiel)?.short[locale];
}

function yesNoWords({ words }: ReportFlow) {
  return {
    fr: { yes: words.yes.fr, no: words.no.fr },
    en: { yes: words.yes.en, no: words.no.en },
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
