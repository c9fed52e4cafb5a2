import { createHmac } from 'node:crypto';
import { Invitations, Invitee, SignedToken, idFromName } from '../../src/roles';
import { LocalSession } from '../../src/server/local-session';

const SECRET = 'an invitation secret of forty characters';
const OTHER_SECRET = 'another secret, also forty characters ok';
const T0 = new Date('2026-03-02T08:00:00Z');
const DAY = 86_400_000;

const awa: Invitee = { id: 'awa-diallo', name: 'Awa Diallo', role: 'trainee', team: 'nord' };

/** A token signed with SECRET as Invitations signs, whatever the payload (to forge what create() refuses). */
function forge(payload: unknown, secret = SECRET): string {
  const body = Buffer.from(JSON.stringify(payload), 'utf8').toString('base64url');
  return `${body}.${createHmac('sha256', secret).update(body).digest('base64url')}`;
}

describe('Invitations', () => {
  it('round-trips who the invitation is for, and until when', () => {
    const invitations = new Invitations(SECRET, () => T0);
    const check = invitations.check(invitations.create(awa, 30));
    expect(check).toEqual({ ok: true, invitee: awa, expires: new Date(T0.getTime() + 30 * DAY) });
  });

  it('keeps an invitation without a team without one', () => {
    const invitations = new Invitations(SECRET, () => T0);
    const check = invitations.check(invitations.create({ id: 'sam', name: 'Sam', role: 'supervisor' }, 1));
    expect(check.ok && check.invitee).toEqual({ id: 'sam', name: 'Sam', role: 'supervisor' });
  });

  it('refuses a token whose payload was changed, even re-encoded cleanly', () => {
    const invitations = new Invitations(SECRET, () => T0);
    const [body, signature] = invitations.create(awa, 30).split('.') as [string, string];
    const payload = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as Record<string, unknown>;
    const promoted = Buffer.from(JSON.stringify({ ...payload, role: 'supervisor' })).toString('base64url');
    expect(invitations.check(`${promoted}.${signature}`)).toEqual({ ok: false, reason: 'invalid' });
  });

  it('refuses every other spelling of the signature (no character may change, none be added)', () => {
    const invitations = new Invitations(SECRET, () => T0);
    const token = invitations.create(awa, 30);
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    const lastChanged = [...alphabet].filter((c) => c !== token.at(-1)).map((c) => token.slice(0, -1) + c);
    const [body, signature] = token.split('.') as [string, string];
    const altered = [
      ...lastChanged,
      `${token}=`,
      `${token}!`,
      `${body}.${signature.slice(0, 10)}*${signature.slice(10)}`,
      `${body}.${signature}.`,
      `${body}.`,
      signature,
      `${token} `,
    ];
    for (const variant of altered) expect([variant, invitations.check(variant).ok]).toEqual([variant, false]);
    expect(invitations.check(token).ok).toBe(true);
  });

  it('refuses a token signed with another secret', () => {
    const theirs = new Invitations(OTHER_SECRET, () => T0).create(awa, 30);
    expect(new Invitations(SECRET, () => T0).check(theirs)).toEqual({ ok: false, reason: 'invalid' });
  });

  it('says "expired" from the moment the invitation ends, and only then', () => {
    let now = T0;
    const invitations = new Invitations(SECRET, () => now);
    const token = invitations.create(awa, 2);
    now = new Date(T0.getTime() + 2 * DAY - 1);
    expect(invitations.check(token).ok).toBe(true);
    now = new Date(T0.getTime() + 2 * DAY);
    expect(invitations.check(token)).toEqual({ ok: false, reason: 'expired' });
  });

  it('does not invite the public, and refuses a well-signed token that names it', () => {
    const invitations = new Invitations(SECRET, () => T0);
    expect(() => invitations.create({ ...awa, role: 'public' as Invitee['role'] }, 1)).toThrow();
    const exp = T0.getTime() + DAY;
    expect(invitations.check(forge({ ...awa, kind: 'invite', exp })).ok).toBe(true);
    expect(invitations.check(forge({ ...awa, role: 'public', kind: 'invite', exp }))).toEqual({
      ok: false,
      reason: 'invalid',
    });
    expect(invitations.check(forge({ ...awa, role: 'admin', kind: 'invite', exp })).ok).toBe(false);
  });

  it('is not fooled by another kind of token signed with the same secret (a session is no invitation)', () => {
    const sessions = new SignedToken(LocalSession, SECRET, () => T0);
    const session = sessions.sign({
      kind: 'webchat',
      c: '6f1c7a52-1f4e-4c1a-9d1e-2b7f0c3d4e5f',
      u: 'awa-diallo',
      r: 'agent',
      exp: T0.getTime() + DAY,
    });
    expect(new Invitations(SECRET, () => T0).check(session)).toEqual({ ok: false, reason: 'invalid' });
    // Nor an invitation a session.
    expect(sessions.check(new Invitations(SECRET, () => T0).create(awa, 1)).ok).toBe(false);
  });

  it.each([
    ['nothing', undefined],
    ['null', null],
    ['a number', 42],
    ['an empty string', ''],
    ['one part', 'abc'],
    ['two made-up parts', 'a.b'],
    ['three parts', 'a.b.c'],
    ['5 000 characters', 'x'.repeat(5000)],
    ['a signed string instead of an object', forge('not an object')],
  ])('refuses %s as invalid', (_label, token) => {
    expect(new Invitations(SECRET, () => T0).check(token)).toEqual({ ok: false, reason: 'invalid' });
  });

  it('refuses a secret shorter than 32 characters', () => {
    expect(() => new Invitations('x'.repeat(31))).toThrow(/32/);
    expect(() => new Invitations('x'.repeat(32))).not.toThrow();
  });

  it('refuses invalid invitees: an id with spaces, an empty name', () => {
    const invitations = new Invitations(SECRET, () => T0);
    expect(() => invitations.create({ ...awa, id: 'awa diallo' }, 1)).toThrow();
    expect(() => invitations.create({ ...awa, name: '   ' }, 1)).toThrow();
  });

  it('makes links that work for any positive number of days, fractions included', () => {
    const invitations = new Invitations(SECRET, () => new Date(1_700_000_000_123));
    for (const days of [1 / 3, 5 / 24, 1 / 7, 0.5, 365])
      expect([days, invitations.check(invitations.create(awa, days)).ok]).toEqual([days, true]);
    for (const days of [0, -1, Number.NaN, Number.POSITIVE_INFINITY])
      expect(() => invitations.create(awa, days)).toThrow(RangeError);
  });
});

describe('idFromName', () => {
  it.each([
    ["Awa Diallo-N'Guessan", 'awa-diallo-n-guessan'],
    ['Awa Diallo', 'awa-diallo'],
    ['  Élodie   Müller ', 'elodie-muller'],
    ['François-Xavier Lefèvre', 'francois-xavier-lefevre'],
    ['Chloé O’Brien', 'chloe-o-brien'],
  ])('%s → %s, a valid invitee id', (name, id) => {
    expect(idFromName(name)).toBe(id);
    expect(Invitee.shape.id.safeParse(id).success).toBe(true);
  });

  it('gives nothing usable for a name with no Latin letter (the CLI then asks for --id)', () => {
    expect(idFromName('王芳')).toBe('');
  });
});
