/**
 * The static search index: every file `buildSearchIndex` makes, written at build time under
 * `/search-index/`. Built once per build from the shared site data.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { buildSearchIndex } from '../../lib/search/build-index';
import { getSiteData } from '../../site/data';

export const getStaticPaths = (() => {
  const data = getSiteData();
  const { files } = buildSearchIndex({
    papers: data.newestFirst,
    topics: data.topics.map((topic) => [topic.slug, topic.name] as const),
    topicsByPaper: data.topicsByPaper,
  });
  return [...files].map(([path, body]) => ({ params: { path }, props: { body } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) =>
  new Response((props as { body: string }).body, {
    headers: { 'content-type': 'application/json; charset=utf-8' },
  });
