import type { ConversationState, TurnContext } from 'botbuilder';
import { toLocale } from '../content';
import type { Messages } from '../knowledge';
import type { Logger } from '../logger';

/**
 * The adapter's onTurnError: logs the error with its stack, tells the user politely (never the stack),
 * and clears the conversation state so that a broken dialog cannot fail every following turn.
 */
export function createTurnErrorHandler(messages: Messages, conversationState: ConversationState, logger: Logger) {
  return async (context: TurnContext, error: Error): Promise<void> => {
    logger.error(
      `turn failed (channel ${context.activity.channelId}, conversation ${context.activity.conversation?.id})`,
      error,
    );
    try {
      await context.sendActivity(messages.text(toLocale(context.activity.locale), 'errors.turn'));
      await context.sendTraceActivity(
        'OnTurnError Trace',
        error.message,
        'https://www.botframework.com/schemas/error',
        'TurnError',
      );
      await conversationState.delete(context);
    } catch (secondary) {
      logger.error('could not report the turn error to the user', secondary);
    }
  };
}
