import type { APIRoute, GetStaticPaths } from 'astro';
import type { Topic } from '../../../lib/topics/load-topics';
import { siteContent, siteData } from '../../../site/data';
import { paperFeed } from '../../../site/feed';
import { SITE_NAME } from '../../../site/site-info';

export const getStaticPaths = (() =>
  siteContent().topics.map((topic) => ({
    params: { slug: topic.slug },
    props: { topic },
  }))) satisfies GetStaticPaths;

export const GET = (async ({ props }) => {
  const { topic } = props as { topic: Topic };
  return paperFeed(
    `${SITE_NAME}: ${topic.name}`,
    `Newest Hugging Face Daily Papers on ${topic.name}.`,
    (await siteData()).papersByTopic.get(topic.slug) ?? [],
  );
}) satisfies APIRoute;
