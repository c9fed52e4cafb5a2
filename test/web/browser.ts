import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AxeResults } from 'axe-core';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { startRelais, type Relais } from '../../src';
import { loadConfig } from '../../src/config';
import { silentLogger } from '../../src/logger';
import { ROOT } from '../helpers';

/** Debian's chromium (`apt-get install chromium`); CHROMIUM_PATH elsewhere. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** The machine has no outside network: these flags keep Chromium from trying to reach it. */
const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export const INVITE_SECRET = 'browser-tests-secret-0123456789abcdef';
export const ARTIFACTS = join(ROOT, 'test', 'artifacts');

export interface Served {
  relais: Relais;
  base: string;
  dataDir: string;
}

export async function serve(env: Record<string, string> = {}): Promise<Served> {
  const dataDir = mkdtempSync(join(tmpdir(), 'relais-web-'));
  const config = loadConfig({ PORT: '0', DATA_DIR: dataDir, INVITE_SECRET, ...env }, ROOT);
  const relais = await startRelais(config, { logger: silentLogger });
  return { relais, base: `http://127.0.0.1:${relais.port}`, dataDir };
}

export async function stop(served: Served | undefined): Promise<void> {
  if (!served) return;
  await served.relais.close();
  rmSync(served.dataDir, { recursive: true, force: true });
}

/** A fresh Chromium profile per test file. */
export async function browser(): Promise<{ context: BrowserContext; close(): Promise<void> }> {
  const profile = mkdtempSync(join(tmpdir(), 'relais-chromium-'));
  let context: BrowserContext;
  try {
    context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      args: FLAGS,
      viewport: { width: 1080, height: 1400 },
      locale: 'fr-FR',
    });
  } catch (error) {
    rmSync(profile, { recursive: true, force: true });
    throw new Error(
      `Chromium could not start from ${CHROMIUM} (install it: apt-get install chromium, or set CHROMIUM_PATH): ${String(error)}`,
      { cause: error },
    );
  }
  return {
    context,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Saves a screenshot under test/artifacts/ (not committed) for people to look at. */
export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true });
}

/** axe-core's WCAG 2.1 A/AA findings of serious or critical impact, as "rule: target (summary)" lines. */
export async function seriousViolations(page: Page): Promise<string[]> {
  // axe-core itself, evaluated in the page (the pages' CSP refuses injected script tags; @axe-core/playwright
  // would need Node 22).
  await page.evaluate(readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8'));
  const results = await page.evaluate<AxeResults>(
    "axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } })",
  );
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(' ')} (${n.failureSummary ?? ''})`));
}

/** The transcript's text, as a screen reader would find it. */
export async function transcript(page: Page): Promise<string> {
  return page.locator('#webchat [role="feed"]').innerText();
}

/** A suggested action (Web Chat also lists them, unfocusable, in its live region). */
export function suggestedAction(page: Page, name: string) {
  return page.getByRole('toolbar').getByRole('button', { name });
}

export function sendBox(page: Page) {
  return page.locator('#webchat input[type="text"], #webchat textarea').first();
}

/** A sentence as Web Chat shows it: its markdown typographer curls apostrophes and quotes. */
export function asShown(text: string): RegExp {
  const escaped = text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(escaped.replace(/'/g, "['’]").replace(/"/g, '["“”]'));
}
