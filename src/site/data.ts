/**
 * The data every page shares, computed once per build: content parsed and merged, topics
 * assigned, related papers found, days linked to their neighbours. Pages take what they need
 * from here and pass it down as props, so rendering 40,000 paper pages never re-reads or
 * re-copies the corpus. No `astro:*` imports: the content loader uses this module too.
 */
import { join, relative, resolve } from 'node:path';
import { loadContent } from '../lib/content';
import { findRelatedPapers, type RelatedPaper } from '../lib/related/related-papers';
import type { Day, Paper, Problem } from '../lib/schema';
import { assignTopics, type TopicMatch } from '../lib/topics/assign-topics';
import { loadTopics, type Topic } from '../lib/topics/load-topics';

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

/** Everything the pages render, with the lookups they need. */
export interface SiteData {
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
  /** Topics of each paper (key paper id), best first, with the terms that matched. */
  topicsByPaper: Map<string, TopicMatch[]>;
  /** Papers of each topic (key slug), newest first. */
  papersByTopic: Map<string, Paper[]>;
  /** Related papers of each paper (key paper id), with the terms they share. */
  related: Map<string, RelatedPaper[]>;
}

const MEMO = Symbol.for('paper-digest.site-data');
type Memo = { dir: string; data: SiteData };
const memoHolder = globalThis as typeof globalThis & { [MEMO]?: Memo };

/** The content folder the build reads: `CONTENT_DIR`, else `content/` in the working directory. */
export function contentDir(): string {
  return resolve(process.env.CONTENT_DIR ?? 'content');
}

/**
 * The site's data for `dir`, computed on first use and kept for the rest of the process (the
 * content loader and the pages share it). `fresh` recomputes it, for the loader's (re)loads.
 */
export function getSiteData(dir = contentDir(), fresh = false): SiteData {
  const memo = memoHolder[MEMO];
  if (!fresh && memo?.dir === dir) return memo.data;
  const data = computeSiteData(dir);
  memoHolder[MEMO] = { dir, data };
  return data;
}

function computeSiteData(dir: string): SiteData {
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

  const topicsByPaper = assignTopics(papers, topics);
  const papersByTopic = new Map<string, Paper[]>(topics.map((topic) => [topic.slug, []]));
  for (const paper of newestFirst) {
    for (const match of topicsByPaper.get(paper.id) ?? []) papersByTopic.get(match.slug)?.push(paper);
  }

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
    topicsByPaper,
    papersByTopic,
    related: findRelatedPapers(papers, RELATED_COUNT),
  };
}
