/**
 * Building the static search index at build time: an inverted index of folded words (and, in
 * shards of their own, of pairs of common words that follow each other, for phrases) split into
 * small shards (so a query fetches a few kilobytes, not the archive), the common words for prefix
 * completion and typo tolerance, and one small record per paper for Fuse to rank and for
 * snippets. Deterministic: the same papers give the same files, byte for byte.
 */
import { createHash } from 'node:crypto';
import type { Paper } from '../schema';
import {
  encodeList,
  INDEX_FORMAT,
  indexPaths,
  isPairKey,
  pairKey,
  recordsFileOf,
  unionSize,
  type CommonWordsFile,
  type PostingsShardFile,
  type SearchDoc,
  type SearchMeta,
} from './index-format';
import { stemWord } from '../topics/tokenize';
import { isIndexed, tokenizeText } from './tokenize';

/**
 * Raw size a postings shard grows to before the next one starts (one huge word may exceed it, and
 * a word's other forms may take it to twice this).
 */
export const POSTINGS_SHARD_BYTES = 24_000;

/**
 * At most this many common words (the most frequent): the browser reads them all before the first
 * query, so their number bounds what that costs on a very large archive.
 */
export const COMMON_WORDS_MAX = 50_000;

/**
 * Most paper records one file holds, besides the recent ones ({@link recentRecords}): an older
 * paper is shown for a rarer word, seldom beside its neighbours, so a small file is fetched for it.
 */
export const RECORDS_PER_FILE_MAX = 8;

/**
 * Paper records per file for an archive this size: consecutive papers (newest first) share a file
 * once there are enough to keep a thousand files or more. A query shows a dozen records and a
 * request costs the browser far more than a few kilobytes do, while best matches cluster among the
 * newest papers (ties rank newest first); a small site keeps one record per file.
 */
export function recordsPerFile(docCount: number): number {
  let perFile = 1;
  while (perFile < RECORDS_PER_FILE_MAX && docCount / (perFile * 2) >= 1000) perFile *= 2;
  return perFile;
}

/** The newest papers whose records share bigger files on a large archive, and how many share one. */
export const RECENT_RECORDS = 1024;
export const RECENT_PER_FILE = 128;

/**
 * The newest papers' grouping on an archive this size. Ties rank newest first, so a common word's
 * dozen best matches are its newest holders, spread over the newest few hundred papers on a large
 * archive: in files of {@link RECENT_PER_FILE}, the browser fetches them all in a few requests
 * when the search opens (see `SearchEngine.warm`), and queries showing them fetch no records (the
 * browser pays per request far more than per kilobyte). Only a large archive (records already
 * {@link RECORDS_PER_FILE_MAX} to a file) has them: a smaller site keeps its small files, and its
 * first query its few bytes.
 */
export function recentRecords(docCount: number, perFile: number): { count: number; perFile: number } {
  if (perFile < RECORDS_PER_FILE_MAX || docCount < 2 * RECENT_RECORDS) return { count: 0, perFile };
  return { count: RECENT_RECORDS, perFile: RECENT_PER_FILE };
}

/** What the index is built from. */
export interface SearchIndexInput {
  papers: readonly Paper[];
  /** Topics as `[slug, name]`, in the site's order. */
  topics: readonly (readonly [string, string])[];
  /** Topic slugs of each paper (key paper id), best first. */
  topicsByPaper: ReadonlyMap<string, readonly { slug: string }[]>;
  /** Paper records per file (default {@link recordsPerFile} of the number of papers). */
  recordsPerFile?: number;
  /** Recent papers in bigger files and how many to a file (default {@link recentRecords}). */
  recent?: { count: number; perFile: number };
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

/** Adds `doc` to `list` once; papers come in ascending order. */
function addPosting(list: number[], doc: number): void {
  if (list[list.length - 1] !== doc) list.push(doc);
}

/**
 * Every postings key with its papers: the indexed words, then the pairs of common words in a row
 * (in a title, or in an abstract). Words are numbered as first met, and each title and abstract
 * kept as word numbers, so the millions of pairs never build a string or a word lookup each.
 */
function collectPostings(papers: readonly Paper[]): {
  entries: { key: string; title: number[]; body: number[] }[];
  commonWords: { term: string; df: number }[];
} {
  const ids = new Map<string, number>();
  const terms: string[] = [];
  const titleLists: number[][] = [];
  const bodyLists: number[][] = [];
  const idOf = (term: string) => {
    let id = ids.get(term);
    if (id === undefined) {
      id = terms.length;
      ids.set(term, id);
      terms.push(term);
      titleLists.push([]);
      bodyLists.push([]);
    }
    return id;
  };
  // Word numbers in text order, -1 for a word left out of the index (it breaks a pair).
  const sequence = (text: string, lists: number[][], doc: number) => {
    const words = tokenizeText(text);
    const sequenceIds = new Int32Array(words.length);
    words.forEach((word, i) => {
      if (!isIndexed(word)) return void (sequenceIds[i] = -1);
      const id = idOf(word);
      sequenceIds[i] = id;
      addPosting(lists[id]!, doc);
    });
    return sequenceIds;
  };
  const titles: Int32Array[] = [];
  const abstracts: Int32Array[] = [];
  papers.forEach((paper, doc) => {
    titles.push(sequence(paper.title, titleLists, doc));
    abstracts.push(sequence(paper.abstract, bodyLists, doc));
    const extra = [...(paper.authors ?? []), paper.arxivId ?? ''].join('\n');
    for (const word of tokenizeText(extra)) if (isIndexed(word)) addPosting(bodyLists[idOf(word)]!, doc);
  });

  const df = terms.map((_, id) => unionSize(titleLists[id]!, bodyLists[id]!));
  const common = terms
    .map((_, id) => id)
    .filter((id) => df[id]! >= 2)
    .sort((a, b) => df[b]! - df[a]! || compareStrings(terms[a]!, terms[b]!))
    .slice(0, COMMON_WORDS_MAX);
  const isCommon = new Uint8Array(terms.length);
  for (const id of common) isCommon[id] = 1;

  const pairs = new Map<number, { title: number[]; body: number[] }>();
  const addPairs = (sequenceIds: Int32Array, doc: number, field: 'title' | 'body') => {
    for (let i = 1; i < sequenceIds.length; i++) {
      const first = sequenceIds[i - 1]!;
      const second = sequenceIds[i]!;
      if (first < 0 || second < 0 || !isCommon[first] || !isCommon[second]) continue;
      const key = first * terms.length + second;
      let lists = pairs.get(key);
      if (!lists) pairs.set(key, (lists = { title: [], body: [] }));
      addPosting(lists[field], doc);
    }
  };
  papers.forEach((_, doc) => {
    addPairs(titles[doc]!, doc, 'title');
    addPairs(abstracts[doc]!, doc, 'body');
  });

  const entries = terms.map((key, id) => ({ key, title: titleLists[id]!, body: bodyLists[id]! }));
  for (const [key, lists] of pairs) {
    const first = terms[Math.floor(key / terms.length)]!;
    entries.push({ key: pairKey(first, terms[key % terms.length]!), ...lists });
  }
  entries.sort((a, b) => compareStrings(a.key, b.key));
  const commonWords = common.map((id) => ({ term: terms[id]!, df: df[id]! }));
  commonWords.sort((a, b) => compareStrings(a.term, b.term));
  return { entries, commonWords };
}

function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Builds every file of the search index. */
export function buildSearchIndex(input: SearchIndexInput): SearchIndex {
  const papers = numberPapers(input.papers);
  const { entries, commonWords } = collectPostings(papers);
  const files = new Map<string, string>();
  const pending = new Map<string, string>();

  // Word shards first, then pair shards: files are numbered across both.
  let postingFiles = 0;
  const shardsOf = (keys: typeof entries): string[] => {
    const boundaries: string[] = [];
    let shard: PostingsShardFile = [];
    let shardBytes = 0;
    const stems = new Set<string>();
    const flush = () => {
      if (shardBytes === 0) return;
      pending.set(`p/${postingFiles++}`, JSON.stringify(shard));
      shard = [];
      shardBytes = 0;
      stems.clear();
    };
    for (const { key, title, body } of keys) {
      const entry: [string, string, string] = [key, encodeList(title), encodeList(body)];
      const bytes = key.length + entry[1].length + entry[2].length + 10;
      // A query word reads its other forms too (`model`, `models`): keep them in its file.
      const stem = stemWord(key);
      const full = shardBytes + bytes > (stems.has(stem) ? 2 : 1) * POSTINGS_SHARD_BYTES;
      if (shardBytes > 0 && full) flush();
      if (shardBytes === 0) boundaries.push(key);
      shard.push(entry);
      shardBytes += bytes;
      stems.add(stem);
    }
    flush();
    return boundaries;
  };
  const postingShards = shardsOf(entries.filter((entry) => !isPairKey(entry.key)));
  const pairShards = shardsOf(entries.filter((entry) => isPairKey(entry.key)));
  const wordsFile: CommonWordsFile = {
    terms: commonWords.map((word) => word.term).join(' '),
    df: commonWords.map((word) => word.df).join(','),
  };
  pending.set('w', JSON.stringify(wordsFile));

  const topicIndex = new Map(input.topics.map(([slug], index) => [slug, index]));
  const topicDocs: number[][] = input.topics.map(() => []);
  const perFile = input.recordsPerFile ?? recordsPerFile(papers.length);
  const recent = input.recent ?? recentRecords(papers.length, perFile);
  const records: string[] = [];
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
    records.push(JSON.stringify(record));
  });
  const layout = { recordsPerFile: perFile, recentRecords: recent.count, recentPerFile: recent.perFile };
  const recordFiles: string[][] = [];
  records.forEach((record, doc) => {
    const { file } = recordsFileOf(layout, doc);
    (recordFiles[file] ??= []).push(record);
  });
  recordFiles.forEach((file, number) => pending.set(`d/${number}`, `[${file.join(',')}]`));
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
  // The format too: a layout read differently gets a folder of its own even where bytes match.
  hash.update(`format ${INDEX_FORMAT}\n`);
  for (const [name, body] of pending) hash.update(`${name}\n${body}\n`);
  const version = hash.digest('hex').slice(0, 12);
  const meta: SearchMeta = {
    format: INDEX_FORMAT,
    version,
    docCount: papers.length,
    ...layout,
    postingShards,
    pairShards,
    topics: input.topics.map(([slug, name]) => [slug, name]),
    days,
  };
  files.set(indexPaths.meta(), JSON.stringify(meta));
  for (const [name, body] of pending) files.set(`${version}/${name}.json`, body);
  return { meta, files };
}
