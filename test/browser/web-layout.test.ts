/**
 * The web chat's layout as a person meets it, in real headless Chromium at a laptop (1280×900) and a phone
 * (390×844) size: after a recommendation, *Why?*, *Export ADR* and 👍 the header stays at the top, the
 * composer at the bottom and only the conversation scrolls. Also what the composer does with a paste over
 * the server's limit, server errors in the conversation, feedback given once, starter examples that show
 * their text, and "New conversation" asking first. With UPDATE_SCREENSHOTS=1 it refreshes
 * docs/screenshots (the README's pictures).
 */
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWebArchie, tempSqlite, type WebTestServer } from '../channels/web/web-test-server.js';
import { answerUntilRecommendation, type BrowserSession, openBrowser, say, settled } from './browser-harness.js';

const SCREENSHOTS = resolve(dirname(fileURLToPath(import.meta.url)), '../../docs/screenshots');
const DESCRIPTION =
  'We are 6 engineers in one team building a RAG assistant for support agents on the OpenAI API. We are in pilot with 300 users, deploy from GitHub Actions and re-embed about 200k documents every night.';

let server: WebTestServer;
let cleanupStore: () => void;

beforeAll(async () => {
  const store = tempSqlite();
  cleanupStore = store.cleanup;
  server = await startWebArchie({ STORE_URL: store.storeUrl, RATE_LIMIT_MESSAGES_PER_MINUTE: '1000' });
});

afterAll(async () => {
  await server?.close();
  cleanupStore?.();
});

interface Layout {
  headerTop: number;
  composerBottom: number;
  windowHeight: number;
  pageHeight: number;
  pageScrollY: number;
  /** The newest message's top edge is inside the conversation's visible area. */
  newestVisible: boolean;
}

async function layout(page: Page): Promise<Layout> {
  return page.evaluate(() => {
    const header = document.querySelector('header.top')!.getBoundingClientRect();
    const composer = document.querySelector('footer.composer-bar')!.getBoundingClientRect();
    const region = document.getElementById('main')!.getBoundingClientRect();
    const newest = document.querySelector('#log > .msg:last-child')!.getBoundingClientRect();
    return {
      headerTop: header.top,
      composerBottom: Math.round(composer.bottom),
      windowHeight: window.innerHeight,
      pageHeight: document.documentElement.scrollHeight,
      pageScrollY: window.scrollY,
      newestVisible: newest.top >= region.top - 1 && newest.top < region.bottom,
    };
  });
}

/** Header at the top, composer at the bottom, a page exactly one window tall, and the new answer in view. */
async function expectSteady(page: Page, after: string): Promise<void> {
  // Smooth scrolling is off (reduced motion), but give the browser a frame to lay out.
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => resolve(undefined))));
  const seen = await layout(page);
  expect(seen, after).toEqual({
    headerTop: 0,
    composerBottom: seen.windowHeight,
    windowHeight: seen.windowHeight,
    pageHeight: seen.windowHeight,
    pageScrollY: 0,
    newestVisible: true,
  });
}

const SIZES = [
  { name: 'laptop', width: 1280, height: 900, screenshot: 'web-chat.png' },
  { name: 'phone', width: 390, height: 844, screenshot: 'web-chat-mobile.png' },
];

describe.each(SIZES)('web chat layout at $width×$height ($name)', ({ width, height, screenshot }) => {
  let browser: BrowserSession;
  let page: Page;

  beforeAll(async () => {
    browser = await openBrowser({ width, height });
    page = browser.page;
  });
  afterAll(async () => browser?.close());

  it('keeps the header and composer in place after a recommendation, Why?, Export ADR and 👍', async () => {
    await page.goto(`${server.url}/`, { waitUntil: 'load' });
    await settled(page);
    await expectSteady(page, 'on first load');

    await say(page, DESCRIPTION);
    await answerUntilRecommendation(page);
    await expectSteady(page, 'after the recommendation');
    const card = page.locator('.msg[data-type="recommendation"]').last();

    if (process.env.UPDATE_SCREENSHOTS) {
      await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
      mkdirSync(SCREENSHOTS, { recursive: true });
      await page.screenshot({ path: resolve(SCREENSHOTS, screenshot) });
    }

    await card.getByRole('button', { name: 'Why?' }).click();
    await settled(page);
    await expectSteady(page, 'after Why?');

    const downloaded = page.waitForEvent('download');
    await card.getByRole('button', { name: 'Export ADR' }).click();
    await downloaded;
    await settled(page);
    await expectSteady(page, 'after Export ADR');

    const helpful = card.getByRole('button', { name: 'Helpful', exact: true });
    await helpful.click();
    await settled(page);
    await expectSteady(page, 'after 👍');
  });

  it('shows feedback as words beside an icon, keeps it selected, and does not post it twice', async () => {
    const card = page.locator('.msg[data-type="recommendation"]').last();
    const helpful = card.getByRole('button', { name: 'Helpful', exact: true });
    const notHelpful = card.getByRole('button', { name: 'Not helpful', exact: true });
    expect(await helpful.getAttribute('aria-pressed')).toBe('true');
    expect(await notHelpful.getAttribute('aria-pressed')).toBe('false');
    expect(await helpful.isDisabled()).toBe(true);
    expect(await notHelpful.isDisabled()).toBe(true);
    expect(await helpful.getAttribute('title')).toBe('Helpful');
    expect(await helpful.locator('svg').count()).toBe(1);

    const posted = () => page.locator('.msg.from-user', { hasText: 'Helpful' }).count();
    expect(await posted()).toBe(1);
    await helpful.click({ force: true });
    await page.reload({ waitUntil: 'load' });
    await settled(page);
    expect(await posted()).toBe(1);
    const reloaded = page.locator('.msg[data-type="recommendation"]').last();
    expect(await reloaded.getByRole('button', { name: 'Helpful', exact: true }).getAttribute('aria-pressed')).toBe(
      'true',
    );
    await expectSteady(page, 'after a reload');
  });
});

describe('web chat composer and conversation controls', () => {
  let browser: BrowserSession;
  let page: Page;

  beforeAll(async () => {
    browser = await openBrowser({ width: 390, height: 844 });
    page = browser.page;
    await page.goto(`${server.url}/`, { waitUntil: 'load' });
    await settled(page);
  });
  afterAll(async () => browser?.close());

  it('counts characters against the server’s limit and never cuts a long paste', async () => {
    const limit = await page.evaluate(async () => {
      const id = localStorage.getItem('archie.web.conversation');
      return (await (await fetch(`/api/web/conversations/${id}`)).json()).maxMessageChars as number;
    });
    expect(limit).toBe(8000);
    const box = page.getByLabel('Message Archie');
    await box.fill('Hello');
    expect(await page.locator('#char-count').textContent()).toBe('5 / 8,000');

    const paste = `${'We run a RAG assistant. '.repeat(834)}END-MARKER`;
    await box.fill(paste);
    expect(await box.inputValue()).toBe(paste);
    expect(await page.locator('#char-count').textContent()).toBe(`${paste.length.toLocaleString('en-US')} / 8,000`);
    const alert = page.locator('#error');
    expect(await alert.isVisible()).toBe(true);
    expect(await alert.textContent()).toMatch(/20,026 characters; Archie reads up to 8,000.*nothing has been cut/);

    const users = await page.locator('.msg.from-user').count();
    await page.keyboard.press('Enter');
    expect(await page.locator('.msg.from-user').count()).toBe(users);
    expect(await box.inputValue()).toBe(paste);

    await box.fill('short again');
    expect(await alert.isVisible()).toBe(false);
  });

  it('says a failed turn in the conversation and gives the typed text back', async () => {
    await page.route('**/api/web/conversations/*/messages', (route) =>
      route.fulfill({ status: 503, json: { error: 'Archie is busy right now. Try again in a few seconds.' } }),
    );
    const box = page.getByLabel('Message Archie');
    await box.fill('We are 4 engineers on the OpenAI API.');
    await page.keyboard.press('Enter');
    const notice = page.locator('#log .msg.notice[role="alert"]');
    await notice.waitFor();
    expect(await notice.textContent()).toContain('Archie is busy right now. Try again in a few seconds.');
    expect(await box.inputValue()).toBe('We are 4 engineers on the OpenAI API.');
    await page.unroute('**/api/web/conversations/*/messages');
    await expectSteady(page, 'after an error');
  });

  it('shows the text each starter example sends, and sends it as the user’s words', async () => {
    await page.reload({ waitUntil: 'load' });
    await settled(page);
    const starter = page.locator('.quick-replies.starters button').last();
    const shown = (await starter.locator('.starter-text').textContent()) ?? '';
    expect(shown).toMatch(/Kubernetes/);
    await starter.click();
    await settled(page);
    expect(await page.locator('.msg.from-user .bubble').last().textContent()).toBe(shown);
  });

  it('asks before "New conversation" forgets the conversation', async () => {
    const before = await page.evaluate(() => localStorage.getItem('archie.web.conversation'));
    await page.getByRole('button', { name: 'New conversation' }).click();
    const dialog = page.getByRole('dialog', { name: 'Start a new conversation?' });
    await dialog.waitFor();
    await dialog.getByRole('button', { name: 'Keep this one' }).click();
    expect(await page.evaluate(() => localStorage.getItem('archie.web.conversation'))).toBe(before);
    expect(await page.locator('.msg.from-user').count()).toBeGreaterThan(0);

    await page.getByRole('button', { name: 'New conversation' }).click();
    await dialog.getByRole('button', { name: 'Start new' }).click();
    await page.waitForFunction((old) => localStorage.getItem('archie.web.conversation') !== old, before);
    await settled(page);
    expect(await page.locator('.msg.from-user').count()).toBe(0);
  });

  it('fits the whole composer placeholder in the message box on a phone', async () => {
    const fits = await page.evaluate(() => {
      const box = document.getElementById('message-input') as HTMLTextAreaElement;
      const probe = document.createElement('textarea');
      probe.className = box.className;
      probe.rows = box.rows;
      probe.style.cssText = `width:${box.clientWidth}px;position:absolute;visibility:hidden;`;
      const style = getComputedStyle(box);
      probe.style.font = style.font;
      probe.style.padding = style.padding;
      probe.style.border = style.border;
      probe.style.boxSizing = style.boxSizing;
      probe.value = box.placeholder;
      document.body.append(probe);
      const ok = probe.scrollHeight <= box.clientHeight + 1;
      probe.remove();
      return ok;
    });
    expect(fits).toBe(true);
  });
});
