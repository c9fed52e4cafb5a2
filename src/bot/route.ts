import type { TurnContext } from 'botbuilder';
import type { Route } from '../roles';

const ROUTE = Symbol('relais.route');

/** The server tags each turn with the route it came in on; the role resolver reads it. */
export function setRoute(context: TurnContext, route: Route): void {
  context.turnState.set(ROUTE, route);
}

export function getRoute(context: TurnContext): Route {
  return context.turnState.get<Route | undefined>(ROUTE) ?? 'messages';
}
