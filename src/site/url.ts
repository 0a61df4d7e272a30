/**
 * The one base-path helper: every internal link, asset and absolute URL the site prints goes
 * through `url` or `absoluteUrl`, so `BASE_PATH=/digest/` and `SITE_URL` reach all of them.
 */
import { PAPERS_JSON } from './papers-json';

/** The configured base without its trailing slash: `''` at the root, `/digest` under a base path. */
const BASE = import.meta.env.BASE_URL.replace(/\/+$/, '');

/** Site-relative path such as `/papers/x/` to the href the built site needs (`/digest/papers/x/`). */
export function url(path: string): string {
  return `${BASE}${path.startsWith('/') ? path : `/${path}`}`;
}

/** Site-relative path to an absolute URL on `SITE_URL`, for canonical links, feeds and meta tags. */
export function absoluteUrl(path: string): string {
  return new URL(url(path), import.meta.env.SITE).href;
}

/** Site-relative paths of every route; pass them through `url` or `absoluteUrl`. */
export const routes = {
  home: () => '/',
  days: () => '/days/',
  day: (date: string) => `/days/${date}/`,
  topics: () => '/topics/',
  /** Page 1 of a topic is the topic's own URL; later pages are `/topics/<slug>/<n>/`. */
  topic: (slug: string, page = 1) => (page > 1 ? `/topics/${slug}/${page}/` : `/topics/${slug}/`),
  topicFeed: (slug: string) => `/topics/${slug}/rss.xml`,
  paper: (id: string) => `/papers/${id}/`,
  search: () => '/search/',
  feed: () => '/rss.xml',
  papersJson: () => `/${PAPERS_JSON}`,
  sitemap: () => '/sitemap-index.xml',
} as const;
