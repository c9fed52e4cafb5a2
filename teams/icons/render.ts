/**
 * One-off rasteriser of the Teams icons: teams/icons/{color,outline}.svg → teams/{color,outline}.png, at the sizes
 * Teams asks for (192×192 full colour, 32×32 white on transparent). Run it again after editing an SVG:
 *   npx tsx teams/icons/render.ts
 * It drives the Debian chromium (CHROMIUM_PATH to use another) through playwright-core with a throw-away profile.
 * `npm run teams:package` only reads the PNGs: it never runs this.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';

const TEAMS_DIR = resolve(__dirname, '..');
const ICONS = [
  { name: 'color', size: 192, transparent: false },
  { name: 'outline', size: 32, transparent: true },
] as const;
const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

async function main(): Promise<void> {
  const profile = mkdtempSync(join(tmpdir(), 'relais-icons-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: ARGS,
    deviceScaleFactor: 1,
    viewport: { width: 192, height: 192 },
  });
  try {
    const page = await context.newPage();
    for (const icon of ICONS) {
      const svg = readFileSync(join(TEAMS_DIR, 'icons', `${icon.name}.svg`), 'utf8');
      await page.setViewportSize({ width: icon.size, height: icon.size });
      await page.setContent(
        `<!doctype html><html><head><style>html,body{margin:0;background:transparent}svg{display:block}</style>` +
          `</head><body>${svg}</body></html>`,
      );
      const file = join(TEAMS_DIR, `${icon.name}.png`);
      await page.screenshot({
        path: file,
        clip: { x: 0, y: 0, width: icon.size, height: icon.size },
        omitBackground: icon.transparent,
      });
      console.log(`wrote ${file} (${icon.size}×${icon.size})`);
    }
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(`render failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
