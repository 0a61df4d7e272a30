/**
 * Reading what a user typed: words (the last one still being typed, so matched as a prefix)
 * and quoted phrases (matched exactly). Folded with the index's own tokenizer.
 */
import { isIndexed, tokenizeText } from './tokenize';

/** One query word: folded, and whether it may be the start of a longer word. */
export interface QueryWord {
  term: string;
  prefix: boolean;
}

/** One quoted phrase: its folded words in order, and the text as typed (for Fuse). */
export interface QueryPhrase {
  terms: string[];
  text: string;
}

/** A parsed query. `empty` when nothing searchable remains. */
export interface ParsedQuery {
  words: QueryWord[];
  phrases: QueryPhrase[];
  empty: boolean;
}

const PHRASE = /"([^"]*)(?:"|$)/g;

/**
 * Parses a query: `"..."` groups are phrases (an unclosed quote runs to the end), the rest are
 * words. Stopwords are dropped unless nothing else is left. The last word is a prefix unless
 * the query ends with a space or a quote.
 */
export function parseQuery(input: string): ParsedQuery {
  const phrases: QueryPhrase[] = [];
  const rest = input.replace(PHRASE, (_, text: string) => {
    const terms = tokenizeText(text);
    if (terms.length > 0) phrases.push({ terms, text: text.trim().replace(/\s+/g, ' ') });
    return ' ';
  });
  const terms = tokenizeText(rest);
  const indexed = terms.filter(isIndexed);
  const kept = indexed.length > 0 || phrases.length > 0 ? indexed : terms;
  // Phrases became spaces in `rest`: a query ending in a phrase has no word being typed.
  const typing = /[\p{L}\p{N}\p{M}]$/u.test(rest);
  const lastTerm = terms[terms.length - 1];
  const words = kept.map((term, index) => ({
    term,
    prefix: typing && index === kept.length - 1 && term === lastTerm,
  }));
  const seen = new Set<string>();
  const unique = words.filter((word) => (seen.has(word.term) ? false : (seen.add(word.term), true)));
  return { words: unique, phrases, empty: unique.length === 0 && phrases.length === 0 };
}
