/**
 * The one word tokenizer of search, shared by the index builder and the browser so both cut and
 * fold text the same way: case and accents ignored, words kept as written (no stemming, so an
 * exact word ranks above its variants). Offsets point into the original text, for snippets.
 */

const WORD = /[\p{L}\p{N}\p{M}]+/gu;
const MARKS = /\p{M}+/gu;
const NON_WORD = /[^\p{L}\p{N}]+/gu;
const NON_ASCII = /[^\x00-\x7f]/;

/** One word of a text: its folded form and where it stands in the original string. */
export interface Token {
  term: string;
  start: number;
  end: number;
}

/** Lowercase, with accents and compatibility forms removed (`Café` -> `cafe`, `𝐀` -> `a`). */
export function foldText(text: string): string {
  const lower = text.toLowerCase();
  return NON_ASCII.test(lower) ? lower.normalize('NFKD').replace(MARKS, '').toLowerCase() : lower;
}

/** Folds one word: lowercase, accents, compatibility forms and inner punctuation removed. */
export function foldWord(word: string): string {
  return foldText(word).replace(NON_WORD, '');
}

/** The words of `text` with their offsets, in order; words that fold to nothing are left out. */
export function tokenizeWithOffsets(text: string): Token[] {
  const tokens: Token[] = [];
  // ASCII text (most of it) has the same words without the Unicode-aware pattern and folding.
  if (!NON_ASCII.test(text)) {
    // A scan by character code: no match objects, which snippets would make by the hundred.
    let start = -1;
    for (let i = 0; i <= text.length; i++) {
      const code = i < text.length ? text.charCodeAt(i) : 0;
      const wordChar =
        (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57);
      if (wordChar) {
        if (start < 0) start = i;
      } else if (start >= 0) {
        tokens.push({ term: text.slice(start, i).toLowerCase(), start, end: i });
        start = -1;
      }
    }
    return tokens;
  }
  for (const match of text.matchAll(WORD)) {
    const start = match.index;
    const end = start + match[0].length;
    // Folding can split a word (`½` -> `1⁄2`): every part keeps the word's offsets.
    for (const term of foldText(match[0]).split(NON_WORD)) if (term !== '') tokens.push({ term, start, end });
  }
  return tokens;
}

const ASCII_SEPARATORS = /[^a-z0-9]+/;

/**
 * The folded words of `text`, in order: the same words as {@link tokenizeWithOffsets} without
 * offsets, several times faster on ASCII text (most of it), which skips the Unicode-aware pattern.
 */
export function tokenizeText(text: string): string[] {
  if (NON_ASCII.test(text)) return tokenizeWithOffsets(text).map((token) => token.term);
  const words = text.toLowerCase().split(ASCII_SEPARATORS);
  if (words[0] === '') words.shift();
  if (words[words.length - 1] === '') words.pop();
  return words;
}

/**
 * Words too common to narrow a search: left out of the index and of queries (a query of
 * only such words still searches them through Fuse over the newest papers).
 */
export const STOPWORDS: ReadonlySet<string> = new Set(
  (
    'a an and are as at be by for from has have in is it its of on or that the their this to was were ' +
    'we with which our these those than then there into via can also such'
  ).split(' '),
);

/** Whether a folded word is indexed: not a stopword and not a lone character. */
export function isIndexed(term: string): boolean {
  return term.length > 1 && !STOPWORDS.has(term);
}
