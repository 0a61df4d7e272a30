import type { APIRoute } from 'astro';
import { absoluteUrl, routes } from '../site/url';

export const GET = (() =>
  new Response(`User-agent: *\nAllow: /\n\nSitemap: ${absoluteUrl(routes.sitemap())}\n`, {
    headers: { 'content-type': 'text/plain; charset=utf-8' },
  })) satisfies APIRoute;
