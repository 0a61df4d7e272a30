/**
 * The search index served by `astro dev`: the same files the build worker writes (see
 * ../build-worker.ts), rendered on request. Injected in dev only: a build writes them from a worker instead of
 * rendering some 40,000 endpoint pages.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { siteData } from '../../site/data';
import { searchIndexFiles } from '../../site/search-index-files';

export const getStaticPaths = (async () =>
  [...searchIndexFiles(await siteData())].map(([path, body]) => ({
    params: { path },
    props: { body },
  }))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) =>
  new Response((props as { body: string }).body, {
    headers: { 'content-type': 'application/json; charset=utf-8' },
  });
