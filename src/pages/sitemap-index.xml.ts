import type { APIRoute } from 'astro';
import { getSiteData } from '../site/data';
import { sitemapCount, sitemapIndexXml } from '../site/sitemap';

export const GET = (() =>
  new Response(sitemapIndexXml(sitemapCount(getSiteData())), {
    headers: { 'content-type': 'application/xml; charset=utf-8' },
  })) satisfies APIRoute;
