import { z } from 'zod';
import { Role } from './role';
import { SignedToken } from './signed-token';

/** Who an invitation to the web chat is for. The kiosk's `public` role needs no invitation. */
export const Invitee = z.strictObject({
  /** Stable user id: reports and quiz progress are kept under it. */
  id: z
    .string()
    .min(1)
    .max(128)
    .regex(/^[\w.@:-]+$/, 'letters, digits and . _ - @ : only'),
  name: z.string().trim().min(1).max(100),
  role: Role.exclude(['public']),
  team: z.string().trim().min(1).max(64).optional(),
});
export type Invitee = z.infer<typeof Invitee>;

const InvitePayload = Invitee.extend({ kind: z.literal('invite'), exp: z.number().int() });

/** The web chat's invitations: signed links carrying who the agent is and what role they have (docs/adr/0012). */
export class Invitations {
  private readonly tokens: SignedToken<typeof InvitePayload>;

  constructor(
    secret: string,
    private readonly now: () => Date = () => new Date(),
  ) {
    if (secret.length < 32) throw new Error('the invitation secret needs at least 32 characters');
    this.tokens = new SignedToken(InvitePayload, secret, now);
  }

  create(invitee: Invitee, days: number): string {
    // A fractional day count would give a fractional `exp`, which check() refuses: the link would never work.
    if (!Number.isFinite(days) || days <= 0)
      throw new RangeError(`an invitation lasts a positive number of days, not ${days}`);
    const parsed = Invitee.parse(invitee);
    return this.tokens.sign({ ...parsed, kind: 'invite', exp: Math.round(this.now().getTime() + days * 86_400_000) });
  }

  check(token: unknown): { ok: true; invitee: Invitee; expires: Date } | { ok: false; reason: 'invalid' | 'expired' } {
    const check = this.tokens.check(token);
    if (!check.ok) return check;
    const { kind: _kind, exp, ...invitee } = check.payload;
    return { ok: true, invitee, expires: new Date(exp) };
  }
}

/** A readable, stable id from a name: "Awa Diallo" → "awa-diallo". */
export function idFromName(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}
