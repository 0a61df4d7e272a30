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
  let best = 0;
  let bestScore = -1;
  const counts = new Map<string, number>();
  let distinct = 0;
  for (let end = 0; end < tokens.length; end++) {
    const term = tokens[end]!.term;
    if (terms.has(term)) {
      const count = counts.get(term) ?? 0;
      if (count === 0) distinct++;
      counts.set(term, count + 1);
    }
    const start = end - words + 1;
    if (start > 0) {
      const leaving = tokens[start - 1]!.term;
      const count = counts.get(leaving);
      if (count !== undefined) {
        if (count === 1) distinct--;
        counts.set(leaving, count - 1);
      }
    }
    const windowStart = Math.max(0, start);
    if (distinct > bestScore) {
      bestScore = distinct;
      best = windowStart;
    }
  }
  // Open a few words before the first hit so it reads in context.
  let first = best;
  while (first < best + words && !terms.has(tokens[first]!.term)) first++;
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
