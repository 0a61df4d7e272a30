import type { APIRoute } from 'astro';
import { getSiteData } from '../site/data';
import { paperFeed } from '../site/feed';
import { SITE_NAME, SITE_TAGLINE } from '../site/site-info';

export const GET = (() =>
  paperFeed(`${SITE_NAME}: newest papers`, SITE_TAGLINE, getSiteData().newestFirst)) satisfies APIRoute;
