import type { APIRoute } from 'astro';
import { siteContent } from '../site/data';
import { paperFeed } from '../site/feed';
import { SITE_NAME, SITE_TAGLINE } from '../site/site-info';

export const GET = (() =>
  paperFeed(`${SITE_NAME}: newest papers`, SITE_TAGLINE, siteContent().newestFirst)) satisfies APIRoute;
