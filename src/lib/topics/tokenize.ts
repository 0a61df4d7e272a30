/**
 * The one word tokenizer topic matching and related papers share, so a topic term and a
 * paper's text are cut and folded the same way: case, accents, hyphens and simple plurals ignored
 * (`Cross-lingual LLMs` and `cross lingual LLM` give the same tokens).
 */

const WORD = /[\p{L}\p{N}]+/gu;
const MARKS = /\p{M}+/gu;
const POSSESSIVE = /['\u2019]s\b/g;
const NON_ASCII = /[^\x00-\x7f]/;

// Singular words ending in `s` after a vowel that the plural rule would otherwise cut.
const SINGULAR_AS = new Set(['alias', 'atlas', 'bias', 'canvas', 'gas', 'has', 'was', 'yes', 'this', 'thus']);

/**
 * Folds one lowercase word to the form it is matched on, so inflections meet: plurals
 * (`models`, `studies`, `patches`), `-ing`/`-ed` (`training`, `trained` -> `train`, `embedding` -> `embed`)
 * and a final `e` (`finetune`/`finetuned` -> `finetun`). Deliberately light and only for matching:
 * what the site shows are the words as written.
 */
export function stemWord(word: string): string {
  if (word.length <= 3) return word;
  let w = word;
  if (w.endsWith('s') && !SINGULAR_AS.has(w)) {
    if (w.endsWith('ies') && w.length > 4) w = w.slice(0, -3) + 'y';
    else if (/(?:ss|ch|sh|x|s)es$/.test(w)) w = w.slice(0, -2);
    else if (!/(?:ss|us|is)$/.test(w)) w = w.slice(0, -1);
  }
  if (w.endsWith('ing') && w.length - 3 >= 4) w = undouble(w.slice(0, -3));
  else if (w.endsWith('ed') && w.length - 2 >= 4) w = undouble(w.slice(0, -2));
  if (w.endsWith('e') && w.length >= 5) w = w.slice(0, -1);
  return w;
}

/** `embedd` -> `embed`, `modell` -> `model`: the consonant doubled before `-ing`/`-ed`. */
function undouble(stem: string): string {
  const last = stem.charCodeAt(stem.length - 1);
  return last === stem.charCodeAt(stem.length - 2) && !'aeiousy'.includes(stem[stem.length - 1]!)
    ? stem.slice(0, -1)
    : stem;
}

/** Lowercase, accent-free text with possessive `'s` removed, ready to be cut into words. */
function fold(text: string): string {
  const lower = text.toLowerCase().replace(POSSESSIVE, '');
  return NON_ASCII.test(lower) ? lower.normalize('NFKD').replace(MARKS, '') : lower;
}

/** The words of `text`, lowercased and folded with {@link stemWord}, in order. */
export function tokenize(text: string): string[] {
  const tokens: string[] = [];
  for (const match of fold(text).matchAll(WORD)) tokens.push(stemWord(match[0]));
  return tokens;
}
