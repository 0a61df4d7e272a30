/**
 * Warming up the search engine: a small made-up index, held in memory, searched with every kind
 * of query (a word, a word being typed, a typo, two words, phrases). The browser compiles a
 * function's hot loops only after running it for a while, so without this the user's first
 * queries run slowly while the compiler works beside them; run while the page waits for the
 * user, it moves that work ahead of the first query. Nothing is fetched, and the engine that
 * serves real queries is not touched: its code is shared, its caches are not.
 */
import { SearchEngine } from './engine';
import {
  encodeList,
  INDEX_FORMAT,
  indexPaths,
  pairKey,
  type CommonWordsFile,
  type PostingsShardFile,
  type SearchDoc,
  type SearchMeta,
} from './index-format';

/** Papers of the made-up index: enough for the per-paper loops to run hot. */
const PAPERS = 1024;

/**
 * Indexes smaller than this are not warmed up: their queries cost little however cold the code,
 * and a small site should not spend the reader's processor on it.
 */
export const WARM_UP_MIN_PAPERS = 4 * PAPERS;
const WORDS_PER_TITLE = 8;
const SENTENCES_PER_ABSTRACT = 5;
const WORDS_PER_SENTENCE = 14;
const RECORDS_PER_FILE = 32;
const VERSION = 'warm-up';
const SYLLABLES = [
  'ka',
  'lo',
  'mi',
  'ren',
  'tus',
  'vel',
  'dor',
  'qui',
  'sha',
  'nel',
  'tor',
  'gru',
  'bex',
  'fan',
];

/**
 * A fixed pseudo-random sequence (the same made-up index on every page). The state stays within
 * 30 bits, a small integer the engine stores without allocating.
 */
function randomNumbers(seed: number): () => number {
  let state = seed;
  return () => {
    state = (Math.imul(state, 1103515245) + 12345) & 0x3fffffff;
    return state / 0x40000000;
  };
}

/** Made-up words of two or three syllables, as many as the syllables give. */
function vocabulary(): string[] {
  const words: string[] = [];
  for (const a of SYLLABLES) for (const b of SYLLABLES) words.push(`${a}${b}`, `${a}${b}${a}`);
  return words;
}

/** Posting lists of one key: papers holding it in the title and in the body, ascending. */
interface Lists {
  title: number[];
  body: number[];
}

/** Words paired in a row (a real index pairs its common words); fewer pairs keep the warm-up short. */
const PAIRED_WORDS = 64;

/**
 * Made-up papers whose words follow a skewed distribution (a few in most papers, many rare),
 * with the postings of every word and of every pair of frequent words in a row. Words are
 * handled as numbers until the end: building the index should cost little next to searching it.
 */
function makePapers(words: readonly string[]): { papers: SearchDoc[]; postings: Map<string, Lists> } {
  const random = randomNumbers(1);
  const byWord: Lists[] = words.map(() => ({ title: [], body: [] }));
  const byPair = new Map<number, Lists>();
  const add = (lists: Lists, field: keyof Lists, doc: number) => {
    const list = lists[field];
    if (list[list.length - 1] !== doc) list.push(doc);
  };
  const sentence = (doc: number, field: keyof Lists, length: number): string => {
    let text = '';
    let previous = PAIRED_WORDS;
    for (let i = 0; i < length; i++) {
      const word = Math.floor(words.length * random() ** 3);
      add(byWord[word]!, field, doc);
      if (previous < PAIRED_WORDS && word < PAIRED_WORDS) {
        const pair = previous * PAIRED_WORDS + word;
        let lists = byPair.get(pair);
        if (!lists) byPair.set(pair, (lists = { title: [], body: [] }));
        add(lists, field, doc);
      }
      text += i === 0 ? words[word] : ` ${words[word]}`;
      previous = word;
    }
    return text;
  };
  const papers = Array.from({ length: PAPERS }, (_, doc): SearchDoc => {
    const title = sentence(doc, 'title', WORDS_PER_TITLE);
    const abstract = Array.from(
      { length: SENTENCES_PER_ABSTRACT },
      () => `${sentence(doc, 'body', WORDS_PER_SENTENCE)}.`,
    );
    return {
      id: `warm-up-${doc}`,
      title: title[0]!.toUpperCase() + title.slice(1),
      abstract: abstract.join(' '),
      dates: ['2025-01-01'],
      topics: [],
      authors: [`${words[doc % words.length]} ${words[(doc * 7) % words.length]}`],
    };
  });
  const postings = new Map<string, Lists>();
  byWord.forEach((lists, word) => {
    if (lists.title.length + lists.body.length > 0) postings.set(words[word]!, lists);
  });
  for (const [pair, lists] of byPair) {
    postings.set(pairKey(words[Math.floor(pair / PAIRED_WORDS)]!, words[pair % PAIRED_WORDS]!), lists);
  }
  return { papers, postings };
}

/** The made-up index: its files by path as the engine's loader returns them (parsed), and its queries. */
export function warmUpIndex(): { files: Map<string, unknown>; queries: string[] } {
  const words = vocabulary();
  const frequent = new Set(words.slice(0, PAIRED_WORDS));
  const { papers, postings } = makePapers(words);
  const keys = [...postings].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const files = new Map<string, unknown>();
  const wordKeys = keys.filter(([key]) => !key.includes(' '));
  const pairs = keys.filter(([key]) => key.includes(' '));
  const entry = ([key, lists]: (typeof keys)[number]): PostingsShardFile[number] => [
    key,
    encodeList(lists.title),
    encodeList(lists.body),
  ];
  // Two word shards and one pair shard, so shard lookups run as they do on a real index.
  const half = Math.ceil(wordKeys.length / 2);
  files.set(indexPaths.postings(VERSION, 0), wordKeys.slice(0, half).map(entry));
  files.set(indexPaths.postings(VERSION, 1), wordKeys.slice(half).map(entry));
  files.set(indexPaths.postings(VERSION, 2), pairs.map(entry));
  // The frequent words are the common words (those pairs are indexed for): the others go the rare words' way.
  const common = wordKeys
    .filter(([key]) => frequent.has(key))
    .map(([key, { title, body }]) => [key, new Set([...title, ...body]).size] as const);
  const commonWords: CommonWordsFile = {
    terms: common.map(([key]) => key).join(' '),
    df: common.map(([, df]) => df).join(','),
  };
  files.set(indexPaths.commonWords(VERSION), commonWords);
  for (let first = 0; first < PAPERS; first += RECORDS_PER_FILE) {
    files.set(
      indexPaths.records(VERSION, first / RECORDS_PER_FILE),
      papers.slice(first, first + RECORDS_PER_FILE),
    );
  }
  const meta: SearchMeta = {
    format: INDEX_FORMAT,
    version: VERSION,
    docCount: PAPERS,
    recordsPerFile: RECORDS_PER_FILE,
    recentRecords: 0,
    recentPerFile: RECORDS_PER_FILE,
    postingShards: [wordKeys[0]![0], wordKeys[half]![0]],
    pairShards: [pairs[0]![0]],
    topics: [],
    days: [['2025-01-01', PAPERS]],
  };
  files.set(indexPaths.meta(), meta);
  return { files, queries: warmUpQueries(papers, frequent) };
}

/** Queries of every kind, made of the made-up papers' words; `frequent` are the words that pair. */
function warmUpQueries(papers: readonly SearchDoc[], frequent: ReadonlySet<string>): string[] {
  const [first, second] = papers.slice(0, 2).map((paper) => paper.abstract.replace(/\./g, '').split(' '));
  const common = first!.find((word) => frequent.has(word)) ?? first![0]!;
  const long = second!.find((word) => word.length >= 8) ?? second![0]!;
  const typo = `${long.slice(0, 2)}${long[3]}${long[2]}${long.slice(4)}`;
  // Phrases of words that pair, so they go through the pair postings and the phrase check.
  const at = Math.max(
    2,
    first!.findIndex(
      (word, i) => i > 1 && [word, first![i - 1]!, first![i - 2]!].every((w) => frequent.has(w)),
    ),
  );
  return [
    common,
    common.slice(0, 3),
    long,
    typo,
    `${common} ${second![1]}`,
    `${second![2]} ${second![5]}`,
    `"${first![at - 1]} ${first![at]}"`,
    `"${first!.slice(at - 2, at + 1).join(' ')}"`,
  ];
}

/** Yields to the worker's message queue, so a real query waits for one warm-up query at most. */
function nextTask(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/**
 * Runs the warm-up queries `rounds` times on a fresh engine over the made-up index, stopping
 * early once `stop()` says a real query has come.
 */
export async function warmUpEngine(stop: () => boolean = () => false, rounds = 3): Promise<void> {
  if (stop()) return;
  const { files, queries } = warmUpIndex();
  for (let round = 0; round < rounds; round++) {
    // A fresh engine each round: real queries fetch and decode files, not only reuse them.
    const engine = new SearchEngine((path) => Promise.resolve(structuredClone(files.get(path))));
    for (const query of queries) {
      if (stop()) return;
      await engine.search(query, {}, 12);
      await nextTask();
    }
  }
}
