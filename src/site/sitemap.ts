/**
 * The sitemap, written by the site itself: every HTML page but the 404, listed from the same data
 * the pages are built from. (@astrojs/sitemap sorts every URL with `localeCompare`, seconds at
 * 40,000 papers.) Split into files of at most {@link SITEMAP_CHUNK} URLs, as the protocol asks.
 */
import { TOPIC_PAGE_SIZE, type SiteTopics } from './data';
import { absoluteUrl, routes } from './url';

/** URLs per sitemap file; the protocol allows 50,000. */
export const SITEMAP_CHUNK = 45_000;

/** Site paths of every HTML page except the 404: fixed pages, days, topic pages, papers. */
export function pagePaths(data: SiteTopics): string[] {
  const paths = [routes.home(), routes.days(), routes.topics(), routes.search()];
  for (const day of data.days) paths.push(routes.day(day.date));
  for (const topic of data.topics) {
    const pages = Math.max(1, Math.ceil((data.papersByTopic.get(topic.slug)?.length ?? 0) / TOPIC_PAGE_SIZE));
    for (let page = 1; page <= pages; page++) paths.push(routes.topic(topic.slug, page));
  }
  for (const paper of data.papers) paths.push(routes.paper(paper.id));
  return paths;
}

/** How many sitemap files `data` needs. */
export function sitemapCount(data: SiteTopics): number {
  return Math.max(1, Math.ceil(pagePaths(data).length / SITEMAP_CHUNK));
}

/** Site path of sitemap file `index` (0-based). */
export function sitemapPath(index: number): string {
  return `/sitemap-${index}.xml`;
}

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

const XML_HEAD = '<?xml version="1.0" encoding="UTF-8"?>\n';
const XMLNS = 'xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"';

/** `sitemap-index.xml`: one entry per sitemap file. */
export function sitemapIndexXml(count: number): string {
  const entries = Array.from(
    { length: count },
    (_, index) => `<sitemap><loc>${escapeXml(absoluteUrl(sitemapPath(index)))}</loc></sitemap>`,
  );
  return `${XML_HEAD}<sitemapindex ${XMLNS}>\n${entries.join('\n')}\n</sitemapindex>\n`;
}

/** Sitemap file `index`: its slice of the page URLs. */
export function sitemapXml(data: SiteTopics, index: number): string {
  const paths = pagePaths(data).slice(index * SITEMAP_CHUNK, (index + 1) * SITEMAP_CHUNK);
  const entries = paths.map((path) => `<url><loc>${escapeXml(absoluteUrl(path))}</loc></url>`);
  return `${XML_HEAD}<urlset ${XMLNS}>\n${entries.join('\n')}\n</urlset>\n`;
}
