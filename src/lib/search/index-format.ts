/**
 * The static search index's file layout and encodings, shared by the builder (build time) and
 * the engine (browser). Papers are numbered newest first; every file but `meta.json` sits under
 * a folder named by the index's content hash, so a redeployed site never mixes old and new files.
 *
 * - `meta.json`: counts, shard boundaries, topics and days (read first, small).
 * - `<version>/w.json`: the common words (held by two papers or more) with their paper counts,
 *   read once before the first query: prefix completion and typo tolerance run on it locally, and
 *   it names the shards a query needs, so every query word costs one round trip, not two.
 * - `<version>/p/<i>.json`: postings shard i, the keys from its first key up to the next shard's,
 *   each with the papers holding it in the title and in the body. A key is a word, or two common
 *   words that follow each other (`low resource`), which lets the prefilter keep only papers
 *   holding a quoted phrase. Words come first (`postingShards`), pairs after them in shards of
 *   their own (`pairShards`): a word, its plural and its completions sit side by side, so a query
 *   word usually needs one file.
 * - `<version>/d/<i>.json`: the searchable records (title, abstract, topics...) of consecutive
 *   papers: the `recentRecords` newest `recentPerFile` to a file (read when the search opens),
 *   then the others `recordsPerFile` to a file (see {@link recordsFileOf}).
 * - `<version>/t/<i>.json`: the papers of topic i, for the topic filter.
 * - `<version>/e.json`: earlier featured days of papers featured more than once, for the date filter.
 */

/** Bumped whenever the layout changes. */
export const INDEX_FORMAT = 4;

/** Folder of the index under the site's base path. */
export const INDEX_DIR = 'search-index';

/** What the browser reads first. */
export interface SearchMeta {
  format: number;
  /** Content hash: the folder holding every other file. */
  version: string;
  /** Number of papers; they are numbered 0..docCount-1, newest first. */
  docCount: number;
  /** Consecutive papers whose records share a file, after the recent ones. */
  recordsPerFile: number;
  /**
   * The newest papers, whose records share bigger files (0 when none do): ties rank newest first,
   * so a common word's best matches are among them, query after query.
   */
  recentRecords: number;
  /** Consecutive recent papers whose records share a file. */
  recentPerFile: number;
  /** First word of each word shard (files `0..`), ascending. */
  postingShards: string[];
  /** First pair of each pair shard (files numbered after the word shards), ascending. */
  pairShards: string[];
  /** Topics as `[slug, name]`, in the site's order; index = topic file number. */
  topics: [string, string][];
  /** `[day, count]`, newest first: the next `count` papers have `day` as their latest featured day. */
  days: [string, number][];
}

/** `[paper number, earlier days]` for papers featured on more than one day (date filter only). */
export type EarlierDaysFile = [number, string[]][];

/** The common words: `terms` space-separated and ascending, their paper counts comma-separated alongside. */
export interface CommonWordsFile {
  terms: string;
  df: string;
}

/**
 * A postings shard: `[key, title papers, body papers]` by ascending key, each list delta-encoded.
 * (An array, not an object: an object would list number-like keys such as `2024` first.)
 */
export type PostingsShardFile = [string, string, string][];

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

/** A records file: the records of consecutive papers. */
export type RecordsFile = SearchDoc[];

/** File paths, relative to the index folder. */
export const indexPaths = {
  meta: () => 'meta.json',
  commonWords: (version: string) => `${version}/w.json`,
  postings: (version: string, shard: number) => `${version}/p/${shard}.json`,
  records: (version: string, file: number) => `${version}/d/${file}.json`,
  topic: (version: string, topic: number) => `${version}/t/${topic}.json`,
  earlierDays: (version: string) => `${version}/e.json`,
} as const;

/** The records file holding paper `doc`, and the paper's place in it. */
export function recordsFileOf(
  meta: Pick<SearchMeta, 'recordsPerFile' | 'recentRecords' | 'recentPerFile'>,
  doc: number,
): { file: number; slot: number } {
  const { recordsPerFile, recentRecords, recentPerFile } = meta;
  if (doc < recentRecords) return { file: Math.floor(doc / recentPerFile), slot: doc % recentPerFile };
  const older = doc - recentRecords;
  return {
    file: Math.ceil(recentRecords / recentPerFile) + Math.floor(older / recordsPerFile),
    slot: older % recordsPerFile,
  };
}

/** Postings key of two words that follow each other in a title or abstract. */
export function pairKey(first: string, second: string): string {
  return `${first} ${second}`;
}

/** Whether a postings key is a pair of words (words never hold a space). */
export function isPairKey(key: string): boolean {
  return key.includes(' ');
}

/** Digits of a bitmap: six bits each, characters JSON carries as they are. */
const BITMAP_DIGITS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
/** Value of each bitmap digit, by character code. */
const BITMAP_VALUES = new Uint8Array(128);
[...BITMAP_DIGITS].forEach((digit, value) => (BITMAP_VALUES[digit.charCodeAt(0)] = value));

/** Ascending numbers as comma-separated gaps (`3,5,9` -> `3,2,4`), small and gzip-friendly. */
function encodeGaps(numbers: readonly number[]): string {
  let previous = 0;
  return numbers
    .map((n) => {
      const gap = n - previous;
      previous = n;
      return gap;
    })
    .join(',');
}

/** Ascending numbers as a bitmap from the first: `~first~` then six numbers per digit. */
function encodeBitmap(numbers: readonly number[]): string {
  const first = numbers[0]!;
  const values = new Uint8Array(Math.floor((numbers[numbers.length - 1]! - first) / 6) + 1);
  for (const n of numbers) values[Math.floor((n - first) / 6)]! |= 1 << ((n - first) % 6);
  let digits = '';
  for (const value of values) digits += BITMAP_DIGITS[value];
  return `~${first}~${digits}`;
}

/**
 * Ascending numbers, encoded as gaps (`3,5,9` -> `3,2,4`) or, when shorter, as a bitmap: a word
 * most papers hold (`model`) takes a sixth of a character per paper instead of two or three.
 */
export function encodeList(numbers: readonly number[]): string {
  const gaps = encodeGaps(numbers);
  // A bitmap costs a character per six numbers of the range: only dense lists gain.
  const range = numbers.length === 0 ? 0 : numbers[numbers.length - 1]! - numbers[0]!;
  if (range / 6 + 12 >= gaps.length) return gaps;
  const bitmap = encodeBitmap(numbers);
  return bitmap.length < gaps.length ? bitmap : gaps;
}

/** Bits set in each bitmap digit's value. */
const BIT_COUNTS = Uint8Array.from({ length: 64 }, (_, value) => {
  let count = 0;
  for (let bits = value; bits > 0; bits >>= 1) count += bits & 1;
  return count;
});

/**
 * Inverse of {@link encodeList}, into a typed array: a long list then lives outside the
 * JavaScript heap, which the browser's garbage collector would otherwise copy again and again.
 */
export function decodeList(text: string): Int32Array {
  if (text === '') return new Int32Array(0);
  return text.charCodeAt(0) === 126 /* ~ */ ? decodeBitmap(text) : decodeGaps(text);
}

/** A bitmap list (`~first~digits`); a function of its own, as is {@link decodeGaps}: small hot loops compile fast. */
function decodeBitmap(text: string): Int32Array {
  const start = text.indexOf('~', 1);
  let count = 0;
  for (let i = start + 1; i < text.length; i++) count += BIT_COUNTS[BITMAP_VALUES[text.charCodeAt(i)]!]!;
  const numbers = new Int32Array(count);
  let at = 0;
  let base = Number(text.slice(1, start));
  for (let i = start + 1; i < text.length; i++, base += 6) {
    // Lowest set bit first, then cleared: one step per number, none for an empty digit.
    for (let value = BITMAP_VALUES[text.charCodeAt(i)]!; value !== 0; value &= value - 1) {
      numbers[at++] = base + 31 - Math.clz32(value & -value);
    }
  }
  return numbers;
}

/** A list of comma-separated gaps. */
function decodeGaps(text: string): Int32Array {
  let count = 1;
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 44 /* , */) count++;
  const numbers = new Int32Array(count);
  let at = 0;
  let value = 0;
  let current = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 44 /* , */) {
      value += current;
      numbers[at++] = value;
      current = 0;
    } else {
      current = current * 10 + (code - 48);
    }
  }
  numbers[at] = value + current;
  return numbers;
}

/** Size of the union of two ascending lists: the papers holding a word in the title or the body. */
export function unionSize(a: ArrayLike<number>, b: ArrayLike<number>): number {
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

/** Number of the postings file whose range holds `key` (a word or a pair); -1 when there is none. */
export function postingsFile(meta: Pick<SearchMeta, 'postingShards' | 'pairShards'>, key: string): number {
  if (!isPairKey(key)) return meta.postingShards.length === 0 ? -1 : shardOf(meta.postingShards, key);
  return meta.pairShards.length === 0 ? -1 : meta.postingShards.length + shardOf(meta.pairShards, key);
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
