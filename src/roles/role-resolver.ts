import type { Role } from './role';
import type { RosterSource } from './roster';

/** The HTTP route a turn came in on. `messages` is /api/messages (Azure channels, Emulator); `kiosk` is the public kiosk. */
export type Route = 'messages' | 'kiosk';

export interface RoleQuery {
  route: Route;
  channelId: string;
  /** Stable user id: aadObjectId when the channel gives one, else from.id. */
  userId: string;
}

export interface RoleResolver {
  resolve(query: RoleQuery): Role;
  /** The user's team (reports are filed and shown by team); undefined when unknown. */
  teamOf(userId: string): string | undefined;
}

/**
 * First rule: the route decides. Kiosk users are always `public`, whatever the roster says;
 * /api/messages users are agents unless the roster names another role.
 */
export class RouteRoleResolver implements RoleResolver {
  constructor(private readonly roster: RosterSource) {}

  resolve({ route, userId }: RoleQuery): Role {
    if (route === 'kiosk') return 'public';
    return this.roster.roleOf(userId) ?? 'agent';
  }

  teamOf(userId: string): string | undefined {
    return this.roster.teamOf?.(userId);
  }
}
