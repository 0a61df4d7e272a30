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

const NO_REFERENCES: LinkReferences = new Map();
const BACKSLASH = 92;
const OPEN_BRACKET = 91;
const CLOSE_BRACKET = 93;
const OPEN_PAREN = 40;
const CLOSE_PAREN = 41;
const BANG = 33;
const SPACE = 32;
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
  if (text.indexOf('[') === -1 && text.indexOf(']') === -1) return open;
  const special = /[\\[\]]/g;
  for (let match = special.exec(text); match; match = special.exec(text)) {
    const code = text.charCodeAt(match.index);
    if (code === BACKSLASH) special.lastIndex = match.index + 2;
    else if (code === OPEN_BRACKET) open++;
    else if (open > 0) open--;
  }
  return open;
}

/** Splits a line (or a gathered multi-line link) into text runs and links. */
export function parseInline(source: string, references: LinkReferences = NO_REFERENCES): InlinePiece[] {
  if (source.indexOf('[') === -1 && source.indexOf('\\') === -1 && source.indexOf('!') === -1) {
    return source === '' ? [] : [source];
  }
  const simple = simpleLink(source);
  if (simple) return [simple];
  const closing = matchBrackets(source);
  const pieces: InlinePiece[] = [];
  readRange(source, 0, source.length, closing, references, pieces, { image: false });
  return pieces;
}

const ESCAPE = /\\([!-/:-@[-`{-~ ])/g;

/**
 * The common case, a whole line that is one `[text](url)` whose text holds no brackets (a card's
 * abstract or title): read with two searches instead of a scan.
 */
function simpleLink(source: string): InlineLink | undefined {
  if (source.charCodeAt(0) !== OPEN_BRACKET || source.charCodeAt(source.length - 1) !== CLOSE_PAREN)
    return undefined;
  const close = source.lastIndexOf('](');
  if (close <= 0) return undefined;
  const url = source.slice(close + 2, -1);
  if (/[\s()<>]/.test(url)) return undefined;
  const text = source.slice(1, close);
  if (text.includes('[') || text.includes(']') || text.endsWith('\\')) return undefined;
  return {
    text: text.includes('\\') ? text.replace(ESCAPE, (_, ch: string) => ch) : text,
    url,
    image: false,
  };
}

/** The text of pieces: links replaced by their text, runs concatenated. */
export function inlineText(pieces: readonly InlinePiece[]): string {
  let text = '';
  for (const piece of pieces) text += typeof piece === 'string' ? piece : piece.text;
  return text;
}

/** For every `[` and `(`, the index of its matching closer; escapes are skipped. */
function matchBrackets(source: string): Map<number, number> {
  const closing = new Map<number, number>();
  const brackets: number[] = [];
  const parens: number[] = [];
  // A native regex scan jumps over ordinary text; only brackets and escapes are looked at.
  const special = /[\\[\]()]/g;
  for (let match = special.exec(source); match; match = special.exec(source)) {
    const i = match.index;
    const code = source.charCodeAt(i);
    if (code === BACKSLASH) special.lastIndex = i + 2;
    else if (code === OPEN_BRACKET) brackets.push(i);
    else if (code === CLOSE_BRACKET) {
      const open = brackets.pop();
      if (open !== undefined) closing.set(open, i);
    } else if (code === OPEN_PAREN) parens.push(i);
    else {
      const open = parens.pop();
      if (open !== undefined) closing.set(open, i);
    }
  }
  return closing;
}

interface Flags {
  image: boolean;
}

/** Reads `source[start, end)` into `pieces`, unescaping text and resolving links and images. */
function readRange(
  source: string,
  start: number,
  end: number,
  closing: ReadonlyMap<number, number>,
  references: LinkReferences,
  pieces: InlinePiece[],
  flags: Flags,
): void {
  let text = '';
  let runStart = start;
  const special = /[\\[!]/g;
  special.lastIndex = start;
  for (let match = special.exec(source); match && match.index < end; match = special.exec(source)) {
    const i = match.index;
    const code = source.charCodeAt(i);
    special.lastIndex = i + 1;
    if (code === BACKSLASH) {
      if (i + 1 >= end) continue;
      const next = source.charCodeAt(i + 1);
      if (isEscapable(next) || next === SPACE) {
        // `\ ` is how some converters keep arXiv's wrapped title lines apart: it is a space.
        text += source.slice(runStart, i) + (next === SPACE ? ' ' : source[i + 1]);
        runStart = i + 2;
        special.lastIndex = i + 2;
      }
      continue;
    }
    if (code === BANG) {
      if (source.charCodeAt(i + 1) !== OPEN_BRACKET) continue;
      const link = readLink(source, i + 1, end, closing, references);
      if (link) {
        text += source.slice(runStart, i);
        flags.image = true;
        runStart = link.end + 1;
        special.lastIndex = runStart;
      }
      continue;
    }
    const link = readLink(source, i, end, closing, references);
    if (link) {
      text += source.slice(runStart, i);
      pushText(pieces, text);
      text = '';
      const inner: InlinePiece[] = [];
      const innerFlags = { image: false };
      readRange(source, i + 1, link.textEnd, closing, references, inner, innerFlags);
      pieces.push({ text: inlineText(inner), url: link.url, image: innerFlags.image });
      runStart = link.end + 1;
      special.lastIndex = runStart;
    }
  }
  text += source.slice(runStart, end);
  pushText(pieces, text);
}

function pushText(pieces: InlinePiece[], text: string): void {
  if (text === '') return;
  const last = pieces[pieces.length - 1];
  if (typeof last === 'string') pieces[pieces.length - 1] = last + text;
  else pieces.push(text);
}

/** The link starting at `open` (a `[`): where its text ends, its URL, and its last character. */
function readLink(
  source: string,
  open: number,
  end: number,
  closing: ReadonlyMap<number, number>,
  references: LinkReferences,
): { textEnd: number; url: string; end: number } | undefined {
  const close = closing.get(open);
  if (close === undefined || close >= end) return undefined;
  const after = source.charCodeAt(close + 1);
  if (after === OPEN_PAREN) {
    const parenClose = closing.get(close + 1);
    if (parenClose === undefined || parenClose >= end) return undefined;
    let destination = source.slice(close + 2, parenClose).trim();
    const space = destination.search(/\s/);
    if (space !== -1) destination = destination.slice(0, space);
    if (destination.startsWith('<') && destination.endsWith('>')) destination = destination.slice(1, -1);
    return { textEnd: close, url: destination, end: parenClose };
  }
  if (after === OPEN_BRACKET) {
    const labelClose = closing.get(close + 1);
    if (labelClose === undefined || labelClose >= end) return undefined;
    const label = source.slice(close + 2, labelClose).trim() || source.slice(open + 1, close).trim();
    // An undefined label still marks a link: its `[12]` is furniture, never text.
    return { textEnd: close, url: references.get(label.toLowerCase()) ?? '', end: labelClose };
  }
  const url = references.get(
    source
      .slice(open + 1, close)
      .trim()
      .toLowerCase(),
  );
  return url === undefined ? undefined : { textEnd: close, url, end: close };
}
