import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { z } from 'zod';

export type TokenCheck<T> = { ok: true; payload: T } | { ok: false; reason: 'invalid' | 'expired' };

/**
 * A payload signed with HMAC-SHA256: `base64url(json).base64url(signature)`. Whoever holds the token holds
 * what it grants, until `exp` (ms since the epoch); nobody can change it without the secret.
 */
export class SignedToken<S extends z.ZodType<{ exp: number }>> {
  private readonly key: Buffer;

  constructor(
    private readonly schema: S,
    /** At least 32 characters; random when absent, so that tokens end with the process. */
    secret?: string,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.key = secret ? Buffer.from(secret, 'utf8') : randomBytes(32);
  }

  sign(payload: z.infer<S>): string {
    const body = Buffer.from(JSON.stringify(payload), 'utf8').toString('base64url');
    return `${body}.${this.mac(body).toString('base64url')}`;
  }

  /** Checks the signature, the payload's shape, and that it has not expired. */
  check(token: unknown): TokenCheck<z.infer<S>> {
    if (typeof token !== 'string' || token.length > 4096) return { ok: false, reason: 'invalid' };
    const [body, signature, extra] = token.split('.');
    if (!body || !signature || extra !== undefined) return { ok: false, reason: 'invalid' };
    // Compared as text: Node's base64url decoder skips unknown characters and unused trailing bits, so
    // comparing decoded bytes would accept altered spellings of the same signature.
    const expected = Buffer.from(this.mac(body).toString('base64url'), 'utf8');
    const given = Buffer.from(signature, 'utf8');
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { ok: false, reason: 'invalid' };
    let json: unknown;
    try {
      json = JSON.parse(Buffer.from(body, 'base64url').toString('utf8'));
    } catch {
      return { ok: false, reason: 'invalid' };
    }
    const parsed = this.schema.safeParse(json);
    if (!parsed.success) return { ok: false, reason: 'invalid' };
    if (parsed.data.exp <= this.now().getTime()) return { ok: false, reason: 'expired' };
    return { ok: true, payload: parsed.data };
  }

  private mac(body: string): Buffer {
    return createHmac('sha256', this.key).update(body).digest();
  }
}
