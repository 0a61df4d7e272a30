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
  return line.slice(0, end).trim();
}

/**
 * How many `[` are still open at the end of `text` (escaped brackets do not count). Lets the
 * reader gather a link whose text the scraper wrapped over several lines.
 */
export function openBrackets(text: string, depth = 0): number {
  let open = depth;
  if (text.indexOf('[') === -1 && text.indexOf(']') === -1) return open;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === BACKSLASH) i++;
    else if (code === OPEN_BRACKET) open++;
    else if (code === CLOSE_BRACKET && open > 0) open--;
  }
  return open;
}

/** Splits a line (or a gathered multi-line link) into text runs and links. */
export function parseInline(source: string, references: LinkReferences = NO_REFERENCES): InlinePiece[] {
  if (source.indexOf('[') === -1 && source.indexOf('\\') === -1 && source.indexOf('!') === -1) {
    return source === '' ? [] : [source];
  }
  const closing = matchBrackets(source);
  const pieces: InlinePiece[] = [];
  readRange(source, 0, source.length, closing, references, pieces, { image: false });
  return pieces;
}

/** The text of pieces: links replaced by their text, runs concatenated. */
export function inlineText(pieces: readonly InlinePiece[]): string {
  let text = '';
  for (const piece of pieces) text += typeof piece === 'string' ? piece : piece.text;
  return text;
}

/** For every `[` and `(`, the index of its matching closer (or -1); escapes are skipped. */
function matchBrackets(source: string): Int32Array {
  const closing = new Int32Array(source.length).fill(-1);
  const brackets: number[] = [];
  const parens: number[] = [];
  for (let i = 0; i < source.length; i++) {
    const code = source.charCodeAt(i);
    if (code === BACKSLASH) i++;
    else if (code === OPEN_BRACKET) brackets.push(i);
    else if (code === CLOSE_BRACKET) {
      const open = brackets.pop();
      if (open !== undefined) closing[open] = i;
    } else if (code === OPEN_PAREN) parens.push(i);
    else if (code === CLOSE_PAREN) {
      const open = parens.pop();
      if (open !== undefined) closing[open] = i;
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
  closing: Int32Array,
  references: LinkReferences,
  pieces: InlinePiece[],
  flags: Flags,
): void {
  let text = '';
  let runStart = start;
  const flushText = () => {
    if (text !== '') {
      const last = pieces[pieces.length - 1];
      if (typeof last === 'string') pieces[pieces.length - 1] = last + text;
      else pieces.push(text);
    }
    text = '';
  };
  for (let i = start; i < end; i++) {
    const code = source.charCodeAt(i);
    if (code === BACKSLASH && i + 1 < end) {
      const next = source.charCodeAt(i + 1);
      if (isEscapable(next) || next === SPACE) {
        // `\ ` is how some converters keep arXiv's wrapped title lines apart: it is a space.
        text += source.slice(runStart, i) + (next === SPACE ? ' ' : source[i + 1]);
        i++;
        runStart = i + 1;
      }
      continue;
    }
    if (code === BANG && source.charCodeAt(i + 1) === OPEN_BRACKET) {
      const link = readLink(source, i + 1, end, closing, references);
      if (link) {
        text += source.slice(runStart, i);
        flags.image = true;
        i = link.end;
        runStart = i + 1;
        continue;
      }
    }
    if (code === OPEN_BRACKET) {
      const link = readLink(source, i, end, closing, references);
      if (link) {
        text += source.slice(runStart, i);
        flushText();
        const inner: InlinePiece[] = [];
        const innerFlags = { image: false };
        readRange(source, i + 1, link.textEnd, closing, references, inner, innerFlags);
        pieces.push({ text: inlineText(inner), url: link.url, image: innerFlags.image });
        i = link.end;
        runStart = i + 1;
      }
    }
  }
  text += source.slice(runStart, end);
  flushText();
}

/** The link starting at `open` (a `[`): where its text ends, its URL, and its last character. */
function readLink(
  source: string,
  open: number,
  end: number,
  closing: Int32Array,
  references: LinkReferences,
): { textEnd: number; url: string; end: number } | undefined {
  const close = closing[open]!;
  if (close < 0 || close >= end) return undefined;
  const after = source.charCodeAt(close + 1);
  if (after === OPEN_PAREN) {
    const parenClose = closing[close + 1]!;
    if (parenClose < 0 || parenClose >= end) return undefined;
    let destination = source.slice(close + 2, parenClose).trim();
    const space = destination.search(/\s/);
    if (space !== -1) destination = destination.slice(0, space);
    if (destination.startsWith('<') && destination.endsWith('>')) destination = destination.slice(1, -1);
    return { textEnd: close, url: destination, end: parenClose };
  }
  if (after === OPEN_BRACKET) {
    const labelClose = closing[close + 1]!;
    if (labelClose < 0 || labelClose >= end) return undefined;
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
