/**
 * The data every page shares, computed once per build: content parsed and merged, topics
 * assigned, related papers found, days linked to their neighbours. Pages take what they need
 * from here and pass it down as props, so rendering 40,000 paper pages never re-reads or
 * re-copies the corpus. No `astro:*` imports: the content loader uses this module too.
 *
 * Two parts: the content (read on the main thread by the content loader) and what is derived
 * from it, topics and related papers. In `astro build` the build worker derives those on the
 * second core (see src/integrations/build-worker.ts) and pages await them; elsewhere (`astro dev`,
 * tests) they are computed here on first use.
 */
import { join, relative } from 'node:path';
import { loadContent } from '../lib/content';
import { findRelatedPapers, type RelatedPaper } from '../lib/related/related-papers';
import type { Day, Paper, Problem } from '../lib/schema';
import { assignTopics, type TopicMatch } from '../lib/topics/assign-topics';
import { loadTopics, type Topic } from '../lib/topics/load-topics';
import { workerResults } from './build-worker-results';
import { contentDir } from './content-dir';

export { contentDir };

/** How many related papers a paper page lists. */
export const RELATED_COUNT = 5;

/** Papers per topic page. */
export const TOPIC_PAGE_SIZE = 25;

/** A day with the days before and after it, for the day page's navigation. */
export interface DayEntry {
  day: Day;
  previous?: Day;
  next?: Day;
}

/** The content folder read and merged, with the lookups pages need. */
export interface SiteContent {
  /** Papers in order of first appearance. */
  papers: Paper[];
  /** Papers by most recent featured day (newest first), then order of first appearance. */
  newestFirst: Paper[];
  /** Days, oldest first. */
  days: Day[];
  topics: Topic[];
  /** Every parse and topic problem. */
  problems: Problem[];
  mergedDuplicates: number;
  paperById: Map<string, Paper>;
  topicBySlug: Map<string, Topic>;
  dayByDate: Map<string, DayEntry>;
}

/** The content with every paper's topics. */
export interface SiteTopics extends SiteContent {
  /** Topics of each paper (key paper id), best first, with the terms that matched. */
  topicsByPaper: Map<string, TopicMatch[]>;
  /** Papers of each topic (key slug), newest first. */
  papersByTopic: Map<string, Paper[]>;
}

/** Everything the pages render, with the lookups they need. */
export interface SiteData extends SiteTopics {
  /** Related papers of each paper (key paper id), with the terms they share. */
  related: Map<string, RelatedPaper[]>;
}

/** What is kept for the rest of the process, on `globalThis`: the loader and the pages are separate module graphs. */
interface Memo {
  dir: string;
  content: SiteContent;
  topics?: Promise<SiteTopics>;
  related?: Promise<Map<string, RelatedPaper[]>>;
  data?: SiteData;
}
const MEMO = Symbol.for('paper-digest.site-data');
const memoHolder = globalThis as typeof globalThis & { [MEMO]?: Memo };

function memo(dir: string, fresh: boolean): Memo {
  const kept = memoHolder[MEMO];
  if (!fresh && kept?.dir === dir) return kept;
  const made: Memo = { dir, content: readSiteContent(dir) };
  memoHolder[MEMO] = made;
  return made;
}

/**
 * The content of `dir`, read on first use and kept for the rest of the process. `fresh` reads it
 * again (the content loader's (re)loads), which also drops what was derived from the old content.
 */
export function siteContent(dir = contentDir(), fresh = false): SiteContent {
  return memo(dir, fresh).content;
}

/** The content with every paper's topics: from the build worker when one runs, else assigned here. */
export function siteData(dir = contentDir()): Promise<SiteTopics> {
  const kept = memo(dir, false);
  const fromWorker = workerResults()?.topicsByPaper;
  kept.topics ??= fromWorker
    ? fromWorker.then((topicsByPaper) => withTopics(kept.content, topicsByPaper))
    : Promise.resolve(withTopics(kept.content, assignTopics(kept.content.papers, kept.content.topics)));
  return kept.topics;
}

/** Related papers of every paper (key paper id): from the build worker when one runs, else found here. */
export function siteRelated(dir = contentDir()): Promise<Map<string, RelatedPaper[]>> {
  const kept = memo(dir, false);
  kept.related ??= workerResults()?.related ?? Promise.resolve(findRelated(kept.content));
  return kept.related;
}

/**
 * Everything at once, computed here whatever runs: for `astro dev`'s search index route and for
 * tests. `fresh` reads the content again.
 */
export function getSiteData(dir = contentDir(), fresh = false): SiteData {
  const kept = memo(dir, fresh);
  kept.data ??= {
    ...withTopics(kept.content, assignTopics(kept.content.papers, kept.content.topics)),
    related: findRelated(kept.content),
  };
  return kept.data;
}

/** Related papers as the site lists them. */
export function findRelated(content: SiteContent): Map<string, RelatedPaper[]> {
  return findRelatedPapers(content.papers, RELATED_COUNT);
}

/** Reads `dir`: papers, days and topics, with their problems and lookups. */
export function readSiteContent(dir: string): SiteContent {
  // Problems name files relative to the working directory, as editors and CI logs link them.
  const shown = relative(process.cwd(), dir) || '.';
  const content = loadContent(shown);
  const { topics, problems: topicProblems } = loadTopics(join(shown, 'topics'));
  const { papers, days } = content;

  const order = new Map(papers.map((paper, index) => [paper.id, index]));
  const newestFirst = [...papers].sort((a, b) => {
    const lastA = a.dates[a.dates.length - 1]!;
    const lastB = b.dates[b.dates.length - 1]!;
    if (lastA !== lastB) return lastA < lastB ? 1 : -1;
    return order.get(a.id)! - order.get(b.id)!;
  });

  const dayByDate = new Map<string, DayEntry>();
  days.forEach((day, index) => {
    const entry: DayEntry = { day };
    if (index > 0) entry.previous = days[index - 1];
    if (index < days.length - 1) entry.next = days[index + 1];
    dayByDate.set(day.date, entry);
  });

  return {
    papers,
    newestFirst,
    days,
    topics,
    problems: [...content.problems, ...topicProblems],
    mergedDuplicates: content.mergedDuplicates,
    paperById: new Map(papers.map((paper) => [paper.id, paper])),
    topicBySlug: new Map(topics.map((topic) => [topic.slug, topic])),
    dayByDate,
  };
}

/** `content` with `topicsByPaper` (from {@link assignTopics}) and each topic's papers, newest first. */
export function withTopics(content: SiteContent, topicsByPaper: Map<string, TopicMatch[]>): SiteTopics {
  const papersByTopic = new Map<string, Paper[]>(content.topics.map((topic) => [topic.slug, []]));
  for (const paper of content.newestFirst) {
    for (const match of topicsByPaper.get(paper.id) ?? []) papersByTopic.get(match.slug)?.push(paper);
  }
  return { ...content, topicsByPaper, papersByTopic };
}
