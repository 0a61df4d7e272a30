/**
 * Related papers by TF-IDF over title and abstract, computed at build time. Each paper keeps only
 * its strongest terms; an inverted index over those (each term's list cut to its strongest
 * postings) finds candidates, so the work per paper is bounded and the total grows linearly with
 * the corpus, with no all-pairs loop.
 */
import type { Paper } from '../schema';
import { foldText, isWordChar, stemWord } from '../topics/tokenize';
import { STOPWORDS } from './stopwords';

/** A paper related to another, with why. */
export interface RelatedPaper {
  /** The related paper's id. */
  id: string;
  /** Cosine similarity of the two papers' top-term vectors, in (0, 1]. */
  score: number;
  /** The shared words and phrases that relate them most, strongest first, as they are usually written. */
  terms: string[];
}

/** Terms kept per paper: enough to describe it, few enough to bound the index. */
export const TERMS_PER_PAPER = 20;
/** Postings read per term: the papers where the term weighs most. Bounds the work per paper. */
export const POSTINGS_PER_TERM = 100;
/** A term in more than this share of papers says nothing about any one of them. */
export const MAX_DOCUMENT_SHARE = 0.25;
/** A title word counts as this many abstract words. */
export const TITLE_BOOST = 2;
/** Shared terms shown per related paper. */
export const SHARED_TERMS_SHOWN = 4;

/** A paper's kept terms (ids) and their L2-normalized weights, heaviest first. */
interface Vector {
  terms: Int32Array;
  weights: Float64Array;
}

/** Term frequencies of one paper: parallel lists of term ids and counts. */
interface TermCounts {
  terms: number[];
  counts: number[];
}

/**
 * The `count` (default 5) most similar papers of every paper, never itself, ties broken by id.
 * Keys are paper ids, in id order; the result does not depend on the input order.
 */
export function findRelatedPapers(papers: readonly Paper[], count = 5): Map<string, RelatedPaper[]> {
  const sorted = [...papers].sort((a, b) => compare(a.id, b.id));
  const n = sorted.length;
  const vocabulary = new Vocabulary();
  const counted = sorted.map((paper) => vocabulary.count(paper));
  const vectors = counted.map((tf) => topTerms(tf, vocabulary.df, n));
  const postings = buildPostings(vectors);

  const result = new Map<string, RelatedPaper[]>();
  const scores = new Float64Array(n);
  const touched: number[] = [];
  for (let d = 0; d < n; d++) {
    const { terms, weights } = vectors[d]!;
    for (let i = 0; i < terms.length; i++) {
      const list = postings.get(terms[i]!)!;
      const w = weights[i]!;
      const docs = list.docs;
      for (let j = 0; j < docs.length; j++) {
        const e = docs[j]!;
        if (e === d) continue;
        if (scores[e] === 0) touched.push(e);
        scores[e]! += w * list.weights[j]!;
      }
    }
    const best = pickBest(touched, scores, count);
    for (const e of touched) scores[e] = 0;
    touched.length = 0;
    result.set(
      sorted[d]!.id,
      best.map(([e, score]) => ({
        id: sorted[e]!.id,
        score: Math.round(score * 1e6) / 1e6,
        terms: sharedTerms(vectors[d]!, vectors[e]!, vocabulary.parts).map((t) => vocabulary.surface(t)),
      })),
    );
  }
  return result;
}

/**
 * Calls `visit` with the span of every word of `text`, hyphenated compounds kept whole
 * (`cross-lingual`, `text-to-image`: they read as one term). A hand-written scan: this runs over
 * every abstract of the corpus, and a regex iterator allocates a match object per word.
 */
function forEachCompound(text: string, visit: (start: number, end: number) => void): void {
  const n = text.length;
  let i = 0;
  while (i < n) {
    if (!isWordChar(text, i)) {
      i++;
      continue;
    }
    const start = i;
    for (;;) {
      while (i < n && isWordChar(text, i)) i++;
      if (i + 1 < n && text.charCodeAt(i) === 45 /* - */ && isWordChar(text, i + 1)) i++;
      else break;
    }
    visit(start, i);
  }
}

/** A piece of text that is exactly one word or hyphenated compound (ASCII, the common case). */
const PLAIN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** Larger than any term id, so two ids make one numeric phrase key. */
const PAIR_BASE = 2 ** 24;

/**
 * Interns terms (stemmed words and two-word phrases) as numbers, counts document frequencies and
 * remembers how often each written word occurs, to show every term in its most common form.
 */
class Vocabulary {
  /** Written word -> index into `wordTerm`/`wordCount`. */
  private readonly words = new Map<string, number>();
  private readonly wordList: string[] = [];
  /** Per written word: its word term, or -1 for stopwords and bare numbers. */
  private readonly wordTerm: number[] = [];
  private readonly wordCount: number[] = [];
  private readonly stems = new Map<string, number>();
  /** Phrase key (`first * PAIR_BASE + second`) -> term. */
  private readonly pairs = new Map<number, number>();
  /** For a phrase, its two word terms (so a shown phrase hides its words); [] for a word. */
  readonly parts: number[][] = [];
  readonly df: number[] = [];
  /** Per-paper scratch: frequency by term id, and the ids touched. */
  private tf = new Float64Array(1024);
  private readonly seen: number[] = [];
  private forms: string[] | undefined;

  /**
   * Term frequencies of one paper (title words boosted): every word but stopwords and bare numbers,
   * and every pair of such words written next to each other (separated by one space only).
   */
  count(paper: Paper): TermCounts {
    this.add(paper.title, TITLE_BOOST);
    this.add(paper.abstract, 1);
    const terms = this.seen.slice();
    const counts = terms.map((t) => this.tf[t]!);
    for (const t of terms) {
      this.tf[t] = 0;
      this.df[t]!++;
    }
    this.seen.length = 0;
    return { terms, counts };
  }

  /**
   * Counts the words of `text`. It is cut at single spaces first: most pieces are one plain word
   * or compound (checked with one regex), and only the rest go through the character scan.
   */
  private add(text: string, weight: number): void {
    let previous = -1;
    for (const piece of foldText(text).split(' ')) {
      if (PLAIN.test(piece)) {
        previous = this.take(piece, previous, weight);
        continue;
      }
      // Words inside a piece are separated by punctuation, so only its first word pairs with the
      // word before and only a word ending the piece pairs with the next one.
      let last = -1;
      let lastEnd = -1;
      forEachCompound(piece, (start, end) => {
        last = this.take(piece.slice(start, end), start === 0 ? previous : -1, weight);
        lastEnd = end;
      });
      previous = lastEnd === piece.length ? last : -1;
    }
  }

  /** Counts one word (and the phrase it ends, after `previous`); returns its term, or -1 for a stopword. */
  private take(text: string, previous: number, weight: number): number {
    // A compound's parts count as words too: `finance-specific` is also about `finance`.
    if (text.includes('-')) for (const part of text.split('-')) this.countWord(part, weight);
    const word = this.word(text);
    const id = this.wordTerm[word]!;
    if (id < 0) return -1;
    this.wordCount[word]!++;
    this.bump(id, weight);
    if (previous >= 0) this.bump(this.pair(previous, id), weight);
    return id;
  }

  private countWord(text: string, weight: number): void {
    const word = this.word(text);
    const id = this.wordTerm[word]!;
    if (id < 0) return;
    this.wordCount[word]!++;
    this.bump(id, weight);
  }

  private bump(id: number, weight: number): void {
    if (this.tf[id] === 0) this.seen.push(id);
    this.tf[id]! += weight;
  }

  private word(word: string): number {
    let index = this.words.get(word);
    if (index === undefined) {
      index = this.wordList.length;
      this.words.set(word, index);
      this.wordList.push(word);
      this.wordCount.push(0);
      const stem = stemCompound(word);
      let id = -1;
      if (word.length >= 2 && !/^[\d-]+$/.test(word) && !STOPWORDS.has(stem)) {
        id = this.stems.get(stem) ?? -1;
        if (id < 0) this.stems.set(stem, (id = this.newTerm([])));
      }
      this.wordTerm.push(id);
    }
    return index;
  }

  private pair(first: number, second: number): number {
    const key = first * PAIR_BASE + second;
    let id = this.pairs.get(key);
    if (id === undefined) this.pairs.set(key, (id = this.newTerm([first, second])));
    return id;
  }

  private newTerm(parts: number[]): number {
    this.df.push(0);
    this.parts.push(parts);
    if (this.df.length > this.tf.length) {
      const grown = new Float64Array(this.tf.length * 2);
      grown.set(this.tf);
      this.tf = grown;
    }
    return this.df.length - 1;
  }

  /** A term as shown: each word in its most often written form (ties alphabetical), phrases joined by a space. */
  surface(id: number): string {
    if (!this.forms) {
      const forms: string[] = [];
      const best: number[] = [];
      this.wordList.forEach((word, index) => {
        const term = this.wordTerm[index]!;
        const n = this.wordCount[index]!;
        if (term < 0) return;
        const current = forms[term];
        if (current === undefined || n > best[term]! || (n === best[term] && word < current)) {
          forms[term] = word;
          best[term] = n;
        }
      });
      this.forms = forms;
    }
    const parts = this.parts[id]!;
    return parts.length ? parts.map((p) => this.forms![p]!).join(' ') : this.forms[id]!;
  }
}

/** A compound's form for matching: its last part stemmed (`vision-language-models` -> `vision-language-model`). */
function stemCompound(word: string): string {
  const dash = word.lastIndexOf('-');
  return dash < 0 ? stemWord(word) : word.slice(0, dash + 1) + stemWord(word.slice(dash + 1));
}

/**
 * A paper's {@link TERMS_PER_PAPER} heaviest terms by TF-IDF, L2-normalized. Terms found in no
 * other paper (they relate nothing) and terms in too many papers are left out.
 */
function topTerms({ terms, counts }: TermCounts, df: readonly number[], n: number): Vector {
  const maxDf = Math.max(2, Math.floor(n * MAX_DOCUMENT_SHARE));
  const ids: number[] = [];
  const weight: number[] = [];
  for (let i = 0; i < terms.length; i++) {
    const f = df[terms[i]!]!;
    if (f < 2 || f > maxDf) continue;
    ids.push(terms[i]!);
    weight.push((1 + Math.log(counts[i]!)) * Math.log(n / f));
  }
  const order = ids.map((_, k) => k);
  order.sort((a, b) => weight[b]! - weight[a]! || ids[a]! - ids[b]!);
  order.length = Math.min(order.length, TERMS_PER_PAPER);
  let norm = 0;
  for (const k of order) norm += weight[k]! * weight[k]!;
  norm = Math.sqrt(norm) || 1;
  return {
    terms: Int32Array.from(order, (k) => ids[k]!),
    weights: Float64Array.from(order, (k) => weight[k]! / norm),
  };
}

interface Postings {
  docs: Int32Array;
  weights: Float64Array;
}

/** Per term, the papers keeping it, heaviest first, cut to {@link POSTINGS_PER_TERM}. */
function buildPostings(vectors: readonly Vector[]): Map<number, Postings> {
  const all = new Map<number, number[]>();
  vectors.forEach(({ terms }, doc) => {
    for (let i = 0; i < terms.length; i++) {
      const list = all.get(terms[i]!);
      // doc and position packed: the weight is looked up from the vector when needed.
      if (list) list.push(doc, i);
      else all.set(terms[i]!, [doc, i]);
    }
  });
  const postings = new Map<number, Postings>();
  for (const [term, flat] of all) {
    const order = Array.from({ length: flat.length / 2 }, (_, k) => k);
    const w = (k: number): number => vectors[flat[2 * k]!]!.weights[flat[2 * k + 1]!]!;
    if (order.length > POSTINGS_PER_TERM) {
      order.sort((a, b) => w(b) - w(a) || flat[2 * a]! - flat[2 * b]!);
      order.length = POSTINGS_PER_TERM;
    }
    postings.set(term, {
      docs: Int32Array.from(order, (k) => flat[2 * k]!),
      weights: Float64Array.from(order, w),
    });
  }
  return postings;
}

/** The `count` highest-scoring candidates, ties broken by index (= id order). */
function pickBest(candidates: readonly number[], scores: Float64Array, count: number): [number, number][] {
  const best: [number, number][] = [];
  for (const e of candidates) {
    const s = scores[e]!;
    if (best.length === count && !beats(s, e, best[count - 1]!)) continue;
    let at = best.length < count ? best.length : count - 1;
    best[at] = [e, s];
    while (at > 0 && beats(s, e, best[at - 1]!)) {
      best[at] = best[at - 1]!;
      best[--at] = [e, s];
    }
  }
  return best;
}

function beats(score: number, doc: number, other: readonly [number, number]): boolean {
  return score > other[1] || (score === other[1] && doc < other[0]);
}

/** Terms both papers keep, by their contribution to the similarity; a phrase shown hides its own words. */
function sharedTerms(a: Vector, b: Vector, parts: readonly (readonly number[])[]): number[] {
  const shared: [number, number][] = [];
  for (let i = 0; i < a.terms.length; i++) {
    const j = b.terms.indexOf(a.terms[i]!);
    if (j >= 0) shared.push([a.terms[i]!, a.weights[i]! * b.weights[j]!]);
  }
  shared.sort((x, y) => y[1] - x[1] || x[0] - y[0]);
  const hidden = new Set<number>();
  for (const [t] of shared) for (const part of parts[t]!) hidden.add(part);
  return shared
    .filter(([t]) => !hidden.has(t))
    .slice(0, SHARED_TERMS_SHOWN)
    .map(([t]) => t);
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
