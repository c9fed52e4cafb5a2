import type { TurnContext } from 'botbuilder';
import type { Grant, Route } from '../roles';

const ROUTE = Symbol('relais.route');

interface RouteInfo {
  route: Route;
  grant?: Grant;
}

/** The server tags each turn with the route it came in on, and what that route vouches for; the role resolver reads it. */
export function setRoute(context: TurnContext, route: Route, grant?: Grant): void {
  context.turnState.set(ROUTE, grant ? { route, grant } : { route });
}

export function getRoute(context: TurnContext): RouteInfo {
  return context.turnState.get<RouteInfo | undefined>(ROUTE) ?? { route: 'messages' };
}
