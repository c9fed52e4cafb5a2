import { z } from 'zod';
import { Locale } from '../content';
import type { QuizLinks, ReportLinks } from '../dialogs';
import { TeamQuery } from '../reports';
import { SignedToken } from '../roles';

const LinkKind = z.enum(['csv', 'synthesis', 'quiz-items']);
export type LinkKind = z.infer<typeof LinkKind>;

/** What a link carries: what to show, of which team, in which language, until when (ms since the epoch). */
const Payload = z.strictObject({
  kind: LinkKind,
  team: z.string().min(1),
  locale: Locale,
  query: TeamQuery,
  exp: z.number().int(),
});
export type LinkPayload = z.infer<typeof Payload>;

export type LinkCheck = { ok: true; payload: LinkPayload } | { ok: false; reason: 'invalid' | 'expired' };

const PATHS: Readonly<Record<LinkKind, string>> = {
  csv: '/reports/export.csv',
  synthesis: '/reports/synthesis',
  'quiz-items': '/quiz/items.csv',
};

/**
 * Links to a team's CSV export and synthesis page, and to the quiz's item statistics of a team's trainees, signed with HMAC-SHA256 and valid for a few minutes
 * (docs/adr/0009-report-links.md). The link itself is the permission: it names the team and the filters, and
 * nobody can change them without the secret. Chat channels cannot all carry a file, but all of them carry a link.
 */
export class SignedReportLinks implements ReportLinks, QuizLinks {
  private readonly tokens: SignedToken<typeof Payload>;

  constructor(
    private readonly options: {
      /** Where users reach Relais (read at each link: the port may be known only once the server listens). */
      baseUrl: () => string;
      minutes: number;
      /** At least 32 characters; random when absent, so that links end with the process. */
      secret?: string;
      now?: () => Date;
    },
  ) {
    this.tokens = new SignedToken(Payload, options.secret, () => this.now());
  }

  get minutes(): number {
    return this.options.minutes;
  }

  csv(team: string, query: TeamQuery, locale: Locale): string {
    return this.link({ kind: 'csv', team, locale, query, exp: this.expiry() });
  }

  synthesis(team: string, query: TeamQuery, locale: Locale): string {
    return this.link({ kind: 'synthesis', team, locale, query, exp: this.expiry() });
  }

  quizItems(team: string, locale: Locale): string {
    return this.link({ kind: 'quiz-items', team, locale, query: {}, exp: this.expiry() });
  }

  /** Checks a token from a link of this kind: its signature, its content, and that it has not expired. */
  check(token: unknown, kind: LinkKind): LinkCheck {
    const check = this.tokens.check(token);
    if (check.ok && check.payload.kind !== kind) return { ok: false, reason: 'invalid' };
    return check;
  }

  private link(payload: LinkPayload): string {
    return `${this.options.baseUrl()}${PATHS[payload.kind]}?t=${this.tokens.sign(payload)}`;
  }

  private expiry(): number {
    return this.now().getTime() + this.options.minutes * 60_000;
  }

  private now(): Date {
    return this.options.now?.() ?? new Date();
  }
}
