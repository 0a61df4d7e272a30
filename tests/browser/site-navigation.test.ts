/**
 * The built site (under BASE_PATH=/digest/) in real Chromium: clicking through home, day, paper,
 * topic and related paper; reaching a paper by keyboard alone; the theme toggle surviving a
 * reload; axe-core on every page type in both themes; and the README's screenshot of a paper page.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Paper } from '../../src/lib/schema';
import { launchChromium } from '../support/chromium';
import { buildSite, PROJECT_ROOT } from '../support/build-site';
import { serveStatic, type StaticServer } from '../support/static-server';
import { fixtureContent } from '../site/site-fixture';

const BASE = '/digest/';

let browser: Browser;
let server: StaticServer;
let papers: Paper[];

beforeAll(async () => {
  const { outDir } = buildSite({
    contentDir: fixtureContent('site'),
    basePath: BASE,
    siteUrl: 'https://user.github.io',
  });
  papers = JSON.parse(readFileSync(join(outDir, 'papers.json'), 'utf8')) as Paper[];
  server = await serveStatic(outDir, BASE);
  browser = await launchChromium();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function openPage(
  options: Parameters<Browser['newContext']>[0] = {},
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext(options);
  const page = await context.newPage();
  return { context, page };
}

const h1 = (page: Page) => page.locator('h1').innerText();

describe('navigation', () => {
  it('goes home -> day -> paper -> topic -> paper -> related paper by clicking', async () => {
    const { context, page } = await openPage();
    await page.goto(server.url);
    expect(await h1(page)).toBe('paper-digest');

    await page.locator('#latest-heading a').click();
    await page.waitForURL(/\/digest\/days\/\d{4}-\d{2}-\d{2}\/$/);
    expect(await h1(page)).toMatch(/^Daily Papers of /);

    const firstPaper = page.locator('.paper-card h2 a').first();
    const title = await firstPaper.innerText();
    await firstPaper.click();
    await page.waitForURL(/\/digest\/papers\/[a-z0-9-]+\/$/);
    expect(await h1(page)).toBe(title);

    const topic = page.locator('section[aria-labelledby="topics-heading"] li a').first();
    const topicName = await topic.innerText();
    await topic.click();
    await page.waitForURL(/\/digest\/topics\/[a-z0-9-]+\/$/);
    expect(await h1(page)).toBe(topicName);

    await page.locator('.paper-card h2 a').first().click();
    await page.waitForURL(/\/digest\/papers\//);
    const related = page.locator('.related li a').first();
    const relatedTitle = await related.innerText();
    await related.click();
    await page.waitForURL(/\/digest\/papers\//);
    expect(await h1(page)).toBe(relatedTitle);
    expect(papers.map((paper) => paper.title)).toContain(relatedTitle);
    await context.close();
  });

  it('reaches a paper page with the keyboard alone, skip link first', async () => {
    const { context, page } = await openPage();
    await page.goto(server.url);
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Skip to content');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('main');
    let href: string | null | undefined;
    for (let presses = 0; presses < 40 && !href?.includes('/papers/'); presses++) {
      await page.keyboard.press('Tab');
      href = await page.evaluate(() => document.activeElement?.getAttribute('href'));
    }
    expect(href).toMatch(/^\/digest\/papers\//);
    // The focused link shows a visible focus ring.
    const outline = await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle);
    expect(outline).not.toBe('none');
    await page.keyboard.press('Enter');
    await page.waitForURL(`${server.origin}${href}`);
    expect(papers.map((paper) => paper.title)).toContain(await h1(page));
    await context.close();
  });
});

describe('theme', () => {
  it('follows the system, and a toggled theme survives a reload', async () => {
    const { context, page } = await openPage({ colorScheme: 'dark' });
    const paperUrl = `${server.url}papers/${papers[0]!.id}/`;
    await page.goto(paperUrl);
    const theme = () => page.evaluate(() => document.documentElement.dataset.theme);
    expect(await theme()).toBe('dark');
    const toggle = page.getByRole('button', { name: 'Dark theme' });
    expect(await toggle.getAttribute('aria-pressed')).toBe('true');
    const background = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    expect(await background()).toBe('rgb(17, 19, 24)');
    await toggle.click();
    expect(await theme()).toBe('light');
    expect(await background()).toBe('rgb(253, 253, 252)');
    await page.reload();
    expect(await theme()).toBe('light');
    expect(await toggle.getAttribute('aria-pressed')).toBe('false');
    await page.goto(server.url);
    expect(await theme()).toBe('light');
    await context.close();
  });

  it('sets the theme before the body is parsed, so no wrong theme flashes', async () => {
    const { context, page } = await openPage({ colorScheme: 'dark' });
    // Captured by a script that runs as soon as <body> exists, before any content paints.
    await page.addInitScript(() => {
      new MutationObserver((_records, observer) => {
        if (document.body) {
          (window as unknown as { themeAtBody?: string }).themeAtBody =
            document.documentElement.dataset.theme;
          observer.disconnect();
        }
      }).observe(document, { childList: true, subtree: true });
    });
    await page.goto(server.url);
    expect(await page.evaluate(() => (window as unknown as { themeAtBody?: string }).themeAtBody)).toBe(
      'dark',
    );
    await context.close();
  });
});

describe('accessibility', () => {
  const pageTypes = () => {
    const paginatedTopic = 'image-generation';
    return [
      ['home', ''],
      ['day archive', 'days/'],
      ['day', `days/${papers[0]!.dates[0]}/`],
      ['topics', 'topics/'],
      ['topic', `topics/${paginatedTopic}/2/`],
      ['paper', `papers/${papers[0]!.id}/`],
      ['rich paper', `papers/${papers.find((p) => p.arxivId)!.id}/`],
      ['404', 'no-such-page/'],
    ] as const;
  };

  it.each(['light', 'dark'] as const)(
    'axe-core finds no violations on any page type in the %s theme',
    async (scheme) => {
      const { context, page } = await openPage({ colorScheme: scheme });
      const failures: string[] = [];
      for (const [name, path] of pageTypes()) {
        await page.goto(`${server.url}${path}`);
        expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe(scheme);
        const { violations } = await new AxeBuilder({ page }).analyze();
        for (const violation of violations) {
          failures.push(
            `${name}: ${violation.id} (${violation.nodes.map((node) => node.target.join(' ')).join('; ')})`,
          );
        }
      }
      expect(failures).toEqual([]);
      await context.close();
    },
    240_000,
  );

  it('fits a 320px phone without horizontal scrolling', async () => {
    const { context, page } = await openPage({ viewport: { width: 320, height: 640 } });
    for (const [, path] of pageTypes()) {
      await page.goto(`${server.url}${path}`);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow, path).toBeLessThanOrEqual(0);
    }
    await context.close();
  }, 60_000);
});

describe('screenshot', () => {
  it('writes docs/screenshot-paper.png of a paper page for the README', async () => {
    const { context, page } = await openPage({ viewport: { width: 800, height: 900 }, colorScheme: 'light' });
    await page.goto(`${server.url}papers/${papers.find((p) => p.arxivId)!.id}/`);
    const png = await page.screenshot({ path: join(PROJECT_ROOT, 'docs/screenshot-paper.png') });
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    expect(png.length).toBeLessThan(400_000);
    await context.close();
  });
});
