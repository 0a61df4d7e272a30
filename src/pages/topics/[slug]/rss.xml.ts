import type { APIRoute, GetStaticPaths } from 'astro';
import type { Topic } from '../../../lib/topics/load-topics';
import { getSiteData } from '../../../site/data';
import { paperFeed } from '../../../site/feed';
import { SITE_NAME } from '../../../site/site-info';

export const getStaticPaths = (() =>
  getSiteData().topics.map((topic) => ({
    params: { slug: topic.slug },
    props: { topic },
  }))) satisfies GetStaticPaths;

export const GET = (({ props }) => {
  const { topic } = props as { topic: Topic };
  return paperFeed(
    `${SITE_NAME}: ${topic.name}`,
    `Newest Hugging Face Daily Papers on ${topic.name}.`,
    getSiteData().papersByTopic.get(topic.slug) ?? [],
  );
}) satisfies APIRoute;
