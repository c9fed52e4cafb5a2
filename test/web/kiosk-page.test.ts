import type { Page } from 'playwright-core';
import { content } from '../helpers';
import {
  asShown,
  browser,
  screenshot,
  seriousViolations,
  sendBox,
  serve,
  stop,
  suggestedAction,
  transcript,
  type Served,
} from './browser';

const { knowledge, catalogue } = content();
const t = (key: string, locale: 'fr' | 'en' = 'fr', vars?: Record<string, string | number>) =>
  knowledge.messages.text(locale, key, vars);
const IDLE = 60;
const WARNING = 20;

describe('the public kiosk page, in Chromium', () => {
  let served: Served | undefined;
  let chromium: Awaited<ReturnType<typeof browser>> | undefined;
  beforeAll(async () => {
    served = await serve({ KIOSK_IDLE_SECONDS: String(IDLE), KIOSK_WARNING_SECONDS: String(WARNING) });
    chromium = await browser();
  }, 90_000);
  afterAll(async () => {
    await chromium?.close();
    await stop(served);
  });

  async function open(path = '/kiosk', clock = false): Promise<Page> {
    const page = await chromium!.context.newPage();
    if (clock) await page.clock.install();
    await page.goto(`${served!.base}${path}`);
    return page;
  }

  async function accept(page: Page, locale: 'fr' | 'en' = 'fr'): Promise<void> {
    await page.getByRole('button', { name: t('web.kiosk.privacy.accept', locale) }).click();
    await page.getByText(t('welcome.public', locale).slice(0, 40)).first().waitFor();
  }

  it('asks visitors not to type personal information before anything is sent, then answers a lost-property question', async () => {
    const page = await open();
    const started: string[] = [];
    page.on('request', (r) => {
      if (r.method() === 'POST' && r.url().endsWith('/kiosk/api/conversations')) started.push(r.url());
    });
    await page.getByRole('dialog', { name: t('web.kiosk.privacy.title') }).waitFor();
    expect(await page.getByRole('dialog').innerText()).toContain(t('web.kiosk.privacy.body'));
    expect(started).toEqual([]);
    await screenshot(page, 'kiosk-privacy-notice');

    await accept(page);
    expect(started).toHaveLength(1);
    // The buttons for the commonest needs; "lost property" answers at once.
    const lost = catalogue.main.public_menu!.find((e) => 'question' in e)!.label.fr;
    await suggestedAction(page, lost).click();
    await page
      .getByText(t('orientation.recognised', 'fr', { title: '' }).replace(/\*+$/, '').trim())
      .first()
      .waitFor();
    expect(await transcript(page)).toMatch(/perdu/i);

    await sendBox(page).fill("j'ai oublié mon sac dans le tram");
    await sendBox(page).press('Enter');
    await page.getByText("j'ai oublié mon sac dans le tram").first().waitFor();
    await page.locator('#webchat article').nth(5).waitFor();
    await screenshot(page, 'kiosk-conversation');
    const answer = (await transcript(page)).split("j'ai oublié mon sac dans le tram").pop()!;
    expect(answer).not.toMatch(asShown(t('fallback.notUnderstood')));
    expect(answer).toMatch(/perdu|objets trouvés|vol/i);
    await page.close();
  }, 60_000);

  it('warns after the idle time, lets the visitor go on, then clears the conversation on the server and starts afresh', async () => {
    const page = await open('/kiosk', true);
    await accept(page);
    const warning = page.getByRole('dialog', { name: t('web.kiosk.idle.title') });

    await page.clock.runFor((IDLE + 1) * 1000);
    await warning.waitFor();
    expect(await page.locator('#idle-body').innerText()).toBe(t('web.kiosk.idle.body', 'fr', { seconds: WARNING }));
    await screenshot(page, 'kiosk-idle-warning');
    await page.getByRole('button', { name: t('web.kiosk.idle.continue') }).click();
    await warning.waitFor({ state: 'hidden' });
    expect(await transcript(page)).toContain(t('welcome.public').slice(0, 40));

    await page.clock.runFor((IDLE + 1) * 1000);
    await warning.waitFor();
    // The warning stays up for the whole warning time, then the server forgets the conversation.
    await page.clock.runFor((WARNING - 2) * 1000);
    expect(await warning.isVisible()).toBe(true);
    const forgotten = page.waitForResponse((r) => r.request().method() === 'DELETE');
    await page.clock.runFor(3000);
    expect((await forgotten).status()).toBe(204);
    await page.waitForURL(/\/kiosk\?lang=fr$/);
    await page.getByRole('dialog', { name: t('web.kiosk.privacy.title') }).waitFor();
    expect(await page.locator('#webchat').innerHTML()).toBe('');
    await page.close();
  }, 60_000);

  it('switches to English, page and bot alike', async () => {
    const page = await open();
    await accept(page);
    await page.getByRole('link', { name: 'English' }).click();
    await page.waitForURL(/\/kiosk\?lang=en$/);
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    await page.getByRole('dialog', { name: t('web.kiosk.privacy.title', 'en') }).waitFor();
    await accept(page, 'en');
    const lost = catalogue.main.public_menu!.find((e) => 'question' in e)!.label.en;
    await suggestedAction(page, lost).click();
    await page
      .getByText(t('orientation.recognised', 'en', { title: '' }).replace(/\*+$/, '').trim())
      .first()
      .waitFor();
    expect(await page.locator('.emergency').innerText()).toContain('112');
    await page.close();
  }, 60_000);

  it('has no serious or critical accessibility violation (axe-core, WCAG 2.1 AA), notice up and in conversation', async () => {
    const page = await open();
    await page.getByRole('dialog').first().waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await accept(page);
    expect(await seriousViolations(page)).toEqual([]);
    await page.close();
  }, 60_000);
});
