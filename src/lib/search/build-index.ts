/**
 * Building the static search index at build time: an inverted index of folded words split into
 * small shards (so a query fetches a few kilobytes, not the archive), a vocabulary for prefix
 * completion and typo tolerance, and one small record per paper for Fuse to rank and for
 * snippets. Deterministic: the same papers give the same files, byte for byte.
 */
import { createHash } from 'node:crypto';
import type { Paper } from '../schema';
import {
  encodeList,
  INDEX_FORMAT,
  indexPaths,
  vocabKey,
  type PostingsShardFile,
  type SearchDoc,
  type SearchMeta,
  type VocabShardFile,
} from './index-format';
import { isIndexed, tokenizeText } from './tokenize';

/** Raw size a postings shard grows to before the next one starts (one huge word may exceed it). */
export const POSTINGS_SHARD_BYTES = 24_000;

/** What the index is built from. */
export interface SearchIndexInput {
  papers: readonly Paper[];
  /** Topics as `[slug, name]`, in the site's order. */
  topics: readonly (readonly [string, string])[];
  /** Topic slugs of each paper (key paper id), best first. */
  topicsByPaper: ReadonlyMap<string, readonly { slug: string }[]>;
}

/** The built index: its meta record and every file by path relative to the index folder. */
export interface SearchIndex {
  meta: SearchMeta;
  files: Map<string, string>;
}

function latestDate(paper: Paper): string {
  return paper.dates[paper.dates.length - 1]!;
}

/** Papers newest first (by latest featured day), keeping the given order among equals. */
function numberPapers(papers: readonly Paper[]): Paper[] {
  const order = new Map(papers.map((paper, index) => [paper.id, index]));
  return [...papers].sort((a, b) => {
    const dayA = latestDate(a);
    const dayB = latestDate(b);
    if (dayA !== dayB) return dayA < dayB ? 1 : -1;
    return order.get(a.id)! - order.get(b.id)!;
  });
}

/** Words of a paper's title and body (abstract, authors, arXiv id), indexed ones only. */
function paperTerms(paper: Paper): { title: Set<string>; body: Set<string> } {
  const title = new Set(tokenizeText(paper.title).filter(isIndexed));
  const bodyText = [paper.abstract, ...(paper.authors ?? []), paper.arxivId ?? ''].join('\n');
  const body = new Set(tokenizeText(bodyText).filter(isIndexed));
  return { title, body };
}

/** Size of the union of two ascending lists. */
function unionSize(a: readonly number[], b: readonly number[]): number {
  let i = 0;
  let j = 0;
  let size = 0;
  while (i < a.length && j < b.length) {
    const x = a[i]!;
    const y = b[j]!;
    if (x <= y) i++;
    if (y <= x) j++;
    size++;
  }
  return size + (a.length - i) + (b.length - j);
}

function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Builds every file of the search index. */
export function buildSearchIndex(input: SearchIndexInput): SearchIndex {
  const papers = numberPapers(input.papers);
  const titlePostings = new Map<string, number[]>();
  const bodyPostings = new Map<string, number[]>();
  const add = (map: Map<string, number[]>, term: string, doc: number) => {
    const list = map.get(term);
    if (list) list.push(doc);
    else map.set(term, [doc]);
  };
  papers.forEach((paper, doc) => {
    const { title, body } = paperTerms(paper);
    for (const term of title) add(titlePostings, term, doc);
    for (const term of body) add(bodyPostings, term, doc);
  });

  const terms = [...new Set([...titlePostings.keys(), ...bodyPostings.keys()])].sort(compareStrings);
  const files = new Map<string, string>();
  const pending = new Map<string, string>();

  const postingShards: string[] = [];
  let shard: PostingsShardFile = {};
  let shardBytes = 0;
  const flushPostings = () => {
    if (shardBytes === 0) return;
    pending.set(`p/${postingShards.length - 1}`, JSON.stringify(shard));
    shard = {};
    shardBytes = 0;
  };
  const vocabKeys: string[] = [];
  const vocab = new Map<string, { terms: string[]; df: number[] }>();
  for (const term of terms) {
    const titleDocs = titlePostings.get(term) ?? [];
    const bodyDocs = bodyPostings.get(term) ?? [];
    const entry: [string, string] = [encodeList(titleDocs), encodeList(bodyDocs)];
    const bytes = term.length + entry[0].length + entry[1].length + 10;
    if (shardBytes > 0 && shardBytes + bytes > POSTINGS_SHARD_BYTES) flushPostings();
    if (shardBytes === 0) postingShards.push(term);
    shard[term] = entry;
    shardBytes += bytes;

    const key = vocabKey(term);
    let keyed = vocab.get(key);
    if (!keyed) {
      keyed = { terms: [], df: [] };
      vocab.set(key, keyed);
      vocabKeys.push(key);
    }
    keyed.terms.push(term);
    keyed.df.push(unionSize(titleDocs, bodyDocs));
  }
  flushPostings();
  vocabKeys.sort(compareStrings);
  vocabKeys.forEach((key, index) => {
    const { terms: keyTerms, df } = vocab.get(key)!;
    const file: VocabShardFile = { terms: keyTerms.join(' '), df: df.join(',') };
    pending.set(`v/${index}`, JSON.stringify(file));
  });

  const topicIndex = new Map(input.topics.map(([slug], index) => [slug, index]));
  const topicDocs: number[][] = input.topics.map(() => []);
  papers.forEach((paper, doc) => {
    const slugs = (input.topicsByPaper.get(paper.id) ?? []).map((match) => match.slug);
    for (const slug of slugs) topicDocs[topicIndex.get(slug) ?? -1]?.push(doc);
    const record: SearchDoc = {
      id: paper.id,
      title: paper.title,
      abstract: paper.abstract,
      dates: paper.dates,
      topics: slugs.filter((slug) => topicIndex.has(slug)),
      ...(paper.authors ? { authors: paper.authors } : {}),
      ...(paper.arxivId ? { arxivId: paper.arxivId } : {}),
    };
    pending.set(`d/${doc}`, JSON.stringify(record));
  });
  topicDocs.forEach((docs, index) => pending.set(`t/${index}`, JSON.stringify(encodeList(docs))));

  const days: [string, number][] = [];
  const earlierDays: [number, string[]][] = [];
  papers.forEach((paper, doc) => {
    const day = latestDate(paper);
    const last = days[days.length - 1];
    if (last?.[0] === day) last[1]++;
    else days.push([day, 1]);
    if (paper.dates.length > 1) earlierDays.push([doc, paper.dates.slice(0, -1)]);
  });
  pending.set('e', JSON.stringify(earlierDays));

  const hash = createHash('sha256');
  for (const [name, body] of pending) hash.update(`${name}\n${body}\n`);
  const version = hash.digest('hex').slice(0, 12);
  const meta: SearchMeta = {
    format: INDEX_FORMAT,
    version,
    docCount: papers.length,
    postingShards,
    vocabKeys,
    topics: input.topics.map(([slug, name]) => [slug, name]),
    days,
  };
  files.set(indexPaths.meta(), JSON.stringify(meta));
  for (const [name, body] of pending) files.set(`${version}/${name}.json`, body);
  return { meta, files };
}
