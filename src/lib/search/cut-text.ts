/**
 * A paper's text cut into words and sentences once per query: a query passes over each paper it
 * shows several times (phrase check, the sentences Fuse ranks, snippet, highlighting).
 */
import { tokenizeWithOffsets, type Token } from './tokenize';

/** A text with its words (folded, with offsets) and the offsets where its sentences end. */
export interface CutText {
  text: string;
  tokens: Token[];
  /** `[start, end)` of each sentence, in order; the spaces between sentences belong to none. */
  sentences: [number, number][];
}

/** A sentence ends at `.`, `!` or `?` followed by white space. */
const SENTENCE_END = /(?<=[.!?])\s+/g;

/** Cuts `text` into words and sentences. */
export function cutText(text: string): CutText {
  const sentences: [number, number][] = [];
  let start = 0;
  for (const match of text.matchAll(SENTENCE_END)) {
    sentences.push([start, match.index]);
    start = match.index + match[0].length;
  }
  sentences.push([start, text.length]);
  return { text, tokens: tokenizeWithOffsets(text), sentences };
}

/** The sentences holding one of `terms`, joined by a space (the first sentence when none does). */
export function matchingSentences(cut: CutText, terms: ReadonlySet<string>): string {
  const { text, tokens, sentences } = cut;
  const kept: string[] = [];
  let token = 0;
  for (const [start, end] of sentences) {
    while (token < tokens.length && tokens[token]!.start < start) token++;
    let holds = false;
    for (let i = token; i < tokens.length && tokens[i]!.start < end; i++) {
      if (terms.has(tokens[i]!.term)) {
        holds = true;
        break;
      }
    }
    if (holds) kept.push(text.slice(start, end));
  }
  if (kept.length > 0) return kept.join(' ');
  const [start, end] = sentences[0]!;
  return text.slice(start, end);
}

/** Whether the text holds `terms` as consecutive words. */
export function holdsInARow(cut: CutText, terms: readonly string[]): boolean {
  const { tokens } = cut;
  outer: for (let i = 0; i + terms.length <= tokens.length; i++) {
    for (let j = 0; j < terms.length; j++) if (tokens[i + j]!.term !== terms[j]) continue outer;
    return true;
  }
  return false;
}
