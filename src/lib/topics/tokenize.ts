/**
 * The one word tokenizer topic matching and related papers share, so a topic term and a
 * paper's text are cut and folded the same way: case, accents, hyphens and common inflections ignored
 * (`Cross-lingual LLMs` and `cross lingual LLM` give the same tokens).
 */

const MARKS = /\p{M}+/gu;
const POSSESSIVE = /['\u2019]s\b/g;
const NON_ASCII = /[^\x00-\x7f]/;

// Singular words ending in `s` after a vowel that the plural rule would otherwise cut.
const SINGULAR_AS = new Set(['alias', 'atlas', 'bias', 'canvas', 'gas', 'has', 'was', 'yes', 'this', 'thus']);

/**
 * Folds one lowercase word to the form it is matched on, so inflections meet: plurals (`models`,
 * `studies`, `patches`), `-ing`/`-ed` (`training`, `trained` -> `train`, `embedding` -> `embed`),
 * `-ial` (`financial` -> `financ`) and a final `e` (`finetune`/`finetuned` -> `finetun`).
 * Deliberately light and only for matching: what the site shows are the words as written.
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
  // `financial` meets `finance`, `exponential` meets `exponent`; short words (`partial`, `social`) are kept.
  else if (w.endsWith('ial') && w.length - 3 >= 5) w = w.slice(0, -3);
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
export function foldText(text: string): string {
  const lower = text.toLowerCase().replace(POSSESSIVE, '');
  return NON_ASCII.test(lower) ? lower.normalize('NFKD').replace(MARKS, '') : lower;
}

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

/** Whether `text[i]` is a letter or digit; ASCII is decided without a regex. */
export function isWordChar(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c < 128) return (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || (c >= 65 && c <= 90);
  return LETTER_OR_DIGIT.test(text[i]!);
}

const ASCII_SEPARATORS = /[^a-z0-9]+/;
const SEPARATORS = /[^\p{L}\p{N}]+/u;

/** The words of `text`, lowercased and accent-free but not stemmed: the forms a reader would recognise. */
export function foldedWords(text: string): string[] {
  const folded = foldText(text);
  // Splitting natively is several times faster than iterating matches; ASCII text (most) skips Unicode classes.
  const words = folded.split(NON_ASCII.test(folded) ? SEPARATORS : ASCII_SEPARATORS);
  if (words[0] === '') words.shift();
  if (words[words.length - 1] === '') words.pop();
  return words;
}

// Stems of words already seen: a corpus repeats a few thousand words millions of times.
const STEM_CACHE = new Map<string, string>();
const STEM_CACHE_LIMIT = 200_000;

/** {@link stemWord}, remembered. */
function cachedStem(word: string): string {
  let stem = STEM_CACHE.get(word);
  if (stem === undefined) {
    if (STEM_CACHE.size >= STEM_CACHE_LIMIT) STEM_CACHE.clear();
    STEM_CACHE.set(word, (stem = stemWord(word)));
  }
  return stem;
}

/** The words of `text`, lowercased and folded with {@link stemWord}, in order. */
export function tokenize(text: string): string[] {
  return foldedWords(text).map(cachedStem);
}
