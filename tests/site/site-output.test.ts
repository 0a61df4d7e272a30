/**
 * The built site, parsed with a real HTML parser: every record has its page, every internal link
 * and asset resolves (at `/` and under a base path), pages carry their meta tags, feeds and
 * sitemap are valid XML listing the right URLs, and two builds of the same input are identical.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import type { HTMLElement } from 'node-html-parser';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadContent } from '../../src/lib/content';
import { paperSchema, type Paper } from '../../src/lib/schema';
import { assignTopics } from '../../src/lib/topics/assign-topics';
import { loadTopics, type Topic } from '../../src/lib/topics/load-topics';
import { buildSite } from '../support/build-site';
import { fixtureContent, listFiles, readPage } from './site-fixture';

const ROOT_SITE = 'https://example.org';
const BASE_SITE = 'https://user.github.io';
const BASE_PATH = '/digest/';
const TOPIC_PAGE_SIZE = 25;

let contentDir: string;
let rootOut: string;
let baseOut: string;
let papers: Paper[];
let topics: Topic[];
let topicCounts: Map<string, number>;

beforeAll(() => {
  contentDir = fixtureContent('site');
  rootOut = buildSite({ contentDir, siteUrl: ROOT_SITE }).outDir;
  baseOut = buildSite({ contentDir, siteUrl: BASE_SITE, basePath: BASE_PATH }).outDir;
  papers = loadContent(contentDir).papers;
  topics = loadTopics(join(contentDir, 'topics')).topics;
  topicCounts = new Map(topics.map((topic) => [topic.slug, 0]));
  for (const matches of assignTopics(papers, topics).values()) {
    for (const match of matches) topicCounts.set(match.slug, (topicCounts.get(match.slug) ?? 0) + 1);
  }
}, 120_000);

const htmlFiles = (outDir: string) => listFiles(outDir).filter((file) => file.endsWith('.html'));
const text = (page: HTMLElement, selector: string) => page.querySelector(selector)?.text.trim();
const attr = (page: HTMLElement, selector: string, name: string) =>
  page.querySelector(selector)?.getAttribute(name);
/** Site path of a built HTML file: `papers/x/index.html` -> `/papers/x/`. */
const pathOf = (file: string) => `/${file.replace(/index\.html$/, '')}`;

describe('every record has its page', () => {
  it('has one page per paper, titled with the paper', () => {
    expect(papers.length).toBeGreaterThan(20);
    for (const paper of papers) {
      const page = readPage(rootOut, `papers/${paper.id}/`);
      expect(text(page, 'h1')).toBe(paper.title);
      for (const date of paper.dates) {
        expect(
          page.querySelector(`main a[href="/days/${date}/"]`),
          `${paper.id} links ${date}`,
        ).not.toBeNull();
      }
    }
  });

  it('has one page per day listing its papers in page order, with previous/next days', () => {
    const { days } = loadContent(contentDir);
    expect(days.map((day) => day.date).slice(0, 4)).toEqual([
      '2024-01-08',
      '2024-01-09',
      '2024-01-10',
      '2024-02-05',
    ]);
    days.forEach((day, index) => {
      const page = readPage(rootOut, `days/${day.date}/`);
      const listed = page.querySelectorAll('main .paper-card h2 a').map((a) => a.getAttribute('href'));
      expect(listed).toEqual(day.paperIds.map((id) => `/papers/${id}/`));
      const prev = attr(page, 'a[rel="prev"]', 'href');
      const next = attr(page, 'a[rel="next"]', 'href');
      expect(prev).toBe(index > 0 ? `/days/${days[index - 1]!.date}/` : undefined);
      expect(next).toBe(index < days.length - 1 ? `/days/${days[index + 1]!.date}/` : undefined);
    });
  });

  it('notes "also featured on" for papers seen on other days', () => {
    const repeated = papers.filter((paper) => paper.dates.length > 1);
    expect(repeated.length).toBe(3);
    for (const paper of repeated) {
      const page = readPage(rootOut, `days/${paper.dates[1]}/`);
      const card = page
        .querySelectorAll('.paper-card')
        .find((li) => li.querySelector('h2 a')?.getAttribute('href') === `/papers/${paper.id}/`)!;
      expect(card.text).toContain('Also featured on');
      expect(card.querySelector(`a[href="/days/${paper.dates[0]}/"]`)).not.toBeNull();
    }
  });

  it('lists every day in the archive and every topic with its count', () => {
    const archive = readPage(rootOut, 'days/');
    const { days } = loadContent(contentDir);
    for (const day of days) {
      const link = archive.querySelector(`main a[href="/days/${day.date}/"]`);
      const count = day.paperIds.length;
      expect(link?.parentNode?.text).toContain(`(${count} paper${count === 1 ? '' : 's'})`);
    }
    expect(archive.querySelectorAll('main h2').map((h2) => h2.text)).toEqual([
      'March 2026',
      'February 2024',
      'January 2024',
    ]);
    const index = readPage(rootOut, 'topics/');
    expect(topics.length).toBeGreaterThanOrEqual(20);
    for (const topic of topics) {
      const link = index.querySelector(`main a[href="/topics/${topic.slug}/"]`);
      expect(link?.text).toBe(topic.name);
      const count = topicCounts.get(topic.slug)!;
      expect(link?.parentNode?.text).toContain(`(${count} paper${count === 1 ? '' : 's'})`);
    }
  });

  it('paginates each topic newest first, page 1 at /topics/<slug>/', () => {
    let paginated = 0;
    for (const topic of topics) {
      const count = topicCounts.get(topic.slug)!;
      const pages = Math.max(1, Math.ceil(count / TOPIC_PAGE_SIZE));
      if (pages > 1) paginated++;
      const listedIds: string[] = [];
      for (let n = 1; n <= pages; n++) {
        const page = readPage(rootOut, n === 1 ? `topics/${topic.slug}/` : `topics/${topic.slug}/${n}/`);
        listedIds.push(
          ...page
            .querySelectorAll('main .paper-card h2 a')
            .map((a) => a.getAttribute('href')!.split('/')[2]!),
        );
      }
      expect(existsSync(join(rootOut, `topics/${topic.slug}/${pages + 1}/index.html`))).toBe(false);
      expect(listedIds).toHaveLength(count);
      const lastDates = listedIds.map((id) => papers.find((p) => p.id === id)!.dates.at(-1)!);
      expect([...lastDates].sort().reverse()).toEqual(lastDates);
    }
    expect(paginated).toBeGreaterThan(0);
  });

  it('publishes every record in /papers.json, valid against the schema', () => {
    const records = JSON.parse(readFileSync(join(rootOut, 'papers.json'), 'utf8')) as unknown[];
    expect(records.map((record) => paperSchema.parse(record))).toEqual(papers);
  });
});

describe('paper pages', () => {
  it('show the abstract with its URLs linked rel="noopener nofollow", and related papers with terms', () => {
    const withUrl = papers.find((paper) => /https?:\/\//.test(paper.abstract))!;
    const page = readPage(rootOut, `papers/${withUrl.id}/`);
    const links = page.querySelectorAll('.abstract a');
    expect(links.length).toBeGreaterThan(0);
    for (const link of links) expect(link.getAttribute('rel')).toBe('noopener nofollow');
    for (const paper of papers) {
      const related = readPage(rootOut, `papers/${paper.id}/`).querySelectorAll('.related li');
      expect(related).toHaveLength(5);
      for (const item of related) {
        expect(item.querySelector('a')!.getAttribute('href')).toMatch(/^\/papers\/[a-z0-9-]+\/$/);
        expect(item.text).toMatch(/shared terms: \S/);
      }
    }
  });

  it('link out to Hugging Face and arXiv searches when the arXiv id is unknown', () => {
    const paper = papers[0]!;
    expect(paper.arxivId).toBeUndefined();
    const hrefs = readPage(rootOut, `papers/${paper.id}/`)
      .querySelectorAll('.buttons a')
      .map((a) => a.getAttribute('href')!);
    const query = encodeURIComponent(paper.title);
    expect(hrefs).toContain(`https://huggingface.co/papers?q=${query}`);
    expect(hrefs.some((href) => href.startsWith('https://arxiv.org/search/') && href.includes(query))).toBe(
      true,
    );
  });

  it('show every field a richer scrape gave: authors, organisation, upvotes, GitHub stars, AI summary', () => {
    const paper = papers.find((p) => p.arxivId === '2602.23229')!;
    const page = readPage(rootOut, `papers/${paper.id}/`);
    const facts = page.querySelector('dl.facts')!.text;
    for (const author of paper.authors!) expect(facts).toContain(author);
    expect(facts).toContain(paper.organization);
    expect(facts).toContain('Upvotes10');
    expect(facts).toContain('Comments1');
    expect(facts).toContain('Published26 February 2026');
    const buttons = page.querySelectorAll('.buttons a').map((a) => [a.text.trim(), a.getAttribute('href')]);
    expect(buttons).toContainEqual(['Hugging Face', 'https://huggingface.co/papers/2602.23229']);
    expect(buttons).toContainEqual(['arXiv abstract', 'https://arxiv.org/abs/2602.23229']);
    expect(buttons).toContainEqual(['PDF', 'https://arxiv.org/pdf/2602.23229']);
    expect(buttons).toContainEqual([
      'GitHub: marco-garosi/CIRCLE (9 stars)',
      'https://github.com/marco-garosi/CIRCLE',
    ]);
    expect(buttons).toContainEqual(['Project page: circle-lmm.github.io', 'https://circle-lmm.github.io/']);
    const summary = page.querySelector('section.summary')!;
    expect(summary.querySelector('h2')!.text).toBe('AI summary');
    expect(summary.text).toContain(paper.summary);
    expect(page.querySelector('.abstract')!.text).not.toContain(paper.summary);
    expect(
      page.querySelectorAll('meta[name="citation_author"]').map((m) => m.getAttribute('content')),
    ).toEqual(paper.authors);
    expect(attr(page, 'meta[name="citation_publication_date"]', 'content')).toBe('2026/02/26');
  });

  it('carry citation meta and a parseable ScholarlyArticle JSON-LD', () => {
    for (const paper of papers) {
      const page = readPage(rootOut, `papers/${paper.id}/`);
      expect(attr(page, 'meta[name="citation_title"]', 'content')).toBe(paper.title);
      expect(attr(page, 'meta[name="citation_publication_date"]', 'content')).toBe(
        (paper.publishedAt ?? paper.dates[0]!).replaceAll('-', '/'),
      );
      const jsonLd = JSON.parse(page.querySelector('script[type="application/ld+json"]')!.textContent);
      expect(jsonLd).toMatchObject({
        '@type': 'ScholarlyArticle',
        headline: paper.title,
        url: `${ROOT_SITE}/papers/${paper.id}/`,
      });
    }
  });
});

describe('meta tags', () => {
  it('give every page a title, description, canonical URL, Open Graph and Twitter tags', () => {
    const files = htmlFiles(rootOut);
    expect(files.length).toBeGreaterThan(papers.length);
    for (const file of files) {
      const page = readPage(rootOut, file);
      expect(page.querySelectorAll('title'), file).toHaveLength(1);
      expect(text(page, 'title'), file).not.toBe('');
      expect(attr(page, 'meta[name="description"]', 'content'), file).toMatch(/\S/);
      expect(attr(page, 'meta[property="og:title"]', 'content'), file).toMatch(/\S/);
      expect(attr(page, 'meta[name="twitter:card"]', 'content'), file).toBe('summary');
      if (file === '404.html') {
        expect(attr(page, 'meta[name="robots"]', 'content')).toBe('noindex');
        continue;
      }
      const canonical = `${ROOT_SITE}${pathOf(file)}`;
      expect(attr(page, 'link[rel="canonical"]', 'href'), file).toBe(canonical);
      expect(attr(page, 'meta[property="og:url"]', 'content'), file).toBe(canonical);
    }
  });
});

describe('text', () => {
  it('keeps the spaces between inline elements and words (Astro 7 strips whitespace between them)', () => {
    const glued = /(?:<\/(?:a|strong|span|em)>[A-Za-z(])|(?:[A-Za-z,.:)](?:<a |<strong|<span))/;
    const offenders = htmlFiles(rootOut).flatMap((file) => {
      const match = glued.exec(readFileSync(join(rootOut, file), 'utf8'));
      return match ? [`${file}: ${match[0]}`] : [];
    });
    expect(offenders).toEqual([]);
  });
});

/** Every internal reference of every HTML page: links, assets, form actions, canonical and og URLs. */
function internalReferences(outDir: string, site: string, base: string) {
  const refs: { file: string; ref: string; path: string }[] = [];
  for (const file of htmlFiles(outDir)) {
    const page = readPage(outDir, file);
    const found = [
      ...page.querySelectorAll('a[href], link[href]').map((el) => el.getAttribute('href')!),
      ...page.querySelectorAll('script[src], img[src]').map((el) => el.getAttribute('src')!),
      ...page.querySelectorAll('form[action]').map((el) => el.getAttribute('action')!),
      ...page
        .querySelectorAll('meta[property="og:url"], meta[name="citation_abstract_html_url"]')
        .map((el) => el.getAttribute('content')!),
    ];
    for (const ref of found) {
      if (ref.startsWith('#')) {
        expect(page.getElementById(ref.slice(1)), `${file}: ${ref}`).not.toBeNull();
        continue;
      }
      const url = new URL(ref, `${site}${base}${file}`);
      if (url.origin !== site) continue;
      refs.push({ file, ref, path: url.pathname });
    }
  }
  return refs;
}

function resolvesTo(outDir: string, base: string, path: string): boolean {
  if (!path.startsWith(base)) return false;
  const inside = path.slice(base.length);
  return existsSync(join(outDir, inside.endsWith('/') || inside === '' ? `${inside}index.html` : inside));
}

describe('links and assets', () => {
  it.each([
    ['at /', () => rootOut, ROOT_SITE, '/'],
    ['under BASE_PATH=/digest/', () => baseOut, BASE_SITE, BASE_PATH],
  ])('resolve %s', (_label, out, site, base) => {
    const outDir = out();
    const refs = internalReferences(outDir, site, base);
    expect(refs.length).toBeGreaterThan(1000);
    const broken = refs.filter((ref) => !resolvesTo(outDir, base, ref.path));
    expect(broken.slice(0, 5)).toEqual([]);
    // Written links carry the base themselves, not only after resolution.
    const unprefixed = refs.filter((ref) => ref.ref.startsWith('/') && !ref.ref.startsWith(base));
    expect(unprefixed.slice(0, 10)).toEqual([]);
  });

  it('put the base path into feeds, sitemap and robots.txt', () => {
    const robots = readFileSync(join(baseOut, 'robots.txt'), 'utf8');
    expect(robots).toContain(`Sitemap: ${BASE_SITE}${BASE_PATH}sitemap-index.xml`);
    const feed = readFileSync(join(baseOut, 'rss.xml'), 'utf8');
    expect(feed).toContain(`<link>${BASE_SITE}${BASE_PATH}papers/`);
    expect(feed).not.toContain(`${BASE_SITE}/papers/`);
  });
});

describe('feeds and sitemap', () => {
  const xml = new XMLParser({ ignoreAttributes: false });
  const read = (outDir: string, file: string) => {
    const source = readFileSync(join(outDir, file), 'utf8');
    expect(XMLValidator.validate(source), file).toBe(true);
    return xml.parse(source) as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
  };
  const asArray = <T>(value: T | T[] | undefined): T[] =>
    value === undefined ? [] : Array.isArray(value) ? value : [value];

  it.each([
    ['at /', () => rootOut, ROOT_SITE, '/'],
    ['under BASE_PATH=/digest/', () => baseOut, BASE_SITE, BASE_PATH],
  ])('list the newest papers first, each linking its page %s', (_label, out, site, base) => {
    const outDir = out();
    const items = asArray(read(outDir, 'rss.xml').rss.channel.item) as { link: string; pubDate: string }[];
    expect(items).toHaveLength(Math.min(50, papers.length));
    const times = items.map((item) => Date.parse(item.pubDate));
    expect([...times].sort((a, b) => b - a)).toEqual(times);
    for (const item of items) {
      expect(item.link.startsWith(`${site}${base}papers/`)).toBe(true);
      expect(resolvesTo(outDir, base, new URL(item.link).pathname)).toBe(true);
    }
  });

  it('give every topic a feed of its own papers', () => {
    const matches = assignTopics(papers, topics);
    for (const topic of topics) {
      const items = asArray(read(rootOut, `topics/${topic.slug}/rss.xml`).rss.channel.item) as {
        link: string;
      }[];
      expect(items).toHaveLength(Math.min(50, topicCounts.get(topic.slug)!));
      for (const item of items) {
        const id = new URL(item.link).pathname.split('/')[2]!;
        expect(matches.get(id)!.map((m) => m.slug)).toContain(topic.slug);
      }
    }
  });

  it.each([
    ['at /', () => rootOut, ROOT_SITE, '/'],
    ['under BASE_PATH=/digest/', () => baseOut, BASE_SITE, BASE_PATH],
  ])('list every page but the 404 in the sitemap %s', (_label, out, site, base) => {
    const outDir = out();
    const index = read(outDir, 'sitemap-index.xml');
    const sitemaps = asArray(index.sitemapindex.sitemap) as { loc: string }[];
    expect(sitemaps.length).toBeGreaterThan(0);
    const listed = sitemaps.flatMap((sitemap) => {
      expect(sitemap.loc.startsWith(`${site}${base}`)).toBe(true);
      const file = sitemap.loc.slice(`${site}${base}`.length);
      return (asArray(read(outDir, file).urlset.url) as { loc: string }[]).map((url) => url.loc);
    });
    const expected = htmlFiles(outDir)
      .filter((file) => file !== '404.html')
      .map((file) => `${site}${base}${file.replace(/index\.html$/, '')}`);
    expect([...listed].sort()).toEqual(expected.sort());
  });
});

describe('reproducible output', () => {
  it('gives byte-identical files when the same input is built twice', () => {
    const again = buildSite({ contentDir, siteUrl: ROOT_SITE }).outDir;
    const files = listFiles(rootOut);
    expect(listFiles(again)).toEqual(files);
    const differing = files.filter(
      (file) => !readFileSync(join(rootOut, file)).equals(readFileSync(join(again, file))),
    );
    expect(differing).toEqual([]);
  }, 120_000);
});
