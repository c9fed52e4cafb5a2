import type { Role } from './role';
import type { RosterSource } from './roster';

/**
 * The HTTP route a turn came in on. `messages` is /api/messages (Azure channels, Emulator); `webchat` is the
 * local web chat page, reached through a signed invitation; `kiosk` is the public kiosk.
 */
export type Route = 'messages' | 'webchat' | 'kiosk';

/** What a signed invitation grants the person who opened it: travels with each of their turns. */
export interface Grant {
  role: Role;
  team?: string;
}

export interface RoleQuery {
  route: Route;
  channelId: string;
  /** Stable user id: aadObjectId when the channel gives one, else from.id. */
  userId: string;
  /** What the route vouches for (the web chat's invitation); absent on other routes. */
  grant?: Grant;
}

export interface RoleResolver {
  resolve(query: RoleQuery): Role;
  /** The user's team (reports are filed and shown by team); undefined when unknown. */
  teamOf(userId: string, grant?: Grant): string | undefined;
}

/**
 * First rule: the route decides. Kiosk users are always `public`, whatever the roster or a grant says;
 * web chat users have the role their signed invitation grants; /api/messages users are agents unless the
 * roster names another role.
 */
export class RouteRoleResolver implements RoleResolver {
  constructor(private readonly roster: RosterSource) {}

  resolve({ route, userId, grant }: RoleQuery): Role {
    if (route === 'kiosk') return 'public';
    if (route === 'webchat') return grant?.role ?? 'public';
    return this.roster.roleOf(userId) ?? 'agent';
  }

  teamOf(userId: string, grant?: Grant): string | undefined {
    return grant ? grant.team : this.roster.teamOf?.(userId);
  }
}
