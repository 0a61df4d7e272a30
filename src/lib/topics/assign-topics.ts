/**
 * Putting papers in topics: multi-label, deterministic and explainable. Every topic's terms are
 * compiled once into one phrase trie; each paper's title and abstract are tokenized once and
 * scanned against it, so the cost is linear in the text and independent of how terms are written.
 */
import type { Paper } from '../schema';
import type { Topic } from './load-topics';
import { foldedWords, stemWord, tokenize } from './tokenize';

/** A topic a paper is in, with why. */
export interface TopicMatch {
  /** The topic's slug. */
  slug: string;
  /** Sum of the weights of the term hits; at least {@link ASSIGN_THRESHOLD}. */
  score: number;
  /** The topic's terms (as written in the topic file) that matched, strongest first. */
  terms: string[];
}

/** Weight of a term found in the title: a title hit alone assigns the topic. */
export const TITLE_WEIGHT = 5;
/** Weight of each abstract occurrence of a term. */
export const ABSTRACT_WEIGHT = 1;
/** Abstract occurrences of one term that count, so one word repeated cannot carry a topic alone forever. */
export const ABSTRACT_CAP = 3;
/** Score a topic needs: a title hit, or three abstract mentions (a single passing mention does not assign). */
export const ASSIGN_THRESHOLD = 3;
/** Most topics one paper gets: its strongest ones; a paper listed under nine topics says little about any. */
export const MAX_TOPICS_PER_PAPER = 5;

interface PhraseEntry {
  topic: number;
  /** Index into the topic's terms, or -1 for an exclude term. */
  term: number;
}

/** A node of the phrase trie: the terms ending here, and the longer phrases going on from here. */
interface PhraseNode {
  entries?: PhraseEntry[];
  next?: Map<number, PhraseNode>;
}

/**
 * All topics' terms as a trie over token ids. Every token (a stemmed word) gets a number the
 * first time it is seen, and every written word is stemmed once: scanning a paper is then one
 * lookup per word and array lookups, with no string built per position.
 */
class PhraseTable {
  /** Written (folded) word -> token id. */
  private readonly wordIds = new Map<string, number>();
  /** Stemmed token -> token id. */
  private readonly tokenIds = new Map<string, number>();
  /** First-level trie nodes by token id: most tokens start no term. */
  private readonly roots: (PhraseNode | undefined)[] = [];

  constructor(topics: readonly Topic[]) {
    topics.forEach((topic, t) => {
      topic.include.forEach((term, i) => this.add(term, { topic: t, term: i }));
      topic.exclude.forEach((term) => this.add(term, { topic: t, term: -1 }));
    });
  }

  private add(text: string, entry: PhraseEntry): void {
    const tokens = tokenize(text);
    if (!tokens.length) return;
    let node = (this.roots[this.tokenId(tokens[0]!)] ??= {});
    for (const token of tokens.slice(1)) {
      node.next ??= new Map();
      const id = this.tokenId(token);
      let child = node.next.get(id);
      if (!child) node.next.set(id, (child = {}));
      node = child;
    }
    const entries = (node.entries ??= []);
    // A term repeated in one topic (`LLM`, `LLMs`) counts once, as first written.
    if (entries.some((e) => e.topic === entry.topic && (e.term === -1) === (entry.term === -1))) return;
    entries.push(entry);
  }

  private tokenId(token: string): number {
    let id = this.tokenIds.get(token);
    if (id === undefined) this.tokenIds.set(token, (id = this.tokenIds.size));
    return id;
  }

  /** The token ids of `text`'s words: {@link tokenize}, numbered. */
  tokens(text: string, into: number[]): number[] {
    into.length = 0;
    for (const word of foldedWords(text)) {
      let id = this.wordIds.get(word);
      if (id === undefined) this.wordIds.set(word, (id = this.tokenId(stemWord(word))));
      into.push(id);
    }
    return into;
  }

  /** The trie node of phrases starting with `token`, if any. */
  root(token: number): PhraseNode | undefined {
    return this.roots[token];
  }
}

/**
 * Calls `hit` for every term occurrence in `tokens`, per topic taking the longest term at each
 * position and not letting one topic's hits overlap (`large language model` is not also `language model`).
 */
function scan(
  tokens: readonly number[],
  table: PhraseTable,
  covered: Int32Array,
  hit: (e: PhraseEntry) => void,
): void {
  covered.fill(0);
  const found: [entries: PhraseEntry[], length: number][] = [];
  for (let i = 0; i < tokens.length; i++) {
    let node = table.root(tokens[i]!);
    if (!node) continue;
    found.length = 0;
    for (let end = i + 1; ; end++) {
      if (node.entries) found.push([node.entries, end - i]);
      if (end >= tokens.length) break;
      node = node.next?.get(tokens[end]!);
      if (!node) break;
    }
    // Longest first: a topic's longer term at this position wins over its shorter ones.
    for (let f = found.length - 1; f >= 0; f--) {
      const [entries, length] = found[f]!;
      for (const entry of entries) {
        if (covered[entry.topic]! > i) continue;
        covered[entry.topic] = i + length;
        hit(entry);
      }
    }
  }
}

/**
 * Assigns every paper its topics: each include term found counts {@link TITLE_WEIGHT} in the title
 * and {@link ABSTRACT_WEIGHT} per abstract occurrence (up to {@link ABSTRACT_CAP}); a topic with
 * score >= {@link ASSIGN_THRESHOLD} and no exclude term in the paper is assigned, up to the
 * {@link MAX_TOPICS_PER_PAPER} strongest. Keys are paper ids (every paper has an entry, maybe empty);
 * matches are sorted by score, then slug.
 */
export function assignTopics(papers: readonly Paper[], topics: readonly Topic[]): Map<string, TopicMatch[]> {
  const table = new PhraseTable(topics);
  const covered = new Int32Array(topics.length);
  const tokens: number[] = [];
  const result = new Map<string, TopicMatch[]>();
  for (const paper of papers) {
    // Per topic, per term: [title hits, abstract hits]; vetoed topics are marked.
    const hits = new Map<number, Map<number, [number, number]>>();
    const vetoed = new Set<number>();
    const count = (field: 0 | 1) => (entry: PhraseEntry) => {
      if (entry.term < 0) {
        vetoed.add(entry.topic);
        return;
      }
      let terms = hits.get(entry.topic);
      if (!terms) hits.set(entry.topic, (terms = new Map()));
      const tally = terms.get(entry.term) ?? [0, 0];
      tally[field]++;
      terms.set(entry.term, tally);
    };
    scan(table.tokens(paper.title, tokens), table, covered, count(0));
    scan(table.tokens(paper.abstract, tokens), table, covered, count(1));
    const matches: TopicMatch[] = [];
    for (const [t, terms] of hits) {
      if (vetoed.has(t)) continue;
      const topic = topics[t]!;
      const weighted = [...terms].map(([term, [inTitle, inAbstract]]) => ({
        term: topic.include[term]!,
        weight: (inTitle ? TITLE_WEIGHT : 0) + Math.min(inAbstract, ABSTRACT_CAP) * ABSTRACT_WEIGHT,
      }));
      const score = weighted.reduce((sum, w) => sum + w.weight, 0);
      if (score < ASSIGN_THRESHOLD) continue;
      weighted.sort((a, b) => b.weight - a.weight || compare(a.term, b.term));
      matches.push({ slug: topic.slug, score, terms: weighted.map((w) => w.term) });
    }
    matches.sort((a, b) => b.score - a.score || compare(a.slug, b.slug));
    result.set(paper.id, matches.slice(0, MAX_TOPICS_PER_PAPER));
  }
  return result;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
