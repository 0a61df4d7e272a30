import type { APIRoute } from 'astro';
import { siteData } from '../site/data';
import { sitemapCount, sitemapIndexXml } from '../site/sitemap';

export const GET = (async () =>
  new Response(sitemapIndexXml(sitemapCount(await siteData())), {
    headers: { 'content-type': 'application/xml; charset=utf-8' },
  })) satisfies APIRoute;
