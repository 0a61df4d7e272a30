/**
 * The static search index's files for the site's data: the one place that turns the site's data
 * into `buildSearchIndex`'s input, for the build worker and for `astro dev` alike.
 */
import { buildSearchIndex } from '../lib/search/build-index';
import type { SiteTopics } from './data';

/** Folder of the index under the site's root (and the output folder). */
export const SEARCH_INDEX_DIR = 'search-index';

/** Every file of the search index: path under {@link SEARCH_INDEX_DIR} -> body. */
export function searchIndexFiles(data: SiteTopics): Map<string, string> {
  return buildSearchIndex({
    papers: data.newestFirst,
    topics: data.topics.map((topic) => [topic.slug, topic.name] as const),
    topicsByPaper: data.topicsByPaper,
  }).files;
}
