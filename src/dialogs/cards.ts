import { ActionTypes, CardFactory, MessageFactory, type CardAction, type TurnContext } from 'botbuilder';

/**
 * A button that sends `value` back (messageBack, shown as its title in the conversation). Buttons sit on a hero
 * card rather than in suggested actions, because Teams renders card buttons on every surface.
 */
export function choiceButton(title: string, value: object): CardAction {
  return { type: ActionTypes.MessageBack, title, displayText: title, text: title, value };
}

/** A markdown message, with its buttons on a hero card when there are any. */
export async function sendWithButtons(
  context: TurnContext,
  text: string,
  buttons: readonly CardAction[],
): Promise<void> {
  const activity =
    buttons.length === 0
      ? MessageFactory.text(text)
      : MessageFactory.attachment(CardFactory.heroCard('', undefined, [...buttons]), text);
  activity.textFormat = 'markdown';
  await context.sendActivity(activity);
}
