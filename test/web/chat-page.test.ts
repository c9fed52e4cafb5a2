import type { Page } from 'playwright-core';
import { Invitations } from '../../src/roles';
import { content } from '../helpers';
import {
  INVITE_SECRET,
  asShown,
  browser,
  screenshot,
  seriousViolations,
  sendBox,
  serve,
  stop,
  suggestedAction,
  type Served,
} from './browser';

const { knowledge, catalogue } = content();
const t = (key: string, vars?: Record<string, string | number>) => knowledge.messages.text('fr', key, vars);
const menuLabel = (id: string) => catalogue.capabilities.find((c) => c.id === id)!.menu.fr;

describe("the agents' web chat page, in Chromium", () => {
  let served: Served | undefined;
  let chromium: Awaited<ReturnType<typeof browser>> | undefined;
  const invitations = new Invitations(INVITE_SECRET);
  beforeAll(async () => {
    served = await serve();
    chromium = await browser();
  }, 90_000);
  afterAll(async () => {
    await chromium?.close();
    await stop(served);
  });

  async function open(path: string): Promise<{ page: Page; status: number | undefined }> {
    const page = await chromium!.context.newPage();
    const response = await page.goto(`${served!.base}${path}`);
    return { page, status: response?.status() };
  }

  it('refuses the page without a valid invitation', async () => {
    for (const path of ['/chat', '/chat?invite=forged.token']) {
      const { page, status } = await open(path);
      expect(status).toBe(403);
      await page.getByRole('heading', { name: t('web.refused.title') }).waitFor();
      expect(await page.locator('body').innerText()).toContain(t('web.refused.invalid'));
      expect(await page.locator('#webchat').count()).toBe(0);
      await page.close();
    }
  }, 30_000);

  it("opens with the invitation's name and role, and the role's menu travels with the conversation", async () => {
    const invite = invitations.create({ id: 'awa-diallo', name: 'Awa Diallo', role: 'trainee', team: 'nord' }, 1);
    const { page, status } = await open(`/chat?invite=${invite}`);
    expect(status).toBe(200);
    expect(await page.locator('.who').innerText()).toBe(
      t('web.chat.signedInAs', { name: 'Awa Diallo', role: t('web.roles.trainee') }),
    );
    await page
      .getByText(asShown(t('welcome.title')))
      .first()
      .waitFor();
    // A trainee is offered the quiz; the quiz starts from the button.
    await suggestedAction(page, menuLabel('quiz')).click();
    await page.getByText(/quiz/i).nth(1).waitFor();
    expect(await page.locator('#webchat [role="feed"]').innerText()).not.toMatch(asShown(t('roles.notAllowed')));

    await sendBox(page).fill('objet perdu dans le bus');
    await sendBox(page).press('Enter');
    await page
      .getByText(asShown(t('orientation.recognised', { title: '' }).replace(/\*+$/, '').trim()))
      .first()
      .waitFor();
    await screenshot(page, 'agent-chat');
    await page.close();
  }, 60_000);

  it('has no serious or critical accessibility violation (axe-core, WCAG 2.1 AA)', async () => {
    const invite = invitations.create({ id: 'agent-7', name: 'Karim B.', role: 'agent' }, 1);
    const { page } = await open(`/chat?invite=${invite}`);
    await page
      .getByText(asShown(t('welcome.title')))
      .first()
      .waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await page.close();
  }, 60_000);
});
