import type { TurnContext } from 'botbuilder';
import type { Locale } from '../content';
import type { Recognition } from '../nlu';
import type { Role } from '../roles';

/** What the bot works out once per turn and every dialog reads: who, in which language, what was understood. */
export interface TurnInfo {
  role: Role;
  locale: Locale;
  /** Set for messages with text; undefined for card submissions without text. */
  recognition?: Recognition;
  /** Who is talking: the channel's user id and name, and the roster's team. */
  user?: { id: string; name?: string; team?: string };
  /** An interruption word (help, cancel, restart) the router passed on to a dialog that handles it itself. */
  command?: 'help' | 'cancel' | 'restart';
}

const TURN_INFO = Symbol('relais.turnInfo');

export function setTurnInfo(context: TurnContext, info: TurnInfo): void {
  context.turnState.set(TURN_INFO, info);
}

export function getTurnInfo(context: TurnContext): TurnInfo {
  const info = context.turnState.get<TurnInfo | undefined>(TURN_INFO);
  return info ?? { role: 'public', locale: 'fr' };
}
