/**
 * Inline Markdown as scrapers write it: links (inline and reference-style), images, backslash
 * escapes and hard breaks. Only what a Daily Papers card needs; everything else stays text.
 * Brackets are matched in one pass with a stack, so reading a line is linear in its length.
 */

/** A link as written: its visible text (images dropped) and its destination. */
export interface InlineLink {
  text: string;
  /** Destination URL; empty for a reference-style link whose definition is missing. */
  url: string;
  /** Whether the link text held an image (avatars and logos mark organisation links). */
  image: boolean;
}

/** A line's content in order: plain text runs and links. */
export type InlinePiece = string | InlineLink;

/** Link reference definitions (`[12]: https://…`), keyed by lowercased label. */
export type LinkReferences = ReadonlyMap<string, string>;

/** No link reference definitions (a page without any). */
export const NO_REFERENCES: LinkReferences = new Map();
const BACKSLASH = 92;
const OPEN_BRACKET = 91;
const CLOSE_BRACKET = 93;
const OPEN_PAREN = 40;
const CLOSE_PAREN = 41;
const BANG = 33;
const SPACE = 32;
// Patterns of the per-link checks live here: a literal in a function is a new object per call.
/** What an inline link's destination does not hold (white space, parentheses, `<`, `>`). */
const NOT_IN_URL = /[\s()<>]/;
/** The same and a backslash, which would escape what follows it for the bracket matcher. */
const NOT_IN_IMAGE_LINK_URL = /[\s()<>\\]/;
const REFERENCE_DEFINITION = /^ {0,3}\[([^\]]+)\]:\s*<?(https?:\/\/[^\s>]+|\/[^\s>]*)>?(?:\s+["'(].*)?$/;

/** Whether a character may be backslash-escaped in Markdown (ASCII punctuation). */
function isEscapable(code: number): boolean {
  return (
    (code >= 33 && code <= 47) ||
    (code >= 58 && code <= 64) ||
    (code >= 91 && code <= 96) ||
    (code >= 123 && code <= 126)
  );
}

/** Reads a reference definition line (`[12]: https://…`), or `undefined` when the line is not one. */
export function readReferenceDefinition(line: string): { label: string; url: string } | undefined {
  if (!line.includes(']:')) return undefined;
  const match = REFERENCE_DEFINITION.exec(line);
  return match ? { label: match[1]!.trim().toLowerCase(), url: match[2]! } : undefined;
}

/** A source line with its Markdown hard break (`\\` or `\` at the end) removed and trimmed. */
export function withoutHardBreak(line: string): string {
  let end = line.length;
  while (end > 0 && line.charCodeAt(end - 1) <= SPACE) end--;
  if (end > 0 && line.charCodeAt(end - 1) === BACKSLASH) {
    end--;
    if (end > 0 && line.charCodeAt(end - 1) === BACKSLASH) end--;
  }
  const kept = end === line.length ? line : line.slice(0, end);
  return kept.charCodeAt(0) <= SPACE || kept.charCodeAt(kept.length - 1) <= SPACE ? kept.trim() : kept;
}

/**
 * How many `[` are still open at the end of `text` (escaped brackets do not count). Lets the
 * reader gather a link whose text the scraper wrapped over several lines.
 */
export function openBrackets(text: string, depth = 0): number {
  let open = depth;
  // Native searches jump over the text between brackets (a character loop is far slower).
  let nextOpen = text.indexOf('[');
  let nextClose = text.indexOf(']');
  if (nextOpen === -1 && nextClose === -1) return open;
  let nextEscape = text.indexOf('\\');
  for (;;) {
    let i = nextOpen;
    if (i === -1 || (nextClose !== -1 && nextClose < i)) i = nextClose;
    if (i === -1 || (nextEscape !== -1 && nextEscape < i)) i = nextEscape;
    if (i === -1) return open;
    if (i === nextEscape) {
      // The escaped character counts for nothing.
      const after = i + 2;
      nextEscape = text.indexOf('\\', after);
      if (nextOpen !== -1 && nextOpen < after) nextOpen = text.indexOf('[', after);
      if (nextClose !== -1 && nextClose < after) nextClose = text.indexOf(']', after);
    } else if (i === nextOpen) {
      open++;
      nextOpen = text.indexOf('[', i + 1);
    } else {
      if (open > 0) open--;
      nextClose = text.indexOf(']', i + 1);
    }
  }
}

/**
 * Whether `source` may hold inline Markdown (a link, an image or an escape). When it does not,
 * `parseInline` gives the text as it is: callers may then skip the pieces.
 */
export function mayHoldInline(source: string): boolean {
  return source.indexOf('[') !== -1 || source.indexOf('\\') !== -1 || source.indexOf('!') !== -1;
}

/** Splits a line (or a gathered multi-line link) into text runs and links. */
export function parseInline(source: string, references: LinkReferences = NO_REFERENCES): InlinePiece[] {
  if (!mayHoldInline(source)) return source === '' ? [] : [source];
  const simple = wholeLineLink(source);
  if (simple) return [simple];
  const quick = source.charCodeAt(0) === OPEN_BRACKET ? imageLink(source) : trailingLink(source);
  if (quick) return quick;
  const closing = matchBrackets(source);
  const pieces: InlinePiece[] = [];
  readRange(source, 0, source.length, closing, references, pieces, { image: false });
  return pieces;
}

/**
 * The common case, a whole line that is one `[text](url)` whose text holds no brackets (a card's
 * abstract or title): read with two searches instead of a scan. When it gives a link, that link
 * is all `parseInline` gives.
 */
export function wholeLineLink(source: string): InlineLink | undefined {
  if (source.charCodeAt(0) !== OPEN_BRACKET || source.charCodeAt(source.length - 1) !== CLOSE_PAREN)
    return undefined;
  // The text holds no bracket, so it ends at the first `]`, which `(` must follow (the URL holds
  // no parenthesis, so that is the last `](` too). Forward searches are native and quick;
  // `lastIndexOf` is neither.
  const close = source.indexOf(']');
  if (source.charCodeAt(close + 1) !== OPEN_PAREN) return undefined;
  const open = source.indexOf('[', 1);
  if ((open !== -1 && open < close) || source.charCodeAt(close - 1) === BACKSLASH) return undefined;
  const url = source.slice(close + 2, -1);
  if (NOT_IN_URL.test(url)) return undefined;
  return {
    text: unescape(source.slice(1, close)),
    url,
    image: false,
  };
}

/** `[`, `]`, `\\`, `(` and `)`: what makes text more than plain runs for the readers below. */
const BRACKET_ESCAPE_OR_PAREN = /[[\]\\()]/;

/**
 * A whole line that is one link whose text is images and plain runs (`[![logo](src)Name](url)`,
 * an organisation or an author list): read with searches instead of matching every bracket.
 * Gives what `parseInline` gives, or `undefined` for any other line.
 */
function imageLink(source: string): InlinePiece[] | undefined {
  if (source.charCodeAt(source.length - 1) !== CLOSE_PAREN) return undefined;
  const close = source.lastIndexOf('](');
  if (close <= 0) return undefined;
  const url = source.slice(close + 2, -1);
  // A backslash would escape what follows it for the bracket matcher: such lines take its path.
  if (NOT_IN_IMAGE_LINK_URL.test(url)) return undefined;
  let text = '';
  let at = 1;
  let image = false;
  for (;;) {
    const bang = source.indexOf('![', at);
    const runEnd = bang === -1 || bang > close ? close : bang;
    const run = source.slice(at, runEnd);
    if (BRACKET_ESCAPE_OR_PAREN.test(run)) return undefined;
    text += run;
    if (runEnd === close) break;
    // `![alt](src)` with no brackets, parentheses or escapes in either part.
    const altEnd = source.indexOf(']', bang + 2);
    if (altEnd === -1 || altEnd >= close || source.charCodeAt(altEnd + 1) !== OPEN_PAREN) return undefined;
    const srcEnd = source.indexOf(')', altEnd + 2);
    if (srcEnd === -1 || srcEnd >= close) return undefined;
    if (BRACKET_ESCAPE_OR_PAREN.test(source.slice(bang + 2, altEnd))) return undefined;
    if (BRACKET_ESCAPE_OR_PAREN.test(source.slice(altEnd + 2, srcEnd))) return undefined;
    image = true;
    at = srcEnd + 1;
  }
  return image ? [{ text, url, image }] : undefined;
}

/**
 * Plain text followed by one link that ends the line (`Dec 29, 2021[3](url)`: a date and a
 * comment count): read with searches. Gives what `parseInline` gives, or `undefined`.
 */
function trailingLink(source: string): InlinePiece[] | undefined {
  const open = source.indexOf('[');
  if (open <= 0) return undefined;
  const prefix = source.slice(0, open);
  if (prefix.includes('!') || BRACKET_ESCAPE_OR_PAREN.test(prefix)) return undefined;
  const link = wholeLineLink(source.slice(open));
  return link && !link.url.includes('\\') ? [prefix, link] : undefined;
}

/** The text of pieces: links replaced by their text, runs concatenated. */
export function inlineText(pieces: readonly InlinePiece[]): string {
  let text = '';
  for (const piece of pieces) text += typeof piece === 'string' ? piece : piece.text;
  return text;
}

/** Backslash escapes resolved: `\\` before ASCII punctuation or a space keeps only what follows. */
function unescape(text: string): string {
  let backslash = text.indexOf('\\');
  if (backslash === -1) return text;
  let out = '';
  let runStart = 0;
  while (backslash !== -1 && backslash + 1 < text.length) {
    const next = text.charCodeAt(backslash + 1);
    if (isEscapable(next) || next === SPACE) {
      out += text.slice(runStart, backslash);
      runStart = backslash + 1;
      backslash = text.indexOf('\\', backslash + 2);
    } else {
      backslash = text.indexOf('\\', backslash + 1);
    }
  }
  return runStart === 0 ? text : out + text.slice(runStart);
}

/** Where each `[` and `(` closes, by index; -1 for none. Reused: valid until the next call. */
let closers = new Int32Array(256);
/** The open `[` and `(` not yet closed, as stacks (reused, so a line allocates nothing). */
let bracketStack = new Int32Array(64);
let parenStack = new Int32Array(64);
// Scanned with `test`, which jumps natively to the next match without allocating a match.
const BRACKET_OR_ESCAPE = /[\\[\]()]/g;
const LINK_OR_ESCAPE = /[\\[!]/g;

/** For every `[` and `(`, the index of its matching closer (-1 when none); escapes are skipped. */
function matchBrackets(source: string): Int32Array {
  if (closers.length < source.length) closers = new Int32Array(Math.max(source.length, closers.length * 2));
  if (bracketStack.length < source.length) {
    bracketStack = new Int32Array(closers.length);
    parenStack = new Int32Array(closers.length);
  }
  const closing = closers;
  closing.fill(-1, 0, source.length);
  let brackets = 0;
  let parens = 0;
  const special = BRACKET_OR_ESCAPE;
  special.lastIndex = 0;
  while (special.test(source)) {
    const i = special.lastIndex - 1;
    const code = source.charCodeAt(i);
    if (code === BACKSLASH) special.lastIndex = i + 2;
    else if (code === OPEN_BRACKET) bracketStack[brackets++] = i;
    else if (code === CLOSE_BRACKET) {
      if (brackets > 0) closing[bracketStack[--brackets]!] = i;
    } else if (code === OPEN_PAREN) parenStack[parens++] = i;
    else if (parens > 0) closing[parenStack[--parens]!] = i;
  }
  return closing;
}

interface Flags {
  image: boolean;
}

/**
 * Reads `source[start, end)`, unescaping text and resolving links and images. With `pieces`, its
 * runs and links go there; without, its text is given (links replaced by their text, images dropped).
 */
function readRange(
  source: string,
  start: number,
  end: number,
  closing: Int32Array,
  references: LinkReferences,
  pieces: InlinePiece[] | undefined,
  flags: Flags,
): string {
  let text = '';
  let runStart = start;
  const special = LINK_OR_ESCAPE;
  special.lastIndex = start;
  while (special.test(source)) {
    const i = special.lastIndex - 1;
    if (i >= end) break;
    const code = source.charCodeAt(i);
    if (code === BACKSLASH) {
      const next = i + 1 < end ? source.charCodeAt(i + 1) : -1;
      if (isEscapable(next) || next === SPACE) {
        // `\ ` is how some converters keep arXiv's wrapped title lines apart: it is a space.
        text += source.slice(runStart, i) + (next === SPACE ? ' ' : source[i + 1]);
        runStart = i + 2;
        special.lastIndex = runStart;
      }
    } else if (code === BANG) {
      if (source.charCodeAt(i + 1) !== OPEN_BRACKET) continue;
      // An image's destination is never read: only where it ends.
      if (readLink(source, i + 1, end, closing, references, false)) {
        text += source.slice(runStart, i);
        flags.image = true;
        runStart = linkEnd + 1;
        special.lastIndex = runStart;
      }
    } else if (readLink(source, i, end, closing, references, true)) {
      const url = linkUrl;
      const textEnd = linkTextEnd;
      const after = linkEnd + 1;
      text += source.slice(runStart, i);
      const innerFlags = { image: false };
      // The inner range moves the shared pattern's position (and the link found): set again after it.
      const inner = readRange(source, i + 1, textEnd, closing, references, undefined, innerFlags);
      if (pieces) {
        pushText(pieces, text);
        text = '';
        pieces.push({ text: inner, url, image: innerFlags.image });
      } else {
        text += inner;
      }
      runStart = after;
      special.lastIndex = runStart;
    }
  }
  text += source.slice(runStart, end);
  if (pieces) pushText(pieces, text);
  return text;
}

function pushText(pieces: InlinePiece[], text: string): void {
  if (text === '') return;
  const last = pieces[pieces.length - 1];
  if (typeof last === 'string') pieces[pieces.length - 1] = last + text;
  else pieces.push(text);
}

// What `readLink` found (module scalars rather than an object per link): where the link's text
// ends, its URL, and its last character.
let linkTextEnd = 0;
let linkUrl = '';
let linkEnd = 0;

/**
 * Whether a link starts at `open` (a `[`); when it does, `linkTextEnd`, `linkEnd` and (with
 * `wantUrl`) `linkUrl` say where its text ends, its last character and its URL.
 */
function readLink(
  source: string,
  open: number,
  end: number,
  closing: Int32Array,
  references: LinkReferences,
  wantUrl: boolean,
): boolean {
  const close = closing[open]!;
  if (close === -1 || close >= end) return false;
  const after = source.charCodeAt(close + 1);
  if (after === OPEN_PAREN) {
    const parenClose = closing[close + 1]!;
    if (parenClose === -1 || parenClose >= end) return false;
    if (wantUrl) linkUrl = destinationOf(source.slice(close + 2, parenClose));
    linkTextEnd = close;
    linkEnd = parenClose;
    return true;
  }
  if (after === OPEN_BRACKET) {
    const labelClose = closing[close + 1]!;
    if (labelClose === -1 || labelClose >= end) return false;
    if (wantUrl) {
      const label = source.slice(close + 2, labelClose).trim() || source.slice(open + 1, close).trim();
      // An undefined label still marks a link: its `[12]` is furniture, never text.
      linkUrl = references.get(label.toLowerCase()) ?? '';
    }
    linkTextEnd = close;
    linkEnd = labelClose;
    return true;
  }
  const url = references.get(
    source
      .slice(open + 1, close)
      .trim()
      .toLowerCase(),
  );
  if (url === undefined) return false;
  linkUrl = url;
  linkTextEnd = close;
  linkEnd = close;
  return true;
}

/** An inline link's destination as written between its parentheses: up to white space, `<…>` unwrapped. */
function destinationOf(written: string): string {
  let destination = written.trim();
  const space = destination.search(/\s/);
  if (space !== -1) destination = destination.slice(0, space);
  if (destination.startsWith('<') && destination.endsWith('>')) destination = destination.slice(1, -1);
  return destination;
}
