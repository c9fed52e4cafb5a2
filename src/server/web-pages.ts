import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { LOCALES, fill, type Locale } from '../content';
import type { Messages, NationalNumber } from '../knowledge';
import type { Invitee } from '../roles';
import { escapeHtml } from '../reports';

export interface KioskTiming {
  /** Seconds without a touch or a key before the warning. */
  idleSeconds: number;
  /** Seconds the warning stays up before the conversation is cleared (at least 20). */
  warningSeconds: number;
}

export interface Asset {
  type: string;
  body: Buffer;
  /** The same body gzipped, for clients that accept it. */
  gzip: Buffer;
  /** Long-lived for the Web Chat bundle (versioned by package), short for Relais's own files. */
  maxAge: number;
}

/** Relais's own files in web/, served under /web/. */
const OWN_ASSETS: Readonly<Record<string, string>> = {
  'relais.css': 'text/css; charset=utf-8',
  'relais-connection.js': 'text/javascript; charset=utf-8',
  'chat-page.js': 'text/javascript; charset=utf-8',
  'kiosk-page.js': 'text/javascript; charset=utf-8',
};

/**
 * The HTML of Relais's own pages (the agents' web chat, the public kiosk, the refusal of a bad link) from
 * the templates in web/ and the sentences in knowledge/messages, and the static files they load: the
 * official Web Chat bundle from node_modules (no CDN: kiosks may have no Internet) and Relais's scripts.
 */
export class WebPages {
  private readonly templates: Record<'chat' | 'kiosk' | 'refusal', string>;
  private readonly assets = new Map<string, Asset>();

  constructor(
    private readonly webDir: string,
    private readonly messages: Messages,
    private readonly numbers: readonly NationalNumber[],
    private readonly kiosk: KioskTiming,
  ) {
    const read = (name: string) => readFileSync(join(webDir, name), 'utf8');
    this.templates = { chat: read('chat.html'), kiosk: read('kiosk.html'), refusal: read('refusal.html') };
  }

  /** The agent's page: the invitation goes into the page, which trades it for a conversation. */
  chat(invite: string, invitee: Invitee, locale: Locale): string {
    const t = (key: string, vars?: Record<string, string>) => this.messages.text(locale, key, vars);
    return render(this.templates.chat, {
      lang: locale,
      title: t('web.chat.title'),
      region: t('web.chat.region'),
      who: t('web.chat.signedInAs', { name: invitee.name, role: t(`web.roles.${invitee.role}`) }),
      config: json({
        api: '/chat/api',
        credential: invite,
        locale,
        user: { id: invitee.id, name: invitee.name },
        strings: this.errors(locale),
      }),
    });
  }

  kioskPage(locale: Locale): string {
    const t = (key: string, vars?: Record<string, string>) => this.messages.text(locale, key, vars);
    const languages = LOCALES.map((l) => {
      const current = l === locale;
      return `<a href="/kiosk?lang=${l}" lang="${l}" hreflang="${l}" data-lang="${l}" class="language${current ? ' current' : ''}"${current ? ' aria-current="true"' : ''}>${escapeHtml(this.messages.text(l, 'web.languageName'))}</a>`;
    }).join('');
    return render(
      this.templates.kiosk,
      {
        lang: locale,
        languages,
        title: t('web.kiosk.title'),
        heading: t('web.kiosk.heading'),
        emergency: t('web.kiosk.emergency', this.emergencyNumbers()),
        reminder: t('web.kiosk.reminder'),
        language: t('web.kiosk.language'),
        restart: t('web.kiosk.restart'),
        privacyTitle: t('web.kiosk.privacy.title'),
        privacyBody: t('web.kiosk.privacy.body'),
        privacyAccept: t('web.kiosk.privacy.accept'),
        idleTitle: t('web.kiosk.idle.title'),
        idleContinue: t('web.kiosk.idle.continue'),
        idleClear: t('web.kiosk.idle.clear'),
        config: json({
          api: '/kiosk/api',
          locale,
          idleSeconds: this.kiosk.idleSeconds,
          warningSeconds: this.kiosk.warningSeconds,
          strings: { ...this.errors(locale), idleBody: this.messages.text(locale, 'web.kiosk.idle.body') },
        }),
      },
      new Set(['languages']),
    );
  }

  refusal(reason: 'invalid' | 'expired' | 'disabled', locale: Locale): string {
    return render(this.templates.refusal, {
      lang: locale,
      title: this.messages.text(locale, 'web.refused.title'),
      reason: this.messages.text(locale, `web.refused.${reason}`),
    });
  }

  /** A static file by name: Relais's own (/web/…) or the Web Chat bundle (/webchat/webchat.js). */
  asset(path: string): Asset | undefined {
    const cached = this.assets.get(path);
    if (cached) return cached;
    let file: string | undefined;
    let type: string | undefined;
    let maxAge = 300;
    if (path === '/webchat/webchat.js') {
      file = join(dirname(require.resolve('botframework-webchat')), '..', 'dist', 'webchat.js');
      type = 'text/javascript; charset=utf-8';
      maxAge = 86_400;
    } else if (path.startsWith('/web/')) {
      const name = path.slice('/web/'.length);
      type = OWN_ASSETS[name];
      if (type) file = join(this.webDir, name);
    }
    if (!file || !type) return undefined;
    const body = readFileSync(file);
    const asset = { type, body, gzip: gzipSync(body), maxAge };
    this.assets.set(path, asset);
    return asset;
  }

  private errors(locale: Locale): Record<string, string> {
    const keys = ['throttled', 'network', 'session', 'tooLarge'];
    return Object.fromEntries(keys.map((k) => [k, this.messages.text(locale, `web.errors.${k}`)]));
  }

  private emergencyNumbers(): Record<string, string> {
    const display = (id: string) => this.numbers.find((n) => n.id === id)?.display ?? '';
    return {
      main: display('urgence-112'),
      others: ['samu', 'police-secours', 'pompiers'].map(display).join(', '),
      sms: display('urgence-114'),
    };
  }
}

/** Fills {{placeholders}} with escaped text; `raw` names the ones that are already HTML. */
function render(template: string, vars: Record<string, string>, raw = new Set<string>()): string {
  const escaped = Object.fromEntries(
    Object.entries(vars).map(([k, v]) => [k, raw.has(k) || k === 'config' ? v : escapeHtml(v)]),
  );
  return fill(template, escaped);
}

/** JSON safe inside a <script type="application/json"> element. */
function json(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c');
}
