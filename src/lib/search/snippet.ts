/**
 * Snippets: the stretch of a text with the most matched words, cut into plain-text segments
 * flagged as hits or not. The page renders each segment with `textContent` (hits in `<mark>`),
 * so scraped text never becomes markup.
 */
import { tokenizeWithOffsets, type Token } from './tokenize';

/** A piece of text; `hit` when it is a matched word. */
export interface Segment {
  text: string;
  hit: boolean;
}

/** Words a snippet shows around its best stretch. */
export const SNIPPET_WORDS = 32;

/**
 * The whole of `text`, with the words in `terms` (folded forms) flagged. `tokens` are the text's
 * words, when already cut.
 */
export function highlight(
  text: string,
  terms: ReadonlySet<string>,
  tokens: readonly Token[] = tokenizeWithOffsets(text),
): Segment[] {
  return cut(text, terms, tokens, 0, tokens.length);
}

/**
 * The window of about {@link SNIPPET_WORDS} words of `text` holding the most distinct matched
 * words (the earliest such window), flagged, with `…` where text was left out. `tokens` are the
 * text's words, when already cut.
 */
export function snippet(
  text: string,
  terms: ReadonlySet<string>,
  words = SNIPPET_WORDS,
  tokens: readonly Token[] = tokenizeWithOffsets(text),
): Segment[] {
  if (tokens.length <= words) return cut(text, terms, tokens, 0, tokens.length);
  const { hits, distinctTerms } = hitNumbers(tokens, terms);
  const best = bestWindow(hits, distinctTerms, words);
  // Open a few words before the first hit so it reads in context.
  let first = best;
  while (first < best + words && hits[first] === 0) first++;
  if (first === best + words) first = best;
  const startToken = Math.max(0, Math.min(first - 4, tokens.length - words));
  const endToken = Math.min(tokens.length, startToken + words) - 1;
  const from = startToken === 0 ? 0 : tokens[startToken]!.start;
  const to = endToken === tokens.length - 1 ? text.length : tokens[endToken]!.end;
  const segments = cut(text, terms, tokens, startToken, endToken + 1, from, to);
  if (from > 0) segments.unshift({ text: '… ', hit: false });
  if (to < text.length) segments.push({ text: ' …', hit: false });
  return merge(segments);
}

/**
 * Each token's matched term as a number (1 + its rank among the distinct matched terms, 0 for a
 * word not matched), so the window slides over numbers instead of looking words up.
 */
function hitNumbers(
  tokens: readonly Token[],
  terms: ReadonlySet<string>,
): { hits: Int32Array; distinctTerms: number } {
  const hits = new Int32Array(tokens.length);
  const seen: string[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const term = tokens[i]!.term;
    if (!terms.has(term)) continue;
    let at = seen.indexOf(term);
    if (at < 0) at = seen.push(term) - 1;
    hits[i] = at + 1;
  }
  return { hits, distinctTerms: seen.length };
}

/**
 * Start of the earliest window of `words` tokens holding the most distinct matched terms (a
 * function of its own: a small hot loop compiles fast).
 */
function bestWindow(hits: Int32Array, distinctTerms: number, words: number): number {
  let best = 0;
  let bestScore = -1;
  const counts = new Int32Array(distinctTerms + 1);
  let distinct = 0;
  for (let end = 0; end < hits.length; end++) {
    const entering = hits[end]!;
    if (entering > 0 && counts[entering]!++ === 0) distinct++;
    const start = end - words + 1;
    if (start > 0) {
      const leaving = hits[start - 1]!;
      if (leaving > 0 && --counts[leaving]! === 0) distinct--;
    }
    if (distinct > bestScore) {
      bestScore = distinct;
      best = Math.max(0, start);
    }
  }
  return best;
}

/** `text` from `from` to `to` as segments, flagging the tokens `first..end-1` found in `terms`. */
function cut(
  text: string,
  terms: ReadonlySet<string>,
  tokens: readonly Token[],
  first: number,
  end: number,
  from = 0,
  to = text.length,
): Segment[] {
  const segments: Segment[] = [];
  let at = from;
  for (let i = first; i < end; i++) {
    const token = tokens[i]!;
    // A word folding into several terms (`½`) repeats its offsets: flag it once.
    if (!terms.has(token.term) || token.start < at) continue;
    if (token.start > at) segments.push({ text: text.slice(at, token.start), hit: false });
    segments.push({ text: text.slice(token.start, token.end), hit: true });
    at = token.end;
  }
  if (at < to) segments.push({ text: text.slice(at, to), hit: false });
  return merge(segments);
}

function merge(segments: Segment[]): Segment[] {
  const merged: Segment[] = [];
  for (const segment of segments) {
    const last = merged[merged.length - 1];
    if (last && !last.hit && !segment.hit) last.text += segment.text;
    else merged.push({ ...segment });
  }
  return merged;
}
