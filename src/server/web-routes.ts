import type * as restify from 'restify';
import { toLocale, type Locale } from '../content';
import type { Invitations } from '../roles';
import type { WebPages } from './web-pages';

/**
 * Headers of Relais's own pages: scripts and styles from this server only (Web Chat's styling is injected
 * at run time, hence 'unsafe-inline' for styles), no framing, no referrer (the agent's link is a credential).
 */
const PAGE_HEADERS = {
  'content-type': 'text/html; charset=utf-8',
  'cache-control': 'no-store',
  'referrer-policy': 'no-referrer',
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'content-security-policy':
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; " +
    "font-src 'self' data:; connect-src 'self'; media-src 'none'; object-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'",
};

/** GET /chat?invite=… (the agents' page, refused without a valid invitation), GET /kiosk, and their files. */
export function mountWebPages(server: restify.Server, pages: WebPages, invitations: Invitations | undefined): void {
  server.get('/chat', (req, res, next) => {
    const locale = localeOf(req);
    const invite = new URL(req.url ?? '', 'http://relais.invalid').searchParams.get('invite');
    if (!invitations) return send(res, 503, pages.refusal('disabled', locale), next);
    const check = invitations.check(invite);
    if (!check.ok) return send(res, check.reason === 'expired' ? 410 : 403, pages.refusal(check.reason, locale), next);
    return send(res, 200, pages.chat(invite!, check.invitee, locale), next);
  });

  // A kiosk's browser language says nothing about the visitor: French unless they pick another.
  server.get('/kiosk', (req, res, next) => send(res, 200, pages.kioskPage(localeOf(req, false)), next));
  // Browsers ask for it on every page; nothing to show, nothing to log.
  server.get('/favicon.ico', (_req, res, next) => {
    res.send(204);
    next(false);
  });

  const asset = (req: restify.Request, res: restify.Response, next: restify.Next) => {
    const found = pages.asset(req.path());
    if (!found) {
      res.json(404, { error: 'not found' });
      return next(false);
    }
    const gzip = /\bgzip\b/.test(req.header('accept-encoding') ?? '');
    res.writeHead(200, {
      'content-type': found.type,
      'cache-control': `public, max-age=${found.maxAge}`,
      'x-content-type-options': 'nosniff',
      vary: 'accept-encoding',
      ...(gzip ? { 'content-encoding': 'gzip' } : {}),
    });
    res.end(gzip ? found.gzip : found.body);
    return next(false);
  };
  server.get('/webchat/webchat.js', asset);
  server.get('/web/:name', asset);
}

function send(res: restify.Response, status: number, html: string, next: restify.Next): void {
  res.writeHead(status, PAGE_HEADERS);
  res.end(html);
  next(false);
}

/** ?lang=en, else the browser's first language (when it tells something of the user), else French. */
function localeOf(req: restify.Request, browser = true): Locale {
  const lang = new URL(req.url ?? '', 'http://relais.invalid').searchParams.get('lang');
  return toLocale(lang ?? (browser ? req.header('accept-language') : undefined));
}
