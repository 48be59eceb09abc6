/**
 * The web chat end to end in real headless Chromium (Debian's chromium driven by playwright-core) against
 * the whole Archie from createArchie: a consultation typed and clicked through, a reload midway, the ADR
 * download, the factor chart, no request leaving the server's origin, and page-load time.
 */
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FACT_LABELS } from '../../src/core/profile/fact-labels.js';
import { startWebArchie, tempSqlite, type WebTestServer } from '../channels/web/web-test-server.js';
import { type BrowserSession, openBrowser, settled as settledIn } from './browser-harness.js';

const DESCRIPTION =
  'We are 6 engineers in one team building a RAG assistant for support agents on the OpenAI API. We are in pilot with 300 users and deploy from GitHub Actions.';

let server: WebTestServer;
let browser: BrowserSession;
let page: Page;
let cleanupStore: () => void;
const requests: string[] = [];

beforeAll(async () => {
  const store = tempSqlite();
  cleanupStore = store.cleanup;
  server = await startWebArchie({ STORE_URL: store.storeUrl });
  browser = await openBrowser({ width: 1180, height: 1500 });
  browser.context.on('request', (request) => requests.push(request.url()));
  page = browser.page;
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  cleanupStore?.();
});

/** Navigation start to the end of the load event, from the browser's Navigation Timing entry. */
async function loadTime(): Promise<number> {
  await page.waitForFunction(
    () => (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming)?.loadEventEnd > 0,
  );
  return page.evaluate(() => {
    const [navigation] = performance.getEntriesByType('navigation') as PerformanceNavigationTiming[];
    return navigation!.loadEventEnd - navigation!.startTime;
  });
}

const settled = () => settledIn(page);
const lineCount = () => page.locator('#log > .msg').count();
const hasRecommendation = async () => (await page.locator('.msg[data-type="recommendation"]').count()) > 0;
/** The buttons of the question Archie is waiting on (older ones are hidden). */
const currentReplies = () => page.locator('.msg[data-type="question"] .quick-replies:not([hidden]) button');

describe('web chat in a real browser', () => {
  it('runs a whole consultation by typing and clicking, survives a reload, exports the ADR', async () => {
    await page.goto(`${server.url}/`, { waitUntil: 'load' });
    const loadMs = await loadTime();
    console.info(`web chat page load, first visit (navigation start → load event end): ${loadMs.toFixed(1)} ms`);
    expect(loadMs).toBeGreaterThan(0);
    expect(loadMs).toBeLessThan(1_000);

    await settled();
    await expect(page.locator('.msg.from-archie .bubble').first().textContent()).resolves.toMatch(/Archie/);
    const id = await page.evaluate(() => localStorage.getItem('archie.web.conversation'));
    expect(id).toMatch(/^[A-Za-z0-9_-]{24}$/);

    // Type the description and send it with the keyboard.
    const box = page.getByLabel('Message Archie');
    await box.click();
    await box.pressSequentially(DESCRIPTION, { delay: 0 });
    await page.keyboard.press('Enter');
    await settled();
    await expect(page.locator('.msg.from-user .bubble').first().textContent()).resolves.toBe(DESCRIPTION);
    expect(await box.inputValue()).toBe('');

    // Reload midway, with Archie's first question pending: the whole conversation is still there.
    const before = await page.locator('#log').textContent();
    const lines = await lineCount();
    await page.reload({ waitUntil: 'load' });
    const reloadMs = await loadTime();
    console.info(`web chat page load, reload with a conversation: ${reloadMs.toFixed(1)} ms`);
    expect(reloadMs).toBeLessThan(1_000);
    await settled();
    expect(await lineCount()).toBe(lines);
    expect(await page.locator('#log').textContent()).toBe(before);
    expect(await page.evaluate(() => localStorage.getItem('archie.web.conversation'))).toBe(id);

    // Answer by clicking (preferring "No", which keeps the interview going), then by keyboard: after a
    // click, focus sits on the next question's first button and Enter presses it.
    let answered = 0;
    let byKeyboard = 0;
    let progressSeen = '';
    for (let turn = 0; turn < 20 && !(await hasRecommendation()); turn++) {
      const replies = currentReplies();
      expect(await replies.count(), 'a question with quick replies').toBeGreaterThan(0);
      progressSeen = (await page.locator('.progress-label').last().textContent()) ?? '';
      const focusedReply = await page.evaluate(() => document.activeElement?.closest('.quick-replies') != null);
      if (answered > 0 && answered % 2 === 1) {
        expect(focusedReply, 'focus moves to the new quick replies after a click').toBe(true);
        await page.keyboard.press('Enter');
        byKeyboard++;
      } else {
        const no = replies.filter({ hasText: /^No\b/ });
        await ((await no.count()) > 0 ? no.first() : replies.first()).click();
      }
      await settled();
      answered++;
    }
    console.info(`web chat consultation: ${answered} questions answered (${byKeyboard} by keyboard)`);
    expect(answered).toBeGreaterThan(0);
    expect(progressSeen).toMatch(/^Question \d+ of \d+$/);

    const card = page.locator('.msg[data-type="recommendation"]').last();
    await expect(card.locator('.verdict').textContent()).resolves.toMatch(/monolith|Hybrid|Microservices/i);
    await expect(card.locator('.confidence-value').textContent()).resolves.toMatch(/^\d+%$/);
    for (const heading of ['Why', 'What pushed the verdict', 'Next steps']) {
      expect(await card.getByRole('heading', { name: heading, exact: true }).count(), heading).toBe(1);
    }
    const sourceLinks = card.locator('.cites a, .sources a');
    expect(await sourceLinks.count()).toBeGreaterThan(0);
    expect(await sourceLinks.first().getAttribute('target')).toBe('_blank');
    expect(await sourceLinks.first().getAttribute('rel')).toMatch(/noopener/);

    // The factor chart: an SVG bar per factor, each with a text value and an accessible <title>.
    const chart = card.locator('svg.factor-chart');
    expect(await chart.count()).toBe(1);
    const bars = chart.locator('g.bar');
    expect(await bars.count()).toBeGreaterThan(1);
    expect(await chart.locator('g.bar rect.bar-fill').count()).toBe(await bars.count());
    expect(await chart.locator('g.bar > title').count()).toBe(await bars.count());
    expect(await chart.locator('g.bar .bar-value').first().textContent()).toMatch(/^[+−]\d/);

    // Assumptions are listed by their human label ("CI/CD", "Container platform"), never a code name.
    const assumedFacts = (await card.locator('.assumptions .fact').allTextContents()).map((t) => t.replace(/: $/, ''));
    for (const fact of assumedFacts) expect(Object.values(FACT_LABELS)).toContain(fact);

    // Export ADR: the consultant's adr message arrives and the browser downloads the Markdown.
    const downloaded = page.waitForEvent('download');
    await card.getByRole('button', { name: 'Export ADR' }).click();
    const download = await downloaded;
    expect(download.suggestedFilename()).toMatch(/\.md$/);
    const markdown = readFileSync(await download.path(), 'utf8');
    expect(markdown).toMatch(/^# Use an? .+ architecture/);
    await settled();
    expect(await page.locator('.msg[data-type="adr"] .adr-title').last().textContent()).toBe(
      markdown.split('\n')[0]!.slice(2),
    );

    // Nothing the page did left the server's origin (blob: URLs of the download are same-origin).
    const origin = new URL(server.url).origin;
    const outside = requests.filter((url) => !url.startsWith('data:') && new URL(url).origin !== origin);
    console.info(`web chat requests: ${requests.length}, all to ${origin}`);
    expect(requests.length).toBeGreaterThan(3);
    expect(outside).toEqual([]);
  });

  it('starts a fresh conversation with "New conversation" and keeps it after a reload', async () => {
    await page.goto(`${server.url}/`, { waitUntil: 'load' });
    await settled();
    const oldId = await page.evaluate(() => localStorage.getItem('archie.web.conversation'));
    await page.getByRole('button', { name: 'New conversation' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Start new' }).click();
    await page.waitForFunction((old) => localStorage.getItem('archie.web.conversation') !== old, oldId);
    await settled();
    expect(await page.locator('.msg.from-user').count()).toBe(0);
    const newId = await page.evaluate(() => localStorage.getItem('archie.web.conversation'));
    await page.reload({ waitUntil: 'load' });
    await settled();
    expect(await page.evaluate(() => localStorage.getItem('archie.web.conversation'))).toBe(newId);
    expect(await page.locator('.msg.from-user').count()).toBe(0);
  });

  it('renders text from the user as text, never as HTML', async () => {
    const box = page.getByLabel('Message Archie');
    await box.fill('<img src=x onerror="window.__pwned=1"> **not bold from user**');
    await page.getByRole('button', { name: 'Send' }).click();
    await settled();
    const user = page.locator('.msg.from-user .bubble').last();
    await expect(user.textContent()).resolves.toBe('<img src=x onerror="window.__pwned=1"> **not bold from user**');
    expect(await page.locator('#log img').count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
  });
});
