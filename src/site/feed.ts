/** RSS feeds (site-wide and per topic): the newest papers, built with @astrojs/rss. */
import rss from '@astrojs/rss';
import type { Paper } from '../lib/schema';
import { excerpt } from './format';
import { absoluteUrl, routes } from './url';

/** How many papers a feed lists. */
export const FEED_SIZE = 50;

/** An RSS response for `papers` (already newest first); `path` is the feed's own site path. */
export function paperFeed(title: string, description: string, papers: readonly Paper[]): Promise<Response> {
  return rss({
    title,
    description,
    site: absoluteUrl(routes.home()),
    trailingSlash: true,
    items: papers.slice(0, FEED_SIZE).map((paper) => ({
      title: paper.title,
      link: absoluteUrl(routes.paper(paper.id)),
      pubDate: new Date(`${paper.dates[paper.dates.length - 1]}T00:00:00Z`),
      description: excerpt(paper.summary ?? paper.abstract, 600),
      ...(paper.authors?.length ? { author: paper.authors.join(', ') } : {}),
    })),
  });
}
