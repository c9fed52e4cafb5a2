import { z } from 'zod';
import { Role } from './role';

/** DATA_DIR/roster.json: users whose role is not the channel's default one. */
export const Roster = z.strictObject({
  users: z
    .array(
      z.strictObject({
        id: z.string().min(1).describe('the channel user id (Teams: aadObjectId or from.id)'),
        role: Role,
        name: z.string().optional(),
        team: z.string().optional(),
      }),
    )
    .default([]),
});
export type Roster = z.infer<typeof Roster>;

/** Where the roster comes from; implemented in storage. */
export interface RosterSource {
  roleOf(userId: string): Role | undefined;
  /** The user's team, when the roster names one. */
  teamOf?(userId: string): string | undefined;
}
