/**
 * The search engine the browser runs (in a Web Worker): a compact prefilter over the sharded
 * inverted index picks the best candidate papers, then Fuse.js ranks only those, over title,
 * abstract, topics, authors and arXiv id. Files are fetched through `load` when first needed and
 * kept. A query costs two round trips at most: the postings shards of its words (the common words,
 * read before the first query, say which shards hold the completions and near spellings to fetch
 * at the same time), then the records of the papers it shows.
 */
import Fuse, { type Expression } from 'fuse.js';
import { stemWord } from '../topics/tokenize';
import {
  decodeList,
  indexPaths,
  isPairKey,
  pairKey,
  postingsFile,
  recordsFileOf,
  unionSize,
  type CommonWordsFile,
  type EarlierDaysFile,
  type PostingsShardFile,
  type RecordsFile,
  type SearchDoc,
  type SearchMeta,
} from './index-format';
import { parseQuery, type ParsedQuery, type QueryPhrase, type QueryWord } from './query';
import { cutText, holdsInARow, matchingSentences, type CutText } from './cut-text';
import { highlight, snippet, SNIPPET_WORDS, type Segment } from './snippet';
import { foldText, isIndexed } from './tokenize';

/** Reads one index file (path relative to the index folder) as parsed JSON. */
export type IndexLoader = (path: string) => Promise<unknown>;

/** Filters of the search page. Days are `YYYY-MM-DD`, inclusive. */
export interface SearchFilters {
  topic?: string;
  from?: string;
  to?: string;
}

/** One result, ready to render as text. */
export interface SearchResult {
  id: string;
  title: Segment[];
  dates: string[];
  topics: { slug: string; name: string }[];
  snippet: Segment[];
}

/** What a search returns: the best `limit` results and how many papers matched. */
export interface SearchResponse {
  results: SearchResult[];
  total: number;
}

/** Candidates Fuse ranks per round; a phrase query takes another round only when fetched candidates lack the phrase. */
const CANDIDATES = 12;
const PHRASE_ROUNDS = 4;
const PREFIX_EXPANSIONS = 12;
const FUZZY_EXPANSIONS = 6;
/** Title words count this much more than body words in the prefilter. */
const TITLE_BOOST = 3;

/** Words a query word may stand for, ascending, with their paper counts. */
interface Words {
  terms: readonly string[];
  count(term: string): number | undefined;
}

/** A postings shard: its keys ascending, lists still encoded (decoded when a query needs them). */
interface Shard {
  words: Words;
  entries: Map<string, [string, string]>;
}

/** The papers holding a key, in the title and in the body, and how many hold it. */
interface Postings {
  title: Int32Array;
  body: Int32Array;
  df: number;
}

/** One alternative of a clause: a postings key and its weight. */
interface Alternative {
  term: string;
  weight: number;
  postings: Postings;
}

/**
 * A query word or phrase, as postings keys. A word matches a paper holding any of its keys (itself,
 * its forms, completions or near spellings); a phrase, one holding all of them in the title or all
 * in the body (its pairs of common words in a row, and its other words).
 */
interface Group {
  alternatives: Alternative[];
  phrase: boolean;
  /** Fuse pattern (extended search syntax). */
  pattern: string;
  /** Folded words to highlight. */
  highlights: string[];
}

interface Candidate {
  doc: number;
  hits: number;
  score: number;
}

/** A query's fetched candidates as they are checked and scored, round by round. */
interface Ranking {
  query: ParsedQuery;
  groups: readonly Group[];
  highlights: Set<string>;
  chosen: { record: SearchDoc; candidate: Candidate; fuse: number }[];
  /** Candidates matching every group that failed a phrase check. */
  rejected: number;
  /** The query's cut texts, by record. */
  texts: TextCache;
}

interface FuseDoc {
  title: string;
  abstract: string;
  topics: string[];
  authors: string[];
  arxivId: string;
}

/**
 * A fetched paper's text, cut once per query (phrase check, the sentences Fuse ranks, snippet,
 * highlighting) and dropped with the query. Kept across queries, its thousands of small objects
 * outlived each query in the worker's young heap, and copying them made collections take milliseconds.
 */
interface RecordText {
  title: CutText;
  abstract: CutText;
  fuse: Omit<FuseDoc, 'abstract'>;
}

/** Cut texts of one query's papers. */
type TextCache = Map<SearchDoc, RecordText>;

const FUSE_KEYS = [
  { name: 'title', weight: 3 },
  { name: 'abstract', weight: 1 },
  { name: 'topics', weight: 1 },
  { name: 'authors', weight: 1 },
  { name: 'arxivId', weight: 1 },
] as const;

const NO_POSTINGS: Postings = { title: new Int32Array(0), body: new Int32Array(0), df: 0 };
const NO_SHARD: PostingsShardFile = [];

/** Scratch rows of {@link editDistance}, grown when a longer word comes. */
let rows: [Int32Array, Int32Array, Int32Array] = [new Int32Array(64), new Int32Array(64), new Int32Array(64)];

/** Damerau-Levenshtein distance (adjacent swaps count once), giving up above `max`. */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const width = b.length + 1;
  // Rolling rows, reused across calls (a typo is compared with every common word); the one two
  // rows back is needed for swaps.
  if (rows[0].length < width)
    rows = [new Int32Array(width * 2), new Int32Array(width * 2), new Int32Array(width * 2)];
  let [before, previous, current] = rows;
  for (let j = 0; j < width; j++) previous[j] = j;
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    let rowMin = i;
    const char = a.charCodeAt(i - 1);
    for (let j = 1; j < width; j++) {
      const cost = char === b.charCodeAt(j - 1) ? 0 : 1;
      let value = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      if (i > 1 && j > 1 && char === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === b.charCodeAt(j - 1)) {
        value = Math.min(value, before[j - 2]! + 1);
      }
      current[j] = value;
      if (value < rowMin) rowMin = value;
    }
    if (rowMin > max) return max + 1;
    const oldest = before;
    before = previous;
    previous = current;
    current = oldest;
  }
  return previous[b.length]!;
}

/** Typos tolerated in a word of this length. */
function allowedEdits(length: number): number {
  return length >= 8 ? 2 : length >= 4 ? 1 : 0;
}

/** First index in ascending `terms` whose term is >= `key`. */
function lowerBound(terms: readonly string[], key: string): number {
  let low = 0;
  let high = terms.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (terms[mid]! < key) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** Keeps the best `size` candidates: all query groups matched first, then by score, then newest. */
function better(a: Candidate, b: Candidate): boolean {
  if (a.hits !== b.hits) return a.hits > b.hits;
  if (a.score !== b.score) return a.score > b.score;
  return a.doc < b.doc;
}

/** The numbers every ascending list holds (none for no lists). */
function intersectAll(lists: readonly Int32Array[]): Int32Array {
  if (lists.length === 0) return new Int32Array(0);
  const [shortest, ...others] = [...lists].sort((a, b) => a.length - b.length);
  let result: Int32Array = shortest!.slice();
  for (const other of others) result = intersectInto(result, other);
  return result;
}

/** Keeps at the start of `kept` the numbers `other` holds too; returns that part (one loop, compiled alone). */
function intersectInto(kept: Int32Array, other: Int32Array): Int32Array {
  let count = 0;
  let j = 0;
  for (let i = 0; i < kept.length; i++) {
    const n = kept[i]!;
    while (j < other.length && other[j]! < n) j++;
    if (other[j] === n) kept[count++] = n;
  }
  return kept.subarray(0, count);
}

/*
 * The per-paper loops of a query, each a small function of its own: the browser compiles a hot
 * loop together with the function around it, and a small one compiles in a fraction of the time.
 */

/**
 * Adds the papers of `docs` not left out by the filters to a group's `members` (from `count`),
 * keeping each one's best `value` in `groupScore`; returns the new number of members.
 */
function visitDocs(
  docs: Int32Array,
  value: number,
  allowed: Uint8Array | undefined,
  groupScore: Float64Array,
  members: Int32Array,
  count: number,
): number {
  for (let i = 0; i < docs.length; i++) {
    const doc = docs[i]!;
    if (allowed !== undefined && allowed[doc] === 0) continue;
    const current = groupScore[doc]!;
    if (current === 0) members[count++] = doc;
    if (value > current) groupScore[doc] = value;
  }
  return count;
}

/**
 * Counts a group's members as hits and adds their group scores (clearing those), listing papers
 * seen for the first time in `touched`; returns the new number of touched papers.
 */
function addMembers(
  members: Int32Array,
  count: number,
  groupScore: Float64Array,
  hits: Uint8Array,
  score: Float64Array,
  touched: Int32Array,
  touchedCount: number,
): number {
  for (let i = 0; i < count; i++) {
    const doc = members[i]!;
    if (hits[doc] === 0) touched[touchedCount++] = doc;
    hits[doc]!++;
    score[doc]! += groupScore[doc]!;
    groupScore[doc] = 0;
  }
  return touchedCount;
}

/**
 * Offers every touched paper to `buffer` (clearing its hits and score); returns how many match
 * all `groups` groups.
 */
function offerTouched(
  touched: Int32Array,
  touchedCount: number,
  hits: Uint8Array,
  score: Float64Array,
  groups: number,
  buffer: TopCandidates,
): number {
  let total = 0;
  for (let i = 0; i < touchedCount; i++) {
    const doc = touched[i]!;
    if (hits[doc] === groups) total++;
    buffer.offer(doc, hits[doc]!, score[doc]!);
    hits[doc] = 0;
    score[doc] = 0;
  }
  return total;
}

/** What a query word matches among `words`: itself, its forms, its completions while typed. */
function matchesIn(words: Words, word: QueryWord, forms: readonly string[]) {
  const completions: string[] = [];
  if (word.prefix) {
    const { terms } = words;
    for (let i = lowerBound(terms, word.term); i < terms.length && terms[i]!.startsWith(word.term); i++) {
      if (terms[i] !== word.term) completions.push(terms[i]!);
    }
  }
  return {
    exact: words.count(word.term) !== undefined,
    forms: forms.filter((form) => words.count(form) !== undefined),
    completions,
  };
}

/** Words of `words` within the typos a word of this length allows. */
function nearIn(words: Words, term: string): { term: string; distance: number }[] {
  const max = allowedEdits(term.length);
  const near: { term: string; distance: number }[] = [];
  if (max === 0) return near;
  for (const candidate of words.terms) {
    if (Math.abs(candidate.length - term.length) > max) continue;
    const distance = editDistance(term, candidate, max);
    if (distance <= max) near.push({ term: candidate, distance });
  }
  return near;
}

/** Reads the common words file. */
function readCommonWords(file: CommonWordsFile): Words {
  const terms = file.terms === '' ? [] : file.terms.split(' ');
  const counts = file.df.split(',');
  const df = new Map(terms.map((term, i) => [term, Number(counts[i])]));
  return { terms, count: (term) => df.get(term) };
}

function decodePostings([title, body]: [string, string]): Postings {
  const titleDocs = decodeList(title);
  const bodyDocs = decodeList(body);
  return { title: titleDocs, body: bodyDocs, df: unionSize(titleDocs, bodyDocs) };
}

/** Searches a static index; one instance per page, shared by every query. */
export class SearchEngine {
  private readonly load: IndexLoader;
  private metaPromise?: Promise<SearchMeta>;
  private wordsPromise?: Promise<Words>;
  private readonly files = new Map<string, Promise<unknown>>();
  private readonly shards = new Map<string, Promise<Shard>>();
  private readonly postings = new Map<string, Postings>();

  constructor(load: IndexLoader) {
    this.load = load;
  }

  /** Reads the index's meta record (the first, small file). */
  meta(): Promise<SearchMeta> {
    this.metaPromise ??= this.load(indexPaths.meta()).then((meta) => meta as SearchMeta);
    return this.metaPromise;
  }

  /**
   * Reads what queries need first, ahead of the first one: the meta record, the common words and,
   * on a large archive, the newest papers' records (their grouped files, see
   * {@link SearchMeta.recentRecords}). Ties rank newest first, so a common word's best matches are
   * among those papers: fetched here, query after query shows them without a request for them.
   */
  async warm(): Promise<void> {
    const meta = await this.meta();
    await Promise.all([this.commonWords(meta), this.recentRecords(meta)]);
  }

  /** Fetches every file of the newest papers' records (none on an archive without them). */
  private async recentRecords(meta: SearchMeta): Promise<void> {
    const files = Math.ceil(meta.recentRecords / meta.recentPerFile);
    await Promise.all(
      Array.from({ length: files }, (_, file) => this.file(indexPaths.records(meta.version, file))),
    );
  }

  private commonWords(meta: SearchMeta): Promise<Words> {
    if (!this.wordsPromise) {
      this.wordsPromise = this.file<CommonWordsFile>(indexPaths.commonWords(meta.version)).then(
        readCommonWords,
      );
      this.wordsPromise.catch(() => (this.wordsPromise = undefined));
    }
    return this.wordsPromise;
  }

  private file<T>(path: string): Promise<T> {
    let promise = this.files.get(path);
    if (!promise) {
      promise = this.load(path);
      promise.catch(() => this.files.delete(path));
      this.files.set(path, promise);
    }
    return promise as Promise<T>;
  }

  /** The postings shard whose range holds `key`. */
  private shard(meta: SearchMeta, key: string): Promise<Shard> {
    const number = postingsFile(meta, key);
    const path = indexPaths.postings(meta.version, number);
    let shard = this.shards.get(path);
    if (!shard) {
      // Kept as a shard only: the parsed file is not cached besides.
      const file = number < 0 ? Promise.resolve(NO_SHARD) : (this.load(path) as Promise<PostingsShardFile>);
      shard = file.then((file) => {
        const entries = new Map<string, [string, string]>();
        const terms: string[] = [];
        for (const [entryKey, title, body] of file) {
          entries.set(entryKey, [title, body]);
          if (!isPairKey(entryKey)) terms.push(entryKey);
        }
        const count = (term: string) => {
          const entry = entries.get(term);
          return entry ? this.decoded(term, entry).df : undefined;
        };
        return { words: { terms, count }, entries };
      });
      this.shards.set(path, shard);
      shard.catch(() => this.shards.delete(path));
    }
    return shard;
  }

  private decoded(key: string, entry: [string, string]): Postings {
    let postings = this.postings.get(key);
    if (!postings) {
      postings = decodePostings(entry);
      this.postings.set(key, postings);
    }
    return postings;
  }

  /** The papers holding a word or pair (none when the index lacks it). */
  private async postingsOf(meta: SearchMeta, key: string): Promise<Postings> {
    const cached = this.postings.get(key);
    if (cached) return cached;
    const entry = (await this.shard(meta, key)).entries.get(key);
    return entry ? this.decoded(key, entry) : NO_POSTINGS;
  }

  /**
   * The index words a query word stands for, weighted: itself, plural forms, completions, else
   * near spellings. The common words are at hand; rare words are in the shard where the word would
   * sort, fetched together with the shards of the common candidates: one round trip.
   */
  private async expand(meta: SearchMeta, common: Words, word: QueryWord): Promise<Alternative[]> {
    const { term } = word;
    if (term.length < 2) return [];
    const singular = stemWord(term);
    const forms = [singular, `${singular}s`, `${singular}es`, `${term}s`, `${term}es`].filter(
      (form) => form !== term,
    );
    const fromCommon = matchesIn(common, word, forms);
    const commonCompletions = fromCommon.completions
      .sort((a, b) => common.count(b)! - common.count(a)! || (a < b ? -1 : 1))
      .slice(0, PREFIX_EXPANSIONS);
    // A word the common words lack is rare or misspelled: fetch for both at once.
    const found = fromCommon.exact || fromCommon.forms.length > 0 || commonCompletions.length > 0;
    const nearCommon = found ? [] : nearIn(common, term);
    const wanted = [term, ...fromCommon.forms, ...commonCompletions, ...nearCommon.map((near) => near.term)];
    const [own] = await Promise.all(wanted.map((key) => this.shard(meta, key)));
    const rare = own!.words;
    const fromRare = matchesIn(rare, word, forms);
    const count = (candidate: string) => common.count(candidate) ?? rare.count(candidate) ?? 0;
    const byCount = (a: string, b: string) => count(b) - count(a) || (a < b ? -1 : 1);

    const weights = new Map<string, number>();
    const add = (candidate: string, weight: number) => {
      if ((weights.get(candidate) ?? 0) < weight) weights.set(candidate, weight);
    };
    if (fromCommon.exact || fromRare.exact) add(term, 1);
    for (const form of [...fromCommon.forms, ...fromRare.forms]) add(form, 0.8);
    [...new Set([...commonCompletions, ...fromRare.completions])]
      .sort(byCount)
      .slice(0, PREFIX_EXPANSIONS)
      .forEach((completion) => add(completion, 0.7));
    if (weights.size === 0) {
      const near = new Map([...nearCommon, ...nearIn(rare, term)].map((n) => [n.term, n]));
      [...near.values()]
        .sort((a, b) => a.distance - b.distance || byCount(a.term, b.term))
        .slice(0, FUZZY_EXPANSIONS)
        .forEach(({ term: candidate, distance }) => add(candidate, 0.6 - 0.1 * distance));
    }
    return Promise.all(
      [...weights].map(async ([key, weight]) => ({
        term: key,
        weight,
        postings: await this.postingsOf(meta, key),
      })),
    );
  }

  /**
   * A phrase's postings keys: each pair of common words in a row (so papers holding the words
   * apart are left out before any record is fetched), and each other indexed word. Stopwords are
   * not indexed: the phrase check on the fetched text covers them.
   */
  private async phraseKeys(meta: SearchMeta, common: Words, phrase: QueryPhrase): Promise<Alternative[]> {
    const { terms } = phrase;
    const keys = new Set<string>();
    const paired = new Set<number>();
    for (let i = 1; i < terms.length; i++) {
      if (common.count(terms[i - 1]!) !== undefined && common.count(terms[i]!) !== undefined) {
        keys.add(pairKey(terms[i - 1]!, terms[i]!));
        paired.add(i - 1).add(i);
      }
    }
    terms.forEach((term, i) => {
      if (isIndexed(term) && !paired.has(i)) keys.add(term);
    });
    return Promise.all(
      [...keys].map(async (key) => ({ term: key, weight: 1, postings: await this.postingsOf(meta, key) })),
    );
  }

  private scratch?: {
    score: Float64Array;
    hits: Uint8Array;
    groupScore: Float64Array;
    members: Int32Array;
    touched: Int32Array;
  };

  /**
   * Per-paper scratch arrays, kept between queries (each query leaves them zeroed). Paper lists
   * go to preallocated typed arrays too: growing plain arrays by tens of thousands of pushes per
   * query measured 10-20 times slower.
   */
  private buffers(size: number) {
    if (this.scratch?.score.length !== size) {
      this.scratch = {
        score: new Float64Array(size),
        hits: new Uint8Array(size),
        groupScore: new Float64Array(size),
        members: new Int32Array(size),
        touched: new Int32Array(size),
      };
    }
    return this.scratch;
  }

  private doc(meta: SearchMeta, doc: number): Promise<SearchDoc> {
    const { file, slot } = recordsFileOf(meta, doc);
    return this.file<RecordsFile>(indexPaths.records(meta.version, file)).then((records) => records[slot]!);
  }

  /** Papers the filters allow, or undefined when no filter is set. */
  private async allowed(meta: SearchMeta, filters: SearchFilters): Promise<Uint8Array | undefined> {
    const { topic, from, to } = filters;
    if (!topic && !from && !to) return undefined;
    const mask = new Uint8Array(meta.docCount);
    if (from || to) {
      const inRange = (day: string) => (!from || day >= from) && (!to || day <= to);
      let doc = 0;
      for (const [day, count] of meta.days) {
        if (inRange(day)) mask.fill(1, doc, doc + count);
        doc += count;
      }
      const earlierDays = await this.file<EarlierDaysFile>(indexPaths.earlierDays(meta.version));
      for (const [earlier, days] of earlierDays) if (days.some(inRange)) mask[earlier] = 1;
    } else {
      mask.fill(1);
    }
    if (topic) {
      const index = meta.topics.findIndex(([slug]) => slug === topic);
      const members = new Uint8Array(meta.docCount);
      if (index >= 0) {
        const list = await this.file<string>(indexPaths.topic(meta.version, index));
        for (const doc of decodeList(list)) members[doc] = 1;
      }
      for (let doc = 0; doc < mask.length; doc++) mask[doc]! &= members[doc]!;
    }
    return mask;
  }

  /**
   * Runs one query; `limit` results at most. Kept to awaiting and handing over: the loops run in
   * small synchronous methods, since a loop here would make the browser compile this whole
   * function with everything it inlines (measured at hundreds of milliseconds of compiler time
   * per page, competing with the queries it is meant to speed up).
   */
  async search(input: string, filters: SearchFilters = {}, limit = 10): Promise<SearchResponse> {
    const meta = await this.meta();
    const query = parseQuery(input);
    const allowedPromise = this.allowed(meta, filters);
    if (query.empty) {
      const allowed = await allowedPromise;
      if (!allowed) return { results: [], total: 0 };
      const { docs, total } = firstAllowed(allowed, limit);
      const records = await Promise.all(docs.map((doc) => this.doc(meta, doc)));
      const texts: TextCache = new Map();
      return { results: records.map((record) => this.result(meta, record, new Set(), texts)), total };
    }

    const common = await this.commonWords(meta);
    const [allowed, ...groups] = await Promise.all([
      allowedPromise,
      ...query.words.map((word) => this.wordGroup(meta, common, word)),
      ...query.phrases.map((phrase) => this.phraseGroup(meta, common, phrase)),
    ]);

    const wanted = Math.max(CANDIDATES, limit);
    const rounds = query.phrases.length > 0 ? PHRASE_ROUNDS : 1;
    const { best, total } = this.candidates(meta, groups, allowed, wanted * rounds);
    const ranking: Ranking = {
      query,
      groups,
      highlights: new Set(groups.flatMap((group) => group.highlights)),
      chosen: [],
      rejected: 0,
      texts: new Map(),
    };
    for (let round = 0; round < rounds && ranking.chosen.length < limit; round++) {
      const batch = best.slice(round * wanted, (round + 1) * wanted);
      if (batch.length === 0) break;
      const records = await Promise.all(batch.map((candidate) => this.doc(meta, candidate.doc)));
      this.rankBatch(meta, ranking, batch, records);
    }
    return this.respond(meta, ranking, total, limit);
  }

  private async wordGroup(meta: SearchMeta, common: Words, word: QueryWord): Promise<Group> {
    const alternatives = await this.expand(meta, common, word);
    return { alternatives, phrase: false, pattern: word.term, highlights: alternatives.map((a) => a.term) };
  }

  private async phraseGroup(meta: SearchMeta, common: Words, phrase: QueryPhrase): Promise<Group> {
    return {
      alternatives: await this.phraseKeys(meta, common, phrase),
      phrase: true,
      pattern: `'"${foldText(phrase.text)}"`,
      highlights: phrase.terms.filter(isIndexed),
    };
  }

  /**
   * The best `size` candidates (all groups matched first, then by prefilter score, then newest)
   * and how many papers match every group.
   */
  private candidates(
    meta: SearchMeta,
    groups: readonly Group[],
    allowed: Uint8Array | undefined,
    size: number,
  ): { best: Candidate[]; total: number } {
    const { score, hits, groupScore, members, touched } = this.buffers(meta.docCount);
    let touchedCount = 0;
    for (const group of groups) {
      const count = this.groupMembers(meta, group, allowed);
      touchedCount = addMembers(members, count, groupScore, hits, score, touched, touchedCount);
    }
    const buffer = new TopCandidates(size);
    const total = offerTouched(touched, touchedCount, hits, score, groups.length, buffer);
    return { best: buffer.best(), total };
  }

  /** Checks a batch of fetched candidates for the query's phrases and scores the rest with Fuse. */
  private rankBatch(
    meta: SearchMeta,
    ranking: Ranking,
    batch: readonly Candidate[],
    records: readonly SearchDoc[],
  ): void {
    const { query, groups, highlights, chosen, texts } = ranking;
    const everything = groups.length;
    const kept: { record: SearchDoc; candidate: Candidate }[] = [];
    records.forEach((record, i) => {
      const candidate = batch[i]!;
      const holds = query.phrases.every((phrase) => this.holdsPhrase(meta, record, phrase, texts));
      if (holds) kept.push({ record, candidate });
      else if (candidate.hits === everything) ranking.rejected++;
    });
    const fuseScores = rankWithFuse(
      kept.map(({ record }) => this.fuseDoc(meta, record, highlights, texts)),
      groups,
    );
    kept.forEach((entry, i) => chosen.push({ ...entry, fuse: fuseScores[i]! }));
  }

  /** The final order of the ranked candidates, as results. */
  private respond(meta: SearchMeta, ranking: Ranking, matched: number, limit: number): SearchResponse {
    const { query, chosen, highlights, texts } = ranking;
    const maxScore = chosen.reduce((max, entry) => Math.max(max, entry.candidate.score), 0) || 1;
    chosen.sort(
      (a, b) =>
        b.candidate.hits - a.candidate.hits ||
        rank(b.candidate.score / maxScore, b.fuse) - rank(a.candidate.score / maxScore, a.fuse) ||
        a.candidate.doc - b.candidate.doc,
    );
    // Stopwords inside phrases are checked on fetched papers only: leave out those that failed.
    const total = query.phrases.length > 0 ? Math.max(matched - ranking.rejected, chosen.length) : matched;
    return {
      results: chosen.slice(0, limit).map(({ record }) => this.result(meta, record, highlights, texts)),
      total,
    };
  }

  /**
   * The papers a group matches (within the filters), listed at the start of the `members` scratch
   * array (their number returned), each one's score left in `groupScore`: the idf weight of its
   * best key, boosted for a title hit.
   */
  private groupMembers(meta: SearchMeta, group: Group, allowed: Uint8Array | undefined): number {
    const { groupScore, members } = this.scratch!;
    const weightOf = ({ weight, postings }: Alternative) =>
      weight * Math.log(1 + meta.docCount / Math.max(1, postings.df));
    if (group.phrase) {
      if (group.alternatives.length === 0) return 0;
      const weight = Math.max(...group.alternatives.map(weightOf));
      const body = intersectAll(group.alternatives.map((a) => a.postings.body));
      const title = intersectAll(group.alternatives.map((a) => a.postings.title));
      const count = visitDocs(body, weight, allowed, groupScore, members, 0);
      return visitDocs(title, weight * (1 + TITLE_BOOST), allowed, groupScore, members, count);
    }
    let count = 0;
    for (const alternative of group.alternatives) {
      const weight = weightOf(alternative);
      count = visitDocs(alternative.postings.body, weight, allowed, groupScore, members, count);
      count = visitDocs(
        alternative.postings.title,
        weight * (1 + TITLE_BOOST),
        allowed,
        groupScore,
        members,
        count,
      );
    }
    return count;
  }

  /**
   * What Fuse sees of a paper, folded like the query (so Fuse needs no diacritics pass): the
   * abstract is cut to its sentences holding a query word, which keeps Fuse's per-character
   * cost low on long abstracts without changing which papers match.
   */
  private fuseDoc(
    meta: SearchMeta,
    record: SearchDoc,
    terms: ReadonlySet<string>,
    texts: TextCache,
  ): FuseDoc {
    const text = this.textOf(meta, record, texts);
    return { ...text.fuse, abstract: foldText(matchingSentences(text.abstract, terms)) };
  }

  private result(meta: SearchMeta, record: SearchDoc, terms: Set<string>, texts: TextCache): SearchResult {
    const text = this.textOf(meta, record, texts);
    return {
      id: record.id,
      title: highlight(record.title, terms, text.title.tokens),
      dates: record.dates,
      topics: record.topics.map((slug) => ({ slug, name: topicName(meta, slug) })),
      snippet: snippet(record.abstract, terms, SNIPPET_WORDS, text.abstract.tokens),
    };
  }

  /** Whether the paper's title or abstract holds the phrase's words in a row. */
  private holdsPhrase(meta: SearchMeta, record: SearchDoc, phrase: QueryPhrase, texts: TextCache): boolean {
    const text = this.textOf(meta, record, texts);
    return holdsInARow(text.title, phrase.terms) || holdsInARow(text.abstract, phrase.terms);
  }

  /** A paper's text cut once per query, and the fields Fuse reads that no query changes. */
  private textOf(meta: SearchMeta, record: SearchDoc, texts: TextCache): RecordText {
    let text = texts.get(record);
    if (!text) {
      text = {
        title: cutText(record.title),
        abstract: cutText(record.abstract),
        fuse: {
          title: foldText(record.title),
          topics: record.topics.map((slug) => foldText(topicName(meta, slug))),
          authors: (record.authors ?? []).map(foldText),
          arxivId: record.arxivId ?? '',
        },
      };
      texts.set(record, text);
    }
    return text;
  }
}

function topicName(meta: SearchMeta, slug: string): string {
  return meta.topics.find(([topicSlug]) => topicSlug === slug)?.[1] ?? slug;
}

/** The first `limit` papers the filters allow (newest first) and how many they allow. */
function firstAllowed(allowed: Uint8Array, limit: number): { docs: number[]; total: number } {
  const docs: number[] = [];
  let total = 0;
  for (let doc = 0; doc < allowed.length; doc++) {
    if (!allowed[doc]) continue;
    total++;
    if (docs.length < limit) docs.push(doc);
  }
  return { docs, total };
}

/** Final order: the prefilter's relevance (0..1) and Fuse's score (0 = perfect, 1 = no match). */
function rank(prefilter: number, fuse: number): number {
  return prefilter + 2 * (1 - fuse);
}

/** The best `size` candidates seen, kept sorted; most offers lose to the last one at once. */
class TopCandidates {
  private readonly size: number;
  private readonly kept: Candidate[] = [];

  constructor(size: number) {
    this.size = size;
  }

  offer(doc: number, hits: number, score: number): void {
    const { kept, size } = this;
    const last = kept[kept.length - 1];
    const beatsLast =
      !last ||
      hits > last.hits ||
      (hits === last.hits && (score > last.score || (score === last.score && doc < last.doc)));
    if (kept.length === size && !beatsLast) return;
    const candidate = { doc, hits, score };
    let at = kept.length;
    while (at > 0 && better(candidate, kept[at - 1]!)) at--;
    kept.splice(at, 0, candidate);
    if (kept.length > size) kept.pop();
  }

  best(): Candidate[] {
    return this.kept;
  }
}

/**
 * Fuse.js scores of each document (0 best, 1 no match) for the query: every word or phrase
 * must match some field (fuzzy for words, exact for phrases), anywhere in it.
 */
function rankWithFuse(docs: FuseDoc[], groups: readonly Group[]): number[] {
  const scores = docs.map(() => 1);
  if (docs.length === 0) return scores;
  const fuse = new Fuse(docs, {
    keys: FUSE_KEYS.map((key) => ({ ...key })),
    includeScore: true,
    ignoreLocation: true,
    useExtendedSearch: true,
    threshold: 0.34,
  });
  const expression: Expression = {
    $and: groups.map((group) => ({ $or: FUSE_KEYS.map(({ name }) => ({ [name]: group.pattern })) })),
  };
  for (const result of fuse.search(expression)) scores[result.refIndex] = result.score ?? 1;
  return scores;
}
