import type { APIRoute, GetStaticPaths } from 'astro';
import { getSiteData } from '../site/data';
import { sitemapCount, sitemapXml } from '../site/sitemap';

export const getStaticPaths = (() =>
  Array.from({ length: sitemapCount(getSiteData()) }, (_, index) => ({
    params: { index: String(index) },
    props: { index },
  }))) satisfies GetStaticPaths;

export const GET = (({ props }) =>
  new Response(sitemapXml(getSiteData(), (props as { index: number }).index), {
    headers: { 'content-type': 'application/xml; charset=utf-8' },
  })) satisfies APIRoute;
