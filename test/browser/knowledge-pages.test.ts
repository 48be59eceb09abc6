/**
 * The knowledge pages in headless Chromium: a person opens /knowledge from the landing page, searches,
 * opens a synthesis, sees that it is Archie's own guidance and follows it to the public sources it rests on;
 * in the web chat, a synthesis cited in an answer opens its own page, never a third-party one.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWebArchie, tempSqlite, type WebTestServer } from '../channels/web/web-test-server.js';
import { type BrowserSession, openBrowser, say, settled } from './browser-harness.js';

let site: WebTestServer;
let chat: WebTestServer;
let browser: BrowserSession;
let page: Page;
let cleanupStore: () => void;

beforeAll(async () => {
  const store = tempSqlite();
  cleanupStore = store.cleanup;
  site = await startWebArchie({ WEB_CHAT: 'false' });
  chat = await startWebArchie({ STORE_URL: store.storeUrl });
  browser = await openBrowser({ width: 1180, height: 1200 });
  page = browser.page;
});

afterAll(async () => {
  await browser?.close();
  await site?.close();
  await chat?.close();
  cleanupStore?.();
});

describe('knowledge pages in a real browser', () => {
  it('from the landing page, search finds a synthesis whose page names its public sources', async () => {
    await page.goto(site.url);
    await page.getByRole('link', { name: 'Browse and search the knowledge base' }).click();
    await page.waitForURL(/\/knowledge$/);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Knowledge base');

    await page.getByLabel('Search the knowledge base').fill('when should inference run as its own service');
    await page.getByRole('button', { name: 'Search' }).click();
    await page.waitForURL(/\?q=/);
    const first = page.locator('.kb-results li a').first();
    expect(await first.textContent()).toMatch(/^Archie synthesis:/);
    await first.click();

    await page.waitForURL(/\/knowledge\/synthesis-/);
    expect(await page.locator('.doc-facts').textContent()).toContain("Archie's synthesis");
    const sources = page.locator('h2:has-text("Sources this synthesis rests on") + ul li');
    expect(await sources.count()).toBeGreaterThanOrEqual(3);
    const publicLinks = await page
      .locator('a.public')
      .evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href));
    expect(publicLinks.every((href) => /^https:\/\//.test(href) && !href.includes('/knowledge/'))).toBe(true);

    // A source's own page leads to its public URL.
    await sources.first().locator('a').first().click();
    await page.waitForURL(/\/knowledge\/(?!synthesis-)/);
    const sourceLink = await page.locator('.source-link a').getAttribute('href');
    expect(sourceLink).toMatch(/^https?:\/\//);
  });

  it('an unknown document shows a page that leads back to the index', async () => {
    const response = await page.goto(`${site.url}/knowledge/nothing-here`);
    expect(response?.status()).toBe(404);
    await page.getByRole('link', { name: 'list of documents' }).click();
    await page.waitForURL(/\/knowledge$/);
  });

  it('in the web chat, a cited synthesis links to its own page on this server', async () => {
    await page.goto(chat.url);
    await settled(page);
    await say(page, 'When should model inference run as its own service?');
    await settled(page);
    const hrefs = await page
      .locator('.msg.from-archie .sources a, .msg.from-archie .cites a')
      .evaluateAll((as) => as.map((a) => ({ text: a.textContent ?? '', href: (a as HTMLAnchorElement).href })));
    const syntheses = hrefs.filter((l) => l.text.startsWith('Archie synthesis:'));
    expect(syntheses.length).toBeGreaterThan(0);
    for (const l of syntheses) expect(l.href).toMatch(new RegExp(`^${chat.url}/knowledge/synthesis-`));
    const response = await page.request.get(syntheses[0]!.href);
    expect(response.status()).toBe(200);
    expect(await response.text()).toContain('Sources this synthesis rests on');
  });
});
