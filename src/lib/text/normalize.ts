/**
 * Whitespace and Unicode normalization shared by every input shape. Scraped text arrives with
 * CRLF line ends, byte-order marks, tabs, non-breaking and other Unicode spaces, and either
 * composed or decomposed accents; the records hold one canonical form of it.
 */

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
  if (!NON_ASCII.test(line)) {
    return line.includes('  ') || line.startsWith(' ') || line.endsWith(' ')
      ? line.replace(/ {2,}/g, ' ').trim()
      : line;
  }
  return line.replace(INVISIBLE, '').replace(SPACES, ' ').replace(/ {2,}/g, ' ').trim().normalize('NFC');
}

/**
 * The key two titles are matched on when merging days: case, whitespace, punctuation,
 * accents and Unicode compatibility forms ignored (`Café: A-B` and `cafe a b` match).
 */
export function titleKey(title: string): string {
  if (!NON_ASCII.test(title)) {
    return title
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, ' ')
      .trim();
  }
  return title
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}
