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
 * converted to Latin-1 and decoded; `undefined` for any other bytes (or invalid UTF-8). Native
 * searches find the sequences' lead bytes (0xC2, 0xC3) and check that the runs between are ASCII.
 */
function toLatin1(bytes: Buffer): { text: string; plain: boolean } | undefined {
  if (scratch.length < bytes.length) scratch = Buffer.allocUnsafe(bytes.length);
  const out = scratch;
  let nextC2 = bytes.indexOf(0xc2);
  let nextC3 = bytes.indexOf(0xc3);
  let written = 0;
  let start = 0;
  let plain = true;
  for (;;) {
    const at = nextC2 === -1 ? nextC3 : nextC3 === -1 ? nextC2 : Math.min(nextC2, nextC3);
    const end = at === -1 ? bytes.length : at;
    if (!isAscii(bytes.subarray(start, end))) return undefined;
    written += bytes.copy(out, written, start, end);
    if (at === -1) break;
    const next = at + 1 < bytes.length ? bytes[at + 1]! : 0;
    if (next < 0x80 || next > 0xbf) return undefined;
    const code = ((bytes[at]! & 0x1f) << 6) | (next & 0x3f);
    if (code === NO_BREAK_SPACE || code === SOFT_HYPHEN) plain = false;
    out[written++] = code;
    start = at + 2;
    // The continuation byte is neither lead byte: only the one just read needs finding again.
    if (at === nextC2) nextC2 = bytes.indexOf(0xc2, start);
    else nextC3 = bytes.indexOf(0xc3, start);
  }
  return { text: out.toString('latin1', 0, written), plain };
}
