import { z } from 'zod';
import { Role, type Grant, type SignedToken } from '../roles';

/** A conversation on Relais's own pages: who talks, with which role, in which conversation, until when. */
export const LocalSession = z.strictObject({
  kind: z.enum(['webchat', 'kiosk']),
  /** The conversation id, chosen by the server. */
  c: z.uuid(),
  /** The user id: the invitee's id, or a visitor id made up for the kiosk. */
  u: z.string().min(1).max(128),
  n: z.string().max(100).optional(),
  r: Role,
  t: z.string().max(64).optional(),
  exp: z.number().int(),
});
export type LocalSession = z.infer<typeof LocalSession>;

export type LocalSessions = SignedToken<typeof LocalSession>;

export function grantOf(session: LocalSession): Grant {
  return session.t ? { role: session.r, team: session.t } : { role: session.r };
}

/** What a page may send: a message, typed or from a card. Everything else about the activity is the server's. */
export const LocalActivity = z.looseObject({
  type: z.literal('message'),
  text: z.string().max(20_000).optional(),
  value: z.record(z.string(), z.unknown()).optional(),
  locale: z.string().max(32).optional(),
  channelData: z.looseObject({ clientActivityID: z.string().max(128).optional() }).optional(),
});
export type LocalActivity = z.infer<typeof LocalActivity>;
