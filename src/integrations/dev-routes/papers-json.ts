/**
 * `/papers.json` served by `astro dev`: the same file the build worker writes (see
 * ../build-worker.ts). Injected in dev only: a build writes it from the worker, so the main
 * thread never holds the whole corpus as one string.
 */
import type { APIRoute } from 'astro';
import { siteContent } from '../../site/data';
import { papersJson } from '../../site/papers-json';

export const GET = (() =>
  new Response(papersJson(siteContent().papers), {
    headers: { 'content-type': 'application/json; charset=utf-8' },
  })) satisfies APIRoute;
