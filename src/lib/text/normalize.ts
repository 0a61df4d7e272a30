/**
 * Whitespace and Unicode normalization shared by every input shape. Scraped text arrives with
 * CRLF line ends, byte-order marks, tabs, non-breaking and other Unicode spaces, and either
 * composed or decomposed accents; the records hold one canonical form of it.
 */

import { hasDoubleSpace } from './double-space';

// Every Unicode space separator and tab becomes a plain space; zero-width characters vanish.
const SPACES = /[\t\v\f\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]/g;
const INVISIBLE = /[\u200b-\u200d\u2060\ufeff\u00ad]/g;
const NON_ASCII = /[^\x20-\x7e]/;

/** Splits text into lines, accepting LF, CRLF and lone CR, with a leading BOM removed. */
export function splitLines(text: string): string[] {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  return body.includes('\r') ? body.split(/\r\n?|\n/) : body.split('\n');
}

/**
 * Normalizes one line: Unicode spaces and tabs to spaces, runs of spaces to one, trimmed, NFC.
 * Pure-ASCII lines without doubled spaces (most of them) are returned as they are, cheaply.
 */
export function normalizeLine(line: string): string {
  if (!NON_ASCII.test(line)) return collapseSpaces(line);
  return line.replace(INVISIBLE, '').replace(SPACES, ' ').replace(/ {2,}/g, ' ').trim().normalize('NFC');
}

/**
 * Runs of spaces to one, trimmed; the line returned as it is when there is nothing to do. This is
 * {@link normalizeLine} for a line of plain Latin-1 text (see {@link lineNormalizer}). Long lines
 * (abstracts) are searched for two spaces in a row with SIMD (see `hasDoubleSpace`).
 */
export function collapseSpaces(line: string): string {
  return line.charCodeAt(0) === 32 || line.charCodeAt(line.length - 1) === 32 || hasDoubleSpace(line)
    ? line.replace(/ {2,}/g, ' ').trim()
    : line;
}

/**
 * The cheapest function that gives {@link normalizeLine}'s result for every line `splitLines`
 * makes of `text`. When the text is plain Latin-1 (no character beyond U+00FF, no tab, vertical
 * tab, form feed, no-break space or soft hyphen), no line holds a character normalization
 * rewrites and NFC leaves Latin-1 as it is: only spaces are collapsed and trimmed, which spares a
 * pattern test per line. `plainLatin1` is what decoding the file's bytes found (see
 * `decodeUtf8`), when known; otherwise the text is checked for plain ASCII here.
 */
export function lineNormalizer(text: string, plainLatin1?: boolean): (line: string) => string {
  return (plainLatin1 ?? isPlainAscii(text)) ? collapseSpaces : normalizeLine;
}

/** Whether `text` is ASCII without tabs, vertical tabs or form feeds (so plain Latin-1). */
export function isPlainAscii(text: string): boolean {
  return (
    Buffer.byteLength(text, 'utf8') === text.length &&
    !text.includes('\t') &&
    !text.includes('\v') &&
    !text.includes('\f')
  );
}

/**
 * The key two titles are matched on when merging days: case, whitespace, punctuation,
 * accents and Unicode compatibility forms ignored (`Café: A-B` and `cafe a b` match).
 */
export function titleKey(title: string): string {
  const ascii = asciiTitleKey(title);
  if (ascii !== undefined) return ascii;
  return title
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

// ASCII keys are written here and read out as one flat string, which Map lookups hash without
// first copying it (a string built with `+` would need that copy). The title is copied here first
// and read as bytes: a byte loop is quicker than one over the characters of a slice of the file.
const LONGEST_ASCII_KEYED = 1024;
/** Room for the UTF-8 of any title so long: a UTF-16 unit takes at most 3 bytes. */
const keyScratch = Buffer.allocUnsafe(3 * LONGEST_ASCII_KEYED);

/**
 * {@link titleKey} of an ASCII title (the same as the Unicode rule gives: in ASCII only `A-Z`,
 * `a-z` and `0-9` are letters and digits), in one pass; `undefined` for any other title.
 */
function asciiTitleKey(title: string): string | undefined {
  if (title.length > LONGEST_ASCII_KEYED) return undefined;
  // More bytes than characters: the title is not ASCII.
  const bytes = keyScratch.write(title);
  if (bytes !== title.length) return undefined;
  // Written over the title's bytes, never ahead of the one being read.
  let length = 0;
  let gap = false;
  for (let i = 0; i < bytes; i++) {
    let code = keyScratch[i]!;
    if (code >= 65 && code <= 90) code += 32;
    if ((code >= 97 && code <= 122) || (code >= 48 && code <= 57)) {
      // A run of anything else between two words is one space; none at either end.
      if (gap && length > 0) keyScratch[length++] = 32;
      gap = false;
      keyScratch[length++] = code;
    } else {
      gap = true;
    }
  }
  return keyScratch.toString('latin1', 0, length);
}
