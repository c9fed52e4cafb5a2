import type { AddressInfo } from 'node:net';
import type { CloudAdapter } from 'botbuilder';
import { parse } from 'csv-parse/sync';
import { silentLogger } from '../../src/logger';
import { MemoryReportStore } from '../../src/reports';
import { ReportPages, SignedReportLinks, createServer } from '../../src/server';
import { content } from '../helpers';
import { intervention } from '../reports/sample-reports';

const { catalogue, knowledge } = content();
const NOW = new Date(2026, 10, 26, 14, 30);
const SECRET = 'a-secret-of-at-least-thirty-two-characters';

describe('SignedReportLinks', () => {
  let now = NOW;
  const links = new SignedReportLinks({
    baseUrl: () => 'https://relais.example',
    minutes: 30,
    secret: SECRET,
    now: () => now,
  });
  const token = (url: string) => new URL(url).searchParams.get('t');

  it('signs the team, language and filters, and checks them back', () => {
    const url = links.csv('nord', { forms: ['intervention'] }, 'fr');
    expect(url.startsWith('https://relais.example/reports/export.csv?t=')).toBe(true);
    expect(links.check(token(url), 'csv')).toEqual({
      ok: true,
      payload: {
        kind: 'csv',
        team: 'nord',
        locale: 'fr',
        query: { forms: ['intervention'] },
        exp: NOW.getTime() + 30 * 60_000,
      },
    });
  });

  it('refuses a changed team, a link of the other kind, another secret, garbage, and an expired link', () => {
    const t = token(links.synthesis('nord', {}, 'en'))!;
    const [body, signature] = t.split('.') as [string, string];
    const changed = Buffer.from(Buffer.from(body, 'base64url').toString().replace('nord', 'sud')).toString('base64url');
    expect(links.check(`${changed}.${signature}`, 'synthesis')).toEqual({ ok: false, reason: 'invalid' });
    expect(links.check(t, 'csv')).toEqual({ ok: false, reason: 'invalid' });
    const other = new SignedReportLinks({ baseUrl: () => '', minutes: 30, now: () => now });
    expect(other.check(t, 'synthesis')).toEqual({ ok: false, reason: 'invalid' });
    for (const bad of [undefined, '', 'x', 'a.b.c', `${body}.`, '%%%.%%%'])
      expect(links.check(bad, 'synthesis')).toEqual({ ok: false, reason: 'invalid' });
    now = new Date(NOW.getTime() + 31 * 60_000);
    expect(links.check(t, 'synthesis')).toEqual({ ok: false, reason: 'expired' });
    now = NOW;
  });
});

describe('GET /reports/export.csv and /reports/synthesis', () => {
  const store = new MemoryReportStore();
  const links = new SignedReportLinks({ baseUrl: () => base, minutes: 30, secret: SECRET, now: () => NOW });
  const server = createServer({
    adapter: {} as CloudAdapter,
    bot: { run: () => Promise.resolve() },
    logger: silentLogger,
    isReady: () => true,
    reports: { links, pages: new ReportPages(store, catalogue.forms, knowledge.messages), now: () => NOW },
  });
  let base = '';

  beforeAll(async () => {
    await store.save(intervention(1, new Date(2026, 10, 25, 18)));
    await store.save(intervention(2, new Date(2026, 10, 25, 19), { team: 'sud' }));
    await new Promise<void>((resolve) => {
      server.listen(0, '127.0.0.1', () => resolve());
    });
    const address: AddressInfo = server.address();
    base = `http://127.0.0.1:${address.port}`;
  });
  afterAll(async () => {
    await new Promise<void>((resolve) => {
      server.close(() => resolve());
    });
  });

  it('sends the team’s CSV as a UTF-8 attachment with a BOM, never cached', async () => {
    const res = await fetch(links.csv('nord', {}, 'fr'));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="relais-fiches-nord-2026-11-26.csv"');
    expect(res.headers.get('cache-control')).toBe('no-store');
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows: string[][] = parse(new TextDecoder().decode(bytes).slice(1), { delimiter: ';' });
    expect(rows).toHaveLength(2); // the header and the one report of team nord
    expect(rows[1]).toContain(intervention(1, new Date(2026, 10, 25, 18)).id);
  });

  it('sends the synthesis page with a strict content policy', async () => {
    const res = await fetch(
      links.synthesis(
        'nord',
        { from: new Date(2026, 10, 23).toISOString(), to: new Date(2026, 10, 30).toISOString() },
        'en',
      ),
    );
    expect(res.status).toBe(200);
    expect(res.headers.get('content-security-policy')).toContain("default-src 'none'");
    const html = await res.text();
    expect(html).toContain(knowledge.messages.text('en', 'synthesis.title', { team: 'nord' }));
    expect(html).toContain('<svg');
  });

  it('answers 403 to a forged or missing token and 410 to an expired one, in both languages', async () => {
    const forged = await fetch(`${base}/reports/export.csv?t=abc.def`);
    expect(forged.status).toBe(403);
    const page = await forged.text();
    expect(page).toContain(knowledge.messages.text('fr', 'reportLinks.invalid').replace(/'/g, '&#39;'));
    expect(page).toContain(knowledge.messages.text('en', 'reportLinks.invalid'));
    expect((await fetch(`${base}/reports/synthesis`)).status).toBe(403);
    const expired = new SignedReportLinks({
      baseUrl: () => base,
      minutes: 30,
      secret: SECRET,
      now: () => new Date(2026, 0, 1),
    });
    expect((await fetch(expired.csv('nord', {}, 'fr'))).status).toBe(410);
  });
});
