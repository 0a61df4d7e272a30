/**
 * Search in a real browser on the built site: the shipped content under a base path, and the
 * XSS fixture. Expected results are read from the content itself, never hard-coded ids.
 */
import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadContent } from '../../src/lib/content';
import type { Paper } from '../../src/lib/schema';
import { tokenizeText } from '../../src/lib/search/tokenize';
import { getSiteData } from '../../src/site/data';
import { buildSite, PROJECT_ROOT } from '../support/build-site';
import { launchChromium } from '../support/chromium';
import { serveStatic, type StaticServer } from '../support/static-server';

const BASE = '/digest/';
const CONTENT = join(PROJECT_ROOT, 'content');

let browser: Browser;
let site: StaticServer;
let xssSite: StaticServer;
let papers: Paper[];

beforeAll(async () => {
  papers = loadContent(CONTENT, PROJECT_ROOT).papers;
  const xssContent = mkdtempSync(join(tmpdir(), 'paper-digest-xss-'));
  cpSync(join(PROJECT_ROOT, 'tests/fixtures/xss/daily'), join(xssContent, 'daily'), { recursive: true });
  cpSync(join(CONTENT, 'topics'), join(xssContent, 'topics'), { recursive: true });
  const [built, xssBuilt] = [buildSite({ basePath: BASE }), buildSite({ contentDir: xssContent })];
  site = await serveStatic(built.outDir, BASE);
  xssSite = await serveStatic(xssBuilt.outDir, '/');
  browser = await launchChromium();
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await site?.close();
  await xssSite?.close();
});

/** Paper id of a result link's href (`/digest/papers/<id>/`). */
function idOf(href: string | null): string {
  return /\/papers\/([^/]+)\/$/.exec(href ?? '')?.[1] ?? '';
}

/** Ids of the search page's results once the results for `query` are painted. */
async function pageResults(page: Page, query: string): Promise<string[]> {
  await page.waitForFunction((q) => document.getElementById('search-results')?.dataset.query === q, query);
  const hrefs = await page
    .locator('main #search-results a.search-result-link')
    .evaluateAll((links) => links.map((link) => link.getAttribute('href')));
  return hrefs.map(idOf);
}

function paperText(id: string): string[] {
  const paper = papers.find((candidate) => candidate.id === id);
  if (!paper) throw new Error(`no paper ${id}`);
  return tokenizeText(`${paper.title}\n${paper.abstract}`);
}

async function openSearch(query: string): Promise<{ page: Page; ids: string[] }> {
  const page = await browser.newPage();
  await page.goto(`${site.url}search/?q=${encodeURIComponent(query)}`);
  return { page, ids: await pageResults(page, query) };
}

describe('search on the shipped content', () => {
  it('finds the only paper naming a rare word first (Kirundi)', async () => {
    const expected = papers.filter((paper) => /\bKirundi\b/.test(paper.abstract));
    expect(expected).toHaveLength(1);
    expect(expected[0]!.title).toMatch(/African Languages/);
    const { page, ids } = await openSearch('Kirundi');
    expect(ids[0]).toBe(expected[0]!.id);
    expect(await page.locator('main #search-results li').first().locator('mark').first().textContent()).toBe(
      'Kirundi',
    );
    await page.close();
  });

  it('finds a model named in a title first (Florenz)', async () => {
    const expected = papers.find((paper) => paper.title.startsWith('Florenz'))!;
    const { page, ids } = await openSearch('florenz');
    expect(ids[0]).toBe(expected.id);
    await page.close();
  });

  it('matches a quoted phrase exactly', async () => {
    const phrase = ['catastrophic', 'forgetting'];
    const holders = papers.filter((paper) => {
      const words = tokenizeText(`${paper.title}\n${paper.abstract}`);
      return words.some((word, i) => word === phrase[0] && words[i + 1] === phrase[1]);
    });
    expect(holders.length).toBeGreaterThan(0);
    const { page, ids } = await openSearch('"catastrophic forgetting"');
    const shown = Number(await page.locator('form[data-search-page]').getAttribute('data-limit'));
    expect(holders.length).toBeLessThanOrEqual(shown);
    expect(new Set(ids)).toEqual(new Set(holders.map((paper) => paper.id)));
    await page.close();
  });

  it('tolerates a typo (multilingal)', async () => {
    const { page, ids } = await openSearch('multilingal');
    expect(ids.length).toBeGreaterThanOrEqual(5);
    for (const id of ids.slice(0, 10)) expect(paperText(id)).toContain('multilingual');
    await page.close();
  });

  it('says so when nothing matches', async () => {
    const { page, ids } = await openSearch('zzqxv');
    expect(ids).toEqual([]);
    await expect.poll(() => page.locator('#search-status').textContent()).toMatch(/No papers match “zzqxv”/);
    await page.close();
  });

  it('keeps the query in the URL, and Back returns to the previous search', async () => {
    const kirundi = papers.find((paper) => /\bKirundi\b/.test(paper.abstract))!;
    const florenz = papers.find((paper) => paper.title.startsWith('Florenz'))!;
    const { page, ids } = await openSearch('Kirundi');
    expect(ids[0]).toBe(kirundi.id);
    await page.locator('#search-query').fill('Florenz');
    await page.locator('#search-query').press('Enter');
    expect((await pageResults(page, 'Florenz'))[0]).toBe(florenz.id);
    expect(new URL(page.url()).searchParams.get('q')).toBe('Florenz');

    await page.goBack();
    expect(new URL(page.url()).searchParams.get('q')).toBe('Kirundi');
    expect(await page.locator('#search-query').inputValue()).toBe('Kirundi');
    expect((await pageResults(page, 'Kirundi'))[0]).toBe(kirundi.id);

    await page.goForward();
    expect((await pageResults(page, 'Florenz'))[0]).toBe(florenz.id);
    await page.reload();
    expect((await pageResults(page, 'Florenz'))[0]).toBe(florenz.id);
    await page.close();
  });

  it('writes a typed query to the URL once typing pauses, or before a result opens', async () => {
    const kirundi = papers.find((paper) => /\bKirundi\b/.test(paper.abstract))!;
    const page = await browser.newPage();
    await page.goto(`${site.url}search/`);
    await page.locator('#search-query').fill('multilingual');
    await pageResults(page, 'multilingual');
    await expect.poll(() => new URL(page.url()).searchParams.get('q')).toBe('multilingual');

    await page.locator('#search-query').fill('Kirundi');
    expect((await pageResults(page, 'Kirundi'))[0]).toBe(kirundi.id);
    await Promise.all([
      page.waitForURL(`**/papers/${kirundi.id}/`),
      page.locator('#search-results a.search-result-link').first().click(),
    ]);
    await page.goBack();
    expect(new URL(page.url()).searchParams.get('q')).toBe('Kirundi');
    expect((await pageResults(page, 'Kirundi'))[0]).toBe(kirundi.id);
    await page.close();
  });

  it('filters by topic and date range', async () => {
    const page = await browser.newPage();
    const day = papers[0]!.dates[0]!;
    await page.goto(`${site.url}search/?q=models&from=${day}&to=${day}`);
    const ids = await pageResults(page, 'models');
    expect(ids.length).toBeGreaterThan(0);
    for (const id of ids) expect(papers.find((paper) => paper.id === id)!.dates).toContain(day);
    await page.goto(`${site.url}search/?q=models&to=2000-01-01`);
    expect(await pageResults(page, 'models')).toEqual([]);

    const data = getSiteData(CONTENT, true);
    const [slug, members] = [...data.papersByTopic].sort((a, b) => b[1].length - a[1].length)[0]!;
    expect(members.length).toBeGreaterThan(1);
    await page.goto(`${site.url}search/?topic=${slug}`);
    const shown = Number(await page.locator('form[data-search-page]').getAttribute('data-limit'));
    expect(await pageResults(page, '')).toEqual(members.slice(0, shown).map((paper) => paper.id));
    await page.goto(`${site.url}search/?q=language&topic=${slug}`);
    const both = await pageResults(page, 'language');
    expect(both.length).toBeGreaterThan(0);
    const memberIds = new Set(members.map((paper) => paper.id));
    for (const id of both) expect(memberIds.has(id)).toBe(true);
    await page.close();
  });

  it('works by keyboard alone: / focuses the header box, arrows and Enter open a result', async () => {
    const kirundi = papers.find((paper) => /\bKirundi\b/.test(paper.abstract))!;
    const page = await browser.newPage();
    await page.goto(site.url);
    await page.keyboard.press('/');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('site-search');
    await page.keyboard.type('Kirundi');
    await page.waitForFunction(
      () => document.querySelector<HTMLElement>('[data-search-list]')?.dataset.query === 'Kirundi',
    );
    await page.keyboard.press('ArrowDown');
    expect(idOf(await page.evaluate(() => document.activeElement?.getAttribute('href') ?? null))).toBe(
      kirundi.id,
    );
    await Promise.all([page.waitForURL(`**/papers/${kirundi.id}/`), page.keyboard.press('Enter')]);

    await page.keyboard.press('/');
    await page.keyboard.type('multilingal');
    await Promise.all([page.waitForURL('**/search/?q=multilingal'), page.keyboard.press('Enter')]);
    const ids = await pageResults(page, 'multilingal');
    expect(ids.length).toBeGreaterThan(0);
    await page.locator('#search-query').focus();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    expect(idOf(await page.evaluate(() => document.activeElement?.getAttribute('href') ?? null))).toBe(
      ids[1],
    );
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('ArrowUp');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('search-query');
    await page.close();
  });

  it('gives the inputs accessible names', async () => {
    const page = await browser.newPage();
    await page.goto(`${site.url}search/`);
    await expect.poll(() => page.getByRole('searchbox', { name: 'Search papers' }).count()).toBe(1);
    expect(await page.getByRole('searchbox', { name: /quoted phrase/ }).count()).toBe(1);
    await page.close();
  });

  it('downloads nothing of the index until the box gets focus', async () => {
    const page = await browser.newPage();
    const paper = papers[0]!;
    const before = site.requests.length;
    for (const path of ['', `days/${paper.dates[0]}/`, `papers/${paper.id}/`]) {
      await page.goto(`${site.url}${path}`, { waitUntil: 'networkidle' });
    }
    const loaded = site.requests.slice(before);
    expect(loaded.some((path) => path.includes('/digest/papers/'))).toBe(true);
    expect(loaded.filter((path) => /search-index|worker/.test(path))).toEqual([]);

    await page.locator('#site-search').focus();
    await expect
      .poll(() => site.requests.slice(before).some((path) => path === '/digest/search-index/meta.json'))
      .toBe(true);
    await page.close();
  });
});

describe('search on the XSS fixture', () => {
  it('shows scraped markup as text and runs none of it', async () => {
    const page = await browser.newPage();
    const dialogs: string[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    for (const query of ['attention', 'closing script', 'markdown link', 'onmouseover']) {
      await page.goto(`${xssSite.url}search/?q=${encodeURIComponent(query)}`);
      const ids = await pageResults(page, query);
      expect(ids.length).toBeGreaterThan(0);
    }
    await page.goto(`${xssSite.url}search/?q=attention`);
    await pageResults(page, 'attention');
    const results = page.locator('#search-results');
    expect(await results.textContent()).toContain('<script>alert("title-xss")</script> Attention');
    expect(await results.textContent()).toContain('<img src=x onerror=alert("abstract-img")>');
    expect(await results.locator('script, img, svg, b, a:not(.search-result-link)').count()).toBe(0);
    await page.waitForTimeout(200);
    expect(dialogs).toEqual([]);
    await page.close();
  });
});
