/**
 * Headless Chromium (Debian's /usr/bin/chromium driven by playwright-core) for the web chat suites, and the
 * steps a person takes in the page: wait for Archie, describe a system, answer until the recommendation.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, chromium, type Page } from 'playwright-core';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export interface BrowserSession {
  context: BrowserContext;
  page: Page;
  close(): Promise<void>;
}

/** A fresh browser profile (own localStorage) with the given window size. */
export async function openBrowser(viewport: { width: number; height: number }): Promise<BrowserSession> {
  const profileDir = mkdtempSync(join(tmpdir(), 'archie-chromium-'));
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
    viewport,
    acceptDownloads: true,
    colorScheme: 'light',
    reducedMotion: 'reduce',
  });
  const page = context.pages()[0] ?? (await context.newPage());
  return {
    context,
    page,
    close: async () => {
      await context.close();
      rmSync(profileDir, { recursive: true, force: true });
    },
  };
}

/** Waits until no turn is in flight and the page shows Archie's answer. */
export async function settled(page: Page): Promise<void> {
  await page.waitForFunction(
    () =>
      document.getElementById('log')?.getAttribute('aria-busy') === 'false' &&
      !document.querySelector('.msg.pending') &&
      document.querySelectorAll('.msg.from-archie').length > 0,
  );
}

/** Types a message in the composer and sends it with Enter. */
export async function say(page: Page, text: string): Promise<void> {
  const box = page.getByLabel('Message Archie');
  await box.fill(text);
  await page.keyboard.press('Enter');
  await settled(page);
}

/** Answers Archie's questions (the first option each time) until a recommendation card is shown. */
export async function answerUntilRecommendation(page: Page): Promise<number> {
  let answered = 0;
  for (; answered < 20; answered++) {
    if ((await page.locator('.msg[data-type="recommendation"]').count()) > 0) return answered;
    await page.locator('.msg[data-type="question"] .quick-replies:not([hidden]) button').first().click();
    await settled(page);
  }
  throw new Error('no recommendation after 20 answers');
}
