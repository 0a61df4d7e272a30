/**
 * A day whose titles and abstracts carry HTML, `<script>`, `javascript:`/`data:` URLs and
 * attribute breakouts (tests/fixtures/xss): the built pages show that text literally, link to no
 * `javascript:` or `data:` URL, keep the JSON-LD intact, and fire no dialog in Chromium.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Paper } from '../../src/lib/schema';
import { buildSite } from '../support/build-site';
import { launchChromium } from '../support/chromium';
import { serveStatic, type StaticServer } from '../support/static-server';
import { fixtureContent, listFiles, readPage } from '../site/site-fixture';

let outDir: string;
let browser: Browser;
let server: StaticServer;
let papers: Paper[];

beforeAll(async () => {
  outDir = buildSite({ contentDir: fixtureContent('xss') }).outDir;
  papers = JSON.parse(readFileSync(join(outDir, 'papers.json'), 'utf8')) as Paper[];
  server = await serveStatic(outDir);
  browser = await launchChromium();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('hostile scraped text', () => {
  it('parses into the papers the fixture holds', () => {
    expect(papers.map((paper) => paper.title)).toEqual([
      '<script>alert("title-xss")</script> Attention Is All You Need',
      `Breaking "attributes" ' onmouseover='alert("attr") and </textarea></title><svg onload=alert("svg")>`,
      '</script><script>alert("title-script-close")</script> Closing a script from a title',
    ]);
  });

  it("builds pages whose only scripts are the site's own and whose links are http(s) or internal", () => {
    const html = listFiles(outDir).filter((file) => file.endsWith('.html'));
    for (const file of html) {
      const page = readPage(outDir, file);
      for (const script of page.querySelectorAll('script')) {
        if (script.getAttribute('type') === 'application/ld+json') {
          // Scraped text lives here as data only: no `<` can end or alter the element.
          expect(script.textContent, file).not.toContain('<');
          JSON.parse(script.textContent);
        } else {
          expect(script.textContent, file).not.toContain('alert(');
        }
      }
      expect(page.querySelectorAll('svg, img, textarea, iframe, object, embed'), file).toHaveLength(0);
      for (const element of page.querySelectorAll('[href], [src], [action]')) {
        const value =
          element.getAttribute('href') ?? element.getAttribute('src') ?? element.getAttribute('action')!;
        expect(value, file).toMatch(/^(?:https?:\/\/|\/|#)/);
      }
      for (const element of page.querySelectorAll('*')) {
        const handlers = Object.keys(element.attributes).filter((name) => /^on/i.test(name));
        expect(handlers, `${file}: <${element.rawTagName}>`).toEqual([]);
      }
    }
  });

  it('shows the text literally in Chromium, links no javascript:/data: URL and fires no dialog', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const dialogs: string[] = [];
    page.on('dialog', async (dialog) => {
      dialogs.push(dialog.message());
      await dialog.dismiss();
    });
    const paths = ['', 'days/2024-02-01/', 'topics/', ...papers.map((paper) => `papers/${paper.id}/`)];
    for (const path of paths) {
      await page.goto(`${server.url}${path}`);
      await page.waitForLoadState('load');
      const protocols = await page.evaluate(() =>
        [...document.querySelectorAll<HTMLAnchorElement>('a[href], area[href]')].map(
          (a) => new URL(a.href).protocol,
        ),
      );
      expect(new Set(protocols), path).toEqual(
        new Set(protocols.filter((p) => p === 'http:' || p === 'https:')),
      );
    }

    for (const paper of papers) {
      await page.goto(`${server.url}papers/${paper.id}/`);
      expect(await page.locator('h1').innerText()).toBe(paper.title);
      expect(await page.title()).toBe(`${paper.title} · paper-digest`);
      const jsonLd = JSON.parse((await page.locator('script[type="application/ld+json"]').textContent())!);
      expect(jsonLd.headline).toBe(paper.title);
    }

    const first = papers[0]!;
    await page.goto(`${server.url}papers/${first.id}/`);
    const abstract = page.locator('.abstract');
    const text = await abstract.innerText();
    expect(text).toContain('We show that <img src=x onerror=alert("abstract-img")> stays text');
    expect(text).toContain('<a href="javascript:alert(1)">a link</a>');
    expect(text).toContain('data:text/html,<script>alert("data-url")</script>');
    expect(
      await abstract.locator('a').evaluateAll((links) => links.map((a) => a.getAttribute('href'))),
    ).toEqual(['https://github.com/example/xss-repo']);
    expect(await abstract.locator('b, img, script, strong, em').count()).toBe(0);

    const second = papers[1]!;
    await page.goto(`${server.url}papers/${second.id}/`);
    const hrefs = await page
      .locator('.abstract a')
      .evaluateAll((links) => links.map((a) => (a as HTMLAnchorElement).getAttribute('href')));
    for (const href of hrefs) {
      expect(href).toMatch(/^https:\/\/example\.com\//);
      expect(href).not.toMatch(/["'<>\s]/);
    }
    expect(await page.locator('.abstract').innerText()).toContain(
      'Math like x_i and **stars** stays as written.',
    );
    expect(await page.locator('[onmouseover], [onload], [onerror]').count()).toBe(0);

    await page.waitForTimeout(300);
    expect(dialogs).toEqual([]);
    await context.close();
  }, 60_000);
});
