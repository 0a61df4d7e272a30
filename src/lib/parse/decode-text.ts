/**
 * Decoding a day file's UTF-8 bytes. Scraped pages are ASCII but for a few Latin-1 characters
 * (the `·` between a card's facts), and V8 decodes such text byte by byte, several times slower
 * than a copy. Text whose characters all lie in Latin-1 is turned into Latin-1 bytes instead (a
 * copy of every ASCII run) and decoded as Latin-1, which gives the same string.
 */
import { isAscii } from 'node:buffer';

/** A file's text, and whether it is Latin-1 without the characters normalization rewrites. */
export interface DecodedText {
  text: string;
  /**
   * Every character is in Latin-1 and none is a tab, vertical tab, form feed, no-break space or
   * soft hyphen: normalizing a line of it only collapses and trims spaces.
   */
  plainLatin1: boolean;
}

const NO_BREAK_SPACE = 0xa0;
const SOFT_HYPHEN = 0xad;

const NO_WORDS = new Uint32Array(0);

/** Reused for the Latin-1 bytes: the decoded string is a copy. */
let scratch = Buffer.allocUnsafe(256 * 1024);

/** Decodes UTF-8 `bytes` (invalid sequences become U+FFFD, as `Buffer#toString` gives them). */
export function decodeUtf8(bytes: Buffer): DecodedText {
  if (isAscii(bytes)) {
    const text = bytes.toString('latin1');
    return { text, plainLatin1: !hasSpaceControls(bytes) };
  }
  const latin1 = toLatin1(bytes);
  if (latin1 === undefined) return { text: bytes.toString('utf8'), plainLatin1: false };
  return { text: latin1.text, plainLatin1: latin1.plain && !hasSpaceControls(bytes) };
}

/** Tabs, vertical tabs and form feeds, which normalization turns into spaces. */
function hasSpaceControls(bytes: Buffer): boolean {
  return bytes.indexOf(9) !== -1 || bytes.indexOf(11) !== -1 || bytes.indexOf(12) !== -1;
}

/**
 * The text of UTF-8 bytes whose only non-ASCII sequences are two-byte ones (U+0080 to U+00FF),
 * converted to Latin-1 and decoded; `undefined` for any other bytes (or invalid UTF-8).
 */
function toLatin1(bytes: Buffer): { text: string; plain: boolean } | undefined {
  if (scratch.length < bytes.length) scratch = Buffer.allocUnsafe(bytes.length);
  const out = scratch;
  const words = wordView(bytes);
  let written = 0;
  let start = 0;
  let plain = true;
  for (let at = nextNonAscii(bytes, words, 0); at !== -1; at = nextNonAscii(bytes, words, start)) {
    const lead = bytes[at]!;
    const next = at + 1 < bytes.length ? bytes[at + 1]! : 0;
    if ((lead !== 0xc2 && lead !== 0xc3) || next < 0x80 || next > 0xbf) return undefined;
    const code = ((lead & 0x1f) << 6) | (next & 0x3f);
    if (code === NO_BREAK_SPACE || code === SOFT_HYPHEN) plain = false;
    written += bytes.copy(out, written, start, at);
    out[written++] = code;
    start = at + 2;
  }
  written += bytes.copy(out, written, start, bytes.length);
  return { text: out.toString('latin1', 0, written), plain };
}

/** The bytes as aligned 32-bit words (from the first aligned byte), four tested at once. */
function wordView(bytes: Buffer): { words: Uint32Array; start: number } {
  const start = (4 - (bytes.byteOffset & 3)) & 3;
  if (bytes.length < start + 4) return { words: NO_WORDS, start: bytes.length };
  const count = (bytes.length - start) >>> 2;
  return { words: new Uint32Array(bytes.buffer, bytes.byteOffset + start, count), start };
}

/** The index of the first byte at or after `from` that is not ASCII, or -1. */
function nextNonAscii(bytes: Buffer, view: { words: Uint32Array; start: number }, from: number): number {
  const { words, start } = view;
  let i = from;
  // Byte by byte up to a word boundary, then a word at a time, then byte by byte in the word found.
  while (i < bytes.length && (i < start || ((i - start) & 3) !== 0)) {
    if (bytes[i]! >= 0x80) return i;
    i++;
  }
  let word = (i - start) >>> 2;
  while (word < words.length && (words[word]! & 0x80808080) === 0) word++;
  for (i = Math.max(i, start + word * 4); i < bytes.length; i++) if (bytes[i]! >= 0x80) return i;
  return -1;
}
