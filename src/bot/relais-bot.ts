import {
  TeamsActivityHandler,
  type ConversationState,
  type StatePropertyAccessor,
  type TurnContext,
  type UserState,
} from 'botbuilder';
import { runDialog, type DialogState } from 'botbuilder-dialogs';
import { toLocale } from '../content';
import { getTurnInfo, setTurnInfo, type MainDialog, type Replies } from '../dialogs';
import type { Recognizer } from '../nlu';
import type { RoleResolver } from '../roles';
import type { Logger } from '../logger';
import { keepTracesForEmulator, traceRecognition } from './recognizer-trace';
import { getRoute } from './route';
import { membersAddedReply, removeBotMentions } from './teams-conversation';

/** Longest message the bot accepts; longer ones get a polite request to summarise. */
export const MAX_MESSAGE_CHARS = 2_000;

export interface UserProfile {
  firstSeen: string;
}

export interface RelaisBotDeps {
  conversationState: ConversationState;
  userState: UserState;
  mainDialog: MainDialog;
  recognizer: Recognizer;
  roles: RoleResolver;
  replies: Replies;
  logger: Logger;
  now?: () => Date;
  /** Things to tell the user before answering (a supervisor's review of their report). */
  notices?: { tell(context: TurnContext): Promise<void> };
}

/**
 * The bot: works out who is talking and what they said, welcomes newcomers, runs the router dialog,
 * and saves conversation and user state at the end of every turn. In Teams it drops its own @mention from
 * messages and greets a team or group chat once, when it is added.
 */
export class RelaisBot extends TeamsActivityHandler {
  private readonly dialogState: StatePropertyAccessor<DialogState>;
  private readonly profile: StatePropertyAccessor<UserProfile>;
  private readonly now: () => Date;

  constructor(private readonly deps: RelaisBotDeps) {
    super();
    this.dialogState = deps.conversationState.createProperty<DialogState>('dialogState');
    this.profile = deps.userState.createProperty<UserProfile>('profile');
    this.now = deps.now ?? (() => new Date());

    this.onMembersAdded(async (context, next) => {
      switch (membersAddedReply(context.activity)) {
        case 'welcome':
          await deps.replies.welcome(context);
          break;
        case 'team-greeting':
          await context.sendActivity(
            deps.replies.text(context, 'welcome.team', { name: context.activity.recipient?.name || 'Relais' }),
          );
          break;
        case 'none':
          break;
      }
      await next();
    });

    this.onMessage(async (context, next) => {
      removeBotMentions(context.activity);
      await this.handleMessage(context);
      await next();
    });
  }

  /**
   * Members added in Teams go to the onMembersAdded handler above, with the ids Teams sent, and never to
   * TeamsMembersAdded handlers: botbuilder's own version looks each newcomer up with TeamsInfo.getMember (a call
   * to Teams) as soon as one of those exists. Relais needs no more than the ids, so it never makes that call.
   */
  protected override async onTeamsMembersAdded(context: TurnContext): Promise<void> {
    await this.handle(context, 'MembersAdded', this.defaultNextEvent(context));
  }

  /** Relais does nothing with edited or deleted messages (Teams' version also fails on an activity without channelData). */
  protected override async dispatchMessageUpdateActivity(context: TurnContext): Promise<void> {
    await this.defaultNextEvent(context)();
  }

  protected override async dispatchMessageDeleteActivity(context: TurnContext): Promise<void> {
    await this.defaultNextEvent(context)();
  }

  override async run(context: TurnContext): Promise<void> {
    const activity = context.activity;
    keepTracesForEmulator(context);
    const userId = userIdOf(context);
    const name = (activity.from as { name?: unknown } | undefined)?.name;
    const { route, grant } = getRoute(context);
    const team = this.deps.roles.teamOf(userId, grant);
    setTurnInfo(context, {
      locale: toLocale(activity.locale),
      role: this.deps.roles.resolve({
        route,
        channelId: activity.channelId ?? '',
        userId,
        ...(grant ? { grant } : {}),
      }),
      user: { id: userId, ...(typeof name === 'string' && name ? { name } : {}), ...(team ? { team } : {}) },
    });
    await super.run(context);
    await this.deps.conversationState.saveChanges(context, false);
    await this.deps.userState.saveChanges(context, false);
  }

  private async handleMessage(context: TurnContext): Promise<void> {
    const { replies, recognizer } = this.deps;
    const text = typeof context.activity.text === 'string' ? context.activity.text.trim() : '';
    const hasValue = context.activity.value !== undefined && context.activity.value !== null;
    await this.touchProfile(context);

    if (!text && !hasValue) return replies.sayWithMenu(context, 'input.empty');
    if (text.length > MAX_MESSAGE_CHARS) {
      return replies.sayWithMenu(context, 'input.tooLong', { length: text.length, max: MAX_MESSAGE_CHARS });
    }
    const info = { ...getTurnInfo(context) };
    // A clarifying choice carries the question it clarifies: that question is what gets answered.
    const question = questionOf(context.activity.value) ?? text;
    if (question) {
      info.recognition = recognizer.recognize(question, info.locale);
      await traceRecognition(context, info.recognition);
    }
    setTurnInfo(context, info);
    // Danger comes first: notices wait for the next message.
    if (!info.recognition?.emergencies.length) await this.tellNotices(context);
    await runDialog(this.deps.mainDialog, context, this.dialogState);
  }

  /** A notice that cannot be told now is told at a later message: it never stops the answer. */
  private async tellNotices(context: TurnContext): Promise<void> {
    try {
      await this.deps.notices?.tell(context);
    } catch (error) {
      this.deps.logger.warn('notices could not be told', error instanceof Error ? error.message : error);
    }
  }

  /** Records when the user was first seen; written once, so that a turn does not rewrite user state. */
  private async touchProfile(context: TurnContext): Promise<void> {
    const profile = await this.profile.get(context);
    if (!profile) await this.profile.set(context, { firstSeen: this.now().toISOString() });
  }
}

/** The `question` of a card value, when it is usable text. */
function questionOf(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null || !('question' in value)) return undefined;
  const question = value.question;
  return typeof question === 'string' && question.trim() && question.length <= MAX_MESSAGE_CHARS
    ? question.trim()
    : undefined;
}

/** Teams gives a stable Entra object id; other channels give from.id. */
export function userIdOf(context: TurnContext): string {
  const from = context.activity.from as { id?: string; aadObjectId?: string } | undefined;
  return from?.aadObjectId ?? from?.id ?? '';
}
