/**
 * The search engine the browser runs (in a Web Worker): a compact prefilter over the sharded
 * inverted index picks a few dozen candidate papers, then Fuse.js ranks only those, over title,
 * abstract, topics, authors and arXiv id. Files are fetched through `load` when first needed and
 * kept, so the first query reads a few shards and later queries mostly none.
 */
import Fuse, { type Expression } from 'fuse.js';
import { stemWord } from '../topics/tokenize';
import {
  decodeList,
  indexPaths,
  shardOf,
  vocabKey,
  type EarlierDaysFile,
  type PostingsShardFile,
  type SearchDoc,
  type SearchMeta,
  type VocabShardFile,
} from './index-format';
import { parseQuery, type QueryPhrase, type QueryWord } from './query';
import { highlight, snippet, type Segment } from './snippet';
import { foldText, isIndexed, tokenizeText } from './tokenize';

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

/** Candidates Fuse ranks per round; phrase queries take more rounds when few candidates hold the phrase. */
const CANDIDATES = 12;
const PHRASE_ROUNDS = 4;
const PREFIX_EXPANSIONS = 12;
const FUZZY_EXPANSIONS = 6;
/** Title words count this much more than body words in the prefilter. */
const TITLE_BOOST = 3;

interface Vocabulary {
  terms: string[];
  df: Map<string, number>;
}

interface Expansion {
  term: string;
  weight: number;
  /** Papers holding the word. */
  df: number;
}

interface Group {
  expansions: Expansion[];
  /** Fuse pattern (extended search syntax). */
  pattern: string;
}

interface Candidate {
  doc: number;
  hits: number;
  score: number;
}

interface FuseDoc {
  title: string;
  abstract: string;
  topics: string[];
  authors: string[];
  arxivId: string;
}

const FUSE_KEYS = [
  { name: 'title', weight: 3 },
  { name: 'abstract', weight: 1 },
  { name: 'topics', weight: 1 },
  { name: 'authors', weight: 1 },
  { name: 'arxivId', weight: 1 },
] as const;

/** Damerau-Levenshtein distance (adjacent swaps count once), giving up above `max`. */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const rows: number[][] = [];
  for (let i = 0; i <= a.length; i++) {
    const row = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      if (i === 0) {
        row.push(j);
        continue;
      }
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(rows[i - 1]![j]! + 1, row[j - 1]! + 1, rows[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        value = Math.min(value, rows[i - 2]![j - 2]! + 1);
      }
      row.push(value);
      rowMin = Math.min(rowMin, value);
    }
    if (i > 0 && rowMin > max) return max + 1;
    rows.push(row);
  }
  return rows[a.length]![b.length]!;
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

/** Searches a static index; one instance per page, shared by every query. */
export class SearchEngine {
  private readonly load: IndexLoader;
  private metaPromise?: Promise<SearchMeta>;
  private readonly files = new Map<string, Promise<unknown>>();
  private readonly postings = new Map<string, { title: number[]; body: number[] }>();

  constructor(load: IndexLoader) {
    this.load = load;
  }

  /** Reads the index's meta record (the first, small file); call early to warm up. */
  meta(): Promise<SearchMeta> {
    this.metaPromise ??= this.load(indexPaths.meta()).then((meta) => meta as SearchMeta);
    return this.metaPromise;
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

  private async vocabulary(meta: SearchMeta, key: string): Promise<Vocabulary | undefined> {
    const index = lowerBound(meta.vocabKeys, key);
    if (meta.vocabKeys[index] !== key) return undefined;
    const path = indexPaths.vocab(meta.version, index);
    const cached = this.vocabCache.get(path);
    if (cached) return cached;
    const file = await this.file<VocabShardFile>(path);
    const terms = file.terms.split(' ');
    const counts = file.df.split(',');
    const vocabulary: Vocabulary = { terms, df: new Map(terms.map((term, i) => [term, Number(counts[i])])) };
    this.vocabCache.set(path, vocabulary);
    return vocabulary;
  }

  private readonly vocabCache = new Map<string, Vocabulary>();

  private async postingsOf(meta: SearchMeta, term: string): Promise<{ title: number[]; body: number[] }> {
    const cached = this.postings.get(term);
    if (cached) return cached;
    const shard = await this.file<PostingsShardFile>(
      indexPaths.postings(meta.version, shardOf(meta.postingShards, term)),
    );
    const entry = shard[term];
    const lists = entry
      ? { title: decodeList(entry[0]), body: decodeList(entry[1]) }
      : { title: [], body: [] };
    this.postings.set(term, lists);
    return lists;
  }

  /**
   * A phrase's indexed words, each required exactly (stopwords are not indexed; the phrase
   * check on the fetched text covers them). A word missing from the index empties the group.
   */
  private async phraseWords(meta: SearchMeta, phrase: QueryPhrase): Promise<Expansion[]> {
    const words = phrase.terms.filter(isIndexed);
    const found = await Promise.all(
      words.map(async (term) => {
        const vocabulary = await this.vocabulary(meta, vocabKey(term));
        const df = vocabulary?.df.get(term);
        return df === undefined ? undefined : { term, weight: 1, df };
      }),
    );
    return found.every((entry) => entry !== undefined) ? found : [];
  }

  private scratch?: { score: Float64Array; hits: Uint8Array; groupScore: Float64Array };

  /** Per-paper scratch arrays, kept between queries (each query leaves them zeroed). */
  private buffers(size: number): { score: Float64Array; hits: Uint8Array; groupScore: Float64Array } {
    if (this.scratch?.score.length !== size) {
      this.scratch = {
        score: new Float64Array(size),
        hits: new Uint8Array(size),
        groupScore: new Float64Array(size),
      };
    }
    return this.scratch;
  }

  private doc(meta: SearchMeta, doc: number): Promise<SearchDoc> {
    return this.file<SearchDoc>(indexPaths.doc(meta.version, doc));
  }

  /** The index words a query word stands for, weighted: itself, plural forms, completions, near spellings. */
  private async expand(meta: SearchMeta, word: QueryWord): Promise<Expansion[]> {
    const { term } = word;
    if (term.length < 2) return [];
    const vocabulary = await this.vocabulary(meta, vocabKey(term));
    if (!vocabulary) return [];
    const expansions = new Map<string, number>();
    const add = (candidate: string, weight: number) => {
      if (vocabulary.df.has(candidate) && (expansions.get(candidate) ?? 0) < weight) {
        expansions.set(candidate, weight);
      }
    };
    add(term, 1);
    const singular = stemWord(term);
    for (const variant of [singular, `${singular}s`, `${singular}es`, `${term}s`, `${term}es`])
      add(variant, 0.8);
    if (word.prefix) {
      const start = lowerBound(vocabulary.terms, term);
      const completions: string[] = [];
      for (let i = start; i < vocabulary.terms.length && vocabulary.terms[i]!.startsWith(term); i++) {
        completions.push(vocabulary.terms[i]!);
      }
      completions
        .sort((a, b) => vocabulary.df.get(b)! - vocabulary.df.get(a)! || (a < b ? -1 : 1))
        .slice(0, PREFIX_EXPANSIONS)
        .forEach((completion) => add(completion, 0.7));
    }
    if (expansions.size === 0) {
      const max = allowedEdits(term.length);
      const near: { term: string; distance: number }[] = [];
      if (max > 0) {
        for (const candidate of vocabulary.terms) {
          const distance = editDistance(term, candidate, max);
          if (distance <= max) near.push({ term: candidate, distance });
        }
      }
      near
        .sort(
          (a, b) =>
            a.distance - b.distance ||
            vocabulary.df.get(b.term)! - vocabulary.df.get(a.term)! ||
            (a.term < b.term ? -1 : 1),
        )
        .slice(0, FUZZY_EXPANSIONS)
        .forEach(({ term: candidate, distance }) => add(candidate, 0.6 - 0.1 * distance));
    }
    return [...expansions].map(([expanded, weight]) => ({
      term: expanded,
      weight,
      df: vocabulary.df.get(expanded)!,
    }));
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

  /** Runs one query; `limit` results at most. */
  async search(input: string, filters: SearchFilters = {}, limit = 10): Promise<SearchResponse> {
    const meta = await this.meta();
    const query = parseQuery(input);
    const allowedPromise = this.allowed(meta, filters);
    if (query.empty) {
      const allowed = await allowedPromise;
      if (!allowed) return { results: [], total: 0 };
      const docs: number[] = [];
      let total = 0;
      for (let doc = 0; doc < allowed.length; doc++) {
        if (!allowed[doc]) continue;
        total++;
        if (docs.length < limit) docs.push(doc);
      }
      const records = await Promise.all(docs.map((doc) => this.doc(meta, doc)));
      return { results: records.map((record) => this.result(meta, record, new Set())), total };
    }

    const groups: Group[] = await Promise.all([
      ...query.words.map(async (word) => ({ expansions: await this.expand(meta, word), pattern: word.term })),
      ...query.phrases.map(async (phrase) => ({
        expansions: await this.phraseWords(meta, phrase),
        pattern: `'"${foldText(phrase.text)}"`,
      })),
    ]);
    const [allowed, lists] = await Promise.all([
      allowedPromise,
      Promise.all(
        groups.map((group) => Promise.all(group.expansions.map((e) => this.postingsOf(meta, e.term)))),
      ),
    ]);

    const { score, hits, groupScore } = this.buffers(meta.docCount);
    const touched: number[] = [];
    groups.forEach((group, g) => {
      const inGroup: number[] = [];
      group.expansions.forEach((expansion, e) => {
        const { title, body } = lists[g]![e]!;
        const weight = expansion.weight * Math.log(1 + meta.docCount / Math.max(1, expansion.df));
        const visit = (docs: number[], value: number) => {
          for (const doc of docs) {
            if (allowed && !allowed[doc]) continue;
            if (groupScore[doc] === 0) inGroup.push(doc);
            if (value > groupScore[doc]!) groupScore[doc] = value;
          }
        };
        visit(body, weight);
        visit(title, weight * (1 + TITLE_BOOST));
      });
      for (const doc of inGroup) {
        if (hits[doc] === 0) touched.push(doc);
        hits[doc]!++;
        score[doc]! += groupScore[doc]!;
        groupScore[doc] = 0;
      }
    });

    const everything = groups.length;
    const wanted = Math.max(CANDIDATES, limit);
    const rounds = query.phrases.length > 0 ? PHRASE_ROUNDS : 1;
    let total = 0;
    const buffer = new TopCandidates(wanted * rounds);
    for (const doc of touched) {
      if (hits[doc] === everything) total++;
      buffer.offer(doc, hits[doc]!, score[doc]!);
      hits[doc] = 0;
      score[doc] = 0;
    }
    const best = buffer.best();
    const highlightTerms = new Set(groups.flatMap((group) => group.expansions.map((e) => e.term)));

    const chosen: { record: SearchDoc; candidate: Candidate; fuse: number }[] = [];
    for (let round = 0; round < rounds && chosen.length < limit; round++) {
      const batch = best.slice(round * wanted, (round + 1) * wanted);
      if (batch.length === 0) break;
      const records = await Promise.all(batch.map((candidate) => this.doc(meta, candidate.doc)));
      const kept = records
        .map((record, i) => ({ record, candidate: batch[i]! }))
        .filter(({ record }) => query.phrases.every((phrase) => holdsPhrase(record, phrase)));
      const fuseScores = rankWithFuse(
        kept.map(({ record }) => this.fuseDoc(meta, record, highlightTerms)),
        groups,
      );
      kept.forEach((entry, i) => chosen.push({ ...entry, fuse: fuseScores[i]! }));
    }
    const maxScore = chosen.reduce((max, entry) => Math.max(max, entry.candidate.score), 0) || 1;
    chosen.sort(
      (a, b) =>
        b.candidate.hits - a.candidate.hits ||
        rank(b.candidate.score / maxScore, b.fuse) - rank(a.candidate.score / maxScore, a.fuse) ||
        a.candidate.doc - b.candidate.doc,
    );
    // Phrases are checked on fetched candidates only: count those that hold them.
    if (query.phrases.length > 0) total = chosen.length;
    return {
      results: chosen.slice(0, limit).map(({ record }) => this.result(meta, record, highlightTerms)),
      total,
    };
  }

  /**
   * What Fuse sees of a paper, folded like the query (so Fuse needs no diacritics pass): the
   * abstract is cut to its sentences holding a query word, which keeps Fuse's per-character
   * cost low on long abstracts without changing which papers match.
   */
  private fuseDoc(meta: SearchMeta, record: SearchDoc, terms: ReadonlySet<string>): FuseDoc {
    return {
      title: foldText(record.title),
      abstract: foldText(matchingSentences(record.abstract, terms)),
      topics: record.topics.map((slug) => foldText(topicName(meta, slug))),
      authors: (record.authors ?? []).map(foldText),
      arxivId: record.arxivId ?? '',
    };
  }

  private result(meta: SearchMeta, record: SearchDoc, terms: Set<string>): SearchResult {
    return {
      id: record.id,
      title: highlight(record.title, terms),
      dates: record.dates,
      topics: record.topics.map((slug) => ({ slug, name: topicName(meta, slug) })),
      snippet: snippet(record.abstract, terms),
    };
  }
}

const SENTENCE_END = /(?<=[.!?])\s+/;

/** The sentences of `text` holding one of `terms` (the first sentence when none does). */
function matchingSentences(text: string, terms: ReadonlySet<string>): string {
  const sentences = text.split(SENTENCE_END);
  const kept = sentences.filter((sentence) => tokenizeText(sentence).some((term) => terms.has(term)));
  return (kept.length > 0 ? kept : sentences.slice(0, 1)).join(' ');
}

function topicName(meta: SearchMeta, slug: string): string {
  return meta.topics.find(([topicSlug]) => topicSlug === slug)?.[1] ?? slug;
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

/** Whether the paper's title or abstract holds the phrase's words in a row. */
function holdsPhrase(record: SearchDoc, phrase: QueryPhrase): boolean {
  return [record.title, record.abstract].some((text) => {
    const terms = tokenizeText(text);
    outer: for (let i = 0; i + phrase.terms.length <= terms.length; i++) {
      for (let j = 0; j < phrase.terms.length; j++) if (terms[i + j] !== phrase.terms[j]) continue outer;
      return true;
    }
    return false;
  });
}

/**
 * Fuse.js scores of each document (0 best, 1 no match) for the query: every word or phrase
 * must match some field (fuzzy for words, exact for phrases), anywhere in it.
 */
function rankWithFuse(docs: FuseDoc[], groups: Group[]): number[] {
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
