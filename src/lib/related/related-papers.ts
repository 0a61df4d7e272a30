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

/**
 * Every paper's kept terms, packed: paper `d` owns entries `start[d]` to `start[d + 1]`, term ids
 * with their L2-normalized weights, heaviest first. One flat pair of typed arrays instead of two
 * small arrays per paper: at 40,000 papers that is 80,000 fewer objects to allocate and collect.
 */
interface Vectors {
  start: Int32Array;
  terms: Int32Array;
  weights: Float64Array;
}

/**
 * The `count` (default 5) most similar papers of every paper, never itself, ties broken by id.
 * Keys are paper ids, in id order; the result does not depend on the input order.
 */
export function findRelatedPapers(papers: readonly Paper[], count = 5): Map<string, RelatedPaper[]> {
  const sorted = [...papers].sort((a, b) => compare(a.id, b.id));
  const n = sorted.length;
  const vocabulary = new Vocabulary();
  for (const paper of sorted) vocabulary.count(paper);
  const vectors = topTerms(vocabulary, n);
  const postings = buildPostings(vectors, vocabulary.size);

  const result = new Map<string, RelatedPaper[]>();
  const scores = new Float64Array(n);
  const touched: number[] = [];
  // Position + 1 of each of the current paper's terms, for the shared terms of its related papers.
  const position = new Int32Array(vocabulary.size);
  for (let d = 0; d < n; d++) {
    const from = vectors.start[d]!;
    const to = vectors.start[d + 1]!;
    for (let i = from; i < to; i++) {
      const term = vectors.terms[i]!;
      const w = vectors.weights[i]!;
      position[term] = i - from + 1;
      const end = postings.start[term]! + postings.length[term]!;
      for (let j = postings.start[term]!; j < end; j++) {
        const e = postings.docs[j]!;
        if (e === d) continue;
        if (scores[e] === 0) touched.push(e);
        scores[e]! += w * postings.weights[j]!;
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
        terms: sharedTerms(vectors, d, e, position, vocabulary).map((t) => vocabulary.surface(t)),
      })),
    );
    for (let i = from; i < to; i++) position[vectors.terms[i]!] = 0;
  }
  return result;
}

/**
 * Interns terms (stemmed words and two-word phrases) as numbers, counts document frequencies and
 * remembers how often each written word occurs, to show every term in its most common form. Each
 * paper's term frequencies go into one growing pair of typed arrays (see {@link Vectors}).
 */
class Vocabulary {
  /** Written word -> index into `wordTerm`/`wordCount`. */
  private readonly words = new Map<string, number>();
  private readonly wordList: string[] = [];
  /** Per written word: its word term, or -1 for stopwords and bare numbers. */
  private readonly wordTerm: number[] = [];
  private readonly wordCount: number[] = [];
  private readonly stems = new Map<string, number>();
  /** Per term: the phrases it starts, by their second word's term (a numeric key stays small). */
  private readonly pairs: (Map<number, number> | undefined)[] = [];
  /** Per term: a phrase's two word terms (a shown phrase hides its words), or -1 for a word. */
  private readonly firstPart: number[] = [];
  private readonly secondPart: number[] = [];
  /** Per term: in how many papers it occurs. */
  readonly df: number[] = [];
  /** Per-paper scratch: frequency by term id, and the ids touched. */
  private tf = new Float64Array(1024);
  private readonly seen: number[] = [];
  /** Term frequencies of every paper counted so far: paper `d` owns `countStart[d]` to `countStart[d + 1]`. */
  readonly countStart: number[] = [0];
  countTerms = new Int32Array(1 << 16);
  countValues = new Float64Array(1 << 16);
  private forms: string[] | undefined;
  private readonly surfaces: (string | undefined)[] = [];

  /** Number of terms. */
  get size(): number {
    return this.df.length;
  }

  /**
   * Counts one paper's terms (title words boosted): every word but stopwords and bare numbers, and
   * every pair of such words written next to each other (separated by one space only).
   */
  count(paper: Paper): void {
    this.add(paper.title, TITLE_BOOST);
    this.add(paper.abstract, 1);
    let at = this.countStart[this.countStart.length - 1]!;
    if (at + this.seen.length > this.countTerms.length) this.grow(at + this.seen.length);
    for (const t of this.seen) {
      this.countTerms[at] = t;
      this.countValues[at++] = this.tf[t]!;
      this.tf[t] = 0;
      this.df[t]!++;
    }
    this.countStart.push(at);
    this.seen.length = 0;
  }

  private grow(needed: number): void {
    let size = this.countTerms.length * 2;
    while (size < needed) size *= 2;
    const terms = new Int32Array(size);
    terms.set(this.countTerms);
    const values = new Float64Array(size);
    values.set(this.countValues);
    this.countTerms = terms;
    this.countValues = values;
  }

  /**
   * Counts the words of `text`: every word, hyphenated compounds kept whole (`cross-lingual`,
   * `text-to-image` read as one term). A word right after the previous one and a single space
   * makes a phrase with it. A hand-written scan: this runs over every abstract of the corpus, and
   * splitting or regex matching would allocate per word.
   */
  private add(text: string, weight: number): void {
    const folded = foldText(text);
    const n = folded.length;
    let lastEnd = -2;
    let lastTerm = -1;
    let i = 0;
    while (i < n) {
      if (!isWordChar(folded, i)) {
        i++;
        continue;
      }
      const start = i;
      let compound = false;
      for (;;) {
        while (i < n && isWordChar(folded, i)) i++;
        if (i + 1 < n && folded.charCodeAt(i) === 45 /* - */ && isWordChar(folded, i + 1)) {
          i++;
          compound = true;
        } else break;
      }
      const previous = lastEnd === start - 1 && folded.charCodeAt(lastEnd) === 32 ? lastTerm : -1;
      lastTerm = this.take(folded.slice(start, i), compound, previous, weight);
      lastEnd = i;
    }
  }

  /** Counts one word (and the phrase it ends, after `previous`); returns its term, or -1 for a stopword. */
  private take(text: string, compound: boolean, previous: number, weight: number): number {
    // A compound's parts count as words too: `finance-specific` is also about `finance`.
    if (compound) for (const part of text.split('-')) this.countWord(part, weight);
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
        if (id < 0) this.stems.set(stem, (id = this.newTerm(-1, -1)));
      }
      this.wordTerm.push(id);
    }
    return index;
  }

  private pair(first: number, second: number): number {
    let phrases = this.pairs[first];
    if (!phrases) this.pairs[first] = phrases = new Map();
    let id = phrases.get(second);
    if (id === undefined) phrases.set(second, (id = this.newTerm(first, second)));
    return id;
  }

  private newTerm(first: number, second: number): number {
    this.df.push(0);
    this.pairs.push(undefined);
    this.firstPart.push(first);
    this.secondPart.push(second);
    if (this.df.length > this.tf.length) {
      const grown = new Float64Array(this.tf.length * 2);
      grown.set(this.tf);
      this.tf = grown;
    }
    return this.df.length - 1;
  }

  /** The word terms of a phrase term; none for a word. */
  parts(id: number): number[] {
    const first = this.firstPart[id]!;
    return first < 0 ? [] : [first, this.secondPart[id]!];
  }

  /** A term as shown: each word in its most often written form (ties alphabetical), phrases joined by a space. */
  surface(id: number): string {
    const known = this.surfaces[id];
    if (known !== undefined) return known;
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
    const first = this.firstPart[id]!;
    const shown = first < 0 ? this.forms[id]! : `${this.forms[first]!} ${this.forms[this.secondPart[id]!]!}`;
    this.surfaces[id] = shown;
    return shown;
  }
}

/** A compound's form for matching: its last part stemmed (`vision-language-models` -> `vision-language-model`). */
function stemCompound(word: string): string {
  const dash = word.lastIndexOf('-');
  return dash < 0 ? stemWord(word) : word.slice(0, dash + 1) + stemWord(word.slice(dash + 1));
}

/**
 * Every paper's {@link TERMS_PER_PAPER} heaviest terms by TF-IDF (ties by term id), L2-normalized.
 * Terms found in no other paper (they relate nothing) and terms in too many papers are left out.
 */
function topTerms(vocabulary: Vocabulary, n: number): Vectors {
  const { df, countStart, countTerms, countValues } = vocabulary;
  const maxDf = Math.max(2, Math.floor(n * MAX_DOCUMENT_SHARE));
  const start = new Int32Array(n + 1);
  const terms = new Int32Array(n * TERMS_PER_PAPER);
  const weights = new Float64Array(n * TERMS_PER_PAPER);
  // The heaviest terms so far, heaviest first: kept by insertion, no sort of all of a paper's terms.
  const bestTerms = new Int32Array(TERMS_PER_PAPER);
  const bestWeights = new Float64Array(TERMS_PER_PAPER);
  let at = 0;
  for (let d = 0; d < n; d++) {
    let kept = 0;
    for (let k = countStart[d]!; k < countStart[d + 1]!; k++) {
      const term = countTerms[k]!;
      const f = df[term]!;
      if (f < 2 || f > maxDf) continue;
      const weight = (1 + Math.log(countValues[k]!)) * Math.log(n / f);
      if (kept === TERMS_PER_PAPER && !heavier(weight, term, bestWeights[kept - 1]!, bestTerms[kept - 1]!)) {
        continue;
      }
      let slot = kept < TERMS_PER_PAPER ? kept++ : kept - 1;
      while (slot > 0 && heavier(weight, term, bestWeights[slot - 1]!, bestTerms[slot - 1]!)) {
        bestWeights[slot] = bestWeights[slot - 1]!;
        bestTerms[slot] = bestTerms[slot - 1]!;
        slot--;
      }
      bestWeights[slot] = weight;
      bestTerms[slot] = term;
    }
    let norm = 0;
    for (let k = 0; k < kept; k++) norm += bestWeights[k]! * bestWeights[k]!;
    norm = Math.sqrt(norm) || 1;
    for (let k = 0; k < kept; k++) {
      terms[at] = bestTerms[k]!;
      weights[at++] = bestWeights[k]! / norm;
    }
    start[d + 1] = at;
  }
  return { start, terms, weights };
}

function heavier(weight: number, term: number, otherWeight: number, otherTerm: number): boolean {
  return weight > otherWeight || (weight === otherWeight && term < otherTerm);
}

/**
 * Per term, the papers keeping it (term `t` owns entries `start[t]` to `start[t] + length[t]`),
 * cut to the {@link POSTINGS_PER_TERM} where it weighs most (ties by paper).
 */
interface Postings {
  start: Int32Array;
  length: Int32Array;
  docs: Int32Array;
  weights: Float64Array;
}

function buildPostings(vectors: Vectors, termCount: number): Postings {
  const length = new Int32Array(termCount);
  const total = vectors.terms.length && vectors.start[vectors.start.length - 1]!;
  for (let k = 0; k < total; k++) length[vectors.terms[k]!]!++;
  const start = new Int32Array(termCount);
  for (let t = 1; t < termCount; t++) start[t] = start[t - 1]! + length[t - 1]!;
  const next = start.slice();
  const docs = new Int32Array(total);
  const weights = new Float64Array(total);
  for (let d = 0; d + 1 < vectors.start.length; d++) {
    for (let k = vectors.start[d]!; k < vectors.start[d + 1]!; k++) {
      const slot = next[vectors.terms[k]!]!++;
      docs[slot] = d;
      weights[slot] = vectors.weights[k]!;
    }
  }
  for (let t = 0; t < termCount; t++) {
    if (length[t]! <= POSTINGS_PER_TERM) continue;
    const from = start[t]!;
    const order = Array.from({ length: length[t]! }, (_, k) => from + k);
    order.sort((a, b) => weights[b]! - weights[a]! || docs[a]! - docs[b]!);
    const keptDocs = order.slice(0, POSTINGS_PER_TERM).map((k) => docs[k]!);
    const keptWeights = order.slice(0, POSTINGS_PER_TERM).map((k) => weights[k]!);
    docs.set(keptDocs, from);
    weights.set(keptWeights, from);
    length[t] = POSTINGS_PER_TERM;
  }
  return { start, length, docs, weights };
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

/**
 * Terms papers `d` and `e` both keep, by their contribution to the similarity; a phrase shown
 * hides its own words. `position` holds 1 + the index of each of `d`'s terms (0: not `d`'s).
 */
function sharedTerms(
  vectors: Vectors,
  d: number,
  e: number,
  position: Int32Array,
  vocabulary: Vocabulary,
): number[] {
  const shared: [number, number][] = [];
  const from = vectors.start[d]!;
  for (let j = vectors.start[e]!; j < vectors.start[e + 1]!; j++) {
    const term = vectors.terms[j]!;
    const p = position[term]!;
    if (p > 0) shared.push([term, vectors.weights[from + p - 1]! * vectors.weights[j]!]);
  }
  shared.sort((x, y) => y[1] - x[1] || x[0] - y[0]);
  const hidden = new Set<number>();
  for (const [t] of shared) for (const part of vocabulary.parts(t)) hidden.add(part);
  return shared
    .filter(([t]) => !hidden.has(t))
    .slice(0, SHARED_TERMS_SHOWN)
    .map(([t]) => t);
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
