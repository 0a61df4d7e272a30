import type { APIRoute, GetStaticPaths } from 'astro';
import { siteData } from '../site/data';
import { sitemapCount, sitemapXml } from '../site/sitemap';

export const getStaticPaths = (async () =>
  Array.from({ length: sitemapCount(await siteData()) }, (_, index) => ({
    params: { index: String(index) },
    props: { index },
  }))) satisfies GetStaticPaths;

export const GET = (async ({ props }) =>
  new Response(sitemapXml(await siteData(), (props as { index: number }).index), {
    headers: { 'content-type': 'application/xml; charset=utf-8' },
  })) satisfies APIRoute;
