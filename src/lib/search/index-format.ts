/**
 * The static search index's file layout and encodings, shared by the builder (build time) and
 * the engine (browser). Papers are numbered newest first; every file but `meta.json` sits under
 * a folder named by the index's content hash, so a redeployed site never mixes old and new files.
 *
 * - `meta.json`: counts, shard boundaries, topics and days (read first, small).
 * - `<version>/v/<i>.json`: vocabulary shard i, the words starting with `vocabKeys[i]`, with
 *   document frequencies (for prefix completion and typo tolerance).
 * - `<version>/p/<i>.json`: postings shard i, the words from `postingShards[i]` up to the next
 *   boundary, each with the papers holding it in the title and in the body.
 * - `<version>/d/<n>.json`: paper n's searchable record (title, abstract, topics...).
 * - `<version>/t/<i>.json`: the papers of topic i, for the topic filter.
 * - `<version>/e.json`: earlier featured days of papers featured more than once, for the date filter.
 */

/** Bumped whenever the layout changes. */
export const INDEX_FORMAT = 1;

/** Folder of the index under the site's base path. */
export const INDEX_DIR = 'search-index';

/** What the browser reads first. */
export interface SearchMeta {
  format: number;
  /** Content hash: the folder holding every other file. */
  version: string;
  /** Number of papers; they are numbered 0..docCount-1, newest first. */
  docCount: number;
  /** First word of each postings shard, ascending. */
  postingShards: string[];
  /** First one or two characters shared by the words of each vocabulary shard, ascending. */
  vocabKeys: string[];
  /** Topics as `[slug, name]`, in the site's order; index = topic file number. */
  topics: [string, string][];
  /** `[day, count]`, newest first: the next `count` papers have `day` as their latest featured day. */
  days: [string, number][];
}

/** `[paper number, earlier days]` for papers featured on more than one day (date filter only). */
export type EarlierDaysFile = [number, string[]][];

/** A vocabulary shard: `terms` space-separated and ascending, `df` comma-separated alongside. */
export interface VocabShardFile {
  terms: string;
  df: string;
}

/** A postings shard: word -> `[title papers, body papers]`, each a delta-encoded list. */
export type PostingsShardFile = Record<string, [string, string]>;

/** One paper's searchable record. */
export interface SearchDoc {
  id: string;
  title: string;
  abstract: string;
  dates: string[];
  /** Topic slugs, best first. */
  topics: string[];
  authors?: string[];
  arxivId?: string;
}

/** File paths, relative to the index folder. */
export const indexPaths = {
  meta: () => 'meta.json',
  vocab: (version: string, shard: number) => `${version}/v/${shard}.json`,
  postings: (version: string, shard: number) => `${version}/p/${shard}.json`,
  doc: (version: string, doc: number) => `${version}/d/${doc}.json`,
  topic: (version: string, topic: number) => `${version}/t/${topic}.json`,
  earlierDays: (version: string) => `${version}/e.json`,
} as const;

/** Key of the vocabulary shard holding `term`: its first two characters. */
export function vocabKey(term: string): string {
  return Array.from(term).slice(0, 2).join('');
}

/** Ascending numbers as comma-separated gaps (`3,5,9` -> `3,2,4`), small and gzip-friendly. */
export function encodeList(numbers: readonly number[]): string {
  let previous = 0;
  return numbers
    .map((n) => {
      const gap = n - previous;
      previous = n;
      return gap;
    })
    .join(',');
}

/** Inverse of {@link encodeList}. */
export function decodeList(text: string): number[] {
  if (text === '') return [];
  const numbers: number[] = [];
  let value = 0;
  let current = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 44 /* , */) {
      value += current;
      numbers.push(value);
      current = 0;
    } else {
      current = current * 10 + (code - 48);
    }
  }
  numbers.push(value + current);
  return numbers;
}

/** Index of the last boundary <= `key` in ascending `boundaries` (0 when all are greater). */
export function shardOf(boundaries: readonly string[], key: string): number {
  let low = 0;
  let high = boundaries.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (boundaries[mid]! <= key) low = mid;
    else high = mid - 1;
  }
  return low;
}
